/**
 * Time windows: "in the last 3 months", "this month", "last week", "more than 90 days ago",
 * "since 2024-01-01", "in March". A window is read on its own and then attached to the clause
 * next to it ("signed up" → createdAt, "ordered" → lastOrderAt), so every date field accepts
 * every phrasing.
 */
import type { RuleNode } from '../ast';
import { addDays, daySpan, monthIndex, monthSpan, previousStart, startOf, yearSpan, type Period, type Span } from './calendar';
import { all, any, cond, type WindowOption } from './clauses';
import { NUMBER_WORDS, UNIT_DAYS } from './lexicon';
import { parseNumberToken } from './numbers';
import type { Scanner } from './scanner';
import { iso } from '../../lib/time';

/** A window: the last N days, more than N days ago, or an absolute range (ISO instants, `to` exclusive). */
export type WindowSpec = { kind: 'within'; days: number } | { kind: 'olderThan'; days: number } | { kind: 'range'; from?: string; to?: string };

/** The condition "`field` falls in the window". */
export function windowRule(field: string, w: WindowSpec): RuleNode {
  if (w.kind === 'within') return cond(field, 'withinLastDays', w.days);
  if (w.kind === 'olderThan') return cond(field, 'notWithinLastDays', w.days);
  const parts = [...(w.from ? [cond(field, 'after', w.from)] : []), ...(w.to ? [cond(field, 'before', w.to)] : [])];
  return parts.length === 1 ? parts[0]! : all(...parts);
}

/**
 * The condition "`field` is set but outside the window". For a date of one event (sign-up,
 * first order) any window can be negated; for a latest date (last order) "outside a closed past
 * range" cannot be said, since the latest order may be after the range while an earlier one fell
 * inside it: null then.
 */
export function outsideWindowRule(field: string, w: WindowSpec, singleEvent: boolean): RuleNode | null {
  if (w.kind === 'within') return cond(field, 'notWithinLastDays', w.days);
  if (w.kind === 'olderThan') return cond(field, 'withinLastDays', w.days);
  if (w.from && !w.to) return cond(field, 'before', w.from);
  if (!singleEvent) return null;
  if (!w.from) return w.to ? cond(field, 'after', w.to) : null;
  return w.to ? any(cond(field, 'before', w.from), cond(field, 'after', w.to)) : null;
}

const PERIODS: ReadonlyMap<string, Period> = new Map([
  ['day', 'day'],
  ['week', 'week'],
  ['month', 'month'],
  ['quarter', 'quarter'],
  ['year', 'year'],
]);
const LEADS = ['in', 'within', 'during', 'over', 'for', 'from'];
const RECENT = ['last', 'past', 'previous', 'prior', 'recent'];

/** "3 months", "a year", "two weeks" → days. */
function readDuration(s: Scanner, i: number): { days: number; end: number } | null {
  const t = s.tok(i);
  const n = t?.kind === 'number' ? parseNumberToken(t.text)?.value : NUMBER_WORDS.get(s.word(i));
  const unit = UNIT_DAYS.get(s.word(i + 1));
  if (n === undefined || unit === undefined || !Number.isInteger(n) || n <= 0) return null;
  return { days: n * unit, end: i + 2 };
}

/** A date or named period: 2024-03-01, "March", "March 2024", "March 5, 2024", "2024". */
function readSpan(s: Scanner, i: number): { span: Span; end: number } | null {
  const t = s.tok(i);
  if (t?.kind === 'date') {
    const [y, m, d] = t.text.split('-').map(Number) as [number, number, number];
    const span = daySpan(y, m - 1, d);
    return span ? { span, end: i + 1 } : null;
  }
  const year = (k: number): number | undefined => {
    const x = s.tok(k);
    return x?.kind === 'number' && /^(19|20)\d\d$/.test(x.text) ? Number(x.text) : undefined;
  };
  const month = monthIndex(s.word(i));
  if (month !== undefined) {
    const dayTok = s.tok(i + 1);
    const day = dayTok?.kind === 'number' && /^\d{1,2}$/.test(dayTok.text) ? Number(dayTok.text) : undefined;
    const yAt = day === undefined ? i + 1 : s.word(i + 2) === ',' ? i + 3 : i + 2;
    const y = year(yAt);
    if (day !== undefined && y !== undefined) {
      const span = daySpan(y, month, day);
      return span ? { span, end: yAt + 1 } : null;
    }
    return { span: monthSpan(month, y, s.now), end: y === undefined ? i + 1 : yAt + 1 };
  }
  const y = year(i);
  return y === undefined ? null : { span: yearSpan(y), end: i + 1 };
}

type Found = { options: WindowOption[]; end: number } | null;
const one = (spec: WindowOption['spec'], end: number, confidence = 1): Found => ({ options: [{ spec, confidence }], end });

