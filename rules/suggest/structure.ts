/**
 * From the flat item sequence to candidate rule trees. "and" (or nothing) joins clauses, "or"
 * binds tighter than "and" ("vip or premium customers in Canada" = (vip or premium) and
 * Canada), and "or" followed by a new subject ("… or customers who …") separates whole
 * descriptions. When an "or" between different fields could bind either way, both trees are
 * returned, the tighter reading first.
 */
import type { RuleNode } from '../ast';
import { all, any, bestPicks, negatedReadings, not, type Clause, type Item, type Reading } from './clauses';
import { simplify } from './simplify';
import { incompletePhrase, SuggestionError } from './types';

/** A rule with its confidence and caveats, before naming. */
export interface Candidate {
  rule: RuleNode;
  confidence: number;
  notes: string[];
}

type Joiner = 'and' | 'or' | 'restart';

interface Term {
  clause: Clause;
  negated: boolean;
  joiner: Joiner;
}

/** Confidence of a reading with nothing guessed: an automatic reading is never certain. */
const BASE = 0.95;
/** How many pick vectors to turn into trees. */
const BEAM = 6;

/** Groups items into terms (clause + negation + the joiner before it); drops, and notes, clauses that only needed a window. */
function terms(items: readonly Item[]): { terms: Term[]; penalty: number; notes: string[] } {
  const out: Term[] = [];
  const incomplete: Clause[] = [];
  let joiner: Joiner | null = null;
  let negated = false;
  let negation: string[] = [];
  for (const item of items) {
    if (item.type === 'and') joiner = joiner === 'or' || joiner === 'restart' ? joiner : 'and';
    else if (item.type === 'or') joiner = item.restart ? 'restart' : 'or';
    else if (item.type === 'not') {
      negated = !negated;
      negation = [...negation, ...(item.words ?? [])];
    } else if (item.type === 'clause') {
      if (item.readings.length === 0) incomplete.push(item);
      else out.push({ clause: item, negated, joiner: joiner ?? 'and' });
      joiner = null;
      negated = false;
      negation = [];
    }
  }
  if (negation.length) throw incompletePhrase(negation, 'nothing follows to negate');
  if (out.length === 0) {
    const first = incomplete[0];
    if (first) throw incompletePhrase(first.words ?? [], first.needs ?? 'needs more detail');
    throw new SuggestionError([], 'The query does not describe any condition on customers');
  }
  const notes = incomplete.map((c) => `Ignored "${(c.words ?? []).join(' ')}": it ${c.needs ?? 'needs more detail'}.`);
  return { terms: out, penalty: incomplete.length ? 0.8 : 1, notes };
}

/** Splits terms where `joiner` is one of `at`. */
function split<T extends { joiner: Joiner }>(list: readonly T[], at: readonly Joiner[]): T[][] {
  const parts: T[][] = [];
  list.forEach((t, k) => (k === 0 || at.includes(t.joiner) ? parts.push([t]) : parts[parts.length - 1]!.push(t)));
  return parts;
}

/** Tight "or": disjuncts (restart) of conjuncts (and) of or-runs; a negated first term negates its whole run. */
function tight(list: readonly Term[]): { lists: Reading[][]; build: (rules: RuleNode[]) => RuleNode; runs: number[][] } {
  const indexed = list.map((t, index) => ({ ...t, index }));
  const disjuncts = split(indexed, ['restart']).map((d) => split(d, ['and']));
  const whole = new Set(
    disjuncts
      .flat()
      .filter((run) => run.length > 1 && run[0]!.negated && run.slice(1).every((t) => !t.negated))
      .map((run) => run[0]!.index),
  );
  const lists = list.map((t, k) => (t.negated && !whole.has(k) ? negatedReadings(t.clause) : t.clause.readings));
  const build = (rules: RuleNode[]) =>
    any(
      ...disjuncts.map((d) =>
        all(
          ...d.map((run) => {
            const group = any(...run.map((t) => rules[t.index]!));
            return whole.has(run[0]!.index) ? not(group) : group;
          }),
        ),
      ),
    );
  return {
    lists,
    build,
    runs: disjuncts
      .flat()
      .filter((run) => run.length > 1)
      .map((run) => run.map((t) => t.index)),
  };
}

/** Loose "or": disjuncts at every "or", each the AND of its terms. */
function loose(list: readonly Term[]): { lists: Reading[][]; build: (rules: RuleNode[]) => RuleNode } {
  const disjuncts = split(
    list.map((t, index) => ({ ...t, index })),
    ['or', 'restart'],
  );
  return {
    lists: list.map((t) => (t.negated ? negatedReadings(t.clause) : t.clause.readings)),
    build: (rules) => any(...disjuncts.map((d) => all(...d.map((t) => rules[t.index]!)))),
  };
}

function candidates(lists: Reading[][], build: (rules: RuleNode[]) => RuleNode, factor: number, extra: readonly string[]): Candidate[] {
  return bestPicks(lists, BEAM).map(({ picks, confidence }) => ({
    rule: build(picks.map((p) => p.rule)),
    confidence: BASE * confidence * factor,
    notes: [...new Set([...picks.flatMap((p) => p.notes), ...extra].filter(Boolean))],
  }));
}

/** The candidate trees of an item sequence, most confident first within each structure. */
export function structure(items: readonly Item[]): Candidate[] {
  const { terms: list, penalty, notes } = terms(items);
  const a = tight(list);
  const hasAnd = list.some((t, k) => k > 0 && t.joiner === 'and');
  const best = bestPicks(a.lists, 1)[0]!.picks.map((p) => p.rule);
  const ambiguousRun = a.runs.some((run) => simplify(any(...run.map((k) => best[k]!))).kind !== 'condition');
  const noWholeNegation = list.every((t, k) => !t.negated || a.runs.every((run) => run[0] !== k));
  if (!(hasAnd && ambiguousRun && noWholeNegation)) return candidates(a.lists, a.build, penalty, notes);
  const b = loose(list);
  return [...candidates(a.lists, a.build, penalty * 0.85, notes), ...candidates(b.lists, b.build, penalty * 0.65, notes)];
}
