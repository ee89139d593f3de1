/**
 * Contact data and preferences: email ("gmail users", "email starts with admin", "email domain
 * acme.com"), phone, names, preferred language ("who speak Spanish", "language es") and channel
 * consent ("subscribed to the newsletter", "opted out of sms"). Emails are stored lower-cased, so
 * email values are lower-cased too.
 */
import type { Operator } from '../../ast';
import { clause, cond, reading, type Pattern, type Reading } from '../clauses';
import { languageCode, LANGUAGES } from '../languages';
import type { Scanner } from '../scanner';
import { firstValue, readList, valueRun } from './values';

const EMAIL = ['email', 'emails', 'e mail', 'e mails', 'email address', 'email addresses', 'e mail address', 'mail'];
const PHONE = ['phone', 'phone number', 'phone numbers', 'mobile', 'mobile number', 'cell', 'cell phone', 'telephone'];
const PROVIDERS: ReadonlyMap<string, string> = new Map([
  ['gmail', 'gmail.com'],
  ['googlemail', 'googlemail.com'],
  ['yahoo', 'yahoo.com'],
  ['hotmail', 'hotmail.com'],
  ['outlook', 'outlook.com'],
  ['icloud', 'icloud.com'],
  ['aol', 'aol.com'],
  ['protonmail', 'protonmail.com'],
  ['gmx', 'gmx.com'],
]);

/** Operator phrases after a field word; `domain` phrases turn "acme.com" into "@acme.com". */
const TEXT_OPS: ReadonlyArray<[Operator, readonly string[], boolean]> = [
  ['startsWith', ['starts with', 'starting with', 'begins with', 'beginning with', 'start with', 'begin with', 'prefix'], false],
  ['endsWith', ['ends with', 'ending with', 'ends in', 'ending in', 'end with'], false],
  ['endsWith', ['at', 'domain', 'domain is', 'on domain', 'at domain', 'from domain', 'on', 'from', '@'], true],
  ['contains', ['contains', 'containing', 'includes', 'including', 'contain', 'include', 'like'], false],
  ['equal', ['is', 'equals', 'equal to', '=', 'of'], false],
];

/** "@domain" for a domain as typed: "acme.com" → "@acme.com", "gmail" → "@gmail.com". */
const atDomain = (text: string): string => (text.startsWith('@') ? text : `@${PROVIDERS.get(text) ?? text}`);

/** "<field words> <operator> <value>", e.g. "email starts with admin", "phone starts with +52"; only emails have domains. */
function textField(words: readonly string[], field: string, isEmail: boolean): Pattern {
  return (s, i) => {
    const at = s.phrase(i, words);
    if (at < 0) return null;
    for (const [operator, phrases, domain] of TEXT_OPS) {
      const k = !domain || isEmail ? s.phrase(at, phrases) : -1;
      const v = k > at ? firstValue(s, k) : null;
      if (!v) continue;
      const text = isEmail ? v.text.toLowerCase() : v.text;
      return { end: v.end, item: clause([reading(cond(field, operator, domain ? atDomain(text) : text))]) };
    }
    return { end: at, item: clause([reading(cond(field, 'exists'))]) };
  };
}

