/**
 * Writing what the executors decided for a batch of runs at one node: the ledger settlements,
 * the step rows and the runs' moves in ONE statement (data-modifying CTEs, each built by the
 * module that owns its table), however many runs the batch holds; exits add endRuns in the same
 * transaction. Each move is conditioned on its run still being at that node and visit
 * (runMoves.ts), so a run another writer moved meanwhile stays where that writer put it.
 */
import type { Knex } from 'knex';
import { settleRecipientsStatement, type Settlement } from '../campaigns/ledger';
import { moveRunsStatement, type RunMove } from './runMoves';
import { endRuns } from './runs';
import type { RunContext, RunRow, StepOutcome } from './runnerTypes';
import { writeStepsStatement, type StepWrite } from './stepRows';
import type { JourneyNode } from './types';

/** One run's executed step: the run as claimed, its node, and what the executor decided. */
export interface Executed {
  run: RunRow;
  node: JourneyNode;
  outcome: StepOutcome;
}

/** The step row and the run move an outcome stands for. */
function planOf({ run, outcome }: Executed, leaseUntil: Date): { write: StepWrite; move: RunMove } {
  const context: RunContext = { ...run.context };
  delete context.failure;
  if (outcome.kind === 'wait')
    return {
      write: { status: 'waiting', next: null, detail: outcome.detail, finished: false },
      move: { run, op: 'hold', context, dueAt: outcome.until, waitingFor: outcome.waitingFor ?? null },
    };
  delete context.received;
  if (outcome.kind === 'exit') return { write: { status: 'done', next: null, detail: outcome.detail, finished: true }, move: { run, op: 'exit', context } };
  const write: StepWrite = { status: outcome.status, next: outcome.next, detail: outcome.detail, finished: true };
  const common = { run, messageId: outcome.messageId, onlyIfWaiting: outcome.onlyIfWaiting };
  if (outcome.next === null) return { write, move: { ...common, op: 'complete', context, dueAt: null } };
  const visit = (context.visits?.[outcome.next] ?? 0) + 1;
  const moved: RunContext = { ...context, visits: { ...context.visits, [outcome.next]: visit } };
  return { write, move: { ...common, op: 'move', context: moved, next: outcome.next, visit, dueAt: leaseUntil } };
}

/**
 * Writes a batch's outcomes (see the module comment); moved runs stay leased until `leaseUntil`.
 * Answers the runs that moved on to another node, updated to stand there (the runner goes on with
 * them at once).
 */
export async function writeOutcomes(db: Knex, executed: Executed[], now: Date, leaseUntil: Date): Promise<RunRow[]> {
  if (!executed.length) return [];
  const plans = executed.map((e) => ({ ...e, ...planOf(e, leaseUntil) }));
  const settlements = executed.flatMap(({ outcome }) => ('settlement' in outcome && outcome.settlement ? [outcome.settlement as Settlement] : []));
  const parts = [
    ...(settlements.length ? [{ name: 'settled', ...settleRecipientsStatement(settlements, now) }] : []),
    {
      name: 'stepped',
      ...writeStepsStatement(
        plans.map((p) => ({ run: p.run, kind: p.node.type, write: p.write })),
        now,
      ),
    },
  ];
  const moves = moveRunsStatement(
    plans.map((p) => p.move),
    now,
  );
  const sql = `WITH ${parts.map((p) => `${p.name} AS (${p.sql} RETURNING 1)`).join(', ')}, moved AS (${moves.sql}) SELECT id FROM moved`;
  const bindings = [...parts.flatMap((p) => p.bindings), ...moves.bindings] as Knex.RawBinding[];
  const write = async (trx: Knex) => {
    const { rows } = await trx.raw<{ rows: Array<{ id: string }> }>(sql, bindings);
    const ids = new Set(rows.map((r) => r.id));
    const exits = plans.filter((p) => p.move.op === 'exit' && ids.has(p.run.id));
    if (exits.length)
      await endRuns(
        trx,
        exits.map((p) => ({ runId: p.run.id, state: 'exited', reason: 'exit_node' })),
        now,
      );
    return ids;
  };
  // One statement is its own transaction; exits need endRuns beside it.
  const moved = plans.some((p) => p.move.op === 'exit') ? await db.transaction(write) : await write(db);
  const onward: RunRow[] = [];
  for (const { run, move } of plans) {
    if (move.op !== 'move' || !moved.has(run.id)) continue;
    onward.push({ ...run, node_id: move.next!, visit: move.visit!, context: move.context, waiting_for: null });
  }
  return onward;
}
