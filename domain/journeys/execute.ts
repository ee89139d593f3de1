/**
 * One claimed run, step after step, until it waits or ends: apply a pending migration, run the
 * node's executor, then write the step, the executor's own write (a ledger settlement) and the
 * run's move in ONE transaction conditioned on the run still being at that node and visit. A step
 * of a node with an effect is begun before the effect, so a crash resumes it instead of redoing it.
 */
import type { Knex } from 'knex';
import { applyRunMigration, endRunAt, holdRun, moveRun, releaseRun } from './runMoves';
import type { RunContext, RunRow, StepOutcome, StepRow } from './runnerTypes';
import { beginStep, carryWaitStep, closeMigratedStep, findStep, writeStep } from './stepRows';
import { EFFECT_TYPES, EXECUTORS, type StepEnv } from './steps';
import type { JourneyNode } from './types';
import type { VersionCache } from './versionCache';

/** Attempts of a step that throws before its run ends `failed`. */
export const MAX_STEP_FAILURES = 5;

/** Nodes executed for one run per claim before it goes back to the queue (validation forbids loops without a wait). */
const MAX_STEPS_PER_CLAIM = 100;

/** Node types whose executor reads this visit's step row when there is one (to resume a wait). */
const RESUMED_TYPES: ReadonlySet<JourneyNode['type']> = new Set(['delay', 'wait_until', 'wait_for_event']);

/** How long a run waits after its step threw for the n-th time: 5 s, 20 s, 80 s, 320 s (never hot). */
export const failureBackoffMs = (failures: number) => Math.min(600_000, 5000 * 4 ** Math.max(0, failures - 1));

/** A failure the runner keeps in the run's context while it retries the step that threw. */
interface StepFailure {
  nodeId: string;
  visit: number;
  count: number;
}

/** What one run's execution did, for the runner's counters. */
export interface RunResult {
  steps: number;
  sent: number;
}

/** What executing runs needs: the executors' env, versions, the clock and when the claim's lease ends. */
export interface ExecuteDeps {
  env: StepEnv;
  versions: VersionCache;
  clock: () => Date;
  leaseMs: number;
  signal: AbortSignal;
}

/** Writes an executor's outcome: the step, its own write and the run's move, in one transaction. Returns whether the run moved on to another node. */
async function writeOutcome(db: Knex, run: RunRow, node: JourneyNode, outcome: StepOutcome, now: Date, leaseUntil: Date): Promise<boolean> {
  const context: RunContext = { ...run.context };
  delete context.failure;
  return db.transaction(async (trx) => {
    if ('write' in outcome && outcome.write) await outcome.write(trx);
    if (outcome.kind === 'wait') {
      await writeStep(trx, run, node.type, { status: 'waiting', next: null, detail: outcome.detail, finished: false }, now);
      await holdRun(trx, run, outcome.until, outcome.waitingFor ?? null, context);
      run.context = context;
      return false;
    }
    delete context.received;
    if (outcome.kind === 'exit') {
      await writeStep(trx, run, node.type, { status: 'done', next: null, detail: outcome.detail, finished: true }, now);
      await endRunAt(trx, run, 'exited', 'exit_node', now, context);
      return false;
    }
    await writeStep(trx, run, node.type, { status: outcome.status, next: outcome.next, detail: outcome.detail, finished: true }, now);
    const { moved, visit } = await moveRun(trx, run, outcome.next, context, leaseUntil, now, {
      messageId: outcome.messageId,
      onlyIfWaiting: outcome.onlyIfWaiting,
    });
    if (!moved || outcome.next === null) return false;
    Object.assign(run, { node_id: outcome.next, visit, context, waiting_for: null });
    return true;
  });
}

/**
 * Records a step that threw: the step is `failed` with the message, and the run is due again after
 * a backoff, or ends `failed` at the MAX_STEP_FAILURES-th failure of the same visit.
 */
