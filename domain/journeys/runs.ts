import type { Knex } from 'knex';
import { sqlEventData, sqlInsertEvents } from '../events/outbox';
import type { EndReason, RunTrigger, RunWait } from './types';

/**
 * The run-row writes both the router and the runner make: end runs, make them due, hand a waiting
 * run the event it waited for, mark conversions. Each is one set-based statement that writes its
 * journey.* events in the same statement (so the change and its event commit together), and each
 * changes only runs still `active`, so a run another writer ended meanwhile stays as it ended.
 * All times come from the caller's clock (ActivityDeps.clock), never from SQL now(). Statements
 * that join a record set to journey_runs also name its ids with `= ANY(ids)`: right after a burst
 * the table's statistics lag, and the planner would otherwise scan every open run for the join.
 */

/** The data fields every journey event shares, over a run row `r`, its journey `j` and version `v`. */
const RUN_FIELDS = { journeyId: 'r.journey_id', journeyName: 'j.name', version: 'v.version', runId: 'r.id', customerId: 'r.customer_id' } as const;

/** A journey event for each run row of `relation` (a CTE with the run's columns), with the journey's name and version. */
function runEvents(type: 'journey.entered' | 'journey.converted' | 'journey.exited', relation: string, data: string): string {
  return sqlInsertEvents(type, {
    tenantId: 'r.tenant_id',
    subjectType: 'journey',
    subjectId: 'r.journey_id',
    data,
    from: `${relation} r JOIN journeys j ON j.id = r.journey_id JOIN journey_versions v ON v.id = r.version_id`,
  });
}

/** SQL inserting journey.entered for each run row of `relation` (entries.ts inserts runs set-based). */
export const enteredEventsSql = (relation: string) => runEvents('journey.entered', relation, sqlEventData('journey.entered', RUN_FIELDS));

/** One run to end: its final state and why. */
export interface RunEnd {
  runId: string;
  state: 'completed' | 'exited' | 'failed';
  reason: EndReason;
}

/**
 * Ends runs that are still active (ended_at = now, nothing due, no wait), in one statement with a
 * journey.exited event for each one that ends `exited`. Answers the ids it ended.
 */
export async function endRuns(db: Knex, ends: RunEnd[], now: Date): Promise<string[]> {
  if (!ends.length) return [];
  const { rows } = await db.raw<{ rows: Array<{ id: string }> }>(
    `WITH ended AS (
       UPDATE journey_runs r SET state = e.state, end_reason = e.reason, ended_at = ?, due_at = NULL, waiting_for = NULL, updated_at = now()
       FROM jsonb_to_recordset(?::jsonb) AS e(id uuid, state text, reason text)
       WHERE r.id = e.id AND r.id = ANY(?::uuid[]) AND r.state = 'active'
       RETURNING r.id, r.tenant_id, r.journey_id, r.version_id, r.customer_id, r.state, r.end_reason
     ), exited AS (SELECT * FROM ended WHERE state = 'exited'),
     emitted AS (${runEvents('journey.exited', 'exited', sqlEventData('journey.exited', { ...RUN_FIELDS, reason: 'r.end_reason' }))} RETURNING 1)
     SELECT id FROM ended`,
    [now, JSON.stringify(ends.map((e) => ({ id: e.runId, state: e.state, reason: e.reason }))), ends.map((e) => e.runId)],
  );
  return rows.map((r) => r.id);
}

/** Ends one run (see {@link endRuns}); false when it had already ended. */
export async function endRun(db: Knex, end: RunEnd, now: Date): Promise<boolean> {
  return (await endRuns(db, [end], now)).length === 1;
}

/** Makes active runs due at `now` (the runner claims them within its poll). Answers how many. */
export async function makeDue(db: Knex, runIds: string[], now: Date): Promise<number> {
  if (!runIds.length) return 0;
  const result = await db.raw(`UPDATE journey_runs SET due_at = ?, updated_at = now() WHERE id = ANY(?::uuid[]) AND state = 'active'`, [now, runIds]);
  return result.rowCount ?? 0;
}

