/**
 * UTC calendar arithmetic for relative dates ("this month", "last week", "since March").
 * Everything is computed from the caller's `now` in UTC so the same query and `now` always give
 * the same rule, whatever the server's time zone. Weeks start on Monday (ISO 8601).
 */

/** Calendar periods a query can name. */
export type Period = 'day' | 'week' | 'month' | 'quarter' | 'year';

const DAY_MS = 86_400_000;

/** Midnight UTC of the day `days` after `d`. */
export const addDays = (d: Date, days: number): Date => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + days));

/** The first instant of the period containing `now`. */
export function startOf(period: Period, now: Date): Date {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  switch (period) {
    case 'day':
      return new Date(Date.UTC(y, m, now.getUTCDate()));
    case 'week':
      return addDays(startOf('day', now), -((now.getUTCDay() + 6) % 7));
    case 'month':
      return new Date(Date.UTC(y, m, 1));
    case 'quarter':
      return new Date(Date.UTC(y, m - (m % 3), 1));
    case 'year':
      return new Date(Date.UTC(y, 0, 1));
  }
}

/** The first instant of the period before the one containing `now`. */
export function previousStart(period: Period, now: Date): Date {
  const s = startOf(period, now);
  if (period === 'day' || period === 'week') return new Date(s.getTime() - (period === 'day' ? 1 : 7) * DAY_MS);
  const months = period === 'month' ? 1 : period === 'quarter' ? 3 : 12;
  return new Date(Date.UTC(s.getUTCFullYear(), s.getUTCMonth() - months, 1));
}

/** A named span of time: its first instant and the first instant after it. */
export interface Span {
  start: Date;
  end: Date;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_ABBREVIATIONS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** 0..11 for a month name or its three-letter abbreviation ("sept" too), else undefined. */
export function monthIndex(word: string): number | undefined {
  const i = MONTHS.indexOf(word);
  if (i >= 0) return i;
  const j = MONTH_ABBREVIATIONS.indexOf(word === 'sept' ? 'sep' : word);
  return j >= 0 ? j : undefined;
}

/** The span of a month, in `year` or, without one, the latest such month not after `now`. */
export function monthSpan(month: number, year: number | undefined, now: Date): Span {
  const y = year ?? (month <= now.getUTCMonth() ? now.getUTCFullYear() : now.getUTCFullYear() - 1);
  return { start: new Date(Date.UTC(y, month, 1)), end: new Date(Date.UTC(y, month + 1, 1)) };
}

/** The span of a year. */
export const yearSpan = (year: number): Span => ({ start: new Date(Date.UTC(year, 0, 1)), end: new Date(Date.UTC(year + 1, 0, 1)) });

/** The span of one day given as YYYY-MM-DD, or null when it is not a real date. */
export function daySpan(year: number, month: number, day: number): Span | null {
  const start = new Date(Date.UTC(year, month, day));
  if (start.getUTCFullYear() !== year || start.getUTCMonth() !== month || start.getUTCDate() !== day) return null;
  return { start, end: addDays(start, 1) };
}
