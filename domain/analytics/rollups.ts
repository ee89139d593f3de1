import type { Knex } from 'knex';
import { materialiseActivePairs } from './activePairs';

/**
 * The 15-minute UTC slot a timestamp falls in. Every offset in use today is a whole number of
 * quarter hours, so a slot never straddles a local day, week, month or year boundary.
 */
export const SLOT_SQL = (column: string) => `date_bin('15 minutes', ${column}, timestamptz '2000-01-01 00:00:00+00')`;

/**
 * How far back each run recomputes slots that were already materialised: order status changes
 * (cancellations, refunds), soft-deleted customers and late campaign opens within this window
 * reach the rollups at the next run; older ones at the next full rebuild (REBUILD_HOURS).
 */
export const RECOMPUTE_DAYS = 35;
/** A tenant's rollups are rebuilt from all history when the last rebuild is older than this. */
export const REBUILD_HOURS = 24;

/** What one materialisation did for a tenant. */
export interface MaterialisedTenant {
  tenantId: string;
  materialisedUntil: Date;
  from: Date | null;
}

/** Orders counted as paid (revenue) exclude these statuses, as the customer statistics do. */
export const UNPAID_STATUSES = `('cancelled', 'refunded')`;

/**
 * Materialises one tenant's rollups up to the start of the current slot, in one transaction
 * under a per-tenant advisory lock (a retried activity and a schedule run never interleave).
 * The first run of the day (or `full`) rebuilds all history; other runs recompute from
 * RECOMPUTE_DAYS before the previous watermark, so their cost is bounded by that window, not by
 * the tenant's size. Slots are deleted and recomputed from the base tables: a run is idempotent.
 */
export async function materialiseTenant(db: Knex, tenantId: string, options: { full?: boolean } = {}): Promise<MaterialisedTenant> {
  return db.transaction(async (trx) => {
    await trx.raw(`SELECT pg_advisory_xact_lock(hashtext('analytics-rollups'), hashtext(?))`, [tenantId]);
    const { rows } = await trx.raw<{ rows: Array<{ until: Date; from: Date | null }> }>(
      `SELECT ${SLOT_SQL('now()')} AS until,
              (SELECT materialised_until - make_interval(days => ?) FROM analytics_rollup_state
               WHERE tenant_id = ? AND rebuilt_at > now() - make_interval(hours => ?) AND NOT ?) AS from`,
      [RECOMPUTE_DAYS, tenantId, REBUILD_HOURS, options.full ?? false],
    );
    const until = rows[0]!.until;
    const from = rows[0]!.from;
    const lower = from ?? new Date(0);
    await trx('analytics_order_slots').where('tenant_id', tenantId).andWhere('slot', '>=', lower).delete();
    await trx.raw(
      `INSERT INTO analytics_order_slots (tenant_id, slot, orders, paid_orders, revenue)
       SELECT tenant_id, ${SLOT_SQL('placed_at')}, count(*),
              count(*) FILTER (WHERE status NOT IN ${UNPAID_STATUSES}),
              coalesce(sum(total) FILTER (WHERE status NOT IN ${UNPAID_STATUSES}), 0)
       FROM orders WHERE tenant_id = ? AND placed_at >= ? AND placed_at < ?
       GROUP BY 1, 2`,
      [tenantId, lower, until],
    );
    await trx('analytics_customer_slots').where('tenant_id', tenantId).andWhere('slot', '>=', lower).delete();
    // (tenant_id, created_at, id) WHERE deleted_at IS NULL is the customers' created_at sort index.
    await trx.raw(
      `INSERT INTO analytics_customer_slots (tenant_id, slot, new_customers)
       SELECT tenant_id, ${SLOT_SQL('created_at')}, count(*)
       FROM customers WHERE tenant_id = ? AND deleted_at IS NULL AND created_at >= ? AND created_at < ?
       GROUP BY 1, 2`,
      [tenantId, lower, until],
    );
    await materialiseCampaigns(trx, tenantId, lower, until);
    await materialiseActivePairs(trx, tenantId, from, until);
    await trx.raw(
      `INSERT INTO analytics_rollup_state (tenant_id, materialised_until, materialised_at, rebuilt_at) VALUES (?, ?, now(), now())
       ON CONFLICT (tenant_id) DO UPDATE SET materialised_until = excluded.materialised_until, materialised_at = excluded.materialised_at,
         rebuilt_at = CASE WHEN ? THEN excluded.rebuilt_at ELSE analytics_rollup_state.rebuilt_at END`,
      [tenantId, until, from === null],
    );
    return { tenantId, materialisedUntil: until, from };
  });
}

/**
 * Campaign ledger marks per slot: sends by sent_at, opens by opened_at, clicks by clicked_at.
 * Only campaigns started since RECOMPUTE_DAYS before the window are recomputed (by the ledger's
 * (campaign_id, customer_id) index), and only their slots are replaced: an older campaign's
 * rows stay as materialised.
 */
async function materialiseCampaigns(trx: Knex.Transaction, tenantId: string, lower: Date, until: Date): Promise<void> {
  const campaigns = trx('campaigns')
    .where({ tenant_id: tenantId, kind: 'campaign' })
    .whereNotNull('started_at')
    .andWhere('started_at', '>=', trx.raw(`?::timestamptz - make_interval(days => ?)`, [lower, RECOMPUTE_DAYS]))
    .select('id');
  await trx('analytics_campaign_slots').where('tenant_id', tenantId).whereIn('campaign_id', campaigns.clone()).delete();
  await trx.raw(
    `INSERT INTO analytics_campaign_slots (tenant_id, slot, campaign_id, sent, opened, clicked)
     SELECT ?, slot, campaign_id, sum(sent), sum(opened), sum(clicked)
     FROM (
       SELECT r.campaign_id, ${SLOT_SQL('m.at')} AS slot, m.sent, m.opened, m.clicked
       FROM campaign_recipients r
       CROSS JOIN LATERAL (VALUES (r.sent_at, 1, 0, 0), (r.opened_at, 0, 1, 0), (r.clicked_at, 0, 0, 1)) AS m(at, sent, opened, clicked)
       WHERE r.tenant_id = ? AND r.campaign_id IN (${campaigns.toQuery()}) AND m.at IS NOT NULL AND m.at < ?
     ) marks
     GROUP BY slot, campaign_id`,
    [tenantId, tenantId, until],
  );
}

/** Tenants in id order: the schedule's run materialises each in its own transaction. */
export async function tenantIds(db: Knex): Promise<string[]> {
  return db('tenants').orderBy('id').pluck('id');
}
