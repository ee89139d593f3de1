import type { Knex } from 'knex';
import { sampleCustomerRow } from '../campaigns/preview';
import { readMessagingSettings } from '../messaging/settings';
import { audienceFacts, type AudienceFacts } from './audience';
import { runChecks, scoreOf, weightsFor, type CheckResult, type SmsPrice } from './checks';
import { composeDraft, type CopyChannel, type Draft } from './compose';
import { chooseFamily, chooseLanguage, type FamilyChoice, type LanguageChoice } from './goals';
import { TONES, type Language, type Tone } from './library';
import { renderDraft } from './render';

/**
 * The SMS segment price when the tenant has set none: Twilio's list price for an outbound SMS
 * segment to a US number, a common reference; set messaging settings' smsSegmentPrice for yours.
 */
export const DEFAULT_SMS_SEGMENT_PRICE = { amount: 0.0083, currency: 'USD' } as const;

/** Whose audience a message is for: a saved segment or a campaign (at most one). */
export interface AudienceRef {
  segmentId?: string;
  campaignId?: string;
}

/** POST /ai/message-suggestions, parsed. */
export interface SuggestInput extends AudienceRef {
  type: CopyChannel;
  goal: string;
  /** Seed 003's free-text audience description ("High-value customers"); read for the language. */
  audience?: string;
  tone?: Tone;
  language?: Language;
  /** Where the call to action leads. */
  url?: string;
}

/** POST /ai/message-check, parsed. */
export interface CheckInput extends AudienceRef {
  type: CopyChannel;
  subject?: string;
  body: string;
}

/** A draft's verdict: its score, the checks behind it, and how it renders. */
export interface Verdict {
  score: number;
  checks: CheckResult[];
  preview: { customerId: string | null; subject?: string; body: string } | null;
}

/** The audience as the answer shows it. */
const audienceView = (facts: AudienceFacts | null) =>
  facts && {
    type: facts.kind,
    id: facts.id,
    sampled: facts.sampled,
    fields: facts.fields,
    language: facts.language,
    outsideWhatsappWindow: facts.outsideWhatsappWindow,
  };

/**
 * Message copy without a model: suggestions from the template library for a goal, and the
 * weighted checks for any draft. Both read the audience (a sample of a segment's or campaign's
 * members) so the copy uses the fields those members have and renders for a real one.
 */
export function createCopyService(deps: { db: Knex }) {
  const { db } = deps;

  async function context(tenantId: string, ref: AudienceRef, channel: CopyChannel) {
    const [facts, settings] = await Promise.all([
      ref.segmentId || ref.campaignId ? audienceFacts(db, tenantId, ref) : Promise.resolve(null),
      channel === 'sms' ? readMessagingSettings(db, tenantId) : Promise.resolve(null),
    ]);
    const price: SmsPrice = settings?.smsSegmentPrice
      ? { ...settings.smsSegmentPrice, source: 'settings' }
      : { ...DEFAULT_SMS_SEGMENT_PRICE, source: 'default' };
    return { facts, price };
  }

  function judge(draft: Draft, channel: CopyChannel, facts: AudienceFacts | null, price: SmsPrice): Verdict {
    const member = facts?.member ?? sampleCustomerRow();
    const campaign = facts?.campaign ? { id: facts.campaign.id, name: facts.campaign.name } : undefined;
    const rendered = renderDraft(draft, member, !facts?.member, campaign);
    const window = facts ? { sampled: facts.sampled, outside: facts.outsideWhatsappWindow } : null;
    const checks = runChecks(draft, { channel, rendered, smsPrice: price, window });
    const preview = rendered.ok
      ? {
          customerId: rendered.sample ? null : rendered.customerId,
          ...(rendered.subject === undefined ? {} : { subject: rendered.subject }),
          body: rendered.body,
        }
      : null;
    return { score: scoreOf(checks), checks, preview };
  }

  /**
   * 3–5 suggestions (one per tone, the asked tone among them) for the goal's family in the chosen
   * language, each scored by the checks, best first; equal scores keep the asked tone first, then
   * the library's order. The same input and data always give the same answer.
   */
  async function suggest(tenantId: string, input: SuggestInput) {
    const { facts, price } = await context(tenantId, input, input.type);
    const family: FamilyChoice = chooseFamily(input.goal);
    const language: LanguageChoice = chooseLanguage(`${input.goal} ${input.audience ?? ''}`, input.language, facts?.language ?? null);
    const used = (field: string) => !facts || (facts.fields.find((f) => f.field === field)?.used ?? false);
    const fields = { firstName: used('firstName'), city: Boolean(facts) && used('address.city') };
    const asked = input.tone ?? 'friendly';
    const tones = [asked, ...TONES.filter((t) => t !== asked)];
    const suggestions = tones
      .map((tone, order) => {
        const draft = composeDraft({ family: family.id, tone, language: language.code, channel: input.type, fields, url: input.url });
        return {
          order,
          suggestion: {
            ...(draft.subject === undefined ? {} : { subject: draft.subject }),
            body: draft.body,
            tone,
            language: language.code,
            ...judge(draft, input.type, facts, price),
          },
        };
      })
      .sort((a, b) => b.suggestion.score - a.suggestion.score || a.order - b.order)
      .map((s) => s.suggestion);
    return {
      suggestions,
      family,
      language,
      fields: {
        used: [...(fields.firstName ? ['firstName'] : []), ...(fields.city ? ['address.city'] : [])],
        reason: facts
          ? `fields filled for at least 80 % of ${facts.sampled} sampled members of the ${facts.kind}`
          : 'no audience given: only firstName, with a default for customers without one',
      },
      audience: audienceView(facts),
      weights: weightsFor(input.type),
    };
  }

  /** Scores a marketer's draft with the same checks as the suggestions. */
  async function check(tenantId: string, input: CheckInput) {
    const { facts, price } = await context(tenantId, input, input.type);
    const draft: Draft = { ...(input.type === 'email' ? { subject: input.subject ?? '' } : {}), body: input.body };
    return { ...judge(draft, input.type, facts, price), audience: audienceView(facts), weights: weightsFor(input.type) };
  }

  return { suggest, check };
}

/** The copy service's interface. */
export type CopyService = ReturnType<typeof createCopyService>;
