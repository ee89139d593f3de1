import type { Knex } from 'knex';
import { refreshCustomerStatistics } from '../../domain/customers/statistics';

/**
 * Builders for the insight tests (issue 19): rows written directly with chosen timestamps, so each
 * planted effect is known exactly. Orders go through the customers' real statistics refresh, so the
 * cached figures customers at risk reads are the ones Herald would compute.
 */

const DAY_MS = 86_400_000;

/** `days` days (fractions allowed) before `now`. */
export const daysBefore = (now: Date, days: number): Date => new Date(now.getTime() - days * DAY_MS);

/** Inserts `count` customers of the tenant in one statement and answers their ids in creation order. */
export async function insertCustomers(db: Knex, tenantId: string, count: number, label: string): Promise<string[]> {
  const { rows } = await db.raw<{ rows: Array<{ id: string }> }>(
    `INSERT INTO customers (tenant_id, first_name, last_name, full_name, email)
     SELECT ?, ?, 'N' || n, ? || ' N' || n, lower(?) || '-' || n || '@example.com' FROM generate_series(1, ?) n ORDER BY n
     RETURNING id`,
    [tenantId, label, label, label.replace(/\W/g, ''), count],
  );
  return rows.map((r) => r.id);
}

/** One planted order: its customer, when it was placed and its items (category null = uncategorised). */
export interface PlantedOrder {
  customerId: string;
  placedAt: Date;
  items: Array<{ category: string | null; total: number }>;
  status?: string;
}

let orderSerial = 0;

/** Inserts the orders and their items, then refreshes each customer's cached statistics as the order commands do. */
export async function insertOrders(db: Knex, tenantId: string, orders: PlantedOrder[]): Promise<void> {
  for (const o of orders) {
    orderSerial += 1;
    const total = o.items.reduce((sum, i) => sum + i.total, 0);
    const [row] = await db('orders')
      .insert({
        tenant_id: tenantId,
        customer_id: o.customerId,
        order_number: `INS-${orderSerial}`,
        status: o.status ?? 'delivered',
        subtotal: total,
        total,
        items_count: o.items.length,
        placed_at: o.placedAt,
      })
      .returning('id');
    await db('order_items').insert(
      o.items.map((i, n) => ({
        tenant_id: tenantId,
        order_id: (row as { id: string }).id,
        name: `Item ${n}`,
        category: i.category,
        quantity: 1,
        unit_price: i.total,
        total: i.total,
      })),
    );
  }
  for (const customerId of new Set(orders.map((o) => o.customerId))) await db.transaction((trx) => refreshCustomerStatistics(trx, tenantId, customerId));
}

/** A campaign row (email unless said otherwise) in the given status. */
export async function insertCampaign(db: Knex, tenantId: string, name: string, status = 'completed', channel = 'email'): Promise<string> {
  const [row] = await db('campaigns')
    .insert({
      tenant_id: tenantId,
      name,
      channel,
      subject: 'Hello',
      body: 'Hi {{ firstName }}',
      audience: JSON.stringify({ all: [] }),
      schedule: JSON.stringify({ type: 'now' }),
      status,
    })
    .returning('id');
  return (row as { id: string }).id;
}

/** Ledger rows of a campaign: each customer sent at `sentAt`, the first `opened` opened and the first `clicked` clicked an hour later. */
export async function insertSends(
  db: Knex,
  tenantId: string,
  campaignId: string,
  customerIds: string[],
  sentAt: Date,
  marks: { opened: number; clicked: number },
): Promise<void> {
  const later = new Date(sentAt.getTime() + 3_600_000);
  await db('campaign_recipients').insert(
    customerIds.map((customerId, i) => ({
      tenant_id: tenantId,
      campaign_id: campaignId,
      customer_id: customerId,
      channel: 'email',
      address: `${i}@example.com`,
      state: 'sent',
      attempts: 1,
      sent_at: sentAt,
      opened_at: i < marks.opened ? later : null,
      clicked_at: i < marks.clicked ? later : null,
    })),
  );
}

/** Pending ledger rows held by policy until `until`, for the reason given. */
export async function insertHeld(db: Knex, tenantId: string, campaignId: string, customerIds: string[], until: Date, reason: string): Promise<void> {
  await db('campaign_recipients').insert(
    customerIds.map((customerId, i) => ({
      tenant_id: tenantId,
      campaign_id: campaignId,
      customer_id: customerId,
      channel: 'email',
      address: `${i}@example.com`,
      state: 'pending',
      next_attempt_at: until,
      deferred_reason: reason,
    })),
  );
}

/** A segment defined at `definedAt`, with memberships: each `{ customerId, enteredAt, exitedAt? }`. */
export async function insertSegment(
  db: Knex,
  tenantId: string,
  name: string,
  definedAt: Date,
  stays: Array<{ customerId: string; enteredAt: Date; exitedAt?: Date }>,
): Promise<string> {
  const [row] = await db('segments')
    .insert({
      tenant_id: tenantId,
      name,
      rules: JSON.stringify({ kind: 'condition', field: 'tags', operator: 'hasAny', value: ['x'] }),
      member_count: stays.filter((s) => !s.exitedAt).length,
      created_at: definedAt,
      updated_at: definedAt,
    })
    .returning('id');
  const segmentId = (row as { id: string }).id;
  await db('segment_memberships').insert(
    stays.map((s) => ({ tenant_id: tenantId, segment_id: segmentId, customer_id: s.customerId, entered_at: s.enteredAt, exited_at: s.exitedAt ?? null })),
  );
  return segmentId;
}

/** Complaint conversations of a category, opened at the given times (one per customer, in turn). */
export async function insertComplaints(db: Knex, tenantId: string, category: string, customerIds: string[], at: Date[]): Promise<void> {
  await db('conversations').insert(
    at.map((createdAt, i) => ({
      tenant_id: tenantId,
      customer_id: customerIds[i % customerIds.length],
      channel: 'note',
      type: 'complaint',
      category,
      status: 'open',
      created_at: createdAt,
      updated_at: createdAt,
      last_message_at: createdAt,
    })),
  );
}
