import type { CopyChannel, Draft } from './compose';
import { CALLS_TO_ACTION, SPAM_TRIGGERS } from './lexicon';
import { MESSAGE_VARIABLES, outputsOf, type RenderOutcome } from './render';
import { countSmsSegments } from './smsSegments';
import { keywordsIn, wordsOf } from './words';

/** The named checks and their weights in the score (the weights of the checks that apply to a channel are added up). */
export const CHECK_WEIGHTS = {
  subject_length: 15,
  sms_segments: 15,
  whatsapp_length: 15,
  spam_words: 15,
  call_to_action: 20,
  personalisation: 15,
  liquid_renders: 20,
  unsubscribe_link: 15,
  whatsapp_window: 15,
} as const;

/** One of the named checks. */
export type CheckId = keyof typeof CHECK_WEIGHTS;

/** What a check found: pass counts its whole weight, warn half, fail nothing. */
export type CheckStatus = 'pass' | 'warn' | 'fail';

/** One check's verdict. */
export interface CheckResult {
  id: CheckId;
  weight: number;
  status: CheckStatus;
  /** The part of the weight this draft earned. */
  points: number;
  message: string;
  details?: Record<string, unknown>;
}

/** The price of one SMS segment and where it comes from. */
export interface SmsPrice {
  amount: number;
  currency: string;
  source: 'settings' | 'default';
}

/** What the checks know besides the draft: the channel, the rendering for a member, the audience's window. */
export interface CheckContext {
  channel: CopyChannel;
  rendered: RenderOutcome;
  smsPrice: SmsPrice;
  /** Sampled audience members and how many are outside WhatsApp's 24-hour window; null without an audience. */
  window: { sampled: number; outside: number } | null;
}

const SHARE = { pass: 1, warn: 0.5, fail: 0 } as const;

const result = (id: CheckId, status: CheckStatus, message: string, details?: Record<string, unknown>): CheckResult => ({
  id,
  weight: CHECK_WEIGHTS[id],
  status,
  points: CHECK_WEIGHTS[id] * SHARE[status],
  message,
  ...(details ? { details } : {}),
});

