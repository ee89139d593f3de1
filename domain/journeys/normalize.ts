/**
 * Brings the rule parts of a journey definition into the rule language's canonical form before it
 * is stored: every `where` (entry, waits, branches, goal and exit events) becomes a property
 * condition tree and every branch `rule` a rule AST, validated by the rules module itself, so the
 * runner and router read one form and a problem is a 422 pointing into the definition
 * (`nodes[3].branches[0].rule.all[1].operator`). The canvas layout is checked here too: its keys
 * must name the definition's nodes (layout.ts).
 */
import { validationFailed } from '../../lib/errors';
import type { PropertyNode, RuleNode } from '../../rules/ast';
import { parsePropertyConditions, parseRules, RuleValidationError } from '../../rules/parse';
import type { RuleIssue } from '../../rules/validate';
import { layoutIssues } from './layout';
import type { EventMatch, JourneyDefinition, JourneyNode } from './types';

/** Parses with the rules module, collecting its problems instead of throwing at the first part. */
function collector() {
  const issues: RuleIssue[] = [];
  const attempt = <T>(parse: () => T): T | undefined => {
    try {
      return parse();
    } catch (err) {
      if (!(err instanceof RuleValidationError)) throw err;
      issues.push(...err.details);
      return undefined;
    }
  };
  return {
    issues,
    where: (input: PropertyNode | undefined, path: string) => (input === undefined ? undefined : attempt(() => parsePropertyConditions(input, { path }))),
    rule: (input: unknown, path: string) => (input === undefined ? undefined : attempt(() => parseRules(input, { path }))),
  };
}

/**
 * The definition with its rules and conditions in canonical form; a 422 listing every rule problem
 * and every layout key that names no node (each path inside the definition) when any part does not validate.
 */
export function normalizeDefinition(def: JourneyDefinition): JourneyDefinition {
  const c = collector();
  const match = (m: EventMatch, path: string): EventMatch => dropUndefined({ ...m, where: c.where(m.where, `${path}.where`) });
  const node = (n: JourneyNode, at: string): JourneyNode => {
    switch (n.type) {
      case 'wait_for_event':
        return dropUndefined({ ...n, where: c.where(n.where, `${at}.where`) });
      case 'branch':
        return {
          ...n,
          branches: n.branches.map((b, j) => {
            const rule: RuleNode | undefined = c.rule(b.rule, `${at}.branches[${j}].rule`);
            return dropUndefined({ ...b, rule, where: c.where(b.where, `${at}.branches[${j}].where`) });
          }),
        };
      default:
        return n;
    }
  };
  const entry = def.entry.type === 'segment' ? def.entry : dropUndefined({ ...def.entry, where: c.where(def.entry.where, 'entry.where') });
  const out: JourneyDefinition = { ...def, entry, nodes: def.nodes.map((n, i) => node(n, `nodes[${i}]`)) };
  if (def.goal?.event) out.goal = { ...def.goal, event: match(def.goal.event, 'goal.event') };
  if (def.exitRules) out.exitRules = def.exitRules.map((r, k) => ('event' in r ? { event: match(r.event, `exitRules[${k}].event`) } : r));
  c.issues.push(...layoutIssues(def));
  if (c.issues.length) {
    throw validationFailed(
      c.issues.map((i) => ({ location: 'body', path: i.path, message: i.message })),
      'Conditions or layout of the journey are not valid',
    );
  }
  return out;
}

/** The object without keys whose value is undefined (jsonb would drop them anyway; equality in tests should not see them). */
function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
