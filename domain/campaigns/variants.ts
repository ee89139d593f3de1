import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import { validationFailed } from '../../lib/errors';
import { parseTemplates } from './templates';
import type { CampaignRow, Channel } from './types';

/**
 * Campaign A/B tests (issue 19): the definition (2–5 variants overriding the subject and/or body,
 * a test share, a winning metric and a test duration), its checks, and the split of the audience
 * at send time. The decision itself is in variantDecision.ts, the statistics in variantStats.ts.
 */

/** One variant: a key (stable, used in the ledger and the decision), a name, and what it overrides. */
export interface CampaignVariant {
  key: string;
  name: string;
  subject?: string | null;
  body?: string | null;
}

/** What wins: opens, clicks, or a tracked customer event within a window after the send. */
export type TestMetric = 'opens' | 'clicks' | { event: string; within: string };

/** The test: which share of the audience tests, what wins, and how long the test runs. */
export interface CampaignTest {
  /** Share of the sendable audience split across the variants, in (0, 1). */
  share: number;
  metric: TestMetric;
  /** How long after the send started the winner is decided ("30m", "4h", "2d"; seconds for tests). */
  duration: string;
}

/** Fewest and most variants in a test. */
export const VARIANT_LIMITS = { min: 2, max: 5 } as const;

/** Durations: a whole number and a unit, s, m, h or d. */
export const TEST_DURATION_PATTERN = '^[1-9][0-9]{0,6}[smhd]$';
const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
/** Shortest and longest test window (a few seconds make end-to-end tests practical). */
export const TEST_DURATION_BOUNDS_MS = { min: 5_000, max: 30 * 86_400_000 } as const;

/** A duration text (validated by {@link TEST_DURATION_PATTERN}) in milliseconds. */
export function testDurationMs(duration: string): number {
  return Number(duration.slice(0, -1)) * UNIT_MS[duration.slice(-1)]!;
}

type Issue = { location: 'body'; path: string; message: string };

/**
 * Checks a campaign's variants and test together with its channel and message, throwing one 422
 * with every problem: both or neither given, unique keys, each variant overriding something, no
 * subject on SMS, an e-mail subject for every variant, templates that parse, a duration within
 * bounds and a conversion window no longer than the test.
 */
export function checkVariants(input: {
  channel: Channel;
  subject: string | null | undefined;
  body: string;
  variants: CampaignVariant[] | null | undefined;
  test: CampaignTest | null | undefined;
}): void {
  const { variants, test } = input;
  if (!variants && !test) return;
  const issues: Issue[] = [];
  const add = (path: string, message: string) => issues.push({ location: 'body', path, message });
  if (!variants) add('variants', 'a test needs 2 to 5 variants');
  if (!test) add('test', 'variants need a test: { share, metric, duration }');
  for (const [i, v] of (variants ?? []).entries()) {
    if (variants!.findIndex((o) => o.key === v.key) !== i) add(`variants.${i}.key`, `repeats the key "${v.key}"`);
    if (v.subject == null && v.body == null) add(`variants.${i}`, 'must override the subject, the body or both');
    if (input.channel === 'sms' && v.subject != null) add(`variants.${i}.subject`, 'an SMS has no subject');
    if (input.channel === 'email' && !(v.subject ?? input.subject))
      add(`variants.${i}.subject`, 'an e-mail variant needs a subject (its own or the campaign’s)');
  }
  if (test) {
    const ms = testDurationMs(test.duration);
    if (ms < TEST_DURATION_BOUNDS_MS.min || ms > TEST_DURATION_BOUNDS_MS.max) add('test.duration', 'must be at least 5 seconds and at most 30 days');
    if (typeof test.metric === 'object' && testDurationMs(test.metric.within) > ms)
      add('test.metric.within', 'the conversion window cannot be longer than the test: the decision could not see it');
  }
  if (issues.length) throw validationFailed(issues, 'The A/B test is not valid');
  // Each variant's templates must parse, with errors naming the variant's fields.
  for (const [i, v] of variants!.entries()) {
    parseTemplates(v.subject ?? null, v.body ?? '', { subject: `variants.${i}.subject`, body: `variants.${i}.body` });
  }
}

/** The campaign as one variant sends it: the variant's subject and body in place of the campaign's. */
export function variantMessage(
  campaign: Pick<CampaignRow, 'subject' | 'body' | 'variants'>,
  key: string | null | undefined,
): { subject: string | null; body: string } {
  const variant = key ? (campaign.variants ?? []).find((v) => v.key === key) : undefined;
  return { subject: variant?.subject ?? campaign.subject, body: variant?.body ?? campaign.body };
}

/**
 * The seeded hash that orders a campaign's recipients for the split: md5 of "campaign:customer".
 * The SQL in {@link assignVariants} computes the same text, so a retry — or a reader checking the
 * split — gets the same order.
 */
export function splitHash(campaignId: string, customerId: string): string {
  return createHash('md5').update(`${campaignId}:${customerId}`).digest('hex');
}

/**
 * Splits a freshly snapshotted audience, in the snapshot's transaction. The sendable (pending)
 * rows are ordered by {@link splitHash}; the first round(share × n) — at least one per variant —
 * are the test group, dealt round-robin to the variants in that order (an even split, random
 * with respect to anything about the customers), and the others are `held` until the decision.
 * The same audience always gives the same split. Returns the size of the test group.
 */
export async function assignVariants(db: Knex, campaign: CampaignRow): Promise<number> {
  const variants = campaign.variants;
  const test = campaign.ab_test;
  if (!variants?.length || !test) return 0;
  const { rows } = await db.raw(
    `WITH ranked AS (
       SELECT id, row_number() OVER (ORDER BY md5(campaign_id::text || ':' || customer_id::text) COLLATE "C") - 1 AS rank, count(*) OVER () AS total
         FROM campaign_recipients
        WHERE campaign_id = ? AND state = 'pending' AND journey_step_id IS NULL
     ), sized AS (
       SELECT id, rank, LEAST(total, GREATEST(?::int, round(total * ?::numeric)::int)) AS test_size FROM ranked
     )
     UPDATE campaign_recipients r
        SET variant = CASE WHEN s.rank < s.test_size THEN (?::text[])[(s.rank % ?) + 1] END,
            variant_phase = CASE WHEN s.rank < s.test_size THEN 'test' ELSE 'rest' END,
            state = CASE WHEN s.rank < s.test_size THEN 'pending' ELSE 'held' END
       FROM sized s
      WHERE r.id = s.id
      RETURNING r.variant_phase`,
    [campaign.id, variants.length, test.share, variants.map((v) => v.key), variants.length],
  );
  return (rows as Array<{ variant_phase: string }>).filter((r) => r.variant_phase === 'test').length;
}

/** When a running test is decided: the send's start plus the test duration; null without a test or once decided. */
export function testEndsAt(campaign: Pick<CampaignRow, 'ab_test' | 'ab_decision' | 'started_at'>): Date | null {
  if (!campaign.ab_test || campaign.ab_decision || !campaign.started_at) return null;
  return new Date(new Date(campaign.started_at).getTime() + testDurationMs(campaign.ab_test.duration));
}
