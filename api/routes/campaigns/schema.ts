import { z } from 'zod';
import { PageQuery } from '../../pagination';
import { Rules } from '../segments/schema';
import { dateTimeField, timezoneField } from '../../timeFields';
import type { Audience, CampaignInput, Schedule } from '../../../domain/campaigns/types';
import { CAMPAIGN_STATUSES } from '../../../domain/campaigns/types';
import { SEND_TIMES } from '../../../domain/campaigns/sendTime';
import { text } from '../../text';
import { TEST_DURATION_PATTERN, VARIANT_LIMITS } from '../../../domain/campaigns/variants';

/** A test duration or conversion window: a whole number and a unit (s, m, h, d). */
const duration = z.string().regex(new RegExp(TEST_DURATION_PATTERN), 'must be a whole number and a unit: s, m, h or d ("30m", "4h", "2d")');

/** One A/B variant: a key, a name, and the subject and/or body it sends instead of the campaign's. */
export const VariantInput = z
  .object({
    key: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,32}$/, 'must be 1 to 32 letters, digits, _ or -')
      .meta({ description: 'Stable key of the variant ("A", "B", "short-subject"), unique in the campaign' }),
    name: text({ min: 1, max: 200 }),
    subject: text({ max: 998, trim: false }).nullish(),
    body: text({ min: 1, max: 100_000, trim: false }).nullish(),
  })
  .strict()
  .meta({ id: 'CampaignVariant' });

/** The A/B test: the share that tests, what wins, how long the test runs. */
export const TestInput = z
  .object({
    share: z.number().gt(0).lt(1).meta({ description: 'Share of the sendable audience split evenly across the variants (0.2 = 20 %)' }),
    metric: z
      .union([
        z.enum(['opens', 'clicks']),
        z.object({ event: text({ min: 1, max: 200 }).meta({ description: 'A tracked customer event name' }), within: duration }).strict(),
      ])
      .meta({ description: 'opens, clicks, or a conversion: the tracked event within a window after the send' }),
    duration: duration.meta({ description: 'How long after the send starts the winner is decided (5 s to 30 days)' }),
  })
  .strict()
  .meta({ id: 'CampaignTest' });

/** Five-field cron (minute hour day month weekday), as Temporal Schedules take it. */
const cron = z
  .string()
  .trim()
  .regex(/^(\S+\s+){4}\S+$/, 'must be a five-field cron expression such as "0 9 * * 1"');
const channel = z.enum(['email', 'sms']);

/** Who receives the campaign, in Herald's form. */
export const AudienceInput = z.discriminatedUnion('type', [
  z.object({ type: z.literal('segment'), segmentId: z.uuid() }).strict(),
  z.object({ type: z.literal('rules'), rules: Rules }).strict(),
  z.object({ type: z.literal('customers'), customerIds: z.array(z.uuid()).min(1).max(10_000) }).strict(),
  z.object({ type: z.literal('all') }).strict(),
]);

/** When it is sent, in Herald's form. */
export const ScheduleInput = z.discriminatedUnion('type', [
  z.object({ type: z.literal('now') }).strict(),
  z.object({ type: z.literal('at'), at: dateTimeField }).strict(),
  z.object({ type: z.literal('recurring'), cron, timezone: timezoneField.default('UTC') }).strict(),
]);

/** Sending policy. */
export const OptionsInput = z
  .object({
    sendInRecipientTimezone: z.boolean().optional(),
    respectQuietHours: z.boolean().optional(),
    throttlePerSecond: z.number().positive().max(10_000).optional(),
    frequencyCap: z
      .object({
        max: z.number().int().min(1),
        periodHours: z
          .number()
          .positive()
          .max(24 * 90),
      })
      .strict()
      .optional(),
    autoPauseFailureRate: z.number().min(0).max(1).optional(),
  })
  .strict();

