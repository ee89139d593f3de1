/**
 * A claimed page of runs, node after node, until each waits or ends. Each round groups the page's
 * runs by (version, node) and executes a group at once: its steps are begun (effect nodes) or read
 * (waits) in one statement, send nodes run as one batch (one ledger statement, one policy pass),
 * other nodes one executor call per run, and the group's outcomes — ledger settlements, steps,
 * moves — are written in ONE transaction conditioned on each run still being at that node and
 * visit (outcomes.ts). Runs that moved on are grouped again at their next node in the next round.
 * Effect nodes go in chunks (`chunk` runs): a chunk's steps are begun before its effects and
 * written after them, so what a crash can repeat is the chunk in flight, each with its step's id.
 */
import type { Knex } from 'knex';
import { findCustomers } from '../customers/repo';
import type { CustomerRow } from '../customers/rows';
import { writeOutcomes, type Executed } from './outcomes';
import { applyRunMigration, endRunAt, holdRun, releaseRuns } from './runMoves';
import type { RunContext, RunRow, StepInput, StepOutcome, StepRow } from './runnerTypes';
import { beginSteps, closeMigratedStep, findSteps, writeStep } from './stepRows';
import { BATCH_EXECUTORS, EFFECT_TYPES, EXECUTORS, type StepEnv } from './steps';
import type { JourneyNode } from './types';
import type { VersionCache } from './versionCache';

/** Attempts of a step that throws before its run ends `failed`. */
export const MAX_STEP_FAILURES = 5;

/** Rounds (nodes per run) executed per claim before the page's runs go back to the queue (validation forbids loops without a wait). */
const MAX_STEPS_PER_CLAIM = 100;

/** Node types whose executor reads this visit's step row when there is one (to resume a wait). */
const RESUMED_TYPES: ReadonlySet<JourneyNode['type']> = new Set(['delay', 'wait_until', 'wait_for_event']);

/** Node types whose executor reads the run's customer: their group's customers are read in one statement first. */
const READS_CUSTOMER: ReadonlySet<JourneyNode['type']> = new Set(['branch', 'wait_until', 'webhook']);

/** How long a run waits after its step threw for the n-th time: 5 s, 20 s, 80 s, 320 s (never hot). */
export const failureBackoffMs = (failures: number) => Math.min(600_000, 5000 * 4 ** Math.max(0, failures - 1));

/** A failure the runner keeps in the run's context while it retries the step that threw. */
interface StepFailure {
  nodeId: string;
  visit: number;
  count: number;
}

/** What executing a page did, for the runner's counters. */
export interface RunResult {
  steps: number;
  sent: number;
}

