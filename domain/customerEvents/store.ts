import type { Knex } from 'knex';
import { appendEvents, type OutboxEvent } from '../events/outbox';
import type { CommandContext } from '../shared/context';
import type { CustomerEvent, TrackResult } from './types';

/**
 * The writes of customer events: the events themselves, their messageId claims and the name
 * counts (the three tables this folder owns), and their `customer.event` outbox events.
 */

/** One event ready to store (identity resolved, time checked): the listed event before it has a receipt time. */
export type EventRow = Omit<CustomerEvent, 'occurredAt' | 'receivedAt'> & { occurredAt: Date };

/** Which rows a batch stores and which repeat a messageId seen before (with the first one's answer). */
async function claimMessageIds(trx: Knex, tenantId: string, rows: EventRow[], receivedAt: Date): Promise<Map<number, TrackResult>> {
  const duplicates = new Map<number, TrackResult>();
  const firstOf = new Map<string, number>();
  rows.forEach((row, i) => {
    if (row.messageId === null) return;
    const first = firstOf.get(row.messageId);
    if (first === undefined) firstOf.set(row.messageId, i);
    else duplicates.set(i, { id: rows[first]!.id, customerId: rows[first]!.customerId, deduplicated: true });
  });
  if (!firstOf.size) return duplicates;
  const claims = [...firstOf.values()].map((i) => ({ m: rows[i]!.messageId, e: rows[i]!.id, c: rows[i]!.customerId }));
  // A concurrent batch claiming the same id waits here for the other's commit, then sees a conflict.
  const { rows: claimed } = await trx.raw<{ rows: Array<{ message_id: string }> }>(
    `INSERT INTO customer_event_ids (tenant_id, message_id, event_id, customer_id, received_at)
     SELECT ?, r.m, r.e, r.c, ? FROM jsonb_to_recordset(?::jsonb) AS r(m text, e uuid, c uuid)
     ON CONFLICT (tenant_id, message_id) DO NOTHING RETURNING message_id`,
    [tenantId, receivedAt, JSON.stringify(claims)],
  );
  const won = new Set(claimed.map((r) => r.message_id));
  const lost = [...firstOf.keys()].filter((m) => !won.has(m));
  if (!lost.length) return duplicates;
  const earlier = await trx('customer_event_ids').where({ tenant_id: tenantId }).whereIn('message_id', lost).select('message_id', 'event_id', 'customer_id');
  const answer = new Map(
    earlier.map((r: { message_id: string; event_id: string; customer_id: string | null }) => [
      r.message_id,
      { id: r.event_id, customerId: r.customer_id, deduplicated: true },
    ]),
  );
  rows.forEach((row, i) => {
    if (row.messageId !== null && answer.has(row.messageId)) duplicates.set(i, answer.get(row.messageId)!);
  });
  return duplicates;
}

/** How many count rows each name has: concurrent batches add to different ones (see the migration `customer_event_name_shards`). */
export const NAME_COUNT_SHARDS = 16;

/**
 * Counts stored events per name, aggregated per batch, in one of the name's {@link NAME_COUNT_SHARDS}
 * rows picked at random, so concurrent batches with the same names rarely wait for each other's
 * commit. Rows are inserted (and so locked) in name order, so two batches that meet on a shard
 * wait instead of deadlocking; run last in the transaction so the rows stay locked only until the commit.
 */
