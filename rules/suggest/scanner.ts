/**
 * A cursor over the tokens that patterns share: phrase matching on normalised words, filler
 * skipping, reading values back from the original text, and "does a clause start here?",
 * which value readers use to know where a tag list or a place name ends.
 */
import type { Match, Pattern } from './clauses';
import { AND_WORDS, FILLERS, GRAMMAR_WORDS, NOT_WORDS, OR_WORDS } from './lexicon';
import type { Token } from './tokens';

const split = new Map<string, string[]>();
const wordsOf = (phrase: string): string[] => {
  let words = split.get(phrase);
  if (!words) split.set(phrase, (words = phrase.split(' ')));
  return words;
};

/** A value read from the query: the text as typed and where it ends. */
export interface Value {
  text: string;
  norm: string;
  end: number;
}

/** Shared state of one parse. */
export class Scanner {
  private readonly memo = new Map<number, Match | null>();

  constructor(
    readonly query: string,
    readonly tokens: readonly Token[],
    readonly now: Date,
    private readonly patterns: readonly Pattern[],
  ) {}

  /** The token at `i`, if any. */
  tok(i: number): Token | undefined {
    return this.tokens[i];
  }

  /** The normalised text at `i`, '' past the end. */
  word(i: number): string {
    return this.tokens[i]?.norm ?? '';
  }

  /** The end index of the longest phrase of `phrases` starting at `i`, or -1. */
  phrase(i: number, phrases: readonly string[]): number {
    let best = -1;
    for (const p of phrases) {
      const words = wordsOf(p);
      if (i + words.length > best && words.every((w, k) => this.tokens[i + k]?.norm === w)) best = i + words.length;
    }
    return best;
  }

  /** The first index at or after `i` whose word is not in `words`. */
  skip(i: number, words: ReadonlySet<string> = FILLERS): number {
    while (i < this.tokens.length && words.has(this.word(i))) i++;
    return i;
  }

  /** The best pattern match at `i`: the longest, and of equally long ones the first in priority order. */
  match(i: number): Match | null {
    if (this.memo.has(i)) return this.memo.get(i) ?? null;
    this.memo.set(i, null);
    let best: Match | null = null;
    if (i < this.tokens.length) {
      for (const pattern of this.patterns) {
        const m = pattern(this, i);
        if (m && m.end > i && (!best || m.end > best.end)) best = m;
      }
    }
    this.memo.set(i, best);
    return best;
  }

  /** True where a value must end: the end, punctuation, a connector, a negation, a filler, a comparison or time word, or the start of a clause. */
  isStop(i: number): boolean {
    const t = this.tokens[i];
    if (!t || t.kind === 'comma' || t.kind === 'dash' || t.kind === 'symbol') return true;
    if (t.glued) return false;
    const w = t.norm;
    return AND_WORDS.has(w) || OR_WORDS.has(w) || NOT_WORDS.has(w) || FILLERS.has(w) || GRAMMAR_WORDS.has(w) || this.match(i) !== null;
  }

  /** The token at `i` together with the tokens hyphen-glued to it, as typed ("high-value", "Winston-Salem"). */
  unit(i: number): Value | null {
    const t = this.tokens[i];
    if (!t || (t.kind !== 'word' && t.kind !== 'quoted' && t.kind !== 'number')) return null;
    let end = i + 1;
    while (this.tokens[end]?.glued) end++;
    return {
      text: this.text(i, end),
      norm: this.tokens
        .slice(i, end)
        .map((x) => x.norm)
        .join('-'),
      end,
    };
  }

  /** The original text from token `from` up to, not including, token `to`. */
  text(from: number, to: number): string {
    const a = this.tokens[from];
    const b = this.tokens[to - 1];
    if (!a || !b) return '';
    return a.kind === 'quoted' && from === to - 1 ? a.text : this.query.slice(a.start, b.end);
  }
}