/** What executing runs needs: the executors' env, versions, the clock, the lease, the effect chunk and where to report a run that could not be handled. */
export interface ExecuteDeps {
  env: StepEnv;
  versions: VersionCache;
  clock: () => Date;
  leaseMs: number;
  signal: AbortSignal;
  /** Runs of an effect node begun, executed and written together. */
  chunk: number;
  onError(err: unknown, runId: string): void;
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

/** Applies the run's pending migration; the run as it now stands, or null when it ended (mapped to exit) or moved meanwhile. */
async function migrate(db: Knex, run: RunRow, now: Date): Promise<RunRow | null> {
  return db.transaction(async (trx) => {
    const moved = await applyRunMigration(trx, run, now);
    if (moved || !run.migrate_to_node_id) await closeMigratedStep(trx, run, { versionId: run.migrate_to_version_id, nodeId: run.migrate_to_node_id }, now);
    return moved;
  });
}

/** The env with the group's customers read in one statement (a customer that is gone reads as undefined). */
async function withCustomers(env: StepEnv, runs: RunRow[]): Promise<StepEnv> {
  const ids = [...new Set(runs.map((r) => r.customer_id))];
  const rows = new Map<string, CustomerRow>((await findCustomers(env.db, runs[0]!.tenant_id, ids)).map((c) => [c.id as string, c]));
  const read = new Set(ids);
  return {
    ...env,
    customerRow: (tenantId, customerId) => (read.has(customerId) ? Promise.resolve(rows.get(customerId)) : env.customerRow(tenantId, customerId)),
  };
}

/** Runs the node's executor for each input: the batch executor, or one call per run within the worker's limit. An input whose executor threw answers its error. */
async function executeAll(env: StepEnv, node: JourneyNode, inputs: StepInput[]): Promise<Array<StepOutcome | { error: unknown }>> {
  if (node.type in BATCH_EXECUTORS) {
    const batch = BATCH_EXECUTORS[node.type as keyof typeof BATCH_EXECUTORS] as (env: StepEnv, inputs: StepInput[]) => Promise<StepOutcome[]>;
    try {
      return await batch(env, inputs);
    } catch (error) {
      return inputs.map(() => ({ error }));
    }
  }
  const execute = EXECUTORS[node.type as keyof typeof EXECUTORS] as (env: StepEnv, input: StepInput) => Promise<StepOutcome>;
  return Promise.all(inputs.map((input) => env.limit(() => execute(env, input)).catch((error: unknown) => ({ error }))));
}

/**
 * Executes one chunk of runs at the same node (see the module comment) and writes its outcomes.
 * Answers the runs that moved on. Nothing here throws for a run's own failure: a step that threw
 * is recorded by {@link recordFailure}; a write that failed leaves the runs to come due again.
 */
async function executeChunk(deps: ExecuteDeps, runs: RunRow[], node: JourneyNode, result: RunResult, now: Date): Promise<RunRow[]> {
  const { env } = deps;
  const db = env.db;
  const version = (await deps.versions.get(runs[0]!.version_id))!;
  const fail = (run: RunRow, err: unknown, step?: StepRow) => recordFailure(db, run, node, step, err, now).catch((e: unknown) => deps.onError(e, run.id));
  let steps = new Map<string, StepRow>();
  let stepEnv = env;
  try {
    steps = EFFECT_TYPES.has(node.type) ? await beginSteps(db, runs, node.type, now) : RESUMED_TYPES.has(node.type) ? await findSteps(db, runs) : steps;
    if (READS_CUSTOMER.has(node.type)) stepEnv = await withCustomers(env, runs);
  } catch (err) {
    await Promise.all(runs.map((run) => fail(run, err)));
    return [];
  }
  const outcomes = await executeAll(
    stepEnv,
    node,
    runs.map((run) => ({ run, version, node, step: steps.get(run.id), now })),
  );
  const executed: Executed[] = [];
  const failures: Array<Promise<void>> = [];
  outcomes.forEach((outcome, i) => {
    const run = runs[i]!;
    if ('error' in outcome) failures.push(fail(run, outcome.error, steps.get(run.id)));
    else executed.push({ run, node, outcome });
  });
  await Promise.all(failures);
  result.steps += executed.length;
  result.sent += executed.filter((e) => e.outcome.kind === 'next' && e.outcome.messageId).length;
  try {
    return await writeOutcomes(db, executed, now, new Date(now.getTime() + deps.leaseMs));
  } catch (err) {
    await Promise.all(executed.map(({ run }) => fail(run, err, steps.get(run.id))));
    return [];
  }
}

/** Executes the runs of one (version, node) group, effect nodes in chunks; answers the runs that moved on. */
async function executeGroup(deps: ExecuteDeps, runs: RunRow[], result: RunResult): Promise<RunRow[]> {
  const now = deps.clock();
  const version = await deps.versions.get(runs[0]!.version_id);
  const node = version?.nodes.get(runs[0]!.node_id);
  if (!node) {
    const missing = new Error(`node ${runs[0]!.node_id} is not in the run's version`);
    const exit = { id: runs[0]!.node_id, type: 'exit' } as JourneyNode;
    await Promise.all(runs.map((run) => recordFailure(deps.env.db, run, exit, undefined, missing, now).catch((e: unknown) => deps.onError(e, run.id))));
    return [];
  }
  const size = EFFECT_TYPES.has(node.type) ? Math.max(1, deps.chunk) : runs.length;
  const onward: RunRow[] = [];
  for (let i = 0; i < runs.length; i += size) onward.push(...(await executeChunk(deps, runs.slice(i, i + size), node, result, deps.clock())));
  return onward;
}

/**
 * Executes a claimed page (see the module comment) until every run waits, ends, loses its
 * position to another writer, or has run MAX_STEPS_PER_CLAIM nodes (then it is handed back as
 * due now, as are the runs left when the worker stops).
 */
export async function executePage(deps: ExecuteDeps, claimed: RunRow[]): Promise<RunResult> {
  const db = deps.env.db;
  const result: RunResult = { steps: 0, sent: 0 };
  let runs = claimed;
  for (let round = 0; runs.length; round++) {
    if (round >= MAX_STEPS_PER_CLAIM || deps.signal.aborted) {
      await releaseRuns(db, runs, deps.clock());
      break;
    }
    const ready: RunRow[] = [];
    for (const run of runs) {
      if (!run.migrate_to_version_id) ready.push(run);
      else {
        const migrated = await migrate(db, run, deps.clock()).catch((err: unknown) => void deps.onError(err, run.id));
        if (migrated) ready.push(migrated);
      }
    }
    const groups = new Map<string, RunRow[]>();
    for (const run of ready) {
      const key = `${run.version_id}/${run.node_id}`;
      const group = groups.get(key);
      if (group) group.push(run);
      else groups.set(key, [run]);
    }
    runs = [];
    for (const group of groups.values()) runs.push(...(await executeGroup(deps, group, result)));
  }
  return result;
}
