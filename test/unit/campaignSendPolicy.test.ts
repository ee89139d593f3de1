import { ChannelError } from '../../channels/types';
import type { CustomerRow } from '../../domain/customers/rows';
import { asChannelError } from '../../domain/campaigns/messages';
import {
  failureOutcome,
  frequencyCapHold,
  MAX_ATTEMPTS,
  policyHolds,
  policyRecipient,
  quietHoursHold,
  retryDelayMs,
  type PolicyRecipient,
  type TenantDefaults,
} from '../../domain/campaigns/policy';

/** The campaign send policy as pure functions: no database, no clock but the one passed in. */
describe('campaign send policy', () => {
  // 12:00 UTC: 21:00 in Tokyo (UTC+9, outside 09–21), 07:00 in New York in winter (UTC-5, outside), 13:00 in Paris (inside).
  const noon = new Date('2026-01-15T12:00:00.000Z');
  const tenant: TenantDefaults = { hours: { start: '09:00', end: '21:00' }, timezone: null };
  const recipient = (over: Partial<PolicyRecipient> = {}): PolicyRecipient => ({
    ledgerId: 'l1',
    customerId: 'c1',
    timezone: null,
    communicationHours: null,
    ...over,
  });

  it('frequency cap: holds a customer at the cap until the oldest message leaves the period, and lets one below it through', () => {
    const oldest = new Date('2026-01-15T10:30:00.000Z');
    expect(frequencyCapHold({ count: 2, oldest }, { max: 2, periodHours: 24 })).toEqual({ at: new Date('2026-01-16T10:30:00.000Z'), reason: 'frequency_cap' });
    expect(frequencyCapHold({ count: 1, oldest }, { max: 2, periodHours: 24 })).toBeNull();
    expect(frequencyCapHold(undefined, { max: 1, periodHours: 24 })).toBeNull();
  });

  it("quiet hours: the customer's own window and timezone win over the tenant's, and the hold ends when the window opens", () => {
    expect(quietHoursHold(recipient({ timezone: 'Europe/Paris' }), noon, tenant)).toBeNull();
    expect(quietHoursHold(recipient({ timezone: 'America/New_York' }), noon, tenant)).toEqual({
      at: new Date('2026-01-15T14:00:00.000Z'),
      reason: 'quiet_hours',
    });
    // Tokyo at 21:00 is past the window; the next 09:00 there is 00:00 UTC the next day.
    expect(quietHoursHold(recipient({ timezone: 'Asia/Tokyo' }), noon, tenant)?.at).toEqual(new Date('2026-01-16T00:00:00.000Z'));
    // Own hours 20:00–23:00 in Tokyo: inside at 21:00.
    expect(quietHoursHold(recipient({ timezone: 'Asia/Tokyo', communicationHours: { start: '20:00', end: '23:00' } }), noon, tenant)).toBeNull();
    // No timezone of their own: the tenant's (Tokyo) applies.
    expect(quietHoursHold(recipient(), noon, { ...tenant, timezone: 'Asia/Tokyo' })?.reason).toBe('quiet_hours');
    expect(quietHoursHold(recipient(), noon, tenant)).toBeNull();
  });

  it('policyHolds applies only the options the campaign has, the cap before quiet hours', () => {
    const capped = recipient({ ledgerId: 'capped', customerId: 'c-capped', timezone: 'America/New_York' });
    const quiet = recipient({ ledgerId: 'quiet', customerId: 'c-quiet', timezone: 'America/New_York' });
    const free = recipient({ ledgerId: 'free', customerId: 'c-free', timezone: 'Europe/Paris' });
    const recent = new Map([['c-capped', { count: 3, oldest: new Date('2026-01-15T11:00:00.000Z') }]]);
    const all = policyHolds([capped, quiet, free], { frequencyCap: { max: 3, periodHours: 1 }, respectQuietHours: true }, noon, tenant, recent);
    expect([...all.keys()].sort()).toEqual(['capped', 'quiet']);
    expect(all.get('capped')).toEqual({ at: new Date('2026-01-15T12:00:00.000Z'), reason: 'frequency_cap' });
    expect(all.get('quiet')?.reason).toBe('quiet_hours');
    expect([...policyHolds([capped, quiet, free], {}, noon, tenant, recent).keys()]).toEqual([]);
    expect([...policyHolds([capped, quiet, free], { respectQuietHours: true }, noon, tenant, new Map()).keys()].sort()).toEqual(['capped', 'quiet']);
  });

  it("policyRecipient reads the customer's hours only when both ends are set", () => {
    const claimed = (customer: Record<string, unknown>) => ({
      ledgerId: 'l',
      address: 'a@example.com',
      attempts: 0,
      customer: customer as unknown as CustomerRow,
    });
    expect(policyRecipient(claimed({ id: 'c', timezone: 'Asia/Tokyo', communication_hours_start: '08:00', communication_hours_end: '10:00' }))).toEqual({
      ledgerId: 'l',
      customerId: 'c',
      timezone: 'Asia/Tokyo',
      communicationHours: { start: '08:00', end: '10:00' },
    });
    expect(policyRecipient(claimed({ id: 'c', timezone: null, communication_hours_start: '08:00', communication_hours_end: null }))).toEqual({
      ledgerId: 'l',
      customerId: 'c',
      timezone: null,
      communicationHours: null,
    });
  });

  it('failureOutcome retries transient failures with backoff until the last attempt, and fails permanent ones at once', () => {
    expect(failureOutcome('transient', 0, noon)).toEqual({ state: 'pending', retryAt: new Date(noon.getTime() + retryDelayMs(1)) });
    expect(failureOutcome('transient', MAX_ATTEMPTS - 2, noon).state).toBe('pending');
    expect(failureOutcome('transient', MAX_ATTEMPTS - 1, noon)).toEqual({ state: 'failed' });
    expect(failureOutcome('permanent', 0, noon)).toEqual({ state: 'failed' });
  });

  it('an unclassified send error counts as permanent; a classified one keeps its kind', () => {
    expect(asChannelError(new Error('boom'))).toMatchObject({ kind: 'permanent', message: 'boom' });
    const transient = new ChannelError('timeout', 'transient');
    expect(asChannelError(transient)).toBe(transient);
  });
});
