import type { Knex } from 'knex';

/** What an open run inserted by a test needs; the rest takes the table's defaults. */
export interface TestRun {
  tenantId: string;
  journeyId: string;
  versionId: string;
  customerId: string;
  nodeId: string;
  dueAt?: Date | null;
}

/**
 * Inserts an open run directly (no router or runner in the definition tests): a run of the given
 * version sitting in `nodeId`, entered now, with a tracked-event trigger. Returns its id.
 */
export async function insertOpenRun(db: Knex, run: TestRun): Promise<string> {
  const [row] = await db('journey_runs')
    .insert({
      tenant_id: run.tenantId,
      journey_id: run.journeyId,
      version_id: run.versionId,
      customer_id: run.customerId,
      node_id: run.nodeId,
      due_at: run.dueAt ?? null,
      trigger: JSON.stringify({ kind: 'event', eventId: null, name: 'Test', properties: {}, occurredAt: new Date().toISOString() }),
      entered_at: new Date(),
    })
    .returning('id');
  return (row as { id: string }).id;
}

/** The migration fields and position of a run, as the runner would read them. */
export async function runPosition(
  db: Knex,
  runId: string,
): Promise<{ node_id: string; version_id: string; migrate_to_version_id: string | null; migrate_to_node_id: string | null; due_at: Date | null }> {
  return db('journey_runs').where({ id: runId }).first('node_id', 'version_id', 'migrate_to_version_id', 'migrate_to_node_id', 'due_at');
}
