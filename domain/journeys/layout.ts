/**
 * The canvas layout a journey definition may carry (`layout`): checked against the definition's
 * own nodes when a draft is stored, so a position never names a node that is not there.
 */
import type { RuleIssue } from '../../rules/validate';
import { LAYOUT_ENTRY_KEY, type JourneyDefinition } from './types';

/**
 * One issue per layout key that is neither a node id of the definition nor the entry's key, each
 * at `layout.<key>` (the key as sent: a client renaming or deleting a node must move its position too).
 */
export function layoutIssues(def: JourneyDefinition): RuleIssue[] {
  if (!def.layout) return [];
  const ids = new Set(def.nodes.map((n) => n.id));
  return Object.keys(def.layout)
    .filter((key) => key !== LAYOUT_ENTRY_KEY && !ids.has(key))
    .map((key) => ({ path: `layout.${key}`, message: 'is not the id of a node of this journey (nor $entry)' }));
}
