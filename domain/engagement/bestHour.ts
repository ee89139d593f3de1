import type { Knex } from 'knex';
import { notFound } from '../../lib/errors';
import { iso } from '../../lib/time';
import { readMessagingSettings } from '../messaging/settings';
import { historyWindow, histogramOf, type HourHistogram } from './histograms';
import {
  decideBestHour,
  HISTORY_DAYS,
  MAX_OPENS_PER_CUSTOMER,
  MIN_CUSTOMER_OPENS,
  MIN_LIFT,
  MIN_SEGMENT_CUSTOMERS,
  MIN_SEGMENT_OPENS,
  SIGNIFICANCE,
  type BestHourDecision,
} from './model';

/** Members of a segment the segment's hour is computed from: the first by id, a uniform sample (ids are random UUIDs). */
export const SEGMENT_SAMPLE = 20_000;

/** The model's answer for a customer or a segment, as the API shows it. */
export interface BestHourAnswer extends BestHourDecision {
  /** The best hour as local wall-clock text (`19:00`), or null. */
  bestHourLocal: string | null;
  /** Members (or the customer) whose opens were read, and how many of them had any. */
  sample: { customersRead: number; customersWithOpens: number; opens: number };
  /** Opens by local hour, 0–23. */
  histogram: number[];
  /** The history read. */
  window: { from: string; to: string };
  /** The rule's parameters (docs/insights.md, "Best send time"). */
  rule: {
    historyDays: number;
    minimumOpens: number;
    minimumCustomersWithOpens: number;
    maxOpensPerCustomer: number;
    significance: number;
    minimumLift: number;
  };
}

const hourText = (hour: number | null) => (hour === null ? null : `${String(hour).padStart(2, '0')}:00`);

function answer(h: HourHistogram, customersRead: number, minimumOpens: number, minimumCustomers: number, now: Date): BestHourAnswer {
  const decision = decideBestHour(h.histogram, minimumOpens, h.customers >= minimumCustomers);
  const window = historyWindow(now);
  return {
    ...decision,
    bestHourLocal: hourText(decision.hour),
    sample: { customersRead, customersWithOpens: h.customers, opens: decision.opens },
    histogram: h.histogram,
    window: { from: iso(window.from)!, to: iso(window.to)! },
    rule: {
      historyDays: HISTORY_DAYS,
      minimumOpens,
      minimumCustomersWithOpens: minimumCustomers,
      maxOpensPerCustomer: MAX_OPENS_PER_CUSTOMER,
      significance: SIGNIFICANCE,
      minimumLift: MIN_LIFT,
    },
  };
}

/** A segment's current members (at most the sample), as the histogram reads them. */
const sampledMembers = (segmentId: string) => ({
  sql: `SELECT customer_id FROM segment_memberships WHERE segment_id = ? AND exited_at IS NULL ORDER BY customer_id LIMIT ${SEGMENT_SAMPLE}`,
  bindings: [segmentId],
});

/**
 * A segment's best hour from its members' pooled opens, each counted in the member's own zone
 * (null with a reason when the model finds none). Undefined when the segment is not the tenant's.
 */
export async function segmentBestHour(db: Knex, tenantId: string, segmentId: string, now: Date): Promise<(BestHourAnswer & { members: number }) | undefined> {
  const segment = await db('segments').where({ tenant_id: tenantId, id: segmentId }).first('member_count');
  if (!segment) return undefined;
  const settings = await readMessagingSettings(db, tenantId);
  const h = await histogramOf(db, tenantId, sampledMembers(segmentId), settings.timezone ?? null, now);
  const members = segment.member_count as number;
  return { ...answer(h, Math.min(members, SEGMENT_SAMPLE), MIN_SEGMENT_OPENS, MIN_SEGMENT_CUSTOMERS, now), members };
}

/**
 * The best-hour reads the API exposes: a customer's and a segment's, 404 for what is not the
 * tenant's. `now` is the service's clock (tests inject one).
 */
export function createEngagementQueries(deps: { db: Knex; now?: () => Date }) {
  const { db } = deps;
  const clock = deps.now ?? (() => new Date());
  return {
    /** A customer's best hour from their own opens, in their timezone (else the tenant's, else UTC). */
    async customerBestHour(tenantId: string, customerId: string): Promise<BestHourAnswer & { customerId: string; timezone: string }> {
      const customer = await db('customers').where({ tenant_id: tenantId, id: customerId }).whereNull('deleted_at').first('id');
      if (!customer) throw notFound('Customer');
      const settings = await readMessagingSettings(db, tenantId);
      const { rows } = await db.raw(
        `SELECT CASE WHEN timezone IN (SELECT name FROM pg_timezone_names) THEN timezone ELSE ?::text END AS zone FROM customers WHERE id = ?`,
        [settings.timezone || 'UTC', customerId],
      );
      const now = clock();
      const h = await histogramOf(db, tenantId, { sql: 'SELECT ?::uuid AS customer_id', bindings: [customerId] }, settings.timezone ?? null, now);
      return { customerId, timezone: rows[0].zone as string, ...answer(h, 1, MIN_CUSTOMER_OPENS, 1, now) };
    },

    /** A segment's best hour (404 when the segment is not the tenant's). */
    async segmentBestHour(tenantId: string, segmentId: string): Promise<BestHourAnswer & { segmentId: string; members: number }> {
      const found = await segmentBestHour(db, tenantId, segmentId, clock());
      if (!found) throw notFound('Segment');
      return { segmentId, ...found };
    },
  };
}

/** The engagement reads as the API sees them. */
export type EngagementQueries = ReturnType<typeof createEngagementQueries>;
