/**
 * From tokens to a flat sequence of clauses, connectors and negations: patterns are tried at
 * each token; what no pattern takes must be a connector, a negation or a filler, or it is an
 * unknown word. Time windows are then attached to the clause beside them.
 */
import { clause, negatedReadings, scaled, type Clause, type Item, type WindowItem } from './clauses';
import { AND_WORDS, FILLERS, NOT_PHRASES, NOT_WORDS, OR_WORDS, SUBJECT_WORDS } from './lexicon';
import { danglingWindow } from './patterns/activity';
import { PATTERNS } from './patterns';
import { Scanner } from './scanner';
import { tokenize } from './tokens';
import { SuggestionError } from './types';

const AND_NOT = new Set(['except', 'excluding', 'exclude', 'minus', 'without']);

/** Reads the query into items; throws SuggestionError listing every word nothing understood. */
export function scan(query: string, now: Date): Item[] {
  const tokens = tokenize(query);
  const s = new Scanner(query, tokens, now, PATTERNS);
  const items: Item[] = [];
  const unknown: string[] = [];
  for (let i = 0; i < tokens.length;) {
    const t = tokens[i]!;
    const m = t.kind === 'comma' ? null : s.match(i);
    if (m) {
      items.push(m.item.type === 'clause' ? { ...m.item, words: tokens.slice(i, m.end).map((x) => x.text) } : m.item);
      i = m.end;
      continue;
    }
    const notEnd = s.phrase(i, NOT_PHRASES);
    if (notEnd > i) {
      if (AND_WORDS.has(t.norm) || !['is', 'are', 'do', 'does', 'did', 'have', 'has'].includes(t.norm)) items.push({ type: 'and' });
      items.push({
        type: 'not',
        words: tokens
          .slice(i, notEnd)
          .filter((x) => !FILLERS.has(x.norm) && !AND_WORDS.has(x.norm))
          .map((x) => x.text),
      });
      i = notEnd;
      continue;
    }
    const w = t.norm;
    if (t.kind === 'comma' || AND_WORDS.has(w)) items.push({ type: 'and' });
    else if (NOT_WORDS.has(w)) items.push(...(AND_NOT.has(w) ? [{ type: 'and' } as const] : []), { type: 'not', words: [t.text] });
    else if (OR_WORDS.has(w)) items.push({ type: 'or', restart: SUBJECT_WORDS.has(s.word(s.skip(i + 1, new Set(['all', 'the', 'any'])))) });
    else if (!FILLERS.has(w) && t.kind !== 'dash') unknown.push(t.text);
    i++;
  }
  if (unknown.length) {
    const seen = new Set<string>();
    throw new SuggestionError(unknown.filter((u) => !seen.has(u.toLowerCase()) && seen.add(u.toLowerCase())));
  }
  return items;
}

/**
 * `f` applied to each item; items for which it throws SuggestionError are dropped, unless all
 * are, so an impossible reading of an ambiguous window ("last month" as a calendar month) does
 * not reject the query while another reading works.
 */
function eachPossible<T, R>(items: readonly T[], f: (item: T) => R[]): R[] {
  let error: SuggestionError | undefined;
  const out = items.flatMap((item) => {
    try {
      return f(item);
    } catch (e) {
      if (!(e instanceof SuggestionError)) throw e;
      error ??= e;
      return [];
    }
  });
  if (!out.length && error) throw error;
  return out;
}

/** Applies every reading of a window to a clause that accepts one. */
function applyWindow(c: Clause, w: WindowItem): Clause {
  const parts = eachPossible(w.options, (o) => [{ confidence: o.confidence, clause: c.withWindow!(o.spec) }]);
  return clause(
    parts.flatMap((p) => scaled(p.clause.readings, p.confidence)),
    {
      negated: () => eachPossible(parts, (p) => scaled(negatedReadings(p.clause), p.confidence)),
      words: c.words,
    },
  );
}

const isClause = (item: Item | undefined): item is Clause => item?.type === 'clause';

/**
 * Attaches each window to the clause before it ("spent over $500 in the last 3 months"), else
 * to the clause after it ("this month, new customers"), else reads it on its own.
 */
export function attachWindows(items: readonly Item[]): Item[] {
  const out: Item[] = [];
  let pending: WindowItem | null = null;
  items.forEach((item, k) => {
    if (item.type !== 'window') {
      out.push(isClause(item) && pending && item.withWindow ? applyWindow(item, pending) : item);
      if (isClause(item)) pending = null;
      return;
    }
    let back = out.length - 1;
    while (out[back]?.type === 'and') back--;
    const prev = out[back];
    if (isClause(prev) && prev.withWindow) {
      out[back] = applyWindow(prev, item);
      return;
    }
    let ahead = k + 1;
    while (items[ahead]?.type === 'and') ahead++;
    const next = items[ahead];
    if (isClause(next) && next.withWindow) pending = item;
    else out.push(applyWindow(clause([], { withWindow: danglingWindow }), item));
  });
  return out;
}
