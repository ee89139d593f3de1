import type { Knex } from 'knex';

/**
 * The insight types GET /ai/insights answers. `best_send_hour` is produced by the send-time part
 * of issue 19 (`domain/engagement`); it is listed here so the `types` filter and the document name
 * every type the list can hold.
 */
export const INSIGHT_TYPES = [
  'category_trend',
  'customers_at_risk',
  'segment_trend',
  'engagement_trend',
  'delivery_deferrals',
  'complaint_spike',
  'best_send_hour',
] as const;

/** One insight type. */
export type InsightType = (typeof INSIGHT_TYPES)[number];

/** How much an insight matters, from its score relative to the tenant's customer base. */
export type InsightImpact = 'high' | 'medium' | 'low';

/** A half-open time range [from, to). */
export interface TimeWindow {
  from: Date;
  to: Date;
}

/** What an insight is about: a category, a segment, a channel's metric, a deferral reason… */
export interface InsightSubject {
  kind: 'category' | 'customers' | 'segment' | 'channel' | 'deferral_reason' | 'complaint_category' | 'segment_hour';
  /** The record's id when the subject is a record (a segment); null otherwise. */
  id: string | null;
  name: string;
}

/** The measured quantity: its value in the current window, in the previous one, and the relative change. */
export interface InsightMetric {
  name: string;
  current: number;
  /** Null when the type compares against no earlier window (a state read now: customers at risk, held messages). */
  previous: number | null;
  /** (current − previous) / previous, rounded to 4 places; null without a previous value or when it is 0. */
  change: number | null;
}

/**
 * What a producer finds, before ranking: the runner adds the id, the score's impact and the
 * order. `effect` is the producer's effect size (a relative change, or 1 for a whole customer at
 * stake); the score is affectedCustomers × min(|effect|, 1).
 */
export interface InsightFinding {
  type: InsightType;
  subject: InsightSubject;
  title: string;
  description: string;
  recommendation: string;
  affectedCustomers: number;
  effect: number;
  metric: InsightMetric;
  evidence: {
    window: TimeWindow;
    previousWindow: TimeWindow | null;
    counts: Record<string, number>;
  };
}

/** What every producer reads: the tenant, the clock reading of the request and the two windows. */
export interface InsightQuery {
  db: Knex;
  tenantId: string;
  now: Date;
  /** The period's length in days (`period=30d` → 30). */
  periodDays: number;
  /** [now − period, now). */
  window: TimeWindow;
  /** [now − 2 × period, now − period). */
  previousWindow: TimeWindow;
}

/**
 * One insight type's producer: reads the tenant's data over the windows and returns what passes
 * its threshold and minimum sample (nothing on flat data). Read-only; deterministic for the same
 * rows and the same `now`.
 */
export interface InsightProducer {
  type: InsightType;
  produce(query: InsightQuery): Promise<InsightFinding[]>;
}

/** An insight as the API answers it: seed 003's fields (id, type, title, description, impact, recommendation) and Herald's beside them. */
export interface Insight {
  id: string;
  type: InsightType;
  title: string;
  description: string;
  impact: InsightImpact;
  recommendation: string;
  affectedCustomers: number;
  score: number;
  subject: InsightSubject;
  metric: InsightMetric;
  evidence: {
    window: { from: string; to: string };
    previousWindow: { from: string; to: string } | null;
    counts: Record<string, number>;
  };
}
