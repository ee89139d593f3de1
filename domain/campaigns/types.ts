import { iso } from '../../lib/time';
import type { CampaignTest, CampaignVariant } from './variants';
import type { TestDecision } from './variantDecision';

/** Campaign states; `sending ⇄ paused`, and completed, cancelled and failed are final. */
export const CAMPAIGN_STATUSES = ['draft', 'scheduled', 'sending', 'paused', 'completed', 'cancelled', 'failed'] as const;
/** One of {@link CAMPAIGN_STATUSES}. */
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** The channels a campaign can use. */
export type Channel = 'email' | 'sms';

/** Who receives the campaign: a saved segment, inline rules (either rule format), explicit ids, or everyone. */
export type Audience =
  { type: 'segment'; segmentId: string } | { type: 'rules'; rules: unknown } | { type: 'customers'; customerIds: string[] } | { type: 'all' };

/** When it is sent: on command, at a time, or on a cron schedule in a timezone (Temporal Schedules). */
export type Schedule = { type: 'now' } | { type: 'at'; at: string } | { type: 'recurring'; cron: string; timezone: string };

/** Sending policy. Every field is optional; absent means "no limit" / "off". */
export interface CampaignOptions {
  /** A scheduled time is read as wall-clock time in each recipient's timezone. */
  sendInRecipientTimezone?: boolean;
  /** Hold messages outside the recipient's communication hours (else the tenant default) until they open. */
  respectQuietHours?: boolean;
  /** Messages per second for this campaign. */
  throttlePerSecond?: number;
  /** At most `max` messages per customer per `periodHours`, across campaigns. */
  frequencyCap?: { max: number; periodHours: number };
  /** Pause automatically when failed / attempted exceeds this share (after 20 attempts). */
  autoPauseFailureRate?: number;
}

/** A campaign as the API shows it. */
export interface Campaign {
  id: string;
  name: string;
  kind: 'campaign' | 'direct' | 'test';
  channel: Channel;
  subject: string | null;
  body: string;
  audience: Audience;
  schedule: Schedule;
  /** `optimal`: each recipient at their best hour within 24 hours of the start (domain/campaigns/sendTime.ts). */
  sendTime: 'scheduled' | 'optimal';
  options: CampaignOptions;
  /** A/B variants (issue 19); null without a test. */
  variants: CampaignVariant[] | null;
  /** The A/B test's share, metric and duration; null without a test. */
  test: CampaignTest | null;
  /** The recorded decision once the test window has ended; null before. */
  testDecision: TestDecision | null;
  status: CampaignStatus;
  statusReason: string | null;
  parentId: string | null;
  scheduledAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What creating a campaign takes (Herald's form; seed 003's form is mapped onto it by the API). */
export interface CampaignInput {
  name: string;
  channel: Channel;
  subject?: string | null;
  body: string;
  audience: Audience;
  schedule?: Schedule;
  sendTime?: 'scheduled' | 'optimal';
  options?: CampaignOptions;
  /** A/B variants; null removes them (drafts only). */
  variants?: CampaignVariant[] | null;
  /** The A/B test; null removes it. */
  test?: CampaignTest | null;
}

/** A stored campaigns row (jsonb columns parsed by pg, timestamps as Date). */
export interface CampaignRow {
  id: string;
  tenant_id: string;
  parent_id: string | null;
  name: string;
  kind: Campaign['kind'];
  channel: Channel;
  subject: string | null;
  body: string;
  audience: Audience;
  schedule: Schedule;
  send_time: 'scheduled' | 'optimal';
  options: CampaignOptions;
  variants: CampaignVariant[] | null;
  ab_test: CampaignTest | null;
  ab_decision: TestDecision | null;
  status: CampaignStatus;
  status_reason: string | null;
  snapshot_at: Date | null;
  scheduled_at: Date | null;
  started_at: Date | null;
  finished_at: Date | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

/** Maps a stored row to the API shape. */
export function toCampaign(r: CampaignRow): Campaign {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    channel: r.channel,
    subject: r.subject,
    body: r.body,
    audience: r.audience,
    schedule: r.schedule,
    sendTime: r.send_time ?? 'scheduled',
    options: r.options ?? {},
    variants: r.variants ?? null,
    test: r.ab_test ?? null,
    testDecision: r.ab_decision ?? null,
    status: r.status,
    statusReason: r.status_reason,
    parentId: r.parent_id,
    scheduledAt: iso(r.scheduled_at),
    startedAt: iso(r.started_at),
    finishedAt: iso(r.finished_at),
    createdBy: r.created_by,
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
  };
}

/** Ledger counts of one campaign (the truth behind progress and analytics). */
export interface LedgerCounts {
  total: number;
  pending: number;
  /** The rest of an A/B test's audience, waiting for the decision. */
  held: number;
  deferred: number;
  /** Of `deferred`, rows waiting for their (or their segment's) best hour. */
  waitingForBestHour: number;
  sending: number;
  sent: number;
  delivered: number;
  failed: number;
  skipped: number;
  cancelled: number;
  opened: number;
  clicked: number;
  unsubscribed: number;
  skippedByReason: Record<string, number>;
}
