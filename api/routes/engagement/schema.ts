import { z } from 'zod';

const count = (description: string) => z.number().int().min(0).meta({ description });

/** The best-hour model's answer, shared by the customer and the segment read. */
const BestHour = z.object({
  hour: z.number().int().min(0).max(23).nullable().meta({ description: 'The best local hour (0–23), or null when the model finds none' }),
  bestHourLocal: z.string().nullable().meta({ description: 'The best hour as local wall-clock text, e.g. 19:00' }),
  reason: z.enum(['too_little_history', 'no_clear_peak']).nullable().meta({ description: 'Why there is no best hour (null when there is one)' }),
  opens: count('Opens counted (the sample size)'),
  peakOpens: count('Opens in the peak hour'),
  peakShare: z.number().min(0).max(1),
  confidence: z.number().min(0).max(1).meta({ description: '1 − the p-value of the peak under evenly spread opens (Bonferroni over 24 hours)' }),
  sample: z.object({
    customersRead: count('Customers whose opens were read'),
    customersWithOpens: count('Of those, customers with opens'),
    opens: count('Opens'),
  }),
  histogram: z.array(z.number().int().min(0)).length(24).meta({ description: 'Opens by local hour, 0–23' }),
  window: z.object({ from: z.string(), to: z.string() }),
  rule: z.object({
    historyDays: z.number().int(),
    minimumOpens: z.number().int(),
    minimumCustomersWithOpens: z.number().int(),
    maxOpensPerCustomer: z.number().int(),
    significance: z.number(),
    minimumLift: z.number(),
  }),
});

/** GET /customers/:id/best-hour answer. */
export const CustomerBestHourResponse = z
  .object({ data: BestHour.extend({ customerId: z.uuid(), timezone: z.string().meta({ description: 'The zone the hours are counted in' }) }) })
  .meta({ id: 'CustomerBestHour' });

/** GET /segments/:id/best-hour answer. */
export const SegmentBestHourResponse = z
  .object({ data: BestHour.extend({ segmentId: z.uuid(), members: count('Current members (the segment’s last refresh)') }) })
  .meta({ id: 'SegmentBestHour' });
