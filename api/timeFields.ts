import { z } from 'zod';

/** What an IANA zone name looks like (`UTC`, `Europe/Paris`, `America/Argentina/Buenos_Aires`, `Etc/GMT+5`). */
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){0,2}$/;

/** The check a timezone field adds beyond its pattern, for routes that take one. */
export const TIMEZONE_RULE = { status: 422, rule: 'a timezone must be an IANA name the zone database knows (Intl.DateTimeFormat accepts it)' } as const;

/** Whether the runtime knows an IANA timezone name (Intl throws a RangeError for unknown ones). */
const isTimezone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/** An IANA timezone name, checked against the runtime's zone database so policy maths never meets an unknown zone. */
export const timezoneField = z
  .string()
  .max(64)
  .regex(ZONE_NAME, 'must be an IANA timezone such as Europe/Paris')
  .refine(isTimezone, 'must be an IANA timezone such as Europe/Paris')
  .meta({ description: 'An IANA timezone name such as Europe/Paris or America/Mexico_City' });

/** A wall-clock time of day, HH:MM on the 24-hour clock (communication hours, quiet hours). */
export const hhmmField = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24-hour)');

/**
 * A date-time in UTC, as text with every fractional digit kept (a JS Date keeps only
 * milliseconds, and Postgres compares microseconds). RFC 3339 allows offsets up to ±23:59 and
 * PostgreSQL only ±15:59, so the offset is applied here instead of being passed on.
 */
export function utcDateTime(text: string): string {
  const fraction = /\.(\d+)/.exec(text)?.[1];
  const instant = new Date(text.replace(/\.\d+/, '')).toISOString();
  return fraction ? instant.replace('.000Z', `.${fraction}Z`) : instant;
}

/** An RFC 3339 date-time with an offset, handed on as UTC text (see {@link utcDateTime}). */
export const dateTimeField = z.iso.datetime({ offset: true }).transform(utcDateTime);
