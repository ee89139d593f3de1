import type { Knex } from 'knex';
import type { RunRow, StepRow } from './runnerTypes';

/**
 * Writes of `journey_steps`: one row per (run, node, visit). A row that exists means "this visit
 * was begun": the runner resumes it (finds its ledger row, its webhook attempts, its wait's end)
 * and never begins it again, so its id is the idempotency key of the step's effect.
 */

/** The step of this run's current visit of its node, if it was begun. */
export async function findStep(db: Knex, run: Pick<RunRow, 'id' | 'node_id' | 'visit'>): Promise<StepRow | undefined> {
  return db('journey_steps').where({ run_id: run.id, node_id: run.node_id, visit: run.visit }).first();
}

/** The ids of a run's steps at `nodeId` (every visit), latest visit first. */
export async function stepIdsAt(db: Knex, runId: string, nodeId: string): Promise<string[]> {
  const rows: Array<{ id: string }> = await db('journey_steps').where({ run_id: runId, node_id: nodeId }).orderBy('visit', 'desc').select('id');
  return rows.map((r) => r.id);
}

/**
 * Begins the current visit's step as `started` (before any effect), or returns the row a
 * previous attempt began: the insert and the read are one statement.
 */
export async function beginStep(db: Knex, run: RunRow, kind: string, now: Date): Promise<StepRow> {
  const { rows } = await db.raw(
    `INSERT INTO journey_steps (tenant_id, journey_id, version_id, run_id, node_id, visit, kind, status, started_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'started', ?)
     ON CONFLICT (run_id, node_id, visit) DO UPDATE SET kind = journey_steps.kind
     RETURNING *`,
    [run.tenant_id, run.journey_id, run.version_id, run.id, run.node_id, run.visit, kind, now],
  );
  return rows[0] as StepRow;
}

/** What a step row says after an executor ran: its status, the node it led to, why, and whether it is finished. */
export interface StepWrite {
  status: StepRow['status'];
  next: string | null;
  detail: Record<string, unknown>;
  finished: boolean;
}

/**
 * Writes the visit's step as the executor left it (inserting it when the executor needed no row
 * beforehand: branches, splits, the first arrival at a wait). A finished step keeps its first
 * start time and gets its finish time.
 */
export async function writeStep(trx: Knex, run: RunRow, kind: string, write: StepWrite, now: Date): Promise<void> {
  await trx.raw(
    `INSERT INTO journey_steps (tenant_id, journey_id, version_id, run_id, node_id, visit, kind, status, next_node_id, detail, started_at, finished_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)
     ON CONFLICT (run_id, node_id, visit) DO UPDATE
       SET status = EXCLUDED.status, next_node_id = EXCLUDED.next_node_id, detail = EXCLUDED.detail, finished_at = EXCLUDED.finished_at`,
    [
      run.tenant_id,
      run.journey_id,
      run.version_id,
      run.id,
      run.node_id,
      run.visit,
      kind,
      write.status,
      write.next,
      JSON.stringify(write.detail),
      now,
      write.finished ? now : null,
    ],
  );
}

/**
 * Begins a migrated run's visit of a kept waiting node as the continuation of the step it left:
 * `waiting`, with the old step's start and detail (its wait's end, what it waits for), so the
 * executor resumes the wait instead of starting it again.
 */
export async function carryWaitStep(trx: Knex, run: RunRow, from: StepRow): Promise<void> {
  await trx.raw(
    `INSERT INTO journey_steps (tenant_id, journey_id, version_id, run_id, node_id, visit, kind, status, detail, started_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'waiting', ?::jsonb, ?)
     ON CONFLICT (run_id, node_id, visit) DO NOTHING`,
    [
      run.tenant_id,
      run.journey_id,
      run.version_id,
      run.id,
      run.node_id,
      run.visit,
      from.kind,
      JSON.stringify({ ...from.detail, carriedFrom: { stepId: from.id } }),
      from.started_at,
    ],
  );
}

/** Closes the step a migrated run left behind (it waited in a node of its old version). */
export async function closeMigratedStep(trx: Knex, run: RunRow, to: { versionId: string | null; nodeId: string | null }, now: Date): Promise<void> {
  await trx('journey_steps')
    .where({ run_id: run.id, node_id: run.node_id, visit: run.visit })
    .whereIn('status', ['started', 'waiting'])
    .update({ status: 'done', finished_at: now, detail: trx.raw(`detail || ?::jsonb`, [JSON.stringify({ migratedTo: to })]) });
}