/** Text a reader reads: HTML tags, liquid markup and URLs removed. */
const visibleText = (text: string) =>
  text
    .replace(/\{%[^%]*%\}|\{\{[^{}]*\}\}/g, ' ')
    .replace(/<[^<>]*>/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ');

const hasLink = (text: string) => /href\s*=|https?:\/\//i.test(text);

function subjectLength(subject: string | undefined): CheckResult {
  const length = subject === undefined ? 0 : [...subject.trim()].length;
  const details = { length, recommended: { min: 30, max: 60 } };
  if (length === 0) return result('subject_length', 'fail', 'An email needs a subject', details);
  if (length >= 30 && length <= 60) return result('subject_length', 'pass', `The subject has ${length} characters (30–60 reads well in inboxes)`, details);
  const status = length >= 20 && length <= 80 ? 'warn' : 'fail';
  const advice = length < 30 ? 'too short to say what the email is about' : 'cut off by most inboxes';
  return result('subject_length', status, `The subject has ${length} characters: ${advice} (aim for 30–60)`, details);
}

function smsSegments(body: string, price: SmsPrice): CheckResult {
  const count = countSmsSegments(body);
  const cost = Math.round(count.segments * price.amount * 1e6) / 1e6;
  const details = { ...count, pricePerSegment: price.amount, currency: price.currency, priceSource: price.source, costPerMessage: cost };
  const text = `${count.units} ${count.encoding === 'GSM-7' ? 'GSM-7 characters' : 'UCS-2 units'} in ${count.segments} segment${count.segments === 1 ? '' : 's'}, ${cost} ${price.currency} per message`;
  const why = count.encoding === 'UCS-2' ? ` (UCS-2 because of ${count.nonGsmCharacters.map((c) => JSON.stringify(c)).join(', ')})` : '';
  if (count.segments <= 1) return result('sms_segments', 'pass', `${text}${why}`, details);
  return result('sms_segments', count.segments <= 3 ? 'warn' : 'fail', `${text}${why}: every segment is billed`, details);
}

function whatsappLength(body: string): CheckResult {
  const length = [...body].length;
  const details = { length, templateLimit: 1024, messageLimit: 4096 };
  if (length <= 1024) return result('whatsapp_length', 'pass', `${length} characters: fits an approved template's body (1,024)`, details);
  if (length <= 4096)
    return result(
      'whatsapp_length',
      'warn',
      `${length} characters: too long for a template body (1,024), so only free-form within the 24-hour window`,
      details,
    );
  return result('whatsapp_length', 'fail', `${length} characters: over WhatsApp's 4,096`, details);
}

function spamWords(draft: Draft): CheckResult {
  const text = `${draft.subject ?? ''} ${visibleText(draft.body)}`;
  const found = keywordsIn(wordsOf(text), SPAM_TRIGGERS);
  if (/!{2,}/.test(text)) found.push('!!');
  const details = { found };
  if (found.length === 0) return result('spam_words', 'pass', 'No spam-trigger words', details);
  return result('spam_words', found.length === 1 ? 'warn' : 'fail', `Spam-trigger words: ${found.join(', ')}`, details);
}

function callToAction(body: string): CheckResult {
  const found = keywordsIn(wordsOf(visibleText(body)), CALLS_TO_ACTION);
  if (found.length) return result('call_to_action', 'pass', `Asks the reader to act: ${found.join(', ')}`, { found });
  if (hasLink(body)) return result('call_to_action', 'warn', 'Has a link but no words asking the reader to act', { found });
  return result('call_to_action', 'fail', 'Nothing asks the reader to act (a phrase such as "Shop the sale" or a link)', { found });
}

function personalisation(draft: Draft): CheckResult {
  const fields = [
    ...new Set([...outputsOf(draft.subject ?? ''), ...outputsOf(draft.body)].map((o) => o.path).filter((p) => !MESSAGE_VARIABLES.has(p.split('.')[0]!))),
  ];
  if (fields.length) return result('personalisation', 'pass', `Personalised with ${fields.join(', ')}`, { fields });
  return result('personalisation', 'fail', 'Not personalised: use a customer field such as {{ firstName | default: "there" }}', { fields });
}

function liquidRenders(rendered: RenderOutcome): CheckResult {
  if (!rendered.ok) return result('liquid_renders', 'fail', 'The template does not render', { problems: rendered.problems });
  const who = rendered.sample ? 'a sample customer (no audience given)' : `audience member ${rendered.customerId}`;
  const details = { customerId: rendered.sample ? null : rendered.customerId, emptyVariables: rendered.emptyVariables };
  if (rendered.emptyVariables.length)
    return result('liquid_renders', 'warn', `Renders for ${who}, but ${rendered.emptyVariables.join(', ')} is empty: add a default filter`, details);
  return result('liquid_renders', 'pass', `Renders for ${who}`, details);
}

function unsubscribeLink(body: string): CheckResult {
  const linked = /\{\{-?\s*unsubscribeUrl\b/.test(body) || /href\s*=\s*["'][^"']*unsubscribe/i.test(body);
  if (linked) return result('unsubscribe_link', 'pass', 'Has an unsubscribe link');
  return result('unsubscribe_link', 'fail', 'No unsubscribe link: add <a href="{{ unsubscribeUrl }}">Unsubscribe</a> (Herald also sends List-Unsubscribe)');
}

function whatsappWindow(window: CheckContext['window']): CheckResult {
  if (!window)
    return result('whatsapp_window', 'warn', 'No audience given: members who have not written in the last 24 hours can only get an approved template');
  const details = { sampled: window.sampled, outsideWindow: window.outside };
  if (window.outside === 0)
    return result('whatsapp_window', 'pass', `All ${window.sampled} sampled members wrote within 24 hours: free-form text reaches them`, details);
  const status = window.outside * 2 < window.sampled ? 'warn' : 'fail';
  return result(
    'whatsapp_window',
    status,
    `${window.outside} of ${window.sampled} sampled members are outside the 24-hour window: send them an approved WhatsApp template`,
    details,
  );
}

/** The checks that apply to a channel, in the order they run and are shown. */
export const CHECKS_BY_CHANNEL: Record<CopyChannel, readonly CheckId[]> = {
  email: ['subject_length', 'spam_words', 'call_to_action', 'personalisation', 'liquid_renders', 'unsubscribe_link'],
  sms: ['sms_segments', 'spam_words', 'call_to_action', 'personalisation', 'liquid_renders'],
  whatsapp: ['whatsapp_length', 'spam_words', 'call_to_action', 'personalisation', 'liquid_renders', 'whatsapp_window'],
};

/** The weight of each check that applies to a channel. */
export const weightsFor = (channel: CopyChannel): Partial<Record<CheckId, number>> =>
  Object.fromEntries(CHECKS_BY_CHANNEL[channel].map((id) => [id, CHECK_WEIGHTS[id]]));

/**
 * Runs the checks that apply to the draft's channel. Lengths, segments and spam words read the
 * message as rendered for the member (the raw draft when it does not render); the others read the
 * template itself.
 */
export function runChecks(draft: Draft, ctx: CheckContext): CheckResult[] {
  const rendered = ctx.rendered.ok ? { subject: ctx.rendered.subject, body: ctx.rendered.body } : draft;
  const run: Record<CheckId, () => CheckResult> = {
    subject_length: () => subjectLength(rendered.subject),
    sms_segments: () => smsSegments(rendered.body, ctx.smsPrice),
    whatsapp_length: () => whatsappLength(rendered.body),
    spam_words: () => spamWords(rendered),
    call_to_action: () => callToAction(draft.body),
    personalisation: () => personalisation(draft),
    liquid_renders: () => liquidRenders(ctx.rendered),
    unsubscribe_link: () => unsubscribeLink(draft.body),
    whatsapp_window: () => whatsappWindow(ctx.window),
  };
  return CHECKS_BY_CHANNEL[ctx.channel].map((id) => run[id]());
}

/** The weighted score of the checks, 0–100: the points earned over the weights that applied. */
export function scoreOf(checks: readonly CheckResult[]): number {
  const weight = checks.reduce((sum, c) => sum + c.weight, 0);
  return weight ? Math.round((100 * checks.reduce((sum, c) => sum + c.points, 0)) / weight) : 0;
}
