import { z } from 'zod';
import { MAX_BUCKETS, PERIODS } from '../../../domain/analytics/range';

/** A calendar date, YYYY-MM-DD, years 1900–2199 (whether the day exists is checked too). */
const dateField = z
  .string()
  .regex(/^(19|20|21)\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a date, YYYY-MM-DD')
  .refine((d) => {
    const day = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === d;
  }, 'must be a date that exists')
  .meta({ description: 'A local date, YYYY-MM-DD, in the timezone of the request' });

/** The time window of every analytics call (seed 003's period, startDate, endDate; Herald's timezone). */
export const RangeFields = {
  period: z.enum(PERIODS).optional().meta({ description: 'Bucket size (default day); weeks start on Monday' }),
  startDate: dateField
    .optional()
    .meta({ description: 'First local day of the range (default: 30 days, 12 weeks, 12 months or 5 years before endDate, by period)' }),
  endDate: dateField.optional().meta({ description: 'Last local day of the range, included (default: today in the timezone)' }),
  timezone: z
    .string()
    .max(64)
    .regex(/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){0,2}$/, 'must be an IANA timezone such as Europe/Paris')
    .optional()
    .meta({ description: 'IANA timezone whose local days make the buckets (default UTC)' }),
};

/** Query of /analytics/customers, /revenue and /segments. */
export const RangeQuery = z.object(RangeFields);

/** What the schemas cannot say about a range. */
export const RANGE_RULES = [
  { status: 400, rule: 'startDate and endDate must be days that exist (not 2026-02-30)' },
  { status: 422, rule: 'startDate must not be after endDate (with defaults: endDate is today, so a future startDate alone is refused)' },
  { status: 422, rule: `the range must give at most ${MAX_BUCKETS} buckets of the period` },
  { status: 422, rule: 'timezone must be an IANA name the zone database knows' },
] as const;

const PreviousRange = z.object({ startDate: z.string(), endDate: z.string() });
/** The range as resolved, echoed by every answer. */
const RangeView = {
  period: z.enum(PERIODS),
  timezone: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  previousRange: PreviousRange.meta({ description: 'The same number of days, ending the day before startDate' }),
};
const materialisedAt = z.iso
  .datetime()
  .nullable()
  .meta({ description: 'When the rollups were last materialised (null: never yet; every figure was read live)' });
const date = z.string().meta({ description: "The bucket's first local day (a Monday for weeks; may be before startDate)" });

const CustomerFigures = { newCustomers: z.number().int(), activeCustomers: z.number().int() };
/** GET /analytics/customers. */
export const CustomerAnalytics = z
  .object({
    data: z.object({
      ...RangeView,
      series: z.array(z.object({ date, ...CustomerFigures })),
      totals: z.object(CustomerFigures),
      previousTotals: z.object(CustomerFigures),
      materialisedAt,
    }),
  })
  .meta({ id: 'CustomerAnalyticsOverTime' });

const RevenueFigures = { orders: z.number().int(), paidOrders: z.number().int(), revenue: z.number(), averageOrderValue: z.number() };
/** GET /analytics/revenue. */
export const RevenueAnalytics = z
  .object({
    data: z.object({
      ...RangeView,
      series: z.array(z.object({ date, ...RevenueFigures })),
      totals: z.object(RevenueFigures),
      previousTotals: z.object(RevenueFigures),
      materialisedAt,
    }),
  })
  .meta({ id: 'RevenueAnalyticsOverTime' });

const Marks = z.object({ sent: z.number().int(), opened: z.number().int(), clicked: z.number().int(), openRate: z.number(), clickRate: z.number() });
const MarkSeries = z.array(Marks.extend({ date }));
/** GET /analytics/campaigns with a range. */
export const CampaignAnalyticsOverTime = z
  .object({
    data: z.object({
      ...RangeView,
      series: MarkSeries,
      totals: Marks,
      previousTotals: Marks,
      campaigns: z.array(
        z.object({
          campaignId: z.uuid(),
          name: z.string().nullable(),
          channel: z.string().nullable(),
          series: MarkSeries,
          totals: Marks,
          previousTotals: Marks,
        }),
      ),
      campaignCount: z.number().int().meta({ description: 'Campaigns with marks in the range (at most 50 are listed, most sends first)' }),
      materialisedAt,
    }),
  })
  .meta({ id: 'CampaignAnalyticsOverTime' });

const Span = z.object({ first: z.number().int().nullable(), last: z.number().int().nullable(), change: z.number().int().nullable() });
/** GET /analytics/segments. */
export const SegmentAnalytics = z
  .object({
    data: z.object({
      ...RangeView,
      segments: z.array(
        z.object({
          segmentId: z.uuid(),
          name: z.string(),
          currentMembers: z.number().int(),
          series: z.array(z.object({ date, members: z.number().int().nullable() })),
          totals: Span,
          previousTotals: Span,
        }),
      ),
      segmentCount: z.number().int(),
    }),
  })
  .meta({ id: 'SegmentAnalyticsOverTime' });
