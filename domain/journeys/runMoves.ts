/**
 * The runner's writes of `journey_runs`: claiming due runs, moving a run after a step, holding it,
 * ending it, applying a migration. Every move is conditioned on the run still being active at the
 * node and visit the runner read, so two workers that hold the same run (a lease expired under a
 * slow one) cannot both move it, and a router write (wake, exit) that commits first wins. Ends go
 * through runs.ts's endRuns, so an exit writes its journey.exited event in the same transaction.
 */
import type { Knex } from 'knex';
import type { SqlStatement } from '../../db/prepared';
import { endRuns } from './runs';
import type { RunContext, RunRow } from './runnerTypes';
import type { EndReason, RunWait } from './types';

/** How long a claim holds a run: a worker that dies leaves its runs to come due again after this. */
export const RUN_LEASE_MS = 60_000;

/**
 * Claims up to `limit` runs due at `now` (active, due_at reached, journey active or archived —
 * never paused) in due order and leases them by pushing due_at to `now` + RUN_LEASE_MS in the
 * same statement, so no transaction is held while they run and another worker skips them
 * (SKIP LOCKED now, the lease afterwards). Returns them with their journey's name. The journey's
 * status is a scalar subquery and the update reads the claimed ids by primary key, so the plan
 * walks the due index in order and stops at the limit: as a join, a burst of 100,000 runs due at
 * once was planned as a scan and sort of all of them at every claim.
 */
export async function claimDueRuns(db: Knex, now: Date, limit: number): Promise<RunRow[]> {
  const { rows } = await db.raw(
    `WITH due AS (
       SELECT r.id FROM journey_runs r
        WHERE r.state = 'active' AND r.due_at IS NOT NULL AND r.due_at <= ?
          AND (SELECT j.status FROM journeys j WHERE j.id = r.journey_id) IN ('active', 'archived')
        ORDER BY r.due_at, r.id LIMIT ? FOR UPDATE OF r SKIP LOCKED
     )
     UPDATE journey_runs r SET due_at = ?, updated_at = now() WHERE r.id = ANY(ARRAY(SELECT id FROM due))
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
 * A run's move after a step, as {@link moveRunsStatement} writes it:
 * - `move`: on to `next` at `visit` (its arrivals there + 1, counted in `context.visits`), kept
 *   leased until `dueAt` (the runner goes on with it at once);
 * - `complete`: no next node, the run completes;
 * - `hold`: stays at its node until `dueAt` (null: nothing scheduled), waiting for `waitingFor`;
 * - `exit`: its context and step count are written; the caller ends it through endRuns.
 * `onlyIfWaiting`: only while the run still waits for an event. `messageId`: the message the step sent.
 */
export interface RunMove {
  run: Pick<RunRow, 'id' | 'node_id' | 'visit'>;
  op: 'move' | 'complete' | 'hold' | 'exit';
  context: RunContext;
  next?: string;
  visit?: number;
  dueAt?: Date | null;
  waitingFor?: RunWait | null;
  messageId?: string;
  onlyIfWaiting?: boolean;
}

/**
 * The UPDATE writing a batch of moves in one statement, each conditioned on its run still being
 * active at the node and visit the runner read (and, for `onlyIfWaiting`, still waiting); it
 * returns the ids of the runs that were still there and so moved. The ids are also given as an
 * array: the planner then reads the runs by primary key even before statistics know how many runs
 * a burst just made (a join with the record set alone was planned as a scan of every active run).
 * The runner sends it in one statement with the steps and settlements (outcomes.ts).
 */
export function moveRunsStatement(moves: RunMove[], now: Date): SqlStatement {
  return {
    sql: `UPDATE journey_runs r SET
            state = CASE WHEN v.op = 'complete' THEN 'completed' ELSE r.state END,
            end_reason = CASE WHEN v.op = 'complete' THEN 'completed' ELSE r.end_reason END,
            ended_at = CASE WHEN v.op = 'complete' THEN ?::timestamptz ELSE r.ended_at END,
            node_id = CASE WHEN v.op = 'move' THEN v.next_node ELSE r.node_id END,
            visit = CASE WHEN v.op = 'move' THEN v.next_visit ELSE r.visit END,
            due_at = CASE WHEN v.op = 'exit' THEN r.due_at ELSE v.due_at END,
            waiting_for = CASE WHEN v.op = 'exit' THEN r.waiting_for ELSE v.waiting_for END,
            context = v.context,
            steps = r.steps + CASE WHEN v.op = 'hold' THEN 0 ELSE 1 END,
            last_message_id = coalesce(v.message_id, r.last_message_id),
            updated_at = now()
       FROM jsonb_to_recordset(?::jsonb) AS v(id uuid, node_id text, visit int, op text, next_node text, next_visit int, due_at timestamptz,
                                             waiting_for jsonb, context jsonb, message_id uuid, only_if_waiting boolean)
      WHERE r.id = ANY(?::uuid[]) AND r.id = v.id AND r.state = 'active' AND r.node_id = v.node_id AND r.visit = v.visit
        AND (NOT v.only_if_waiting OR r.waiting_for IS NOT NULL)
      RETURNING r.id`,
    bindings: [
      now,
      JSON.stringify(
        moves.map((m) => ({
          id: m.run.id,
          node_id: m.run.node_id,
          visit: m.run.visit,
          op: m.op,
          next_node: m.next ?? null,
          next_visit: m.visit ?? null,
          due_at: m.dueAt ?? null,
          waiting_for: m.waitingFor ?? null,
          context: m.context,
          message_id: m.messageId ?? null,
          only_if_waiting: m.onlyIfWaiting ?? false,
        })),
      ),
      moves.map((m) => m.run.id),
    ],
  };
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

/** Hands runs the runner stops working on (its time is up, the worker stops) back as due now, each only where the runner left it. */
export async function releaseRuns(db: Knex, runs: Array<Pick<RunRow, 'id' | 'node_id' | 'visit'>>, now: Date): Promise<void> {
  if (!runs.length) return;
  await db.raw(
    `UPDATE journey_runs r SET due_at = ?, updated_at = now()
       FROM jsonb_to_recordset(?::jsonb) AS v(id uuid, node_id text, visit int)
      WHERE r.id = ANY(?::uuid[]) AND r.id = v.id AND r.state = 'active' AND r.node_id = v.node_id AND r.visit = v.visit`,
    [now, JSON.stringify(runs.map((r) => ({ id: r.id, node_id: r.node_id, visit: r.visit }))), runs.map((r) => r.id)],
  );
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
