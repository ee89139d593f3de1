import { z } from 'zod';

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
export const timezoneField = z.string().refine(isTimezone, 'must be an IANA timezone such as Europe/Paris');

/** A wall-clock time of day, HH:MM on the 24-hour clock (communication hours, quiet hours). */
export const hhmmField = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24-hour)');
