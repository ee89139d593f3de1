/**
 * The nodes that only choose where a run goes: branch, random split and exit. They have no
 * effect, so their step row is written only with their outcome.
 */
import type { RuleNode } from '../../../rules/ast';
import { parseRules } from '../../../rules/parse';
import { loadEventCounts } from '../../segments/eventCounts';
import { splitPath } from '../split';
import type { BranchNode, ExitNode, RandomSplitNode } from '../types';
import type { Executor } from './env';
import { propertiesMatch } from '../matching';

const parsed = new WeakMap<object, RuleNode>();

/** A branch's rule as the AST (a version may store either client format; parsed once per rule object). */
function ruleAst(rule: RuleNode | Record<string, unknown>): RuleNode {
  if (typeof (rule as { kind?: unknown }).kind === 'string') return rule as RuleNode;
  let ast = parsed.get(rule);
  if (!ast) {
    ast = parseRules(rule);
    parsed.set(rule, ast);
  }
  return ast;
}

/**
 * Branch: the first branch whose rule holds for the customer now (json-rules-engine through the
 * segments' evaluator, event conditions counted at the same `now` by domain/segments/eventCounts.ts)
 * and whose `where` holds on the trigger's properties; none: `else`. The detail says which and why.
 */
export const runBranch: Executor<BranchNode> = async (env, { run, node, now }) => {
  const row = node.branches.some((b) => b.rule) ? await env.customerRow(run.tenant_id, run.customer_id) : undefined;
  const checked: Array<{ branch: number; name?: string; rule?: boolean; where?: boolean }> = [];
  for (const [i, b] of node.branches.entries()) {
    const result: (typeof checked)[number] = { branch: i, ...(b.name ? { name: b.name } : {}) };
    if (b.where) result.where = propertiesMatch(b.where, run.trigger.properties ?? {});
    if (b.rule && result.where !== false) {
      const rule = ruleAst(b.rule);
      const eventCounts = row ? await loadEventCounts(env.db, run.tenant_id, run.customer_id, [rule], now) : undefined;
      result.rule = row ? await env.evaluator.matches(rule, row as unknown as Record<string, unknown>, { now, eventCounts }) : false;
    }
    checked.push(result);
    if (result.rule !== false && result.where !== false) {
      const why = [b.rule ? 'the rule holds for the customer' : null, b.where ? "the trigger's properties match" : null].filter(Boolean).join(' and ');
      return { kind: 'next', status: 'done', next: b.next ?? null, detail: { branch: i, name: b.name ?? null, reason: why || 'no conditions', checked } };
    }
  }
  return { kind: 'next', status: 'done', next: node.else ?? null, detail: { branch: 'else', reason: 'no branch matched', checked } };
};

/** Random split: the path a hash of the run and node ids picks by weight (split.ts), recorded in context.splits. */
export const runRandomSplit: Executor<RandomSplitNode> = async (_env, { run, node }) => {
  const { index, point } = splitPath(
    run.id,
    node.id,
    node.paths.map((p) => p.weight),
  );
  run.context.splits = { ...run.context.splits, [node.id]: index };
  const path = node.paths[index];
  return { kind: 'next', status: 'done', next: path?.next ?? null, detail: { path: index, name: path?.name ?? null, point } };
};

/** Exit: the run ends `exited` (`exit_node`). */
export const runExit: Executor<ExitNode> = async () => ({ kind: 'exit', detail: { reason: 'exit_node' } });
