/**
 * Schemas of GET /ai/insights (issue 19): seed 003's insight fields (id, type, title, description,
 * impact, recommendation) and Herald's additions beside them, stated exactly so the OpenAPI
 * document, the SDK and the contract fuzzer see what the API sends.
 */
import { z } from 'zod';
import { INSIGHT_TYPES } from '../../../domain/insights/types';
import { enumList } from '../../queryFields';

const time = z.string().meta({ description: 'RFC 3339 UTC' });
const range = z.object({ from: time, to: time });

/** Query of GET /ai/insights. */
export const InsightsQuery = z.object({
  period: z
    .string()
    .regex(/^(36[0-5]|3[0-5][0-9]|[12][0-9]{2}|[1-9][0-9]?)d$/, 'must be a number of days from 1 to 365 followed by d, e.g. 7d, 30d, 90d')
    .default('30d')
    .transform((v) => Number(v.slice(0, -1)))
    .meta({ description: 'The window compared with the one before it, in days (1d–365d); default 30d' }),
  types: enumList(INSIGHT_TYPES)
    .optional()
    .meta({ description: `Only these insight types (comma-separated): ${INSIGHT_TYPES.join(', ')}` }),
  limit: z.coerce.number().int().min(1).max(100).default(20).meta({ description: 'At most this many insights, best first (1–100, default 20)' }),
});

/** One insight. */
export const InsightView = z.object({
  id: z.string().meta({ description: 'Stable: a hash of the type and the subject, the same on every request' }),
  type: z.enum(INSIGHT_TYPES),
  title: z.string(),
  description: z.string(),
  impact: z.enum(['high', 'medium', 'low']).meta({ description: 'score / the tenant’s customers: high ≥ 5 %, medium ≥ 1 %, else low' }),
  recommendation: z.string(),
  affectedCustomers: z.number().int().min(0),
  score: z.number().min(0).meta({ description: 'affectedCustomers × min(|effect size|, 1): the rank' }),
  subject: z.object({
    kind: z.enum(['category', 'customers', 'segment', 'channel', 'deferral_reason', 'complaint_category', 'segment_hour']),
    id: z.string().nullable().meta({ description: 'The record’s id when the subject is a record (a segment)' }),
    name: z.string(),
  }),
  metric: z.object({
    name: z.string(),
    current: z.number(),
    previous: z.number().nullable().meta({ description: 'Null when the type reads a state now rather than comparing windows' }),
    change: z.number().nullable().meta({ description: '(current − previous) / previous; null without a previous value or when it is 0' }),
  }),
  evidence: z.object({
    window: range,
    previousWindow: range.nullable(),
    counts: z.record(z.string(), z.number()),
  }),
});

/** Answer of GET /ai/insights. */
export const InsightsResponse = z.object({
  insights: z.array(InsightView),
  period: z.object({ days: z.number().int().min(1), from: time, to: time, previousFrom: time, previousTo: time }),
  generatedAt: time,
});