/**
 * A campaign body in Herald's form (`channel`, `body`, `audience`, `schedule`, `options`) or in
 * seed 003's (`type`, `content`, `audienceType` + `segmentRules`, `schedulingType`). Both become
 * one {@link CampaignInput}; a field missing in both spellings is a 422 naming Herald's field.
 */
const CampaignFields = z
  .object({
    name: text({ min: 1, max: 200 }),
    channel: channel.optional(),
    type: channel.optional().meta({ description: 'seed 003: the channel' }),
    subject: text({ max: 998, trim: false }).nullish(),
    body: text({ min: 1, max: 100_000, trim: false }).optional(),
    content: text({ min: 1, max: 100_000, trim: false }).optional().meta({ description: 'seed 003: the body' }),
    audience: AudienceInput.optional(),
    audienceType: z.enum(['segment', 'rules', 'customers', 'all']).optional().meta({ description: 'seed 003' }),
    segmentRules: Rules.optional(),
    segmentId: z.uuid().optional(),
    customerIds: z.array(z.uuid()).min(1).max(10_000).optional(),
    schedule: ScheduleInput.optional(),
    schedulingType: z.enum(['immediate', 'now', 'scheduled', 'recurring']).optional().meta({ description: 'seed 003' }),
    scheduledAt: dateTimeField.optional(),
    cron: cron.optional(),
    timezone: timezoneField.optional(),
    sendTime: z
      .enum(SEND_TIMES)
      .optional()
      .meta({ description: "optimal: each recipient at their best hour (from their opens, else their segment's) within 24 hours of the start" }),
    options: OptionsInput.optional(),
    variants: z.array(VariantInput).min(VARIANT_LIMITS.min).max(VARIANT_LIMITS.max).nullish().meta({ description: 'A/B variants (2 to 5); null removes them' }),
    test: TestInput.nullish().meta({ description: 'The A/B test; required with variants, null removes it' }),
  })
  .strict();

type Fields = z.infer<typeof CampaignFields>;
type Issue = { path: string[]; message: string };

function audienceOf(v: Fields, issues: Issue[]): Audience | undefined {
  if (v.audience) return v.audience;
  switch (v.audienceType) {
    case 'all':
      return { type: 'all' };
    case 'customers':
      if (v.customerIds) return { type: 'customers', customerIds: v.customerIds };
      issues.push({ path: ['customerIds'], message: 'is required when audienceType is customers' });
      return undefined;
    case 'segment':
    case 'rules':
      if (v.segmentId) return { type: 'segment', segmentId: v.segmentId };
      if (v.segmentRules !== undefined) return { type: 'rules', rules: v.segmentRules };
      issues.push({ path: ['segmentRules'], message: 'segmentRules or segmentId is required for this audienceType' });
      return undefined;
    default:
      issues.push({ path: ['audience'], message: 'is required (or audienceType with segmentRules, segmentId or customerIds)' });
      return undefined;
  }
}

function scheduleOf(v: Fields, issues: Issue[]): Schedule | undefined {
  if (v.schedule) return v.schedule;
  if (v.schedulingType === 'scheduled') {
    if (v.scheduledAt) return { type: 'at', at: v.scheduledAt };
    issues.push({ path: ['scheduledAt'], message: 'is required when schedulingType is scheduled' });
  }
  if (v.schedulingType === 'recurring') {
    if (v.cron) return { type: 'recurring', cron: v.cron, timezone: v.timezone ?? 'UTC' };
    issues.push({ path: ['cron'], message: 'is required when schedulingType is recurring' });
  }
  return undefined;
}