/** "more than 90 days ago", "less than 2 weeks ago", "3 months ago". */
function readAgo(s: Scanner, i: number): Found {
  const older = s.phrase(i, ['more than', 'over', 'at least', 'longer than', 'greater than', '>', '>=', 'upwards of', 'beyond']);
  const newer = s.phrase(i, [
    'less than',
    'under',
    'within',
    'fewer than',
    '<',
    '<=',
    'no more than',
    'at most',
    'not more than',
    'in the last',
    'in the past',
  ]);
  const at = Math.max(older, newer, i);
  const d = readDuration(s, at);
  if (!d || (s.word(d.end) !== 'ago' && s.word(d.end) !== 'back')) return null;
  if (newer > i) return one({ kind: 'within', days: d.days }, d.end + 1);
  return one({ kind: 'olderThan', days: d.days }, d.end + 1, older > i ? 1 : 0.7);
}

/** "in the last 3 months", "past 30 days", "within 2 weeks", "in the past month", "last month", "this week". */
function readRelative(s: Scanner, i: number): Found {
  const lead = s.phrase(i, LEADS);
  let at = Math.max(lead, i);
  const the = s.word(at) === 'the';
  if (the) at++;
  const recent = s.phrase(at, RECENT);
  const duration = readDuration(s, recent > at ? recent : at);
  if (duration && (recent > at || lead > i)) return one({ kind: 'within', days: duration.days }, duration.end);
  const period = recent > at ? PERIODS.get(s.word(recent)) : undefined;
  if (period) {
    const end = recent + 1;
    const rolling = { kind: 'within' as const, days: UNIT_DAYS.get(period) ?? 1 };
    if (the || s.word(at) === 'past') return one(rolling, end);
    const calendar = { kind: 'range' as const, from: iso(previousStart(period, s.now)), to: iso(startOf(period, s.now)) };
    return {
      options: [
        { spec: calendar, confidence: 0.8 },
        { spec: rolling, confidence: 0.6 },
      ],
      end,
    };
  }
  const thisAt = s.phrase(at, ['this', 'current', 'the current', 'this past']);
  const thisPeriod = PERIODS.get(s.word(thisAt));
  if (thisAt > at && thisPeriod) {
    if (s.word(thisAt - 1) === 'past') return one({ kind: 'within', days: UNIT_DAYS.get(thisPeriod) ?? 1 }, thisAt + 1);
    return one({ kind: 'range', from: iso(startOf(thisPeriod, s.now)) }, thisAt + 1);
  }
  return null;
}

/** "today", "yesterday", "year to date", "recently". */
function readNamed(s: Scanner, i: number): Found {
  const today = startOf('day', s.now);
  if (s.word(i) === 'today') return one({ kind: 'range', from: iso(today) }, i + 1);
  if (s.word(i) === 'yesterday') return one({ kind: 'range', from: iso(addDays(today, -1)), to: iso(today) }, i + 1);
  const ytd = s.phrase(i, ['year to date', 'ytd']);
  if (ytd > i) return one({ kind: 'range', from: iso(startOf('year', s.now)) }, ytd);
  const mtd = s.phrase(i, ['month to date', 'mtd']);
  if (mtd > i) return one({ kind: 'range', from: iso(startOf('month', s.now)) }, mtd);
  if (s.word(i) === 'recently' || s.word(i) === 'lately') return one({ kind: 'within', days: 30 }, i + 1, 0.7);
  return null;
}

/** "since 2024-01-01", "before March", "after 2023", "between 2024-01-01 and 2024-03-31", "in 2024", "during March 2024". */
function readAbsolute(s: Scanner, i: number): Found {
  const w = s.word(i);
  const prior = s.phrase(i, ['prior to', 'earlier than', 'no later than', 'on or before']);
  if (w === 'between') {
    const a = readSpan(s, i + 1);
    const b = a && (s.word(a.end) === 'and' || s.word(a.end) === 'to' || s.word(a.end) === '-') ? readSpan(s, a.end + 1) : null;
    return a && b ? one({ kind: 'range', from: iso(a.span.start), to: iso(b.span.end) }, b.end) : null;
  }
  const at = prior > i ? prior : i + 1;
  const d = readSpan(s, at);
  if (!d) return null;
  if (w === 'since' || w === 'from') return one({ kind: 'range', from: iso(d.span.start) }, d.end);
  if (w === 'after') return one({ kind: 'range', from: iso(d.span.end) }, d.end);
  if (w === 'before' || prior > i) return one({ kind: 'range', to: iso(d.span.start) }, d.end);
  if (w === 'until' || w === 'till' || w === 'through') return one({ kind: 'range', to: iso(d.span.end) }, d.end);
  if (w === 'in' || w === 'during' || w === 'on') {
    const to = d.span.end.getTime() > s.now.getTime() ? undefined : iso(d.span.end);
    return one(to ? { kind: 'range', from: iso(d.span.start), to } : { kind: 'range', from: iso(d.span.start) }, d.end);
  }
  return null;
}

/** Reads a time window at `i`. */
export function readWindow(s: Scanner, i: number): Found {
  for (const read of [readAgo, readRelative, readNamed, readAbsolute]) {
    const found = read(s, i);
    if (found) return found;
  }
  return null;
}
