import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import type { Fields } from './report';
import { round } from './report';

/**
 * The design not chosen, priced: rollups maintained by the writers. N order inserts (one per
 * transaction, 8 concurrent clients, one scratch tenant) with and without an upsert of the slot's
 * row in analytics_order_slots in the same transaction (the caller creates and deletes the tenant). Every insert of a tenant in the same
 * 15 minutes updates the same row, so concurrent writers queue on its lock until each commits.
 */
export async function measureWriterUpsert(url: string, tenantId: string, writes: number): Promise<Fields> {
  const pool = new Pool({ connectionString: url, max: 8 });
  try {
    const { rows: cust } = await pool.query<{ id: string }>(
      `INSERT INTO customers (tenant_id, first_name, last_name, full_name) VALUES ($1, 'W', 'W', 'W W') RETURNING id`,
      [tenantId],
    );
    const customerId = cust[0]!.id;
    let serial = 0;
    const once = async (upsert: boolean) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const n = ++serial;
        await client.query(
          `INSERT INTO orders (tenant_id, customer_id, order_number, status, total, subtotal, items_count) VALUES ($1, $2, $3, 'placed', 25, 25, 1)`,
          [tenantId, customerId, `W${n}`],
        );
        if (upsert)
          await client.query(
            `INSERT INTO analytics_order_slots (tenant_id, slot, orders, paid_orders, revenue)
             VALUES ($1, date_bin('15 minutes', now(), timestamptz '2000-01-01 00:00:00+00'), 1, 1, 25)
             ON CONFLICT (tenant_id, slot) DO UPDATE SET orders = analytics_order_slots.orders + 1,
               paid_orders = analytics_order_slots.paid_orders + 1, revenue = analytics_order_slots.revenue + 25`,
            [tenantId],
          );
        await client.query('COMMIT');
      } finally {
        client.release();
      }
    };
    const rate = async (upsert: boolean) => {
      const began = performance.now();
      let left = writes;
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          while (left-- > 0) await once(upsert);
        }),
      );
      return writes / ((performance.now() - began) / 1000);
    };
    await rate(false); // warm-up
    const plain = await rate(false);
    const withUpsert = await rate(true);
    const plainAgain = await rate(false);
    const baseline = Math.max(plain, plainAgain);
    return {
      writes,
      concurrency: 8,
      insert_only_per_s: Math.round(baseline),
      insert_plus_rollup_upsert_per_s: Math.round(withUpsert),
      ratio_with_upsert: round(withUpsert / baseline, 3),
    };
  } finally {
    await pool.end();
  }
}
