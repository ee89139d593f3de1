import type { Knex } from 'knex';
import { iso } from '../../lib/time';
import { recordAudit } from '../audit/repo';
import type { CampaignRow } from './types';
import { decideVariants, MIN_SAMPLE, ALPHA, type DecisionOutcome, type VariantResult, type VariantSample } from './variantStats';
import { testDurationMs, testEndsAt, type TestMetric } from './variants';

/**
 * Measuring and deciding a campaign's A/B test (issue 19): each variant's test group is counted
 * from the ledger (opens, clicks) or from tracked customer events (a conversion within its window
 * after the send), the rule of variantStats.ts decides, and the decision is recorded on the
 * campaign together with the release of the held audience to the winner, in one transaction.
 */

/** The rule, as recorded with each decision. */
export const DECISION_RULE =
  `95 % Wilson intervals per variant; the leader wins when every variant has at least ${MIN_SAMPLE} measured sends and a two-sided ` +
  `pooled two-proportion z-test puts it above each other variant at p < ${ALPHA} / (variants − 1); otherwise the first variant (the control)`;

/** A variant's line in a decision: the rule's numbers plus the variant's name. */
export interface DecidedVariant extends VariantResult {
  name: string;
}

/** The recorded decision of a campaign's A/B test. */
export interface TestDecision {
  decidedAt: string;
  metric: TestMetric;
  rule: string;
  outcome: DecisionOutcome;
  winner: string;
  leader: string;
  adjustedAlpha: number;
  reason: string;
  variants: DecidedVariant[];
  /** Held recipients released to the winner. */
  released: number;
}

/** The SQL that says whether test row `r` succeeded by the metric, and its bindings. */
function successSql(metric: TestMetric, now: Date): { sql: string; bindings: Knex.Value[] } {
  if (metric === 'opens') return { sql: 'r.opened_at IS NOT NULL', bindings: [] };
  if (metric === 'clicks') return { sql: 'r.clicked_at IS NOT NULL', bindings: [] };
  // A conversion: the tracked event within the window after this recipient's send, and not after now.
  return {
    sql: `EXISTS (SELECT 1 FROM customer_events e
                   WHERE e.tenant_id = r.tenant_id AND e.customer_id = r.customer_id AND e.name = ?
                     AND e.occurred_at >= r.sent_at AND e.occurred_at <= LEAST(r.sent_at + ? * interval '1 millisecond', ?::timestamptz))`,
    bindings: [metric.event, testDurationMs(metric.within), now],
  };
}

/**
 * Each variant's measured sends (accepted by the provider) and successes in the test group, in
 * the campaign's variant order. One grouped read of the test rows (partial index
 * `campaign_recipients_variant_test`), plus one index probe per sent row for a conversion metric.
 */
export async function variantSamples(db: Knex, campaign: CampaignRow, now: Date): Promise<VariantSample[]> {
  const success = successSql(campaign.ab_test!.metric, now);
  const { rows } = await db.raw(
    `SELECT r.variant,
            count(*) FILTER (WHERE r.state IN ('sent', 'delivered'))::int AS sample,
            count(*) FILTER (WHERE r.state IN ('sent', 'delivered') AND ${success.sql})::int AS successes
       FROM campaign_recipients r
      WHERE r.campaign_id = ? AND r.variant_phase = 'test'
      GROUP BY r.variant`,
    [...success.bindings, campaign.id],
  );
  const byKey = new Map((rows as Array<{ variant: string; sample: number; successes: number }>).map((r) => [r.variant, r]));
  return (campaign.variants ?? []).map((v) => ({ key: v.key, sample: byKey.get(v.key)?.sample ?? 0, successes: byKey.get(v.key)?.successes ?? 0 }));
}

/**
 * Decides the campaign's test once its window has ended, in one transaction holding the campaign
 * row: measures the test group, applies the rule, records the decision (with an audit row) and
 * releases the held audience to the winner (`held` → `pending`, variant = winner). Idempotent: a
 * retried call returns the recorded decision. Null when the campaign has no test or is gone.
 */
export async function decideCampaignTest(db: Knex, tenantId: string, campaignId: string, now: Date): Promise<TestDecision | null> {
  return db.transaction(async (trx) => {
    const campaign: CampaignRow | undefined = await trx('campaigns').where({ tenant_id: tenantId, id: campaignId }).forUpdate().first();
    if (!campaign?.ab_test || !campaign.variants?.length) return null;
    if (campaign.ab_decision) return campaign.ab_decision;
    const verdict = decideVariants(await variantSamples(trx, campaign, now));
    const names = new Map(campaign.variants.map((v) => [v.key, v.name]));
    const released = await trx('campaign_recipients').where({ campaign_id: campaignId, state: 'held' }).update({ state: 'pending', variant: verdict.winner });
    const decision: TestDecision = {
      decidedAt: iso(now)!,
      metric: campaign.ab_test.metric,
      rule: DECISION_RULE,
      outcome: verdict.outcome,
      winner: verdict.winner,
      leader: verdict.leader,
      adjustedAlpha: verdict.adjustedAlpha,
      reason: verdict.reason,
      variants: verdict.variants.map((v) => ({ ...v, name: names.get(v.key) ?? v.key })),
      released,
    };
    await trx('campaigns')
      .where({ id: campaignId })
      .update({ ab_decision: JSON.stringify(decision), updated_at: trx.fn.now() });
    await recordAudit(trx, 'system', tenantId, {
      action: 'campaign.test_decided',
      subjectType: 'campaign',
      subjectId: campaignId,
      changes: { outcome: decision.outcome, winner: decision.winner, released },
    });
    return decision;
  });
}

/** The A/B part of a campaign's analytics. */
export interface VariantAnalytics {
  share: number;
  metric: TestMetric;
  duration: string;
  /** `testing` until the window ends and the decision is recorded, then `decided`. */
  status: 'testing' | 'decided';
  endsAt: string | null;
  /** Each variant's test group now (live while testing): sample, successes, rate, interval, p-value against the leader. */
  variants: Array<DecidedVariant & { sent: number }>;
  /** The leader so far; while testing this is no decision (flat data shows no winner). */
  leader: string;
  decision: TestDecision | null;
}

/**
 * Each variant with its live rate and 95 % interval, the messages it sent overall (test group and,
 * for the winner, the rest) and the recorded decision. Null for a campaign without a test.
 */
export async function variantAnalytics(db: Knex, campaign: CampaignRow, now: Date): Promise<VariantAnalytics | null> {
  if (!campaign.ab_test || !campaign.variants?.length) return null;
  const verdict = decideVariants(await variantSamples(db, campaign, now));
  const sentRows = await db('campaign_recipients')
    .where({ campaign_id: campaign.id })
    .whereNotNull('variant')
    .whereIn('state', ['sent', 'delivered'])
    .groupBy('variant')
    .select('variant', db.raw('count(*)::int AS n'));
  const sent = new Map(sentRows.map((r) => [r.variant as string, r.n as number]));
  const names = new Map(campaign.variants.map((v) => [v.key, v.name]));
  const endsAt = testEndsAt(campaign);
  return {
    share: campaign.ab_test.share,
    metric: campaign.ab_test.metric,
    duration: campaign.ab_test.duration,
    status: campaign.ab_decision ? 'decided' : 'testing',
    endsAt: campaign.ab_decision ? null : iso(endsAt),
    variants: verdict.variants.map((v) => ({ ...v, name: names.get(v.key) ?? v.key, sent: sent.get(v.key) ?? 0 })),
    leader: verdict.leader,
    decision: campaign.ab_decision ?? null,
  };
}