/** A waiting run and the event that ends its wait. */
export interface RunWake {
  runId: string;
  /** Where the run waited when the router read it: the wake applies only if it still waits there. */
  nodeId: string;
  visit: number;
  event: RunTrigger;
}

/**
 * Hands waiting runs the event they waited for: `context.received` = the event, no longer
 * waiting, due now. Only runs still waiting at the same node and visit change, so a wait that
 * timed out meanwhile (the runner cleared `waiting_for` when it took the timeout branch) keeps
 * its timeout. Answers the ids woken.
 */
export async function receiveEvents(db: Knex, wakes: RunWake[], now: Date): Promise<string[]> {
  if (!wakes.length) return [];
  const { rows } = await db.raw<{ rows: Array<{ id: string }> }>(
    `UPDATE journey_runs r SET context = jsonb_set(r.context, '{received}', w.event), waiting_for = NULL, due_at = ?, updated_at = now()
     FROM jsonb_to_recordset(?::jsonb) AS w(id uuid, node_id text, visit int, event jsonb)
     WHERE r.id = w.id AND r.id = ANY(?::uuid[]) AND r.state = 'active' AND r.waiting_for IS NOT NULL AND r.node_id = w.node_id AND r.visit = w.visit
     RETURNING r.id`,
    [now, JSON.stringify(wakes.map((w) => ({ id: w.runId, node_id: w.nodeId, visit: w.visit, event: w.event }))), wakes.map((w) => w.runId)],
  );
  return rows.map((r) => r.id);
}

/**
 * Marks runs converted at `now`, crediting the last message each sent (converted_message_id =
 * last_message_id), with a journey.converted event each; runs already converted or ended are
 * left alone. Answers the ids converted.
 */
export async function convertRuns(db: Knex, runIds: string[], now: Date): Promise<string[]> {
  if (!runIds.length) return [];
  const { rows } = await db.raw<{ rows: Array<{ id: string }> }>(
    `WITH converted AS (
       UPDATE journey_runs SET converted_at = ?, converted_message_id = last_message_id, updated_at = now()
       WHERE id = ANY(?::uuid[]) AND state = 'active' AND converted_at IS NULL
       RETURNING id, tenant_id, journey_id, version_id, customer_id, converted_message_id
     ), emitted AS (${runEvents('journey.converted', 'converted', sqlEventData('journey.converted', { ...RUN_FIELDS, messageId: 'r.converted_message_id' }))} RETURNING 1)
     SELECT id FROM converted`,
    [now, runIds],
  );
  return rows.map((r) => r.id);
}

/** An open run as the router reads it to route a customer's events. */
export interface OpenRun {
  id: string;
  journeyId: string;
  versionId: string;
  customerId: string;
  nodeId: string;
  visit: number;
  waitingFor: RunWait | null;
  enteredAt: Date;
  convertedAt: Date | null;
  /** The trigger's properties, for goals and exit rules tied to the trigger (`EventMatch.match`). */
  triggerProperties: Record<string, unknown> | null;
}

/** The active runs of these customers (index journey_runs_customer_open), oldest entry first. */
export async function openRunsOf(db: Knex, tenantId: string, customerIds: string[]): Promise<OpenRun[]> {
  if (!customerIds.length) return [];
  const { rows } = await db.raw<{ rows: OpenRun[] }>(
    `SELECT id, journey_id AS "journeyId", version_id AS "versionId", customer_id AS "customerId", node_id AS "nodeId", visit,
            waiting_for AS "waitingFor", entered_at AS "enteredAt", converted_at AS "convertedAt",
            trigger -> 'properties' AS "triggerProperties"
     FROM journey_runs WHERE tenant_id = ? AND customer_id = ANY(?::uuid[]) AND state = 'active'
     ORDER BY entered_at, id`,
    [tenantId, customerIds],
  );
  return rows;
}
