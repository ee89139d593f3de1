import { requiredDurationMs as durationMs } from '../../domain/journeys/durations';
import { localTime, nextLocalMoment, waitUntilMoment, zonedInstant } from '../../domain/journeys/timing';

const at = (text: string) => new Date(text);
const none = { customer: {}, event: {}, timezone: 'UTC' };

describe('durations', () => {
  it('reads every unit and negative offsets, and refuses anything else', () => {
    expect(durationMs('30s')).toBe(30_000);
    expect(durationMs('15m')).toBe(900_000);
    expect(durationMs('4h')).toBe(14_400_000);
    expect(durationMs('2d')).toBe(172_800_000);
    expect(durationMs('1w')).toBe(604_800_000);
    expect(durationMs('-3d')).toBe(-259_200_000);
    expect(() => durationMs('3 days')).toThrow('not a duration');
    expect(() => durationMs('1.5h')).toThrow('not a duration');
  });
});

describe('local wall clock', () => {
  it('reads the local date, time and weekday in a timezone, UTC for an unknown name', () => {
    expect(localTime(at('2026-01-10T23:30:00Z'), 'Asia/Tokyo')).toEqual({ year: 2026, month: 1, day: 11, hour: 8, minute: 30, weekday: 'sun' });
    expect(localTime(at('2026-01-10T23:30:00Z'), 'Not/AZone')).toMatchObject({ day: 10, hour: 23, weekday: 'sat' });
  });

  it('turns a wall-clock time into an instant across daylight saving changes', () => {
    // New York: EST (-5) in January, EDT (-4) in July.
    expect(zonedInstant(2026, 1, 15, 9, 0, 'America/New_York').toISOString()).toBe('2026-01-15T14:00:00.000Z');
    expect(zonedInstant(2026, 7, 15, 9, 0, 'America/New_York').toISOString()).toBe('2026-07-15T13:00:00.000Z');
    // 2026-03-08 02:30 does not exist in New York (clocks jump 02:00 → 03:00): it lands after the gap, at 03:30 EDT.
    expect(zonedInstant(2026, 3, 8, 2, 30, 'America/New_York').toISOString()).toBe('2026-03-08T07:30:00.000Z');
    // 2026-11-01 01:30 happens twice (01:00–02:00 EDT, then again in EST): the first one.
    expect(zonedInstant(2026, 11, 1, 1, 30, 'America/New_York').toISOString()).toBe('2026-11-01T05:30:00.000Z');
    // Europe/Berlin spring forward (2026-03-29 02:00 → 03:00): 09:00 that day is CEST (+2).
    expect(zonedInstant(2026, 3, 29, 9, 0, 'Europe/Berlin').toISOString()).toBe('2026-03-29T07:00:00.000Z');
  });
});

describe('the next time of day and weekday', () => {
  it('waits for today’s time when it is still ahead, else tomorrow’s', () => {
    expect(nextLocalMoment(at('2026-01-15T15:30:00Z'), 'America/New_York', '09:00')?.toISOString()).toBe('2026-01-16T14:00:00.000Z');
    expect(nextLocalMoment(at('2026-01-15T12:00:00Z'), 'America/New_York', '10:00')?.toISOString()).toBe('2026-01-15T15:00:00.000Z');
    expect(nextLocalMoment(at('2026-01-15T15:00:00Z'), 'America/New_York', '10:00')?.toISOString()).toBe('2026-01-15T15:00:00.000Z');
  });

  it('keeps the local time of day across the night the clocks change', () => {
    // Saturday 2026-03-07 20:00 EST; the next 09:00 is Sunday after the change, in EDT.
    expect(nextLocalMoment(at('2026-03-08T01:00:00Z'), 'America/New_York', '09:00')?.toISOString()).toBe('2026-03-08T13:00:00.000Z');
    // Saturday 2026-10-31 20:00 EDT; the next 09:00 is Sunday after falling back, in EST.
    expect(nextLocalMoment(at('2026-11-01T00:00:00Z'), 'America/New_York', '09:00')?.toISOString()).toBe('2026-11-01T14:00:00.000Z');
  });

  it('picks the next allowed weekday, and goes on at once on an allowed day without a time', () => {
    // 2026-01-15 is a Thursday.
    expect(nextLocalMoment(at('2026-01-15T12:00:00Z'), 'UTC', '09:00', ['mon'])?.toISOString()).toBe('2026-01-19T09:00:00.000Z');
    expect(nextLocalMoment(at('2026-01-15T08:00:00Z'), 'UTC', '09:00', ['thu', 'fri'])?.toISOString()).toBe('2026-01-15T09:00:00.000Z');
    expect(nextLocalMoment(at('2026-01-15T12:00:00Z'), 'UTC', undefined, ['thu'])).toBeNull();
    expect(nextLocalMoment(at('2026-01-15T12:00:00Z'), 'UTC', undefined, ['sat'])?.toISOString()).toBe('2026-01-17T00:00:00.000Z');
    // In Tokyo it is already Friday 2026-01-16 at 01:00.
    expect(nextLocalMoment(at('2026-01-15T16:00:00Z'), 'Asia/Tokyo', undefined, ['thu'])?.toISOString()).toBe('2026-01-21T15:00:00.000Z');
  });
});

describe('wait until a date', () => {
  const customer = { createdAt: '2026-01-01T10:00:00.000Z', customFields: { subscriptionEndsAt: '2026-02-01T00:00:00Z', bad: 'soon' } };
  const event = { order: { deliverBy: '2026-01-20T18:00:00Z' } };
  const inputs = { customer, event, timezone: 'Europe/Berlin' };
  const now = at('2026-01-10T00:00:00Z');

  it('reads a custom field, moves it by the offset, and goes on at once when that is past', () => {
    const node = { date: { field: 'customer.customFields.subscriptionEndsAt', offset: '-3d' } };
    expect(waitUntilMoment(node, now, inputs)?.toISOString()).toBe('2026-01-29T00:00:00.000Z');
    expect(waitUntilMoment(node, at('2026-01-30T00:00:00Z'), inputs)).toBeNull();
    expect(waitUntilMoment({ date: { field: 'customer.createdAt' } }, now, inputs)).toBeNull();
  });

  it('reads a nested trigger property, and a time of day on that local day', () => {
    const node = { date: { field: 'event.order.deliverBy', offset: '1d' }, timeOfDay: '09:00' };
    // 2026-01-21 19:00 in Berlin → 09:00 local that day (CET, +1).
    expect(waitUntilMoment(node, now, inputs)?.toISOString()).toBe('2026-01-21T08:00:00.000Z');
  });

  it('goes on at once when the date cannot be read', () => {
    expect(waitUntilMoment({ date: { field: 'customer.customFields.bad' } }, now, inputs)).toBeNull();
    expect(waitUntilMoment({ date: { field: 'customer.customFields.missing' } }, now, inputs)).toBeNull();
    expect(waitUntilMoment({ date: { field: 'somewhere.else' } }, now, none)).toBeNull();
  });
});
