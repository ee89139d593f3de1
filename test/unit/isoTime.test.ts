import { iso } from '../../lib/time';

/** The one timestamp-to-text helper of the API and events: UTC ISO 8601, and null stays null. */
describe('iso', () => {
  it('writes a Date as UTC ISO 8601 with milliseconds', () => {
    const text: string = iso(new Date(Date.UTC(2026, 10, 22, 21, 40, 0, 123)));
    expect(text).toBe('2026-11-22T21:40:00.123Z');
  });

  it('normalises a timestamp that went through JSON, in any offset, to UTC', () => {
    expect(iso('2026-11-22T23:40:00+02:00')).toBe('2026-11-22T21:40:00.000Z');
  });

  it('keeps a missing value missing instead of inventing 1970', () => {
    expect(iso(null)).toBeNull();
    expect(iso(undefined)).toBeNull();
    expect(iso('')).toBeNull();
  });

  it('refuses an invalid date instead of writing "Invalid Date"', () => {
    expect(() => iso(new Date('not a date'))).toThrow(RangeError);
  });
});
