/**
 * Splits a query into tokens. Hyphenated words become separate tokens marked `glued`, so
 * keyword phrases match "high-value" and "high value" alike, while values (tags, places) can be
 * read back from the original text with their hyphens and casing.
 */

/** What a token is made of; patterns look at `norm`, values are cut from the original text. */
export type TokenKind = 'word' | 'number' | 'date' | 'symbol' | 'quoted' | 'comma' | 'dash';

/** One token of the query. */
export interface Token {
  kind: TokenKind;
  /** The text as typed (without the quotes of a quoted value). */
  text: string;
  /** Lower case, accents removed, curly apostrophes straightened: what keyword phrases compare with. */
  norm: string;
  /** Offsets of `text` in the query. */
  start: number;
  end: number;
  /** True when joined to the previous token by a hyphen with no spaces ("non-vip", "opt-in"). */
  glued: boolean;
}

/** Lower-cases, strips accents and straightens apostrophes, so "México" and "mexico" compare equal. */
export const normalise = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘]/g, "'")
    .toLowerCase();

const RULES: Array<[TokenKind | 'space' | 'hyphen' | 'slash' | 'skip', RegExp]> = [
  ['space', /\s+/y],
  ['quoted', /"([^"]*)"|“([^”]*)”/y],
  ['date', /\d{4}-\d{2}-\d{2}\b/y],
  ['number', /[$€£]?\d+(?:,\d{3})*(?:\.\d+)?(?:k\b)?\+?/iy],
  ['symbol', />=|<=|≥|≤|>|<|=/y],
  ['word', /[\p{L}\p{N}@_+&'’.]+/uy],
  ['hyphen', /-/y],
  ['comma', /[,;]/y],
  ['slash', /\//y],
  ['skip', /./suy],
];

/** Tokenises a query; never throws, unknown punctuation is dropped. */
export function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  let glueNext = false;
  while (pos < query.length) {
    for (const [kind, re] of RULES) {
      re.lastIndex = pos;
      const m = re.exec(query);
      if (!m) continue;
      const start = pos;
      pos = re.lastIndex;
      if (kind === 'space' || kind === 'skip') glueNext = false;
      else if (kind === 'hyphen') {
        const prev = tokens[tokens.length - 1];
        glueNext = prev !== undefined && prev.end === start && /\S/.test(query[pos] ?? ' ');
        if (!glueNext) tokens.push({ kind: 'dash', text: '-', norm: '-', start, end: pos, glued: false });
      } else {
        let text = kind === 'quoted' ? (m[1] ?? m[2] ?? '') : m[0];
        if (kind === 'word') text = text.replace(/\.+$/, '');
        if (text || kind === 'quoted') {
          const from = kind === 'quoted' ? start + 1 : start;
          const norm = kind === 'slash' ? 'or' : normalise(text);
          tokens.push({ kind: kind === 'slash' ? 'word' : kind, text, norm, start: from, end: from + text.length, glued: glueNext });
        }
        glueNext = false;
      }
      break;
    }
  }
  return tokens;
}
