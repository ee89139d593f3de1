import type { Campaign, CampaignDetail } from '@herald/sdk';

export type { Campaign, CampaignDetail };

/** A campaign's status, as the API names it. */
export type CampaignStatus = Campaign['status'];

/**
 * TanStack Query keys of the campaign pages, all under `campaigns`, so one invalidation of
 * `CAMPAIGN_KEYS.all` refreshes every campaign view after a write.
 */
export const CAMPAIGN_KEYS = {
  all: ['campaigns'] as const,
  list: (params: Record<string, unknown>) => ['campaigns', 'list', params] as const,
  detail: (id: string) => ['campaigns', 'detail', id] as const,
  /** Keyed by status too: a campaign that finishes or pauses is read once more in its new state. */
  analytics: (id: string, status: string) => ['campaigns', 'analytics', id, status] as const,
  preview: (id: string, customerId: string | null, updatedAt: string) => ['campaigns', 'preview', id, customerId, updatedAt] as const,
};

/** One A/B variant's measured test group (GET /campaigns/:id/analytics → abTest.variants). */
export interface VariantResultView {
  key: string;
  name: string;
  sample: number;
  successes: number;
  rate: number;
  interval: { lower: number; upper: number };
  pValue: number | null;
  sent: number;
}

/** The A/B part of a campaign's analytics (domain/campaigns/variantDecision.ts `VariantAnalytics`). */
export interface AbTestView {
  share: number;
  metric: 'opens' | 'clicks' | { event: string; within: string };
  duration: string;
  status: 'testing' | 'decided';
  endsAt: string | null;
  variants: VariantResultView[];
  leader: string;
  decision: { decidedAt: string; outcome: string; winner: string; reason: string; released: number } | null;
}

/**
 * A campaign's analytics from the ledger (domain/campaigns/reports.ts `CampaignAnalytics`). The
 * API documents it as an open object, so the console names the fields it reads here.
 */
export interface AnalyticsView {
  recipients: number;
  queued: number;
  held: number;
  deferred: number;
  sent: number;
  delivered: number;
  failed: number;
  skipped: number;
  skippedByReason: Record<string, number>;
  cancelled: number;
  opened: number;
  clicked: number;
  unsubscribed: number;
  rates: { delivery: number; open: number; click: number; failure: number };
  abTest?: AbTestView;
}

/** The live part of `GET /campaigns/:id`: the ledger counts plus the workflow's state while it runs. */
export type ProgressView = AnalyticsView & { workflow: { paused: boolean; waitingUntil: string | null } | null };

/** The progress of a campaign detail, typed. */
export const progressOf = (campaign: CampaignDetail): ProgressView => campaign.progress as unknown as ProgressView;

/** Statuses in which messages may still go out, so the page keeps reading progress. */
export const LIVE_STATUSES: readonly CampaignStatus[] = ['sending', 'scheduled'];

/** Badge colour of each status. */
export const STATUS_COLORS: Record<CampaignStatus, string> = {
  draft: 'gray',
  scheduled: 'blue',
  sending: 'teal',
  paused: 'yellow',
  completed: 'green',
  cancelled: 'dark',
  failed: 'red',
};

/**
 * Recipients no longer waiting: sent (accepted or delivered), failed, skipped or cancelled. The
 * share of these in the total is the campaign's progress.
 */
export const settledOf = (p: Pick<AnalyticsView, 'sent' | 'failed' | 'skipped' | 'cancelled'>): number => p.sent + p.failed + p.skipped + p.cancelled;

/** A ratio (0.1234) as a percentage with one decimal ("12.3 %"). */
export const percent = (ratio: number): string => `${(Math.round(ratio * 1000) / 10).toLocaleString('en')} %`;
