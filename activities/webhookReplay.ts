import { Context } from '@temporalio/activity';
import type { Knex } from 'knex';
import { wakeDispatcher } from '../domain/webhooks/lifecycle';
import { notifyDispatchers } from '../domain/webhooks/relay';

/** Deliveries re-queued per statement. */
const PAGE = 1000;

/**
 * The replay job's activity: counts what the range selects, then re-queues it in keyset pages
 * of (created_at, id), recording progress on the job row and heartbeating the cursor, so a retry
 * resumes after the last page done. Re-queued deliveries keep their id (the same webhook-id) and
 * go out through the endpoint's dispatcher, which is woken at the end.
 */
export function createWebhookReplayActivities(deps: { db: Knex }) {
  const { db } = deps;
  return {
    async replayDeliveries(tenantId: string, replayId: string): Promise<number> {
      const ctx = Context.current();
      const job = await db('webhook_replays').where({ tenant_id: tenantId, id: replayId }).first();
      if (!job || job.status !== 'running') return job?.processed ?? 0;
      const selected = () => {
        const q = db('webhook_deliveries').where({ tenant_id: tenantId, endpoint_id: job.endpoint_id });
        if (job.scope === 'failed') q.where('status', 'failed');
        else q.whereNot('status', 'pending');
        if (job.from) q.where('created_at', '>=', job.from);
        if (job.to) q.where('created_at', '<=', job.to);
        return q;
      };
      let cursor = (ctx.info.heartbeatDetails as { createdAt: string; id: string } | undefined) ?? null;
      let processed: number = job.processed;
      if (!cursor) {
        const [counted] = await selected().count<{ count: number }[]>({ count: '*' });
        await db('webhook_replays').where({ id: replayId }).update({ total: Number(counted?.count ?? 0) });
      }
      for (;;) {
        const page = selected().select('id', db.raw('created_at::text AS created_at')).orderBy([{ column: 'created_at' }, { column: 'id' }]).limit(PAGE);
        if (cursor) page.whereRaw('(created_at, id) > (?::timestamptz, ?::uuid)', [cursor.createdAt, cursor.id]);
        const rows = (await page) as Array<{ id: string; created_at: string }>;
        if (!rows.length) break;
        const done = processed + rows.length;
        await db.transaction(async (trx) => {
          await trx('webhook_deliveries').whereIn('id', rows.map((r) => r.id)).andWhere({ tenant_id: tenantId }).update({ status: 'pending', next_attempt_at: trx.fn.now() });
          await trx('webhook_replays').where({ id: replayId }).update({ processed: done });
          await notifyDispatchers(trx, [job.endpoint_id]);
        });
        processed = done;
        const last = rows[rows.length - 1]!;
        cursor = { createdAt: last.created_at, id: last.id };
        ctx.heartbeat(cursor);
      }
      await db('webhook_replays').where({ id: replayId }).update({ status: 'completed', finished_at: db.fn.now() });
      await wakeDispatcher(ctx.client, ctx.info.taskQueue, tenantId, job.endpoint_id);
      return processed;
    },
  };
}
