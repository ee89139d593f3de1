/**
 * The send policy as pure functions of a clock: communication hours in the recipient's timezone
 * and retry backoff. Activities apply them to each claimed recipient; a message held by policy is
 * deferred to the moment it becomes allowed, never dropped.
 */

/** A daily window in local wall-clock time, `HH:MM`–`HH:MM` (may wrap past midnight). */
export interface HoursWindow {
  start: string;
  end: string;
}

/** The hours used when neither the customer nor the tenant says otherwise. */
export const DEFAULT_COMMUNICATION_HOURS: HoursWindow = { start: '09:00', end: '21:00' };

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** Local hour, minute and second at `now` in `timezone` (UTC when the name is unknown). */
export function localClock(now: Date, timezone: string | null | undefined): { minutes: number; seconds: number; ms: number } {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-GB', { timeZone: timezone || 'UTC', hourCycle: 'h23', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(now);
  } catch {
    parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', hourCycle: 'h23', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(now);
  }
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { minutes: get('hour') * 60 + get('minute'), seconds: get('second'), ms: now.getMilliseconds() };
}

/**
 * When a message may be sent: `null` if the recipient's local time is inside the window now,
 * otherwise the instant the window next opens (to the minute, in their timezone).
 */
export function nextAllowedAt(now: Date, timezone: string | null | undefined, window: HoursWindow): Date | null {
  const start = minutesOf(window.start);
  const end = minutesOf(window.end);
  const local = localClock(now, timezone);
  const inside = start <= end ? local.minutes >= start && local.minutes < end : local.minutes >= start || local.minutes < end;
  if (inside || start === end) return null;
  const waitMinutes = (start - local.minutes + 1440) % 1440;
  return new Date(now.getTime() + waitMinutes * 60_000 - local.seconds * 1000 - local.ms);
}

/** Transient failures retry after 2, 4, 8… seconds, at most five minutes apart. */
export const retryDelayMs = (attempt: number) => Math.min(300_000, 1000 * 2 ** Math.max(1, attempt));

/** Attempts before a transiently failing message is settled as failed. */
export const MAX_ATTEMPTS = 5;
