import type { Knex } from 'knex';
import { durationMs } from './durations';
import { enteredEventsSql } from './runs';
import type { EntryPolicy, RunTrigger } from './types';

/**
 * Entries: new runs for the customers whose events matched a journey's entry, under its entry
 * policy, one `INSERT … SELECT` per journey per router pass however many events the pass holds (a
 * segment refresh emits a segment.entered per new member, 100,000 at once), with a journey.entered
 * event per run in the same statement.
 *
 * Policies (see types.ts EntryPolicy):
 * - `once`: no run of the journey for the customer ever before (per key when keyed);
 * - `one_at_a_time`: no open run; the partial unique index `journey_runs_open_entry` (journey,
 *   customer, entry_key) WHERE ended_at IS NULL decides, with ON CONFLICT DO NOTHING, so two
 *   routers racing on the same customer make one run;
 * - `every_time`: `entry_key` null (never conflicts) unless keyed; `cooldown`: no entry within the
 *   cooldown before now, and at most one entry per customer per pass (entries of one pass share
 *   one instant); `maxEntries`: the customer's earlier entries plus this pass's so far stay within it;
 * - keyed (`key`): one open run per key value; `once` + key is once per key value.
 * Cooldown and maxEntries are decided on committed rows: two routers entering the same customer
 * at the same moment could both pass them. One router runs per deployment (its workflow id is
 * per task queue), so that needs a second router taking over while the first still works.
 */

/** One customer's matching event for a journey, in queue order. */
export interface EntryCandidate {
  seq: number;
  customerId: string;
  entryKey: string | null;
  trigger: RunTrigger;
}

/** The journey (its published version) runs enter. */
export interface EnteringJourney {
  tenantId: string;
  journeyId: string;
  versionId: string;
  startNodeId: string;
  policy: EntryPolicy;
}

/** A run an entry created, and the event (trigger eventId) that created it. */
export interface EnteredRun {
  runId: string;
  customerId: string;
  eventId: string | null;
}

/** The policy's SQL conditions on a candidate `c` (seq, customer_id, entry_key, nth per customer), with their bindings. */
function policyConditions(journey: EnteringJourney, now: Date): { sql: string; bindings: Knex.Value[] } {
  const { policy } = journey;
  const parts: string[] = [];
  const bindings: Knex.Value[] = [];
  const earlier = (extra: string) => `SELECT 1 FROM journey_runs r WHERE r.journey_id = ? AND r.customer_id = c.customer_id${extra}`;
  if (policy.mode === 'once') {
    parts.push(`NOT EXISTS (${earlier(policy.key ? ' AND r.entry_key = c.entry_key' : '')})`);
    bindings.push(journey.journeyId);
  }
  // A cooldown that is not a duration (publishing validates it) is no cooldown, never a failed pass.
  const cooldownMs = policy.mode === 'every_time' && policy.cooldown ? (durationMs(policy.cooldown) ?? Number.NaN) : Number.NaN;
  if (Number.isFinite(cooldownMs)) {
    parts.push(`c.nth = 1 AND NOT EXISTS (${earlier(' AND r.entered_at > ?')})`);
    bindings.push(journey.journeyId, new Date(now.getTime() - cooldownMs));
  }
  if (policy.mode === 'every_time' && policy.maxEntries !== undefined) {
    parts.push(`(SELECT count(*) FROM journey_runs r WHERE r.journey_id = ? AND r.customer_id = c.customer_id) + c.nth <= ?`);
    bindings.push(journey.journeyId, policy.maxEntries);
  }
  return { sql: parts.length ? parts.join(' AND ') : 'TRUE', bindings };
}

/**
 * Creates the runs these candidates earn under the journey's policy, for customers that exist and
 * are not deleted: node = start, visit 1, due now, the trigger kept; one journey.entered event per
 * run. Answers the runs created.
 */
export async function enterRuns(db: Knex, journey: EnteringJourney, candidates: EntryCandidate[], now: Date): Promise<EnteredRun[]> {
  if (!candidates.length) return [];
  const policy = policyConditions(journey, now);
  const rows = candidates.map((c) => ({ seq: c.seq, customer_id: c.customerId, entry_key: c.entryKey, trigger: c.trigger }));
  const { rows: created } = await db.raw<{ rows: Array<{ id: string; customer_id: string; event_id: string | null }> }>(
    `WITH c AS (
       SELECT x.*, row_number() OVER (PARTITION BY x.customer_id ORDER BY x.seq) AS nth
       FROM jsonb_to_recordset(?::jsonb) AS x(seq bigint, customer_id uuid, entry_key text, trigger jsonb)
       JOIN customers cu ON cu.id = x.customer_id AND cu.tenant_id = ? AND cu.deleted_at IS NULL
     ), inserted AS (
       INSERT INTO journey_runs (tenant_id, journey_id, version_id, customer_id, entry_key, node_id, visit, due_at, trigger, entered_at)
       SELECT ?, ?, ?, c.customer_id, c.entry_key, ?, 1, ?, c.trigger, ? FROM c WHERE ${policy.sql} ORDER BY c.seq
       ON CONFLICT (journey_id, customer_id, entry_key) WHERE ended_at IS NULL DO NOTHING
       RETURNING id, tenant_id, journey_id, version_id, customer_id, trigger ->> 'eventId' AS event_id
     ), emitted AS (${enteredEventsSql('inserted')} RETURNING 1)
     SELECT id, customer_id, event_id FROM inserted`,
    [JSON.stringify(rows), journey.tenantId, journey.tenantId, journey.journeyId, journey.versionId, journey.startNodeId, now, now, ...policy.bindings],
  );
  return created.map((r) => ({ runId: r.id, customerId: r.customer_id, eventId: r.event_id }));
}
