import type { Knex } from 'knex';
import { notifyDispatchers } from './relay';

/**
 * A replay job's work, as its workflow's activity runs it: count what the range selects, then
 * re-queue it in keyset pages of (created_at, id), recording progress on the job row, so a retry
 * resumes after the last page done. Re-queued deliveries keep their id (the same webhook-id).
 * Creating and reading jobs is the API's side, in deliveries.ts.
 */

/** Deliveries re-queued per statement. */
export const REPLAY_PAGE = 1000;

/** Where a replay stands in its range's (created_at, id) order: the last delivery re-queued. */
export interface ReplayCursor {
  createdAt: string;
  id: string;
}

/** A replay job as its activity needs it. */
interface ReplayJob {
  id: string;
  tenantId: string;
  endpointId: string;
  scope: 'all' | 'failed';
  from: Date | null;
  to: Date | null;
  status: string;
  processed: number;
}

/** What {@link runReplay} did: the deliveries re-queued so far (this run and earlier ones) and the endpoint to wake. */
export interface ReplayOutcome {
  processed: number;
  endpointId: string;
  /** False when the job was not running (gone, or already finished): nothing was re-queued and nothing needs waking. */
  ran: boolean;
}

async function findReplayJob(db: Knex, tenantId: string, replayId: string): Promise<ReplayJob | undefined> {
  const row = await db('webhook_replays')
    .where({ tenant_id: tenantId, id: replayId })
    .first('id', 'tenant_id', 'endpoint_id', 'scope', 'from', 'to', 'status', 'processed');
  return (
    row && {
      id: row.id,
      tenantId: row.tenant_id,
      endpointId: row.endpoint_id,
      scope: row.scope,
      from: row.from,
      to: row.to,
      status: row.status,
      processed: row.processed,
    }
  );
}

/** The deliveries the job's range selects: finished ones (or failed ones only), created within [from, to]. */
function selected(db: Knex, job: ReplayJob): Knex.QueryBuilder {
  const q = db('webhook_deliveries').where({ tenant_id: job.tenantId, endpoint_id: job.endpointId });
  if (job.scope === 'failed') q.where('status', 'failed');
  else q.whereNot('status', 'pending');
  if (job.from) q.where('created_at', '>=', job.from);
  if (job.to) q.where('created_at', '<=', job.to);
  return q;
}

/**
 * Re-queues the next page after `cursor` and records the job's progress in one transaction (with
 * a NOTIFY to running dispatchers at its commit). Returns the new position, or null when the
 * range is done.
 */
async function requeueNextPage(
  db: Knex,
  job: ReplayJob,
  cursor: ReplayCursor | null,
  processed: number,
): Promise<{ cursor: ReplayCursor; processed: number } | null> {
  const page = selected(db, job)
    .select('id', db.raw('created_at::text AS created_at'))
    .orderBy([{ column: 'created_at' }, { column: 'id' }])
    .limit(REPLAY_PAGE);
  if (cursor) page.whereRaw('(created_at, id) > (?::timestamptz, ?::uuid)', [cursor.createdAt, cursor.id]);
  const rows = (await page) as Array<{ id: string; created_at: string }>;
  if (!rows.length) return null;
  const done = processed + rows.length;
  await db.transaction(async (trx) => {
    await trx('webhook_deliveries')
      .whereIn(
        'id',
        rows.map((r) => r.id),
      )
      .andWhere({ tenant_id: job.tenantId })
      .update({ status: 'pending', next_attempt_at: trx.fn.now() });
    await trx('webhook_replays').where({ id: job.id }).update({ processed: done });
    await notifyDispatchers(trx, [job.endpointId]);
  });
  const last = rows[rows.length - 1]!;
  return { cursor: { createdAt: last.created_at, id: last.id }, processed: done };
}

/**
 * Runs a replay job from `resumeAfter` (the cursor of a previous attempt's last page, or null to
 * start: the job's total is counted first), calling `onPage` with the cursor after every page,
 * then marks the job completed. A job that is not running is left alone.
 */
export async function runReplay(
  db: Knex,
  tenantId: string,
  replayId: string,
  resumeAfter: ReplayCursor | null,
  onPage: (cursor: ReplayCursor) => void,
): Promise<ReplayOutcome> {
  const job = await findReplayJob(db, tenantId, replayId);
  if (!job || job.status !== 'running') return { processed: job?.processed ?? 0, endpointId: job?.endpointId ?? '', ran: false };
  let cursor = resumeAfter;
  let processed = job.processed;
  if (!cursor) {
    const [counted] = await selected(db, job).count<{ count: number }[]>({ count: '*' });
    await db('webhook_replays')
      .where({ id: replayId })
      .update({ total: Number(counted?.count ?? 0) });
  }
  for (;;) {
    const next = await requeueNextPage(db, job, cursor, processed);
    if (!next) break;
    ({ cursor, processed } = next);
    onPage(next.cursor);
  }
  await db('webhook_replays').where({ id: replayId }).update({ status: 'completed', finished_at: db.fn.now() });
  return { processed, endpointId: job.endpointId, ran: true };
}
