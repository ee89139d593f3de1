import { z } from 'zod';
import { CHECK_WEIGHTS, type CheckId } from '../../../domain/copy/checks';
import { FAMILIES, LANGUAGES, TONES } from '../../../domain/copy/library';
import { text } from '../../text';

const CHANNEL_DESCRIPTION = 'The channel the message is for';
const CHECK_IDS = Object.keys(CHECK_WEIGHTS) as [CheckId, ...CheckId[]];

/** Optional audience of a message: a saved segment or a campaign (at most one), sampled for fields, a member to render for and the WhatsApp window. */
const audienceFields = {
  segmentId: z
    .uuid('must be a segment id (UUID)')
    .optional()
    .meta({ description: 'A segment whose members the message is for; at most one of segmentId and campaignId' }),
  campaignId: z
    .uuid('must be a campaign id (UUID)')
    .optional()
    .meta({ description: 'A campaign whose audience the message is for; at most one of segmentId and campaignId' }),
};

/** The rules of these bodies no JSON Schema states. */
export const AUDIENCE_RULES = [
  { status: 404, rule: "segmentId and campaignId must name a segment or campaign of the caller's tenant" },
  { status: 422, rule: 'at most one of segmentId and campaignId' },
] as const;

/** Body of POST /ai/message-suggestions: seed 003's `type`, `goal`, `audience`, `tone`, plus Herald's audience reference, language and link. */
export const SuggestMessages = z
  .object({
    type: z.enum(['email', 'sms', 'whatsapp']).meta({ description: CHANNEL_DESCRIPTION }),
    goal: text({ min: 3, max: 500 }).meta({ description: 'What the message is for ("Promote summer sale"); matched to a goal family by keywords' }),
    audience: text({ max: 500 }).optional().meta({ description: 'seed 003: who the message is for, in words ("High-value customers"); read for its language' }),
    tone: z.enum(TONES).optional().meta({ description: 'The tone asked for (default friendly); the other tones are suggested too' }),
    language: z.enum(LANGUAGES).optional().meta({ description: "The copy's language; by default the goal's, else the audience's, else en" }),
    url: z
      .url({ protocol: /^https?$/, error: 'must be an http or https URL' })
      .max(2000)
      .optional()
      .meta({ description: 'Where the call to action leads; without it the action is named but not linked' }),
    ...audienceFields,
  })
  .strict()
  .meta({ id: 'SuggestMessages' });

/** The longest body each channel takes: a campaign's e-mail, Twilio's SMS, WhatsApp's message. */
export const BODY_LIMITS = { email: 100_000, sms: 1600, whatsapp: 4096 } as const;

/** Body of POST /ai/message-check: a draft for one channel (a subject only for e-mail). */
export const CheckMessage = z
  .discriminatedUnion('type', [
    z
      .object({
        type: z.literal('email'),
        subject: text({ max: 998, trim: false }).optional(),
        body: text({ min: 1, max: BODY_LIMITS.email, trim: false }),
        ...audienceFields,
      })
      .strict(),
    z.object({ type: z.literal('sms'), body: text({ min: 1, max: BODY_LIMITS.sms, trim: false }), ...audienceFields }).strict(),
    z.object({ type: z.literal('whatsapp'), body: text({ min: 1, max: BODY_LIMITS.whatsapp, trim: false }), ...audienceFields }).strict(),
  ])
  .meta({
    id: 'CheckMessage',
    description: "A draft (liquid, as a campaign takes it): the body limit is the channel's (email 100,000, sms 1,600, whatsapp 4,096)",
  });

const CheckResult = z
  .object({
    id: z.enum(CHECK_IDS),
    weight: z.number(),
    status: z.enum(['pass', 'warn', 'fail']),
    points: z.number().meta({ description: 'The weight earned: all of it for pass, half for warn, none for fail' }),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'MessageCheckResult' });

const Preview = z
  .object({
    customerId: z.uuid().nullable().meta({ description: 'The audience member it was rendered for; null for the sample customer' }),
    subject: z.string().optional(),
    body: z.string(),
  })
  .nullable()
  .meta({ description: 'The message rendered as a campaign renders it; null when the template does not render' });

const AudienceView = z
  .object({
    type: z.enum(['segment', 'campaign']),
    id: z.uuid(),
    sampled: z.number().int().meta({ description: 'Members read (the newest 1,000 at most)' }),
    fields: z.array(z.object({ field: z.string(), filledShare: z.number(), used: z.boolean() })),
    language: z.string().nullable(),
    outsideWhatsappWindow: z.number().int().meta({ description: 'Sampled members whose last message to the tenant is over 24 hours old, or who never wrote' }),
  })
  .nullable();

const Weights = z.record(z.string(), z.number()).meta({ description: 'The weight of each check that applies to the channel' });

/** Answer of POST /ai/message-check. */
export const MessageVerdict = z
  .object({
    data: z.object({ score: z.number().int().min(0).max(100), checks: z.array(CheckResult), preview: Preview, audience: AudienceView, weights: Weights }),
  })
  .meta({ id: 'MessageVerdict' });

/** Answer of POST /ai/message-suggestions (seed 003 names no shape; `suggestions` as its segment suggestions have). */
export const MessageSuggestions = z
  .object({
    suggestions: z.array(
      z.object({
        subject: z.string().optional().meta({ description: 'email only' }),
        body: z.string().meta({ description: 'liquid, ready for a campaign' }),
        tone: z.enum(TONES),
        language: z.enum(LANGUAGES),
        score: z.number().int().min(0).max(100),
        checks: z.array(CheckResult),
        preview: Preview,
      }),
    ),
    family: z.object({
      id: z.enum(FAMILIES),
      matchedKeywords: z.array(z.string()),
      reason: z.string(),
    }),
    language: z.object({ code: z.enum(LANGUAGES), reason: z.string() }),
    fields: z.object({ used: z.array(z.string()), reason: z.string() }),
    audience: AudienceView,
    weights: Weights,
  })
  .meta({ id: 'MessageSuggestions' });
