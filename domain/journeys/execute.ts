/**
 * A claimed page of runs, node after node, until each waits or ends. Each round groups the page's
 * runs by (version, node) and executes a group at once: its steps are begun (effect nodes) or read
 * (waits) in one statement, send nodes are prepared as one batch (one ledger statement, one policy
 * pass), other nodes decided one executor call per run. Effects (provider calls, webhook requests,
 * customer changes) run within the runner's lanes. The group's outcomes — ledger settlements,
 * steps, moves, each move conditioned on its run still being at that node and visit — are written
 * in one statement at the end of the group (outcomes.ts). An effect starts only when fewer than the
 * runner's bound are made but not yet recorded: a sent message is recorded when its ledger row is
 * settled (small batches, as the messages come back), a webhook or customer change when its step
 * is written; a step is begun before its effect, so what a crash can repeat is those, each with its
 * step's id. Runs that moved on are grouped again at their next node in the next round.
 */
import type { Knex } from 'knex';
import { createLimiter, type Limiter, type Semaphore } from '../../lib/limiter';
import { findCustomers } from '../customers/repo';
import type { CustomerRow } from '../customers/rows';
import { writeOutcomes, type Executed } from './outcomes';
import type { Settler } from './settler';
import { applyRunMigration, endRunAt, holdRun, releaseRuns } from './runMoves';
import type { RunContext, RunRow, StepInput, StepOutcome, StepRow } from './runnerTypes';
import { beginSteps, carryWaitStep, closeMigratedStep, findSteps, writeStep } from './stepRows';
import { BATCH_EXECUTORS, EFFECT_TYPES, EXECUTORS, type PlannedStep, type StepEnv } from './steps';
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

/** Decisions without an effect (branch rules, waits) made at once per group: some read the database. */
const DECIDE_CONCURRENCY = 10;

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

