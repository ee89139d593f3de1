import type { Knex } from 'knex';
import type { ClaimedRecipient } from './ledger';
import { recentMessageCounts } from './sending';
import type { CampaignOptions, CampaignRow } from './types';

/**
 * The send policy: communication hours in the recipient's timezone, the frequency cap across
 * campaigns and retry backoff, as pure functions of a clock, and {@link holdsForPage}, which
 * reads what the cap needs and applies them to a claimed page. A message held by policy is
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
    parts = new Intl.DateTimeFormat('en-GB', {
      timeZone: timezone || 'UTC',
      hourCycle: 'h23',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }).formatToParts(now);
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

/** Why a claimed recipient is held back, and the instant it may go. */
export interface Hold {
  at: Date;
  reason: 'frequency_cap' | 'quiet_hours';
}

/** A claimed recipient as the policy sees it: the ledger row and the customer's own hours and timezone. */
export interface PolicyRecipient {
  ledgerId: string;
  customerId: string;
  timezone: string | null;
  communicationHours: HoursWindow | null;
}

/** Messages a customer received in the frequency cap's period, and when the oldest of them was sent. */
export interface RecentMessages {
  count: number;
  oldest: Date;
}

/** Where a recipient outside their hours waits: their own window, else the tenant's, in their timezone, else the tenant's. */
export interface TenantDefaults {
  hours: HoursWindow;
  timezone: string | null;
}

/**
 * The frequency cap's hold: when the customer already had `cap.max` messages in the period, they
 * wait until the oldest of those leaves it. Null when the cap allows one more now.
 */
export function frequencyCapHold(recent: RecentMessages | undefined, cap: { max: number; periodHours: number }): Hold | null {
  if (!recent || recent.count < cap.max) return null;
  return { at: new Date(recent.oldest.getTime() + cap.periodHours * 3_600_000), reason: 'frequency_cap' };
}

/** The quiet-hours hold: null inside the recipient's communication hours, else when they next open. */
export function quietHoursHold(recipient: PolicyRecipient, now: Date, tenant: TenantDefaults): Hold | null {
  const at = nextAllowedAt(now, recipient.timezone ?? tenant.timezone, recipient.communicationHours ?? tenant.hours);
  return at ? { at, reason: 'quiet_hours' } : null;
}

/**
 * The holds the campaign's options put on a page of claimed recipients, by ledger id (absent:
 * send now). The frequency cap is looked at first; a capped recipient keeps that reason even when
 * also outside their hours. `recent` holds the cap's counts (empty when the campaign has no cap).
 */
export function policyHolds(
  recipients: PolicyRecipient[],
  options: { frequencyCap?: { max: number; periodHours: number }; respectQuietHours?: boolean },
  now: Date,
  tenant: TenantDefaults,
  recent: ReadonlyMap<string, RecentMessages>,
): Map<string, Hold> {
  const held = new Map<string, Hold>();
  for (const r of recipients) {
    const hold =
      (options.frequencyCap && frequencyCapHold(recent.get(r.customerId), options.frequencyCap)) ||
      (options.respectQuietHours ? quietHoursHold(r, now, tenant) : null);
    if (hold) held.set(r.ledgerId, hold);
  }
  return held;
}

/** What a failed provider call does to its ledger row: retried later while transient and attempts remain, else failed. */
export type FailureOutcome = { state: 'pending'; retryAt: Date } | { state: 'failed' };

/**
 * Decides a failed send: a transient failure with attempts left is retried after the backoff of
 * its attempt number (`attempts` counts those made before this one); anything else fails the row.
 */
export function failureOutcome(kind: 'permanent' | 'transient', attempts: number, now: Date): FailureOutcome {
  if (kind === 'transient' && attempts + 1 < MAX_ATTEMPTS) return { state: 'pending', retryAt: new Date(now.getTime() + retryDelayMs(attempts + 1)) };
  return { state: 'failed' };
}

/** A claimed recipient's customer hours and timezone, as the policy reads them. */
export function policyRecipient(r: ClaimedRecipient): PolicyRecipient {
  const c = r.customer;
  return {
    ledgerId: r.ledgerId,
    customerId: c.id as string,
    timezone: c.timezone ?? null,
    communicationHours:
      c.communication_hours_start && c.communication_hours_end ? { start: c.communication_hours_start, end: c.communication_hours_end } : null,
  };
}

/**
 * Decides, for each recipient of a claimed page, whether the campaign's policy holds it now and
 * until when (by ledger id; absent: send now). Reads the recipients' recent messages across the
 * tenant's other campaigns only when the campaign has a frequency cap.
 */
export async function holdsForPage(
  db: Knex,
  campaign: CampaignRow,
  claimed: ClaimedRecipient[],
  now: Date,
  tenant: TenantDefaults,
): Promise<Map<string, Hold>> {
  const options = (campaign.options ?? {}) as CampaignOptions;
  const recipients = claimed.map(policyRecipient);
  const recent = options.frequencyCap
    ? await recentMessageCounts(
        db,
        campaign,
        recipients.map((r) => r.customerId),
        now,
        options.frequencyCap.periodHours,
      )
    : new Map<string, RecentMessages>();
  return policyHolds(recipients, options, now, tenant, recent);
}
