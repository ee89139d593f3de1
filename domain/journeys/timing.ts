/**
 * When a journey's waits end, as pure functions of a clock: durations (`30m`, `2d`, `-3d`), the
 * wall clock of a timezone, and the next moment a wait-until node allows (a time of day, weekdays,
 * a date read from the customer or the trigger event moved by an offset). Local times go through
 * Intl only, so daylight saving time follows the IANA database Node ships.
 */
import { requiredDurationMs } from './durations';
import { readPath } from './matching';
import type { WaitUntilNode, Weekday } from './types';

const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** A wall-clock reading: calendar date, weekday and time in one timezone. */
export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: Weekday;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The formatter of a timezone (UTC for a name Intl does not know), built once per name. */
function formatterOf(timezone: string | null | undefined): Intl.DateTimeFormat {
  const name = timezone || 'UTC';
  let f = formatters.get(name);
  if (!f) {
    const options: Intl.DateTimeFormatOptions = {
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    };
    try {
      f = new Intl.DateTimeFormat('en-US', { ...options, timeZone: name });
    } catch {
      f = new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' });
    }
    if (formatters.size > 1000) formatters.clear();
    formatters.set(name, f);
  }
  return f;
}

/** Epoch ms of the wall clock `timezone` shows at `at` read as if it were UTC (its offset is the difference). */
function wallAsUtc(at: number, timezone: string | null | undefined): number {
  const parts = formatterOf(timezone).formatToParts(new Date(at));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
}

/** The wall clock of `timezone` at `at` (UTC when the name is unknown). */
export function localTime(at: Date, timezone: string | null | undefined): LocalTime {
  const wall = new Date(wallAsUtc(at.getTime(), timezone));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    weekday: WEEKDAYS[wall.getUTCDay()]!,
  };
}

/**
 * The instant a wall-clock time occurs in `timezone`. A time that a DST change skips (02:30 on a
 * spring-forward night) is read with the offset before the change, so it lands after the gap
 * (03:30); a time that occurs twice (fall back) is its first occurrence.
 */
export function zonedInstant(year: number, month: number, day: number, hour: number, minute: number, timezone: string | null | undefined): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // The offset an hour before and after the wall time read as UTC brackets any change that night.
  const before = wallAsUtc(wall - 3_600_000 * 3, timezone) - (wall - 3_600_000 * 3);
  const after = wallAsUtc(wall + 3_600_000 * 3, timezone) - (wall + 3_600_000 * 3);
  const first = wall - before;
  if (wallAsUtc(first, timezone) === wall) return new Date(first);
  const second = wall - after;
  if (wallAsUtc(second, timezone) === wall) return new Date(second);
  // Skipped by a spring-forward change: keep the offset from before it.
  return new Date(first);
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** `HH:MM` as hour and minute; throws on anything else. */
function hourMinute(text: string): { hour: number; minute: number } {
  const m = HHMM.exec(text);
  if (!m) throw new Error(`"${text}" is not a time of day (HH:MM)`);
  return { hour: Number(m[1]), minute: Number(m[2]) };
}

/** The calendar day `offset` days after (year, month, day). */
function addDays(year: number, month: number, day: number, offset: number): { year: number; month: number; day: number; weekday: Weekday } {
  const d = new Date(Date.UTC(year, month - 1, day + offset));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: WEEKDAYS[d.getUTCDay()]! };
}

/**
 * The next moment, at or after `now`, that is `timeOfDay` (local, in `timezone`) on one of
 * `weekdays` (any day when absent or empty). Without a time of day: null when today is an
 * allowed day (go on now), else the start of the next allowed day.
 */
export function nextLocalMoment(now: Date, timezone: string | null | undefined, timeOfDay?: string, weekdays?: readonly Weekday[]): Date | null {
  const allowed = (w: Weekday) => !weekdays?.length || weekdays.includes(w);
  const today = localTime(now, timezone);
  const at = timeOfDay ? hourMinute(timeOfDay) : { hour: 0, minute: 0 };
  for (let offset = 0; offset <= 8; offset++) {
    const d = addDays(today.year, today.month, today.day, offset);
    if (!allowed(d.weekday)) continue;
    if (!timeOfDay) return offset === 0 ? null : zonedInstant(d.year, d.month, d.day, 0, 0, timezone);
    const candidate = zonedInstant(d.year, d.month, d.day, at.hour, at.minute, timezone);
    if (candidate.getTime() >= now.getTime()) return candidate;
  }
  return null;
}

/** A date-like value (ISO text, epoch ms, Date) as epoch ms, or null when it is not one. */
function instantOf(value: unknown): number | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.getTime();
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim()) {
    const t = Date.parse(value);
    return Number.isNaN(t) ? null : t;
  }
  return null;
}

/** What a wait-until node reads: the customer as the API shows it, the trigger's properties, and the timezone to read local times in. */
export interface WaitUntilInputs {
  customer: Record<string, unknown>;
  event: Record<string, unknown>;
  timezone: string | null | undefined;
}

/**
 * When a wait-until node lets the run go on: null (or a moment not after `now`) means at once.
 * With `date`: the value of `customer.<field>` / `customer.customFields.<key>` / `event.<path>`
 * moved by `offset`; with `timeOfDay` as well, that time (local) on that local day; an unreadable
 * date goes on at once. Without `date`: the next `timeOfDay` on one of `weekdays` (see
 * {@link nextLocalMoment}).
 */
export function waitUntilMoment(node: Pick<WaitUntilNode, 'timeOfDay' | 'weekdays' | 'date'>, now: Date, inputs: WaitUntilInputs): Date | null {
  if (!node.date) return nextLocalMoment(now, inputs.timezone, node.timeOfDay, node.weekdays);
  const [root, ...rest] = node.date.field.split('.');
  const source = root === 'customer' ? inputs.customer : root === 'event' ? inputs.event : undefined;
  const base = source === undefined ? null : instantOf(readPath(source, rest.join('.')));
  if (base === null) return null;
  let at = new Date(base + (node.date.offset ? requiredDurationMs(node.date.offset) : 0));
  if (node.timeOfDay) {
    const day = localTime(at, inputs.timezone);
    const t = hourMinute(node.timeOfDay);
    at = zonedInstant(day.year, day.month, day.day, t.hour, t.minute, inputs.timezone);
  }
  return at.getTime() > now.getTime() ? at : null;
}