async function countNames(trx: Knex, tenantId: string, rows: EventRow[]): Promise<void> {
  const byName = new Map<string, { n: number; first: Date; last: Date }>();
  for (const row of rows) {
    const seen = byName.get(row.name);
    if (!seen) byName.set(row.name, { n: 1, first: row.occurredAt, last: row.occurredAt });
    else {
      seen.n += 1;
      if (row.occurredAt < seen.first) seen.first = row.occurredAt;
      if (row.occurredAt > seen.last) seen.last = row.occurredAt;
    }
  }
  const names = [...byName.entries()].map(([name, s]) => ({ name, n: s.n, first: s.first.toISOString(), last: s.last.toISOString() }));
  await trx.raw(
    `INSERT INTO customer_event_names AS c (tenant_id, name, shard, count, first_seen_at, last_seen_at)
     SELECT ?, r.name, ?, r.n, r.first, r.last FROM jsonb_to_recordset(?::jsonb) AS r(name text, n bigint, first timestamptz, last timestamptz) ORDER BY r.name
     ON CONFLICT (tenant_id, name, shard) DO UPDATE SET count = c.count + excluded.count,
       first_seen_at = least(c.first_seen_at, excluded.first_seen_at), last_seen_at = greatest(c.last_seen_at, excluded.last_seen_at)`,
    [tenantId, Math.floor(Math.random() * NAME_COUNT_SHARDS), JSON.stringify(names)],
  );
}

/** The outbox event of a stored customer event. */
const outboxEvent = (row: EventRow, receivedAt: Date): OutboxEvent => ({
  type: 'customer.event',
  subjectType: row.customerId ? 'customer' : 'customer_event',
  subjectId: row.customerId ?? row.id,
  data: {
    eventId: row.id,
    customerId: row.customerId,
    anonymousId: row.anonymousId,
    name: row.name,
    properties: row.properties,
    messageId: row.messageId,
    occurredAt: row.occurredAt.toISOString(),
    receivedAt: receivedAt.toISOString(),
    backfill: row.backfill,
  },
});

/**
 * Stores events in the caller's transaction: claims their messageIds (a repeat, in the batch or
 * within the claims' lifetime, stores nothing and answers the first one's id), inserts the new
 * events in one statement, appends their `customer.event` outbox events and counts their names.
 * Answers one result per row, in order.
 */
export async function storeEvents(trx: Knex, ctx: CommandContext, rows: EventRow[], receivedAt: Date): Promise<TrackResult[]> {
  const tenantId = ctx.principal.tenantId;
  const duplicates = await claimMessageIds(trx, tenantId, rows, receivedAt);
  const fresh = rows.filter((_, i) => !duplicates.has(i));
  if (fresh.length) {
    const records = fresh.map((r) => ({
      id: r.id,
      customer_id: r.customerId,
      anonymous_id: r.anonymousId,
      name: r.name,
      properties: r.properties,
      context: r.context,
      message_id: r.messageId,
      occurred_at: r.occurredAt.toISOString(),
      backfill: r.backfill,
    }));
    await trx.raw(
      `INSERT INTO customer_events (id, tenant_id, customer_id, anonymous_id, name, properties, context, message_id, occurred_at, received_at, backfill)
       SELECT r.id, ?, r.customer_id, r.anonymous_id, r.name, r.properties, r.context, r.message_id, r.occurred_at, ?, r.backfill
       FROM jsonb_to_recordset(?::jsonb) AS r(id uuid, customer_id uuid, anonymous_id text, name text, properties jsonb, context jsonb, message_id text, occurred_at timestamptz, backfill boolean)`,
      [tenantId, receivedAt, JSON.stringify(records)],
    );
    await appendEvents(
      trx,
      ctx,
      fresh.map((r) => outboxEvent(r, receivedAt)),
    );
    await countNames(trx, tenantId, fresh);
  }
  return rows.map((r, i) => duplicates.get(i) ?? { id: r.id, customerId: r.customerId, deduplicated: false });
}

/**
 * Attaches the anonymous history of `anonymousId` (events stored with no customer) to a
 * customer, when an identify carries both; answers the names of the events attached.
 */
export async function mergeAnonymousEvents(db: Knex, tenantId: string, anonymousId: string, customerId: string): Promise<string[]> {
  const { rows } = await db.raw<{ rows: Array<{ name: string }> }>(
    'UPDATE customer_events SET customer_id = ? WHERE tenant_id = ? AND anonymous_id = ? AND customer_id IS NULL RETURNING name',
    [customerId, tenantId, anonymousId],
  );
  return rows.map((r) => r.name);
}
