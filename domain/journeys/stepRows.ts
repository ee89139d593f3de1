import type { Knex } from 'knex';
import type { SqlStatement } from '../../db/prepared';
import type { RunRow, StepRow } from './runnerTypes';

/**
 * Writes of `journey_steps`: one row per (run, node, visit). A row that exists means "this visit
 * was begun": the runner resumes it (finds its ledger row, its webhook attempts, its wait's end)
 * and never begins it again, so its id is the idempotency key of the step's effect. The runner
 * works on batches of runs at the same node, so each read and write here takes a batch and is
 * one statement.
 */

/** The (run, node, visit) keys of runs' current visits, as jsonb_to_recordset reads them. */
const visitKeys = (runs: Array<Pick<RunRow, 'id' | 'node_id' | 'visit'>>) =>
  JSON.stringify(runs.map((r) => ({ run_id: r.id, node_id: r.node_id, visit: r.visit })));

/** The steps of these runs' current visits that were begun, by run id. */
export async function findSteps(db: Knex, runs: Array<Pick<RunRow, 'id' | 'node_id' | 'visit'>>): Promise<Map<string, StepRow>> {
  if (!runs.length) return new Map();
  const { rows } = await db.raw<{ rows: StepRow[] }>(
    `SELECT s.* FROM jsonb_to_recordset(?::jsonb) AS k(run_id uuid, node_id text, visit int)
       JOIN journey_steps s ON s.run_id = k.run_id AND s.node_id = k.node_id AND s.visit = k.visit
      WHERE s.run_id = ANY(?::uuid[])`,
    [visitKeys(runs), runs.map((r) => r.id)],
  );
  return new Map(rows.map((s) => [s.run_id, s]));
}

/** The ids of a run's steps at `nodeId` (every visit), latest visit first. */
export async function stepIdsAt(db: Knex, runId: string, nodeId: string): Promise<string[]> {
  const rows: Array<{ id: string }> = await db('journey_steps').where({ run_id: runId, node_id: nodeId }).orderBy('visit', 'desc').select('id');
  return rows.map((r) => r.id);
}

/**
 * Begins the current visit's step of each run as `started` (before any effect), or returns the
 * row a previous attempt began: the inserts and the reads are one statement. By run id.
 */
export async function beginSteps(db: Knex, runs: RunRow[], kind: string, now: Date): Promise<Map<string, StepRow>> {
  if (!runs.length) return new Map();
  const { rows } = await db.raw<{ rows: StepRow[] }>(
    `INSERT INTO journey_steps (tenant_id, journey_id, version_id, run_id, node_id, visit, kind, status, started_at)
     SELECT k.tenant_id, k.journey_id, k.version_id, k.run_id, k.node_id, k.visit, ?, 'started', ?
       FROM jsonb_to_recordset(?::jsonb) AS k(tenant_id uuid, journey_id uuid, version_id uuid, run_id uuid, node_id text, visit int)
     ON CONFLICT (run_id, node_id, visit) DO UPDATE SET kind = journey_steps.kind
     RETURNING *`,
    [
      kind,
      now,
      JSON.stringify(
        runs.map((r) => ({ tenant_id: r.tenant_id, journey_id: r.journey_id, version_id: r.version_id, run_id: r.id, node_id: r.node_id, visit: r.visit })),
      ),
    ],
  );
  return new Map(rows.map((s) => [s.run_id, s]));
}

/** What a step row says after an executor ran: its status, the node it led to, why, and whether it is finished. */
export interface StepWrite {
  status: StepRow['status'];
  next: string | null;
  detail: Record<string, unknown>;
  finished: boolean;
}

/**
 * Writes each run's current step as its executor left it (inserting it when the executor needed
 * no row beforehand: branches, splits, the first arrival at a wait), in one statement. A
 * finished step keeps its first start time and gets its finish time. One write per run.
 */
export async function writeSteps(trx: Knex, writes: Array<{ run: RunRow; kind: string; write: StepWrite }>, now: Date): Promise<void> {
  if (!writes.length) return;
  const statement = writeStepsStatement(writes, now);
  await trx.raw(statement.sql, statement.bindings as Knex.RawBinding[]);
}

/** The INSERT of {@link writeSteps}, for the runner to send in one statement with the runs' moves. */
export function writeStepsStatement(writes: Array<{ run: RunRow; kind: string; write: StepWrite }>, now: Date): SqlStatement {
  return {
    sql: `INSERT INTO journey_steps (tenant_id, journey_id, version_id, run_id, node_id, visit, kind, status, next_node_id, detail, started_at, finished_at)
     SELECT w.tenant_id, w.journey_id, w.version_id, w.run_id, w.node_id, w.visit, w.kind, w.status, w.next_node_id, w.detail, ?,
            CASE WHEN w.finished THEN ?::timestamptz END
       FROM jsonb_to_recordset(?::jsonb) AS w(tenant_id uuid, journey_id uuid, version_id uuid, run_id uuid, node_id text, visit int, kind text,
                                             status text, next_node_id text, detail jsonb, finished boolean)
     ON CONFLICT (run_id, node_id, visit) DO UPDATE
       SET status = EXCLUDED.status, next_node_id = EXCLUDED.next_node_id, detail = EXCLUDED.detail, finished_at = EXCLUDED.finished_at`,
    bindings: [
      now,
      now,
      JSON.stringify(
        writes.map(({ run, kind, write }) => ({
          tenant_id: run.tenant_id,
          journey_id: run.journey_id,
          version_id: run.version_id,
          run_id: run.id,
          node_id: run.node_id,
          visit: run.visit,
          kind,
          status: write.status,
          next_node_id: write.next,
          detail: write.detail,
          finished: write.finished,
        })),
      ),
    ],
  };
}

/** Writes one run's current step (see {@link writeSteps}). */
export async function writeStep(trx: Knex, run: RunRow, kind: string, write: StepWrite, now: Date): Promise<void> {
  await writeSteps(trx, [{ run, kind, write }], now);
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
