import { validationFailed } from '../../lib/errors';

/** The bucket sizes of analytics over time (seed 003's `period`). */
export const PERIODS = ['day', 'week', 'month', 'year'] as const;
/** One bucket size. */
export type Period = (typeof PERIODS)[number];

/** Most buckets one answer may hold: a range that would give more is refused, not cut. */
export const MAX_BUCKETS = 1000;

/** What the caller asked for: every field optional, dates as YYYY-MM-DD local to the timezone. */
export interface RangeRequest {
  period?: Period;
  startDate?: string;
  endDate?: string;
  timezone?: string;
}

/**
 * A resolved range: whole local days [startDate, endDate] in `timezone`, the previous range of
 * the same number of days ending the day before, and the label (first local day) of every bucket.
 */
export interface AnalyticsRange {
  period: Period;
  timezone: string;
  startDate: string;
  endDate: string;
  previous: { startDate: string; endDate: string };
  buckets: string[];
}

const DAY_MS = 86_400_000;
/** Days in the default range of each period when the caller gives no startDate. */
const DEFAULT_SPAN: Record<Period, (end: Date) => Date> = {
  day: (end) => addDays(end, -29),
  week: (end) => addDays(end, -83),
  month: (end) => addDays(addMonths(end, -12), 1),
  year: (end) => addDays(addMonths(end, -60), 1),
};

const parseDay = (text: string) => new Date(`${text}T00:00:00Z`);
const dayText = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * DAY_MS);
const addMonths = (d: Date, n: number) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, d.getUTCDate()));

/** Whether the runtime's zone database knows a timezone name. */
function isTimezone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Today's date in a timezone, as YYYY-MM-DD. */
function todayIn(timezone: string, now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The first day of the bucket a local day falls in (weeks start on Monday, as Postgres' date_trunc). */
export function bucketStart(period: Period, day: Date): Date {
  if (period === 'day') return day;
  if (period === 'week') return addDays(day, -((day.getUTCDay() + 6) % 7));
  if (period === 'month') return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), 1));
  return new Date(Date.UTC(day.getUTCFullYear(), 0, 1));
}

/** The first day of the next bucket. */
function nextBucket(period: Period, start: Date): Date {
  if (period === 'day') return addDays(start, 1);
  if (period === 'week') return addDays(start, 7);
  if (period === 'month') return addMonths(start, 1);
  return new Date(Date.UTC(start.getUTCFullYear() + 1, 0, 1));
}

const refuse = (path: string, message: string) => validationFailed([{ location: 'query', path, message }], message);

/**
 * Resolves a request into a range (defaults: period day, timezone UTC, endDate today in the
 * timezone, startDate a period-dependent span before it: 30 days, 12 weeks, 12 months, 5 years).
 * Refuses (422) an unknown timezone, a start after the end and a range of more than MAX_BUCKETS
 * buckets; the bucket list is counted before anything is queried.
 */
export function resolveRange(request: RangeRequest, now: Date): AnalyticsRange {
  const period = request.period ?? 'day';
  const timezone = request.timezone ?? 'UTC';
  if (!isTimezone(timezone)) throw refuse('timezone', `Unknown timezone ${JSON.stringify(timezone)}: use an IANA name such as Europe/Paris`);
  const end = parseDay(request.endDate ?? todayIn(timezone, now));
  const start = request.startDate ? parseDay(request.startDate) : DEFAULT_SPAN[period](end);
  if (start > end) throw refuse('startDate', 'startDate must not be after endDate');
  const buckets: string[] = [];
  for (let b = bucketStart(period, start); b <= end; b = nextBucket(period, b)) {
    if (buckets.length === MAX_BUCKETS)
      throw refuse('startDate', `The range would give more than ${MAX_BUCKETS} ${period} buckets: shorten it or use a longer period`);
    buckets.push(dayText(b));
  }
  const days = Math.round((end.getTime() - start.getTime()) / DAY_MS) + 1;
  return {
    period,
    timezone,
    startDate: dayText(start),
    endDate: dayText(end),
    previous: { startDate: dayText(addDays(start, -days)), endDate: dayText(addDays(start, -1)) },
    buckets,
  };
}

/** The day after a YYYY-MM-DD date (ranges are queried as [startDate, endDate + 1 day) in local time). */
export function dayAfter(day: string): string {
  return dayText(addDays(parseDay(day), 1));
}
