/**
 * Account attributes: tier (regular|premium|vip), segment label (vip|regular|new|inactive),
 * status (suspended, blocked; active/inactive live in activity.ts) and source. A bare "vip" is
 * read as the tier first and the segment label second; "vip tier" / "vip segment" are certain.
 * "blocked" follows the customer analytics: status blocked or the blocked flag.
 */
import type { RuleNode } from '../../ast';
import { any, clause, cond, not, reading, type Pattern, type Reading } from '../clauses';
import type { Scanner } from '../scanner';
import { readList } from './values';

const TIERS = ['regular', 'premium', 'vip'];
const LABELS = ['vip', 'regular', 'new', 'inactive'];
const STATUSES = ['active', 'inactive', 'blocked', 'suspended'];
const ALIASES: ReadonlyMap<string, string> = new Map([
  ['v.i.p', 'vip'],
  ['vips', 'vip'],
  ['social_media', 'social media'],
]);

/** Source names (normalised phrases) → stored source. */
const SOURCES: ReadonlyArray<[string, string]> = [
  ['whatsapp', 'whatsapp'],
  ['referral', 'referral'],
  ['referrals', 'referral'],
  ['referred', 'referral'],
  ['word of mouth', 'referral'],
  ['website', 'website'],
  ['web', 'website'],
  ['web site', 'website'],
  ['site', 'website'],
  ['online', 'website'],
  ['web form', 'website'],
  ['social media', 'social_media'],
  ['social', 'social_media'],
  ['facebook', 'social_media'],
  ['instagram', 'social_media'],
  ['tiktok', 'social_media'],
  ['twitter', 'social_media'],
  ['linkedin', 'social_media'],
  ['import', 'import'],
  ['imported', 'import'],
  ['imports', 'import'],
  ['csv', 'import'],
  ['csv import', 'import'],
  ['bulk import', 'import'],
  ['api', 'api'],
  ['integration', 'api'],
  ['other', 'other'],
];
const BARE_SOURCES = new Set(['whatsapp', 'referral', 'referrals', 'referred', 'website', 'social media', 'facebook', 'instagram', 'tiktok', 'imported']);

const eq = (field: string, value: string): RuleNode => cond(field, 'equal', value);
const oneOf = (field: string, values: string[]): RuleNode => (values.length === 1 ? eq(field, values[0]!) : cond(field, 'in', values));

/** An enum value at `i` among `names` (aliases resolved), as a list item. */
const enumValue =
  (names: readonly string[]) =>
  (s: Scanner, i: number): { value: string; end: number } | null => {
    const w = ALIASES.get(s.word(i)) ?? s.word(i);
    return names.includes(w) ? { value: w, end: i + 1 } : null;
  };

/** A source name at `i`. */
function sourceAt(s: Scanner, i: number, bareOnly = false): { value: string; end: number } | null {
  const names = SOURCES.filter(([n]) => !bareOnly || BARE_SOURCES.has(n)).map(([n]) => n);
  const end = s.phrase(i, names);
  if (end < 0) return null;
  const name = s.tokens
    .slice(i, end)
    .map((t) => t.norm)
    .join(' ');
  return { value: SOURCES.find(([n]) => n === name)?.[1] ?? 'other', end };
}

/** "tier vip", "tier is premium or vip", "in the vip tier", "vip segment", "status suspended". */
function explicit(field: string, keywords: readonly string[], read: (s: Scanner, i: number) => { value: string; end: number } | null): Pattern {
  return (s, i) => {
    let at = s.word(i) === 'in' ? i + 1 : i;
    if (s.word(at) === 'the') at++;
    const after = read(s, at);
    const kw = after ? s.phrase(after.end, keywords) : -1;
    if (after && kw > 0) return { end: kw, item: clause([reading(eq(field, after.value))]) };
    const k = s.phrase(at, keywords);
    if (k < 0) return null;
    const from = s.skip(k, new Set(['is', 'of', '=', 'are', 'the']));
    const list = readList(s, from, read, read);
    return list
      ? {
          end: list.end,
          item: clause([
            reading(
              oneOf(
                field,
                list.items.map((x) => x.value),
              ),
            ),
          ]),
        }
      : null;
  };
}

const blocked = any(eq('status', 'blocked'), cond('isBlocked', 'equal', true));
const word =
  (words: readonly string[], readings: Reading[]): Pattern =>
  (s, i) => {
    const end = s.phrase(i, words);
    return end > i ? { end, item: clause(readings) } : null;
  };

/** "from whatsapp", "via the website", "came from referral", "referred by a friend", "whatsapp customers". */
const source: Pattern = (s, i) => {
  const prep = s.phrase(i, ['from', 'via', 'through', 'by', 'on', 'using', 'over', 'came from', 'acquired via', 'acquired through', 'acquired from']);
  const at = prep > i ? s.skip(prep, new Set(['the', 'our', 'a', 'an'])) : i;
  const found = sourceAt(s, at, prep < 0);
  if (!found) return null;
  const end = Math.max(found.end, s.phrase(found.end, ['by a friend', 'by friends', 'by another customer', 'source', 'channel', 'form']));
  return { end, item: clause([reading(eq('source', found.value), prep > i ? 1 : 0.9)]) };
};

/** Profile patterns. */
export const PROFILE_PATTERNS: readonly Pattern[] = [
  explicit('tier', ['tier', 'tiers', 'tier level', 'level', 'customer type', 'type', 'plan'], enumValue(TIERS)),
  explicit('segment', ['segment', 'segments', 'segment label', 'label'], enumValue(LABELS)),
  explicit('status', ['status', 'account status', 'state'], enumValue(STATUSES)),
  explicit('source', ['source', 'acquisition source', 'lead source', 'signup source', 'channel'], (s, i) => sourceAt(s, i)),
  source,
  word(['vip', 'vips', 'v.i.p'], [reading(eq('tier', 'vip'), 0.85), reading(eq('segment', 'vip'), 0.6)]),
  word(['premium'], [reading(eq('tier', 'premium'))]),
  word(['regular', 'regulars'], [reading(eq('tier', 'regular'), 0.8), reading(eq('segment', 'regular'), 0.6)]),
  word(['suspended'], [reading(eq('status', 'suspended'))]),
  word(['blocked', 'banned'], [reading(blocked)]),
  word(['unblocked'], [reading(not(blocked))]),
];
