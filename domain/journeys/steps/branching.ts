/**
 * The nodes that only choose where a run goes: branch, random split and exit. They have no
 * effect, so their step row is written only with their outcome.
 */
import type { RuleNode } from '../../../rules/ast';
import { parseRules } from '../../../rules/parse';
import { withConversationFacts } from '../../segments/conversationFacts';
import { loadEventCounts } from '../../segments/eventCounts';
import { splitPath } from '../split';
import { hasMark, journeyMessageMarks } from '../../campaigns/journeyMarks';
import { propertiesMatch } from '../matching';
import type { RunRow } from '../runnerTypes';
import { stepIdsAt } from '../stepRows';
import type { BranchNode, ExitNode, MessageCondition, RandomSplitNode } from '../types';
import type { Executor, StepEnv } from './env';

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

/** What a branch's message condition found: whether it holds and the ledger row it looked at (null: the node sent this run nothing). */
interface MessageCheck {
  node: string;
  status: MessageCondition['status'];
  holds: boolean;
  ledgerId: string | null;
}

/**
 * The run's latest message from send node `cond.node` (its highest visit with a ledger row) and
 * whether that row has the mark. Read when the branch is decided, so opens and clicks recorded up
 * to that moment count.
 */
async function checkMessage(env: StepEnv, run: RunRow, cond: MessageCondition): Promise<MessageCheck> {
  const stepIds = await stepIdsAt(env.db, run.id, cond.node);
  const rows = new Map((await journeyMessageMarks(env.db, run.tenant_id, stepIds)).map((r) => [r.stepId, r]));
  const latest = stepIds.map((id) => rows.get(id)).find((r) => r !== undefined);
  return { node: cond.node, status: cond.status, holds: latest ? hasMark(latest, cond.status) : false, ledgerId: latest?.ledgerId ?? null };
}

/**
 * Branch: the first branch whose conditions all hold: `where` on the trigger's properties, `message`
 * on the ledger row of the run's latest message from a send node, and `rule` for the customer now
 * (json-rules-engine through the segments' evaluator, event conditions counted at the same `now`
 * by domain/segments/eventCounts.ts), checked in that order (cheapest first, stopping at the first
 * that fails); none: `else`. The detail says which and why, with what each branch gave.
 */
export const runBranch: Executor<BranchNode> = async (env, { run, node, now }) => {
  const row = node.branches.some((b) => b.rule) ? await env.customerRow(run.tenant_id, run.customer_id) : undefined;
  const checked: Array<{ branch: number; name?: string; rule?: boolean; where?: boolean; message?: MessageCheck }> = [];
  for (const [i, b] of node.branches.entries()) {
    const result: (typeof checked)[number] = { branch: i, ...(b.name ? { name: b.name } : {}) };
    if (b.where) result.where = propertiesMatch(b.where, run.trigger.properties ?? {});
    if (b.message && result.where !== false) result.message = await checkMessage(env, run, b.message);
    if (b.rule && result.where !== false && result.message?.holds !== false) {
      const rule = ruleAst(b.rule);
      const eventCounts = row ? await loadEventCounts(env.db, run.tenant_id, run.customer_id, [rule], now) : undefined;
      result.rule = row
        ? await env.evaluator.matches(rule, await withConversationFacts(env.db, run.tenant_id, row as unknown as Record<string, unknown>), { now, eventCounts })
        : false;
    }
    checked.push(result);
    if (result.rule !== false && result.where !== false && result.message?.holds !== false) {
      const why = [
        b.rule ? 'the rule holds for the customer' : null,
        b.where ? "the trigger's properties match" : null,
        b.message ? `the message from "${b.message.node}" was ${b.message.status}` : null,
      ]
        .filter(Boolean)
        .join(' and ');
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
