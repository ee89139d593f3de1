/**
 * Natural-language segment suggestions (issue 4, seed 003's `POST /ai/segment-suggestions`):
 * a deterministic parser, no model and no network, that turns "vip customers in New York who
 * spent more than $500" into rules of the normalised AST. Ambiguous words yield up to three
 * suggestions, most confident first; words it cannot place make it throw SuggestionError naming
 * them, rather than silently guessing from part of the sentence.
 */
import { describeRule, insightsOf, nameRule } from './describe';
import { attachWindows, scan } from './grammar';
import { ruleId } from './hash';
import { simplify } from './simplify';
import { structure } from './structure';
import type { SuggestOptions, Suggestion } from './types';

export { SuggestionError, type Suggestion, type SuggestOptions } from './types';

/** At most this many suggestions are returned. */
export const MAX_SUGGESTIONS = 3;

/**
 * Suggests segment rules for a query. Returns one suggestion when the query is unambiguous and
 * up to three, most confident first, when a word or an "or" can be read several ways. Dates are
 * relative to `options.now` in UTC. Throws SuggestionError when words are not understood.
 */
export function suggestSegments(query: string, options: SuggestOptions): Suggestion[] {
  const candidates = structure(attachWindows(scan(query, options.now)));
  const byId = new Map<string, Suggestion>();
  for (const c of candidates) {
    const rule = simplify(c.rule);
    const id = ruleId(rule);
    const confidence = Math.round(Math.min(1, Math.max(0, c.confidence)) * 100) / 100;
    const existing = byId.get(id);
    if (existing && existing.confidence >= confidence) continue;
    byId.set(id, { id, name: nameRule(rule), description: describeRule(rule, c.notes), rule, confidence, insights: insightsOf(rule, c.notes) });
  }
  return [...byId.values()].sort((a, b) => b.confidence - a.confidence).slice(0, MAX_SUGGESTIONS);
}
