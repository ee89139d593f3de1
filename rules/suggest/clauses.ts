/**
 * The intermediate vocabulary between patterns and the final tree: a pattern recognises a span
 * of tokens as a clause (one or more readings, each a rule with a confidence), a time window, a
 * connector or a negation. Keeping the readings separate until the end is what lets an
 * ambiguous word ("vip": tier or segment label) yield several suggestions.
 */
import type { ConditionNode, GroupNode, NotNode, Operator, RuleNode, RuleValue } from '../ast';
import type { Scanner } from './scanner';
import type { WindowSpec } from './windows';

/** One way to read a clause; confidence is 1 when nothing was guessed. */
export interface Reading {
  rule: RuleNode;
  confidence: number;
  /** Caveats to show the user, e.g. that spend is lifetime spend. */
  notes: readonly string[];
}

/** A recognised condition, possibly waiting for a time window ("signed up" … "this month"). */
export interface Clause {
  type: 'clause';
  readings: Reading[];
  /** The clause once a following (or preceding) time window is applied to it. */
  withWindow?: (window: WindowSpec) => Clause;
  /** Its negation when plain NOT would be wrong, e.g. "no orders in 60 days" must keep customers who never ordered. */
  negated?: () => Reading[];
  /** Set when the clause means nothing without a window; says what is missing. */
  needs?: string;
  /** The words it was read from, for error messages (set by the grammar). */
  words?: string[];
}

/** One reading of a time expression. */
export interface WindowOption {
  spec: WindowSpec;
  confidence: number;
}

/** A time expression ("in the last 3 months"), attached to the clause next to it. */
export interface WindowItem {
  type: 'window';
  options: WindowOption[];
}

/** What a pattern produces. */
export type Item = Clause | WindowItem | { type: 'and' } | { type: 'or'; restart: boolean } | { type: 'not'; words?: string[] };

/** A pattern's result: the item and the index of the first token after it. */
export interface Match {
  end: number;
  item: Item;
}

/** Recognises an item starting at token `i`, or returns null. */
export type Pattern = (s: Scanner, i: number) => Match | null;

/** A condition node; `value` is left out for exists / isEmpty. */
export const cond = (field: string, operator: Operator, value?: RuleValue): ConditionNode =>
  value === undefined ? { kind: 'condition', field, operator } : { kind: 'condition', field, operator, value };

/** An AND group. */
export const all = (...children: RuleNode[]): GroupNode => ({ kind: 'group', combinator: 'all', children });

/** An OR group. */
export const any = (...children: RuleNode[]): GroupNode => ({ kind: 'group', combinator: 'any', children });

/** A negation. */
export const not = (child: RuleNode): NotNode => ({ kind: 'not', child });

/** A reading. */
export const reading = (rule: RuleNode, confidence = 1, notes: readonly string[] = []): Reading => ({ rule, confidence, notes });

/** A clause with the given readings and optional window / negation behaviour. */
export const clause = (readings: Reading[], extra: Omit<Clause, 'type' | 'readings'> = {}): Clause => ({ type: 'clause', readings, ...extra });

/** A match of a clause with a single certain reading. */
export const certain = (end: number, rule: RuleNode, notes: readonly string[] = []): Match => ({ end, item: clause([reading(rule, 1, notes)]) });

/** A clause's readings when negated: its own negation if it has one, else plain NOT. */
export const negatedReadings = (c: Clause): Reading[] => c.negated?.() ?? c.readings.map((r) => ({ ...r, rule: not(r.rule) }));

/** Scales every reading's confidence, for clauses that are themselves a guess. */
export const scaled = (readings: Reading[], factor: number): Reading[] => readings.map((r) => ({ ...r, confidence: r.confidence * factor }));

/**
 * The `limit` most confident ways of picking one reading from each list, best first. Keeping
 * only the best `limit` after each list is exact for products of confidences, and bounds the
 * work for long queries with many ambiguous words.
 */
export function bestPicks(lists: readonly Reading[][], limit: number): Array<{ picks: Reading[]; confidence: number }> {
  let beam: Array<{ picks: Reading[]; confidence: number }> = [{ picks: [], confidence: 1 }];
  for (const list of lists) {
    const next = beam.flatMap((b) => list.map((r) => ({ picks: [...b.picks, r], confidence: b.confidence * r.confidence })));
    beam = next
      .map((b, order) => ({ b, order }))
      .sort((x, y) => y.b.confidence - x.b.confidence || x.order - y.order)
      .slice(0, limit)
      .map((x) => x.b);
  }
  return beam;
}

/** Combines several clauses' readings into one clause whose readings join them with `join`. */
export function joinReadings(lists: readonly Reading[][], join: (rules: RuleNode[]) => RuleNode, limit = 3): Reading[] {
  return bestPicks(lists, limit).map(({ picks, confidence }) =>
    reading(
      join(picks.map((p) => p.rule)),
      confidence,
      picks.flatMap((p) => p.notes),
    ),
  );
}