/** Maps either form to Herald's input, collecting every missing field as an issue. */
function toInput(v: Fields, ctx: z.RefinementCtx, partial: boolean): Partial<CampaignInput> {
  const issues: Issue[] = [];
  const out: Partial<CampaignInput> = { name: v.name };
  const ch = v.channel ?? v.type;
  if (ch) out.channel = ch;
  else if (!partial) issues.push({ path: ['channel'], message: 'is required (email or sms; seed 003 calls it type)' });
  if (v.subject !== undefined) out.subject = v.subject;
  const body = v.body ?? v.content;
  if (body !== undefined) out.body = body;
  else if (!partial) issues.push({ path: ['body'], message: 'is required (seed 003 calls it content)' });
  const hasAudience = v.audience || v.audienceType || v.segmentRules !== undefined || v.segmentId || v.customerIds;
  if (hasAudience || !partial)
    out.audience = audienceOf(
      { ...v, audienceType: v.audienceType ?? (v.customerIds ? 'customers' : v.segmentRules !== undefined || v.segmentId ? 'segment' : undefined) },
      issues,
    );
  const schedule = scheduleOf(v, issues);
  if (schedule) out.schedule = schedule;
  if (v.options) out.options = v.options;
  if (v.sendTime) out.sendTime = v.sendTime;
  if (v.variants !== undefined) out.variants = v.variants;
  if (v.test !== undefined) out.test = v.test;
  for (const i of issues) ctx.addIssue({ code: 'custom', path: i.path, message: i.message });
  return out;
}

/** POST /campaigns body. */
export const CreateCampaign = CampaignFields.transform((v, ctx) => toInput(v, ctx, false) as CampaignInput);
/** PATCH /campaigns/:id body (drafts only): any subset of the fields. */
export const UpdateCampaign = CampaignFields.partial().transform((v, ctx) => {
  const out = toInput({ ...v, name: v.name! }, ctx, true);
  if (v.name === undefined) delete out.name;
  return out;
});

/** Path parameter of campaign routes. */
export const CampaignParams = z.object({ id: z.uuid('must be a UUID') });

/** Query of the campaign list (seed 003: status, type, sortBy, sortOrder). */
export const CampaignListQuery = z.object({
  status: z.enum(CAMPAIGN_STATUSES).optional(),
  type: channel.optional(),
  channel: channel.optional(),
  sortBy: z.enum(['createdAt', 'updatedAt', 'name']).default('createdAt'),
  ...PageQuery,
});

/** POST /campaigns/:id/schedule body: optional override of the stored schedule. */
export const ScheduleBody = z.object({ schedule: ScheduleInput.optional(), scheduledAt: dateTimeField.optional() }).strict();
/** PATCH /campaigns/:id/status body (seed 003). */
export const StatusBody = z
  .object({
    status: z
      .preprocess((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v), z.enum(['scheduled', 'sending', 'active', 'running', 'paused', 'cancelled']))
      .meta({ description: 'The target status (any letter case); sending, active and running all send or resume' }),
  })
  .strict();
/** POST /campaigns/:id/preview body. */
export const PreviewBody = z.object({ customerId: z.uuid().optional() }).strict();
/** POST /campaigns/:id/test body. */
export const TestBody = z
  .object({
    addresses: z
      .array(text({ min: 3, max: 320 }))
      .min(1)
      .max(10),
    customerId: z.uuid().optional(),
  })
  .strict();
/** GET /campaigns/:id/export query. */
export const ExportQuery = z.object({ format: z.enum(['csv', 'json', 'ndjson']).default('csv') });

/** A campaign as returned. */
export const CampaignView = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.string(),
  channel: channel,
  subject: z.string().nullable(),
  body: z.string(),
  audience: z.record(z.string(), z.unknown()),
  schedule: z.record(z.string(), z.unknown()),
  sendTime: z.enum(SEND_TIMES),
  options: z.record(z.string(), z.unknown()),
  variants: z.array(VariantInput).nullable(),
  test: TestInput.nullable(),
  testDecision: z
    .record(z.string(), z.unknown())
    .nullable()
    .meta({ description: 'The recorded A/B decision with its numbers; null before the test window ends' }),
  status: z.enum(CAMPAIGN_STATUSES),
  statusReason: z.string().nullable(),
  parentId: z.uuid().nullable(),
  scheduledAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