async function recordFailure(db: Knex, run: RunRow, node: JourneyNode, step: StepRow | undefined, err: unknown, now: Date): Promise<void> {
  const previous = run.context.failure as StepFailure | undefined;
  const count = previous && previous.nodeId === run.node_id && previous.visit === run.visit ? previous.count + 1 : 1;
  const error = (err as Error)?.message ?? String(err);
  const last = count >= MAX_STEP_FAILURES;
  const context: RunContext = { ...run.context, failure: { nodeId: run.node_id, visit: run.visit, count } satisfies StepFailure };
  await db.transaction(async (trx) => {
    await writeStep(trx, run, node.type, { status: 'failed', next: null, detail: { ...step?.detail, error, failures: count }, finished: last }, now);
    if (last) await endRunAt(trx, run, 'failed', 'failed', now, context);
    else await holdRun(trx, run, new Date(now.getTime() + failureBackoffMs(count)), run.waiting_for, context);
  });
}

/**
 * The waiting step a migrated run carries into the new version: when it stays in the same node
 * (kept by the new version) of the same waiting type, its wait goes on where it was (a delay ends
 * when it would have, a received event still counts) instead of starting again.
 */
async function carriedWait(db: Knex, versions: VersionCache, run: RunRow): Promise<StepRow | undefined> {
  if (!run.migrate_to_version_id || run.migrate_to_node_id !== run.node_id) return undefined;
  const [from, to] = await Promise.all([versions.get(run.version_id), versions.get(run.migrate_to_version_id)]);
  const type = from?.nodes.get(run.node_id)?.type;
  if (!type || !RESUMED_TYPES.has(type) || to?.nodes.get(run.node_id)?.type !== type) return undefined;
  const step = await findStep(db, run);
  return step?.status === 'waiting' ? step : undefined;
}

/** Applies the run's pending migration; the run as it now stands, or null when it ended (mapped to exit) or moved meanwhile. */
async function migrate(db: Knex, versions: VersionCache, run: RunRow, now: Date): Promise<RunRow | null> {
  const carried = await carriedWait(db, versions, run);
  return db.transaction(async (trx) => {
    const moved = await applyRunMigration(trx, run, now, carried !== undefined);
    if (moved || !run.migrate_to_node_id) await closeMigratedStep(trx, run, { versionId: run.migrate_to_version_id, nodeId: run.migrate_to_node_id }, now);
    if (moved && carried) await carryWaitStep(trx, moved, carried);
    return moved;
  });
}

/**
 * Executes one claimed run until it waits, ends, loses its position to another worker, or has
 * run MAX_STEPS_PER_CLAIM nodes (then it is handed back as due now). A step that throws is
 * recorded by {@link recordFailure}; nothing here throws for a run's own failure.
 */
export async function executeRun(deps: ExecuteDeps, claimed: RunRow): Promise<RunResult> {
  const { env, clock } = deps;
  const db = env.db;
  const result: RunResult = { steps: 0, sent: 0 };
  let run: RunRow | null = claimed;
  while (run) {
    if (result.steps >= MAX_STEPS_PER_CLAIM || deps.signal.aborted) {
      await releaseRun(db, run, clock());
      return result;
    }
    const now = clock();
    if (run.migrate_to_version_id) {
      run = await migrate(db, deps.versions, run, now);
      if (!run) return result;
    }
    const version = await deps.versions.get(run.version_id);
    const node = version?.nodes.get(run.node_id);
    let step: StepRow | undefined;
    try {
      if (!version || !node) throw new Error(`node ${run.node_id} is not in the run's version`);
      step = EFFECT_TYPES.has(node.type) ? await beginStep(db, run, node.type, now) : RESUMED_TYPES.has(node.type) ? await findStep(db, run) : undefined;
      const execute = EXECUTORS[node.type] as (env: StepEnv, input: unknown) => Promise<StepOutcome>;
      const outcome = await execute(env, { run, version, node, step, now });
      result.steps++;
      if (outcome.kind === 'next' && outcome.messageId) result.sent++;
      const moved = await writeOutcome(db, run, node, outcome, now, new Date(now.getTime() + deps.leaseMs));
      if (!moved) return result;
    } catch (err) {
      await recordFailure(db, run, node ?? ({ id: run.node_id, type: 'exit' } as JourneyNode), step, err, now);
      return result;
    }
  }
  return result;
}
