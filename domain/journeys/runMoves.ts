/**
 * The runner's writes of `journey_runs`: claiming due runs, moving a run after a step, holding it,
 * ending it, applying a migration. Every move is conditioned on the run still being active at the
 * node and visit the runner read, so two workers that hold the same run (a lease expired under a
 * slow one) cannot both move it, and a router write (wake, exit) that commits first wins. Ends go
 * through runs.ts's endRuns, so an exit writes its journey.exited event in the same transaction.
 */
import type { Knex } from 'knex';
import { endRuns } from './runs';
import type { RunContext, RunRow } from './runnerTypes';
import type { EndReason, RunWait } from './types';

/** How long a claim holds a run: a worker that dies leaves its runs to come due again after this. */
export const RUN_LEASE_MS = 60_000;

/**
 * Claims up to `limit` runs due at `now` (active, due_at reached, journey active or archived —
 * never paused) in due order and leases them by pushing due_at to `now` + RUN_LEASE_MS in the
 * same statement, so no transaction is held while they run and another worker skips them
 * (SKIP LOCKED now, the lease afterwards). Returns them with their journey's name.
 */
export async function claimDueRuns(db: Knex, now: Date, limit: number): Promise<RunRow[]> {
  const { rows } = await db.raw(
    `WITH due AS (
       SELECT r.id FROM journey_runs r
        WHERE r.state = 'active' AND r.due_at IS NOT NULL AND r.due_at <= ?
          AND EXISTS (SELECT 1 FROM journeys j WHERE j.id = r.journey_id AND j.status IN ('active', 'archived'))
        ORDER BY r.due_at, r.id LIMIT ? FOR UPDATE OF r SKIP LOCKED
     )
     UPDATE journey_runs r SET due_at = ?, updated_at = now() FROM due WHERE r.id = due.id
     RETURNING r.id, r.tenant_id, r.journey_id, r.version_id, r.customer_id, r.node_id, r.visit, r.due_at, r.waiting_for, r.trigger,
               r.context, r.entered_at, r.last_message_id, r.migrate_to_version_id, r.migrate_to_node_id,
               (SELECT j.name FROM journeys j WHERE j.id = r.journey_id) AS journey_name`,
    [now, limit, new Date(now.getTime() + RUN_LEASE_MS)],
  );
  return rows as RunRow[];
}

/** The position a move is conditioned on: the run, active, at this node and visit. */
const at = (trx: Knex, run: Pick<RunRow, 'id' | 'node_id' | 'visit'>) =>
  trx('journey_runs').where({ id: run.id, state: 'active', node_id: run.node_id, visit: run.visit });

/**
 * Moves the run to `next` (visit = its arrivals there + 1, counted in context.visits) and keeps it
 * leased until `leaseUntil` (the runner goes on with it at once); without `next` the run completes.
 * Returns whether the run was still where the runner read it.
 */
export async function moveRun(
  trx: Knex,
  run: RunRow,
  next: string | null,
  context: RunContext,
  leaseUntil: Date,
  now: Date,
  extra: { messageId?: string; onlyIfWaiting?: boolean } = {},
): Promise<{ moved: boolean; visit: number }> {
  const query = at(trx, run);
  if (extra.onlyIfWaiting) query.whereNotNull('waiting_for');
  const common = { waiting_for: null, steps: trx.raw('steps + 1'), updated_at: trx.fn.now(), ...(extra.messageId ? { last_message_id: extra.messageId } : {}) };
  if (next === null) {
    const n = await query.update({
      ...common,
      state: 'completed',
      end_reason: 'completed' satisfies EndReason,
      ended_at: now,
      due_at: null,
      context: JSON.stringify(context),
    });
    return { moved: n > 0, visit: run.visit };
  }
  const visit = (context.visits?.[next] ?? 0) + 1;
  const moved = { ...context, visits: { ...context.visits, [next]: visit } };
  const n = await query.update({ ...common, node_id: next, visit, due_at: leaseUntil, context: JSON.stringify(moved) });
  if (n > 0) Object.assign(context, moved);
  return { moved: n > 0, visit };
}

/** Holds the run at its node until `until` (null: nothing scheduled), waiting for `waitingFor` when given. */
export async function holdRun(trx: Knex, run: RunRow, until: Date | null, waitingFor: RunWait | null, context: RunContext): Promise<boolean> {
  const n = await at(trx, run).update({
    due_at: until,
    waiting_for: waitingFor ? JSON.stringify(waitingFor) : null,
    context: JSON.stringify(context),
    updated_at: trx.fn.now(),
  });
  return n > 0;
}

/**
 * Ends the run where it is (`exited` or `failed`, with the reason): its context and step count are
 * written where the runner read it, then endRuns ends it with its journey.exited event.
 */
export async function endRunAt(trx: Knex, run: RunRow, state: 'exited' | 'failed', reason: EndReason, now: Date, context: RunContext): Promise<boolean> {
  const n = await at(trx, run).update({ context: JSON.stringify(context), steps: trx.raw('steps + 1'), updated_at: trx.fn.now() });
  if (!n) return false;
  return (await endRuns(trx, [{ runId: run.id, state, reason }], now)).length === 1;
}

/** Hands a run the runner stops working on (its time is up, the worker stops) back as due now. */
export async function releaseRun(db: Knex, run: RunRow, now: Date): Promise<void> {
  await at(db, run).update({ due_at: now, updated_at: db.fn.now() });
}

/**
 * Applies the migration a publish left on the run: it moves to the new version at the mapped node
 * (visit = its arrivals there + 1) or, mapped to nothing, ends `exited` / `migrated_to_exit`.
 * With `carryWait` (a wait the new version keeps, see execute.ts) the run keeps the event it
 * received and what it waits for, so the carried step finishes as the old one would have.
 * Conditioned on the migration still being the one read. Returns the run as it now is, or null
 * when it ended or was changed meanwhile.
 */
export async function applyRunMigration(trx: Knex, run: RunRow, now: Date, carryWait = false): Promise<RunRow | null> {
  const query = at(trx, run).where({ migrate_to_version_id: run.migrate_to_version_id });
  const target = run.migrate_to_node_id;
  if (!target) {
    const n = await query.update({ migrate_to_version_id: null, migrate_to_node_id: null, updated_at: trx.fn.now() });
    if (n) await endRuns(trx, [{ runId: run.id, state: 'exited', reason: 'migrated_to_exit' }], now);
    return null;
  }
  const visit = (run.context.visits?.[target] ?? 0) + 1;
  const context: RunContext = { ...run.context, visits: { ...run.context.visits, [target]: visit } };
  if (!carryWait) delete context.received;
  const waitingFor = carryWait ? run.waiting_for : null;
  const n = await query.update({
    version_id: run.migrate_to_version_id,
    node_id: target,
    visit,
    waiting_for: waitingFor ? JSON.stringify(waitingFor) : null,
    context: JSON.stringify(context),
    migrate_to_version_id: null,
    migrate_to_node_id: null,
    updated_at: trx.fn.now(),
  });
  if (!n) return null;
  return {
    ...run,
    version_id: run.migrate_to_version_id!,
    node_id: target,
    visit,
    waiting_for: waitingFor,
    context,
    migrate_to_version_id: null,
    migrate_to_node_id: null,
  };
}
