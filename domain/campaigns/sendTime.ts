import type { Knex } from 'knex';
import { validationFailed } from '../../lib/errors';
import { segmentBestHour } from '../engagement/bestHour';
import { customerBestHourJoin, customerZoneJoin } from '../engagement/histograms';
import { readMessagingSettings } from '../messaging/settings';
import { recipientTimezoneDue, type RecipientDueJoin } from './audience';
import type { Audience, CampaignOptions, CampaignRow, Schedule } from './types';

/**
 * `sendTime` (issue 19): `scheduled` sends every recipient at the campaign's time; `optimal` gives
 * each recipient their own best hour within the next 24 hours from the campaign's start — the
 * customer's (ledger `deferred_reason` `best_hour`), else the campaign's segment's
 * (`segment_best_hour`), else the campaign's time. The hour only sets when the ledger row becomes
 * due: the sender's policy gate (quiet hours, frequency cap) still decides when it goes.
 */
export const SEND_TIMES = ['scheduled', 'optimal'] as const;
/** One of {@link SEND_TIMES}. */
export type SendTime = (typeof SEND_TIMES)[number];

/** Refuses (422) a definition whose send time and options contradict each other: optimal already picks each recipient's hour. */
export function checkSendTime(sendTime: SendTime | undefined, options: CampaignOptions | undefined): void {
  if (sendTime === 'optimal' && options?.sendInRecipientTimezone)
    throw validationFailed([
      {
        location: 'body',
        path: 'sendTime',
        message: 'optimal picks each recipient their own hour; it cannot be combined with options.sendInRecipientTimezone',
      },
    ]);
}

/** Ledger `deferred_reason`s of rows waiting for a best hour. */
export const BEST_HOUR_REASONS = ['best_hour', 'segment_best_hour'] as const;

/**
 * The due join of an optimal campaign's snapshot: per recipient, their best hour from the model
 * (one index-only read of their opens), else `segmentHour`, placed at the next time that local
 * hour starts in their zone — or at `start` when that hour is under way — so every message is due
 * within 24 hours of `start`.
 */
export function bestHourDue(start: Date, segmentHour: number | null, tenantZone: string | null): RecipientDueJoin {
  const zone = customerZoneJoin(tenantZone);
  const best = customerBestHourJoin(start);
  return {
    sql: `${zone.sql}
          ${best.sql}
          CROSS JOIN LATERAL (SELECT coalesce(best.hour, ?::int) AS hour, (?::timestamptz AT TIME ZONE tz.zone) AS local_start) pick
          CROSS JOIN LATERAL (
            SELECT CASE WHEN pick.hour IS NOT NULL THEN greatest(?::timestamptz,
                     (date_trunc('day', pick.local_start) + make_interval(hours => pick.hour)
                       + CASE WHEN date_trunc('day', pick.local_start) + make_interval(hours => pick.hour + 1) <= pick.local_start THEN interval '1 day' ELSE interval '0' END)
                     AT TIME ZONE tz.zone) END AS at,
                   CASE WHEN best.hour IS NOT NULL THEN 'best_hour' WHEN pick.hour IS NOT NULL THEN 'segment_best_hour' END AS reason
          ) due`,
    bindings: [...zone.bindings, ...best.bindings, segmentHour, start, start],
  };
}

/**
 * How the snapshot of a campaign starting at `now` times its recipients: at their best hours
 * (optimal), at the scheduled wall-clock time in their timezones, or all at once.
 */
export async function recipientDueFor(db: Knex, campaign: CampaignRow, now: Date): Promise<RecipientDueJoin | undefined> {
  const schedule = campaign.schedule as Schedule;
  if ((campaign.send_time as SendTime) === 'optimal') {
    const audience = campaign.audience as Audience;
    const segment = audience.type === 'segment' ? await segmentBestHour(db, campaign.tenant_id, audience.segmentId, now) : undefined;
    const settings = await readMessagingSettings(db, campaign.tenant_id);
    return bestHourDue(now, segment?.hour ?? null, settings.timezone ?? null);
  }
  if ((campaign.options as CampaignOptions).sendInRecipientTimezone && schedule.type === 'at')
    return recipientTimezoneDue(new Date(schedule.at).toISOString().slice(0, 19));
  return undefined;
}