/** What executing runs needs: the executors' env, versions, the clock, the lease, the runner's bounds on effects and where to report a run that could not be handled. */
export interface ExecuteDeps {
  env: StepEnv;
  versions: VersionCache;
  clock: () => Date;
  leaseMs: number;
  signal: AbortSignal;
  /** Provider calls, webhook requests and customer changes in flight at once, across pages (CAMPAIGN_CONCURRENCY). */
  limit: Limiter;
  /** Effects made whose outcome is not yet written, across pages: what a crash can repeat. */
  unwritten: Semaphore;
  /** Settles sent messages' ledger rows as they come back (and gives their permits back). */
  settler: Settler;
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
  const step = (await findSteps(db, [run])).get(run.id);
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

/** Plans each input's step: the batch executor, or one executor call per run (effects are left to make, the rest decided at once, a few at a time). An input whose executor threw answers its error. */
async function planAll(env: StepEnv, node: JourneyNode, inputs: StepInput[]): Promise<Array<PlannedStep | { error: unknown }>> {
  if (node.type in BATCH_EXECUTORS) {
    const batch = BATCH_EXECUTORS[node.type as keyof typeof BATCH_EXECUTORS] as (env: StepEnv, inputs: StepInput[]) => Promise<PlannedStep[]>;
    try {
      return await batch(env, inputs);
    } catch (error) {
      return inputs.map(() => ({ error }));
    }
  }
  const execute = EXECUTORS[node.type as keyof typeof EXECUTORS] as (env: StepEnv, input: StepInput) => Promise<StepOutcome>;
  if (EFFECT_TYPES.has(node.type)) return inputs.map((input) => ({ effect: () => execute(env, input) }));
  const limit = createLimiter(DECIDE_CONCURRENCY);
  return Promise.all(inputs.map((input) => limit(() => execute(env, input)).catch((error: unknown) => ({ error }))));
}

/** Writes items as they come, a batch per call of `write`: what arrives while one batch is written goes in the next. */
function batchWriter<T>(write: (items: T[]) => Promise<void>) {
  let buffer: T[] = [];
  let running: Promise<void> | null = null;
  const pump = async () => {
    while (buffer.length) {
      const items = buffer;
      buffer = [];
      await write(items);
    }
    running = null;
  };
  return {
    push(item: T) {
      buffer.push(item);
      running ??= pump();
    },
    async drain() {
      while (running) await running;
    },
  };
}

/**
 * Executes the runs of one (version, node) group (see the module comment). Answers the runs
 * that moved on. Nothing here throws for a run's own failure: a step that threw is recorded by
 * {@link recordFailure}; a write that failed leaves the runs to come due again.
 */
async function executeGroup(deps: ExecuteDeps, runs: RunRow[], result: RunResult): Promise<RunRow[]> {
  const { env } = deps;
  const db = env.db;
  const now = deps.clock();
  const version = await deps.versions.get(runs[0]!.version_id);
  const node = version?.nodes.get(runs[0]!.node_id) ?? ({ id: runs[0]!.node_id, type: 'exit' } as JourneyNode);
  let steps = new Map<string, StepRow>();
  const fail = (run: RunRow, err: unknown) => recordFailure(db, run, node, steps.get(run.id), err, now).catch((e: unknown) => deps.onError(e, run.id));
  let stepEnv = env;
  try {
    if (!version?.nodes.has(node.id)) throw new Error(`node ${node.id} is not in the run's version`);
    steps = EFFECT_TYPES.has(node.type) ? await beginSteps(db, runs, node.type, now) : RESUMED_TYPES.has(node.type) ? await findSteps(db, runs) : steps;
    if (READS_CUSTOMER.has(node.type)) stepEnv = await withCustomers(env, runs);
  } catch (err) {
    await Promise.all(runs.map((run) => fail(run, err)));
    return [];
  }
  const planned = await planAll(
    stepEnv,
    node,
    runs.map((run) => ({ run, version, node, step: steps.get(run.id), now })),
  );
  const onward: RunRow[] = [];
  const lease = () => {
    const at = deps.clock();
    return { at, until: new Date(at.getTime() + deps.leaseMs) };
  };
  const writeOrFail = async (items: Executed[]) => {
    const { at, until } = lease();
    try {
      onward.push(...(await writeOutcomes(db, items, at, until)));
    } catch (err) {
      await Promise.all(items.map(({ run }) => fail(run, err)));
    }
  };
  // Messages sent: their ledger rows are settled as they come (the runner's settler gives their
  // permits back then); their steps and moves go with the group's other outcomes, in one statement
  // at the end, which settles again any row still `sending` (a no-op for a settled one).
  // Effects without a ledger row (webhooks, customer changes): their steps are written as they come.
  const stepper = batchWriter<Executed>(async (items) => {
    await writeOrFail(items);
    for (let i = 0; i < items.length; i++) deps.unwritten.release();
  });
  const atEnd: Executed[] = [];
  const decided = (run: RunRow, outcome: StepOutcome, permit: boolean) => {
    result.steps++;
    if (outcome.kind === 'next' && outcome.messageId) result.sent++;
    const item = { run, node, outcome };
    if (!permit) atEnd.push(item);
    else if (outcome.kind !== 'exit' && outcome.settlement) {
      atEnd.push(item);
      deps.settler.push(outcome.settlement);
    } else stepper.push(item);
  };
  const pending: Array<Promise<void>> = [];
  for (const [i, step] of planned.entries()) {
    const run = runs[i]!;
    if ('error' in step) pending.push(fail(run, step.error));
    else if (!('effect' in step)) decided(run, step, false);
    else {
      // An effect waits for room among the unwritten ones first (a crash repeats at most those), then for a lane.
      await deps.unwritten.acquire();
      pending.push(
        deps.limit(step.effect).then(
          (outcome) => decided(run, outcome, true),
          async (err: unknown) => {
            deps.unwritten.release();
            await fail(run, err);
          },
        ),
      );
    }
  }
  await Promise.all(pending);
  await stepper.drain();
  if (atEnd.length) await writeOrFail(atEnd);
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
        const migrated = await migrate(db, deps.versions, run, deps.clock()).catch((err: unknown) => void deps.onError(err, run.id));
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
