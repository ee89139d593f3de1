import type { Knex } from 'knex';
import { ensureJourneyRunner } from '../../domain/journeys/lifecycle';
import type { JourneyDefinition, JourneyNode, RunTrigger, SendNode } from '../../domain/journeys/types';
import { startCampaignStack } from '../integration/campaignHarness';
import { startTestWorker } from './testWorker';

/**
 * Rows the runner tests start from, inserted with knex directly (test support may write tables):
 * a published journey with its version and the hidden campaign of each send node (as publishing
 * creates them), and runs placed at a node, due at a given time. The runner part is built beside
 * the definition part, so these stand in for POST /journeys + publish.
 */

/** A journey as inserted: its id, its first version's id, and the hidden campaign of each send node. */
export interface InsertedJourney {
  journeyId: string;
  versionId: string;
  sendCampaigns: Record<string, string>;
}

/** Inserts the hidden campaigns of a version's send nodes (kind `journey`, status `sending`) and returns node id → campaign id. */
async function insertSendCampaigns(db: Knex, tenantId: string, journeyId: string, versionId: string, nodes: JourneyNode[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const node of nodes.filter((n): n is SendNode => n.type === 'send')) {
    const [row] = await db('campaigns')
      .insert({
        tenant_id: tenantId,
        name: `journey ${journeyId} ${node.id}`,
        kind: 'journey',
        channel: node.channel,
        subject: node.subject ?? null,
        body: node.body,
        audience: JSON.stringify({ type: 'journey', journeyId, versionId, nodeId: node.id }),
        schedule: JSON.stringify({ type: 'now' }),
        options: JSON.stringify({ respectQuietHours: node.respectQuietHours ?? true, ...(node.frequencyCap ? { frequencyCap: node.frequencyCap } : {}) }),
        status: 'sending',
      })
      .returning('id');
    out[node.id] = row.id;
  }
  return out;
}

/** Inserts a version of a journey (numbered after the latest) with its send campaigns, and makes it current. */
export async function insertVersion(db: Knex, tenantId: string, journeyId: string, definition: JourneyDefinition): Promise<InsertedJourney> {
  const journey = await db('journeys').where({ id: journeyId }).first('latest_version');
  const version = (journey?.latest_version ?? 0) + 1;
  const [v] = await db('journey_versions')
    .insert({ tenant_id: tenantId, journey_id: journeyId, version, definition: JSON.stringify(definition) })
    .returning('id');
  const sendCampaigns = await insertSendCampaigns(db, tenantId, journeyId, v.id, definition.nodes);
  await db('journey_versions')
    .where({ id: v.id })
    .update({ send_campaigns: JSON.stringify(sendCampaigns) });
  await db('journeys').where({ id: journeyId }).update({ current_version_id: v.id, latest_version: version });
  return { journeyId, versionId: v.id, sendCampaigns };
}

/** Inserts a published journey (status `active` unless told) whose first version is `definition`. */
export async function insertJourney(
  db: Knex,
  tenantId: string,
  definition: JourneyDefinition,
  options: { name?: string; status?: 'active' | 'paused' | 'archived' } = {},
): Promise<InsertedJourney> {
  const [j] = await db('journeys')
    .insert({ tenant_id: tenantId, name: options.name ?? 'Test journey', status: options.status ?? 'active', draft: JSON.stringify(definition) })
    .returning('id');
  return insertVersion(db, tenantId, j.id, definition);
}

/** A tracked-event trigger with these properties. */
export const eventTrigger = (name: string, properties: Record<string, unknown> = {}, occurredAt = new Date()): RunTrigger => ({
  kind: 'event',
  eventId: null,
  name,
  properties,
  occurredAt: occurredAt.toISOString(),
});

/** Inserts one run of a customer at `nodeId` (default the definition's start), due at `dueAt`, as the router creates them. */
export async function insertRun(
  db: Knex,
  journey: InsertedJourney & { tenantId: string },
  customerId: string,
  options: { nodeId: string; dueAt: Date; trigger?: RunTrigger; context?: Record<string, unknown> },
): Promise<string> {
  const [row] = await db('journey_runs')
    .insert({
      tenant_id: journey.tenantId,
      journey_id: journey.journeyId,
      version_id: journey.versionId,
      customer_id: customerId,
      node_id: options.nodeId,
      visit: 1,
      due_at: options.dueAt,
      trigger: JSON.stringify(options.trigger ?? eventTrigger('Test')),
      context: JSON.stringify({ visits: { [options.nodeId]: 1 }, ...options.context }),
      entered_at: options.dueAt,
    })
    .returning('id');
  return row.id;
}

/** Inserts a run for every customer of the tenant at once (one statement), all due at `dueAt`. */
export async function insertRunsForAll(
  db: Knex,
  journey: InsertedJourney & { tenantId: string },
  options: { nodeId: string; dueAt: Date; trigger?: RunTrigger },
): Promise<number> {
  const result = await db.raw(
    `INSERT INTO journey_runs (tenant_id, journey_id, version_id, customer_id, node_id, visit, due_at, trigger, context, entered_at)
     SELECT c.tenant_id, ?, ?, c.id, ?, 1, ?, ?::jsonb, ?::jsonb, ? FROM customers c WHERE c.tenant_id = ?`,
    [
      journey.journeyId,
      journey.versionId,
      options.nodeId,
      options.dueAt,
      JSON.stringify(options.trigger ?? eventTrigger('Test')),
      JSON.stringify({ visits: { [options.nodeId]: 1 } }),
      options.dueAt,
      journey.tenantId,
    ],
  );
  return result.rowCount ?? 0;
}

/** A run's row. */
export const runRow = (db: Knex, runId: string) => db('journey_runs').where({ id: runId }).first();

/** A run's step rows in the order they began. */
export const stepRows = (db: Knex, runId: string) =>
  db('journey_steps')
    .where({ run_id: runId })
    .orderBy([{ column: 'started_at' }, { column: 'visit' }]);

/**
 * The campaign test stack (API, SMTP sink, Twilio fake) with Herald's worker in this process on
 * `clock`, and the journey runner started on the file's task queue.
 */
export async function startJourneyStack(clock: () => Date, options: { concurrency?: number; pageSize?: number } = {}) {
  const stack = await startCampaignStack({ withWorker: false, now: clock, concurrency: options.concurrency, pageSize: options.pageSize });
  const stopWorker = await startTestWorker(stack.db, { messaging: stack.messaging, clock });
  await ensureJourneyRunner(stack.server.runtime.temporal);
  return {
    ...stack,
    async close() {
      await stopWorker();
      await stack.close();
    },
  };
}

/** The stack's interface. */
export type JourneyStack = Awaited<ReturnType<typeof startJourneyStack>>;
