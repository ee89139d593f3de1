import { round } from './statistics';
import type { InsightFinding, InsightProducer, InsightQuery } from './types';

/** At least this many messages must be held for one reason. */
export const DEFERRALS_MIN_HELD = 50;
/** …and their median delay (until their next attempt) must reach this many hours. */
export const DEFERRALS_MIN_MEDIAN_HOURS = 1;
/** A day's delay counts as the whole effect when ranking. */
const FULL_EFFECT_HOURS = 24;

/** The policy deferrals this insight reads (a recipient's own timezone is a wish, not a delay). */
const POLICY_REASONS = ['frequency_cap', 'quiet_hours'] as const;

const REASON_TEXT: Record<(typeof POLICY_REASONS)[number], { name: string; advice: string }> = {
  frequency_cap: {
    name: 'the frequency cap',
    advice: 'Space campaigns to the same audience further apart, or raise the frequency cap if these messages are time-sensitive.',
  },
  quiet_hours: {
    name: 'quiet hours',
    advice: "Schedule these campaigns inside the recipients' communication hours (or use the recipient's timezone) so they are not held overnight.",
  },
};

/**
 * Messages held now by policy, per reason: pending ledger rows of the tenant's live campaigns
 * (scheduled, sending, paused) with a future next attempt. The ledger keeps a deferral's reason
 * only while the row waits (a send clears it), so this reads the present, not a history. Bounded
 * by the campaigns' pending rows (campaign_recipients_pending).
 */
async function heldMessages(q: InsightQuery) {
  const { rows } = await q.db.raw<{
    rows: Array<{ reason: (typeof POLICY_REASONS)[number]; held: number; customers: number; campaigns: number; median_hours: number; max_hours: number }>;
  }>(
    `SELECT r.deferred_reason AS reason, count(*)::int AS held, count(DISTINCT r.customer_id)::int AS customers,
            count(DISTINCT r.campaign_id)::int AS campaigns,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM (r.next_attempt_at - ?::timestamptz)) / 3600) AS median_hours,
            max(extract(epoch FROM (r.next_attempt_at - ?::timestamptz)) / 3600)::float8 AS max_hours
       FROM campaigns c
       JOIN campaign_recipients r ON r.campaign_id = c.id AND r.state IN ('pending', 'sending')
      WHERE c.tenant_id = ? AND c.status IN ('scheduled', 'sending', 'paused')
        AND r.state = 'pending' AND r.next_attempt_at > ? AND r.deferred_reason = ANY (?::text[])
      GROUP BY 1 ORDER BY 1`,
    [q.now, q.now, q.tenantId, q.now, [...POLICY_REASONS]],
  );
  return rows;
}

/** Frequency-cap and quiet-hour deferrals that delay many messages now. */
export const deliveryDeferrals: InsightProducer = {
  type: 'delivery_deferrals',
  async produce(q) {
    const rows = await heldMessages(q);
    return rows.flatMap((r): InsightFinding[] => {
      if (r.held < DEFERRALS_MIN_HELD || r.median_hours < DEFERRALS_MIN_MEDIAN_HOURS) return [];
      const text = REASON_TEXT[r.reason];
      const median = round(r.median_hours, 1);
      return [
        {
          type: 'delivery_deferrals',
          subject: { kind: 'deferral_reason', id: null, name: r.reason },
          title: `${r.held} messages are held by ${text.name}`,
          description:
            `${r.held} messages to ${r.customers} customers in ${r.campaigns} campaign${r.campaigns === 1 ? '' : 's'} are waiting because of ${text.name}: ` +
            `half of them for ${median} hours or more (up to ${round(r.max_hours, 1)} hours).`,
          recommendation: text.advice,
          affectedCustomers: r.customers,
          effect: Math.min(1, r.median_hours / FULL_EFFECT_HOURS),
          metric: { name: 'heldMessages', current: r.held, previous: null, change: null },
          evidence: {
            window: { from: q.now, to: new Date(q.now.getTime() + r.max_hours * 3_600_000) },
            previousWindow: null,
            counts: { heldMessages: r.held, customers: r.customers, campaigns: r.campaigns, medianDelayHours: median, maxDelayHours: round(r.max_hours, 1) },
          },
        },
      ];
    });
  },
};
