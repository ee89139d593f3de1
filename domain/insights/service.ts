import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import { iso } from '../../lib/time';
import { bestSendHour } from '../engagement/insights';
import { categoryTrends } from './categoryTrends';
import { complaintSpikes } from './complaintSpikes';
import { customersAtRisk } from './customersAtRisk';
import { deliveryDeferrals } from './deferrals';
import { engagementTrends } from './engagementTrends';
import { round } from './statistics';
import { segmentTrends } from './segmentTrends';
import type { Insight, InsightFinding, InsightImpact, InsightProducer, InsightQuery, InsightType } from './types';

/** Every insight producer the list runs, in one place (the best send hour lives with the best-hour model). */
export const INSIGHT_PRODUCERS: readonly InsightProducer[] = [
  categoryTrends,
  customersAtRisk,
  segmentTrends,
  engagementTrends,
  deliveryDeferrals,
  complaintSpikes,
  bestSendHour,
];

/** Score / customer base from which an insight is `high` (5 % of the customers, fully affected). */
export const HIGH_IMPACT_SHARE = 0.05;
/** Score / customer base from which an insight is `medium` (1 %); below it, `low`. */
export const MEDIUM_IMPACT_SHARE = 0.01;

const DAY_MS = 86_400_000;

/** What GET /ai/insights asks for. */
export interface InsightRequest {
  periodDays: number;
  /** Only these types; every type when absent or empty. */
  types?: InsightType[];
  limit: number;
}

/** The list's answer: the insights, best first, and the windows they were computed over. */
export interface InsightList {
  insights: Insight[];
  period: { days: number; from: string; to: string; previousFrom: string; previousTo: string };
  generatedAt: string;
}

/** Stable id of an insight: the same type and subject give the same id on every request (sha-256, 32 hex digits). */
export const insightId = (type: InsightType, subject: InsightFinding['subject']): string =>
  createHash('sha256')
    .update(`${type}\u0000${subject.kind}\u0000${subject.id ?? ''}\u0000${subject.name}`)
    .digest('hex')
    .slice(0, 32);

/** high / medium / low from the score's share of the customer base. */
export function impactOf(score: number, customerBase: number): InsightImpact {
  const share = customerBase > 0 ? score / customerBase : 0;
  return share >= HIGH_IMPACT_SHARE ? 'high' : share >= MEDIUM_IMPACT_SHARE ? 'medium' : 'low';
}

/** The tenant's customers (not deleted): the base impact is measured against. */
async function customerBase(db: Knex, tenantId: string): Promise<number> {
  const row = await db('customers').where({ tenant_id: tenantId }).whereNull('deleted_at').first(db.raw('count(*)::int AS n'));
  return (row as { n: number } | undefined)?.n ?? 0;
}

/** A finding as the API answers it, with its id, score and impact. */
function toInsight(f: InsightFinding, base: number): Insight {
  const score = round(f.affectedCustomers * Math.min(Math.abs(f.effect), 1), 2);
  return {
    id: insightId(f.type, f.subject),
    type: f.type,
    title: f.title,
    description: f.description,
    impact: impactOf(score, base),
    recommendation: f.recommendation,
    affectedCustomers: f.affectedCustomers,
    score,
    subject: f.subject,
    metric: f.metric,
    evidence: {
      window: { from: iso(f.evidence.window.from), to: iso(f.evidence.window.to) },
      previousWindow: f.evidence.previousWindow ? { from: iso(f.evidence.previousWindow.from), to: iso(f.evidence.previousWindow.to) } : null,
      counts: f.evidence.counts,
    },
  };
}

/** Best first: score, then type and id, so equal scores keep one order on every request. */
const byRank = (a: Insight, b: Insight) => b.score - a.score || a.type.localeCompare(b.type) || a.id.localeCompare(b.id);

/** What the insight service needs: the database, the clock (tests drive a fixed one) and the producers (default all). */
export interface InsightServiceDeps {
  db: Knex;
  clock?: () => Date;
  producers?: readonly InsightProducer[];
}

/** GET /ai/insights: runs the producers over the period's two windows and ranks what they find. */
export function createInsightService(deps: InsightServiceDeps) {
  const clock = deps.clock ?? (() => new Date());
  const producers = deps.producers ?? INSIGHT_PRODUCERS;
  return {
    /** The tenant's insights for the period ending now, best first, at most `limit`. */
    async list(tenantId: string, request: InsightRequest): Promise<InsightList> {
      const now = clock();
      const span = request.periodDays * DAY_MS;
      const from = new Date(now.getTime() - span);
      const query: InsightQuery = {
        db: deps.db,
        tenantId,
        now,
        periodDays: request.periodDays,
        window: { from, to: now },
        previousWindow: { from: new Date(from.getTime() - span), to: from },
      };
      const wanted = request.types?.length ? producers.filter((p) => request.types!.includes(p.type)) : producers;
      // One after the other: each is a bounded aggregate, and the API's pool is shared with every other request.
      const findings: InsightFinding[] = [];
      for (const producer of wanted) findings.push(...(await producer.produce(query)));
      const base = findings.length ? await customerBase(deps.db, tenantId) : 0;
      return {
        insights: findings
          .map((f) => toInsight(f, base))
          .sort(byRank)
          .slice(0, request.limit),
        period: {
          days: request.periodDays,
          from: iso(query.window.from),
          to: iso(query.window.to),
          previousFrom: iso(query.previousWindow.from),
          previousTo: iso(query.previousWindow.to),
        },
        generatedAt: iso(now),
      };
    },
  };
}

/** The insight service as the API sees it. */
export type InsightService = ReturnType<typeof createInsightService>;
