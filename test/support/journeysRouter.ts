import type { Knex } from 'knex';
import type { JourneyDefinition, JourneyStatus } from '../../domain/journeys/types';
import { until } from './until';

/**
 * Journeys for the router's tests, written with knex directly (the definition part builds the API
 * and publishing alongside): a journey with one published version, its runs, and a way to wait
 * until the router has routed everything queued for a tenant.
 */

/** A one-node definition (`start` delays a day) with the given entry, goal and exit rules. */
export function definitionWith(parts: Pick<JourneyDefinition, 'entry'> & Partial<JourneyDefinition>): JourneyDefinition {
  return { start: 'start', nodes: [{ id: 'start', type: 'delay', duration: '1d' }], ...parts };
}

/** Inserts a journey with `definition` as its published version 1 and the given status (active by default). */
export async function publishJourney(
  db: Knex,
  tenantId: string,
  definition: JourneyDefinition,
  options: { name?: string; status?: Exclude<JourneyStatus, 'draft'> } = {},
): Promise<{ journeyId: string; versionId: string }> {
  const [journey] = await db('journeys')
    .insert({ tenant_id: tenantId, name: options.name ?? 'Test journey', status: options.status ?? 'active', draft: definition, latest_version: 1 })
    .returning('id');
  const journeyId = (journey as { id: string }).id;
  const [version] = await db('journey_versions').insert({ tenant_id: tenantId, journey_id: journeyId, version: 1, definition }).returning('id');
  const versionId = (version as { id: string }).id;
  await db('journeys').where({ id: journeyId }).update({ current_version_id: versionId });
  return { journeyId, versionId };
}

/** Sets a journey's status (pause, archive, resume) as the definition part's commands would. */
export async function setJourneyStatus(db: Knex, journeyId: string, status: Exclude<JourneyStatus, 'draft'>): Promise<void> {
  await db('journeys').where({ id: journeyId }).update({ status, updated_at: db.fn.now() });
}

/** A run row as the tests read it. */
export interface RunRow {
  id: string;
  customer_id: string;
  entry_key: string | null;
  state: string;
  node_id: string;
  visit: number;
  due_at: Date | null;
  waiting_for: unknown;
  trigger: { kind: string; eventId: string | null; name: string; properties: Record<string, unknown>; occurredAt: string };
  context: Record<string, unknown>;
  entered_at: Date;
  ended_at: Date | null;
  end_reason: string | null;
  converted_at: Date | null;
  converted_message_id: string | null;
}

/** The journey's runs in entry order. */
export async function runsOf(db: Knex, journeyId: string): Promise<RunRow[]> {
  return (await db('journey_runs')
    .where({ journey_id: journeyId })
    .orderBy([{ column: 'entered_at' }, { column: 'id' }])) as RunRow[];
}

/**
 * Waits until nothing is queued for the tenant: a router pass takes its events off the queue in
 * the transaction that routes them, so an empty queue means every event committed so far is routed.
 */
export async function routed(db: Knex, tenantId: string, timeoutMs = 20_000): Promise<void> {
  await until(
    async () => Number((await db('journey_event_queue').where({ tenant_id: tenantId }).count<{ n: string }[]>({ n: '*' }))[0]!.n),
    (n) => n === 0,
    { timeoutMs, label: 'the journey event queue to drain' },
  );
}

/** The tenant's journey.* events (type and data) in outbox order. */
export async function journeyEvents(db: Knex, tenantId: string): Promise<Array<{ type: string; data: Record<string, unknown> }>> {
  const rows = await db('events').where({ tenant_id: tenantId }).where('type', 'like', 'journey.%').orderBy('seq').select('type', 'payload');
  return rows.map((r: { type: string; payload: { data: Record<string, unknown> } }) => ({ type: r.type, data: r.payload.data }));
}