/** "gmail users", "a yahoo address", "@acme.com emails". */
const provider: Pattern = (s, i) => {
  const w = s.word(i);
  const domain =
    PROVIDERS.get(w) ?? (/^@?[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(w) && (w.startsWith('@') || s.phrase(i + 1, EMAIL) > 0) ? w.replace(/^@/, '') : undefined);
  if (!domain) return null;
  const end = Math.max(i + 1, s.phrase(i + 1, [...EMAIL, 'account', 'accounts', 'address', 'addresses']));
  return { end, item: clause([reading(cond('email', 'endsWith', `@${domain}`))]) };
};

/** Names: "named John", "first name Ana", "last name Smith", "name contains smith". */
const name: Pattern = (s, i) => {
  const forms: ReadonlyArray<[string, Operator, readonly string[]]> = [
    ['firstName', 'equal', ['first name', 'first name is', 'firstname', 'given name']],
    ['lastName', 'equal', ['last name', 'last name is', 'lastname', 'surname', 'family name', 'surnamed']],
    ['fullName', 'contains', ['name contains', 'name containing', 'name includes', 'name like']],
    ['fullName', 'startsWith', ['name starts with', 'name starting with', 'name begins with']],
  ];
  for (const [field, operator, phrases] of forms) {
    const at = s.phrase(i, phrases);
    const v = at > i ? valueRun(s, at, true) : null;
    if (v) return { end: v.end, item: clause([reading(cond(field, operator, v.text))]) };
  }
  const at = s.phrase(i, ['named', 'called', 'name is', 'whose name is', 'with the name']);
  const v = at > i ? valueRun(s, at, true) : null;
  if (!v) return null;
  const readings: Reading[] = v.text.includes(' ')
    ? [reading(cond('fullName', 'equal', v.text), 0.9)]
    : [reading(cond('firstName', 'equal', v.text), 0.8), reading(cond('fullName', 'contains', v.text), 0.6)];
  return { end: v.end, item: clause(readings) };
};

/** A language name, or (after "language") an ISO code, at `i`. */
function languageAt(s: Scanner, i: number, codes: boolean): { code: string; end: number } | null {
  const byName = LANGUAGES.get(s.word(i));
  if (byName) return { code: byName, end: i + 1 };
  const unit = codes ? s.unit(i) : null;
  const code = unit ? languageCode(unit.norm) : null;
  return unit && code ? { code, end: unit.end } : null;
}

const speaks = (codes: string[], confidence = 1) =>
  clause([reading(codes.length === 1 ? cond('preferences.language', 'equal', codes[0]) : cond('preferences.language', 'in', codes), confidence)]);

/** "who speak Spanish", "language es", "Spanish-speaking", "prefers French", "in Spanish". */
const language: Pattern = (s, i) => {
  const lead = s.phrase(i, ['speak', 'speaks', 'speaking', 'speakers of', 'prefer', 'prefers', 'preferring', 'in']);
  const keyword = s.phrase(i, ['language', 'languages', 'lang', 'locale', 'preferred language', 'language preference', 'language is', 'preferred language is']);
  const at = Math.max(lead, keyword);
  if (at > i) {
    const read = (sc: Scanner, k: number) => languageAt(sc, k, keyword > lead);
    const found = readList(s, s.skip(at, new Set(['=', 'is', 'of'])), read, read);
    return found ? { end: found.end, item: speaks([...new Set(found.items.map((f) => f.code))]) } : null;
  }
  const code = LANGUAGES.get(s.word(i));
  if (!code) return null;
  const after = s.phrase(i + 1, ['speaking', 'speakers', 'speaker', 'language']);
  return { end: Math.max(after, i + 1), item: speaks([code], after > 0 ? 1 : 0.7) };
};

const CHANNELS: ReadonlyArray<[string, readonly string[]]> = [
  ['preferences.newsletter', ['newsletter', 'newsletters', 'news letter', 'newsletter list', 'mailing list']],
  ['preferences.sms', ['sms', 'text messages', 'texts', 'text', 'text message', 'sms messages', 'sms marketing', 'texting']],
  [
    'preferences.email',
    ['email', 'emails', 'e mail', 'e mails', 'email marketing', 'marketing emails', 'marketing email', 'email messages', 'email communications'],
  ],
];
const YES = [
  'subscribed',
  'subscribed to',
  'subscribed for',
  'subscribe to',
  'opted in',
  'opted into',
  'opt in',
  'opted in to',
  'accepts',
  'accept',
  'accepting',
  'receive',
  'receives',
  'receiving',
  'get',
  'gets',
  'getting',
  'allow',
  'allows',
  'consented',
  'consent',
  'consented to',
  'signed up for',
  'signed up to',
  'agreed to',
  'want',
  'wants',
  'on',
];
const NO = ['opted out', 'opted out of', 'opt out', 'opt out of', 'opted out from', 'unsubscribed', 'unsubscribed from', 'declined', 'refused', 'rejected'];
const YES_AFTER = [
  'subscribers',
  'subscriber',
  'opt in',
  'opt ins',
  'opted in',
  'subscribed',
  'consent',
  'allowed',
  'enabled',
  'on',
  'subscription',
  'subscriptions',
  'readers',
  'list',
];
const NO_AFTER = ['opt out', 'opt outs', 'opted out', 'unsubscribed', 'unsubscribes', 'disabled', 'off'];
const SKIP: ReadonlySet<string> = new Set(['to', 'the', 'our', 'your', 'for', 'from', 'of', 'in', 'into', 'a', 'an', 'all', 'any']);

/** The consent channel at `i`. */
function channelAt(s: Scanner, i: number): { field: string; end: number } | null {
  for (const [field, phrases] of CHANNELS) {
    const end = s.phrase(i, phrases);
    if (end > i) return { field, end };
  }
  return null;
}

/** "subscribed to the newsletter", "opted out of sms", "sms opt-in", "newsletter subscribers". */
const consent: Pattern = (s, i) => {
  const yes = s.phrase(i, YES);
  const no = s.phrase(i, NO);
  const verb = Math.max(yes, no);
  if (verb > i) {
    const ch = channelAt(s, s.skip(verb, SKIP));
    return ch ? { end: ch.end, item: clause([reading(cond(ch.field, 'equal', no < yes))]) } : null;
  }
  const ch = channelAt(s, i);
  if (!ch) return null;
  const after = Math.max(s.phrase(ch.end, YES_AFTER), s.phrase(ch.end, NO_AFTER));
  if (after < 0) return ch.field === 'preferences.email' ? null : { end: ch.end, item: clause([reading(cond(ch.field, 'equal', true), 0.8)]) };
  return { end: after, item: clause([reading(cond(ch.field, 'equal', s.phrase(ch.end, NO_AFTER) < 0))]) };
};

/** Contact and preference patterns. */
export const CONTACT_PATTERNS: readonly Pattern[] = [consent, textField(EMAIL, 'email', true), textField(PHONE, 'phone', false), provider, name, language];
