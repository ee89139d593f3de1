import type { Knex } from 'knex';
import type { InsightFinding, InsightProducer, InsightQuery } from '../insights/types';
import { readMessagingSettings } from '../messaging/settings';
import { segmentBestHour } from './bestHour';
import { customerZoneJoin } from './histograms';

/** Segments looked at: those the most recent campaigns of the window went to. */
const MAX_SEGMENTS = 50;
/** Sent messages read per campaign to find the hour it went out at (the first by customer id: a uniform sample). */
const SENT_SAMPLE_PER_CAMPAIGN = 2000;
/** Hours (on the 24-hour circle) between the best hour and the usual send hour below which nothing is said. */
const MIN_HOURS_APART = 2;
/** Messages sent to the segment in the window below which its usual send hour is not known. */
const MIN_SENT = 20;

/** Segments campaigns went to in the window, most recently started first. */
async function campaignedSegments(db: Knex, tenantId: string, window: { from: Date; to: Date }): Promise<string[]> {
  const rows = await db('campaigns')
    .where({ tenant_id: tenantId, kind: 'campaign' })
    .whereRaw(`audience->>'type' = 'segment'`)
    .where('started_at', '>=', window.from)
    .where('started_at', '<', window.to)
    .groupByRaw(`audience->>'segmentId'`)
    .orderByRaw('max(started_at) DESC')
    .limit(MAX_SEGMENTS)
    .select(db.raw(`audience->>'segmentId' AS segment_id`));
  return rows.map((r) => r.segment_id as string);
}

/**
 * Messages sent to a segment's campaigns in the window by the recipient's local hour (a sample per
 * campaign), and how many campaigns they came from.
 */
async function sendHours(db: Knex, tenantId: string, segmentId: string, window: { from: Date; to: Date }, tenantZone: string | null) {
  const zone = customerZoneJoin(tenantZone);
  const { rows } = await db.raw(
    `SELECT sent.hour, count(*)::int AS n, count(DISTINCT sent.campaign_id)::int AS campaigns
       FROM (SELECT k.id AS campaign_id, extract(hour FROM s.sent_at AT TIME ZONE tz.zone)::int AS hour
       FROM campaigns k
       CROSS JOIN LATERAL (SELECT r.customer_id, r.sent_at FROM campaign_recipients r
                            WHERE r.campaign_id = k.id AND r.sent_at >= ? AND r.sent_at < ? AND r.journey_step_id IS NULL
                            ORDER BY r.customer_id LIMIT ${SENT_SAMPLE_PER_CAMPAIGN}) s
       JOIN customers c ON c.id = s.customer_id
       ${zone.sql}
      WHERE k.tenant_id = ? AND k.kind = 'campaign' AND k.audience->>'type' = 'segment' AND k.audience->>'segmentId' = ?
        AND k.started_at >= ? AND k.started_at < ?) sent
      GROUP BY GROUPING SETS ((sent.hour), ())`,
    [window.from, window.to, ...zone.bindings, tenantId, segmentId, window.from, window.to],
  );
  const histogram = Array.from({ length: 24 }, () => 0);
  let campaigns = 0;
  for (const r of rows as { hour: number | null; n: number; campaigns: number }[]) {
    if (r.hour === null) campaigns = r.campaigns;
    else histogram[r.hour] = r.n;
  }
  return { histogram, campaigns };
}

const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;
const circular = (a: number, b: number) => Math.min(Math.abs(a - b), 24 - Math.abs(a - b));
const round = (x: number) => Math.round(x * 10_000) / 10_000;

/**
 * The best-send-hour insight of `GET /ai/insights` (issue 19): "segment X opens most at 19:00,
 * campaigns to it go out at 09:00". For each segment campaigns went to in the window (at most 50,
 * the most recent), one finding when the model finds the segment's best hour (its own rule and
 * history, read at the request's clock) and the hour its campaigns' messages usually went out at
 * (recipients' local time, at least 20 messages) is 2 hours or more away from it. The effect is
 * the share of opens gained by moving the send hour; the insights runner ranks and ids it.
 */
export const bestSendHour: InsightProducer = {
  type: 'best_send_hour',
  async produce(q: InsightQuery): Promise<InsightFinding[]> {
    const { db, tenantId, window } = q;
    const settings = await readMessagingSettings(db, tenantId);
    const found: InsightFinding[] = [];
    for (const segmentId of await campaignedSegments(db, tenantId, window)) {
      const best = await segmentBestHour(db, tenantId, segmentId, q.now);
      if (!best || best.hour === null) continue;
      const sends = await sendHours(db, tenantId, segmentId, window, settings.timezone ?? null);
      const sent = sends.histogram.reduce((a, b) => a + b, 0);
      if (sent < MIN_SENT) continue;
      const usual = sends.histogram.indexOf(Math.max(...sends.histogram));
      if (circular(usual, best.hour) < MIN_HOURS_APART) continue;
      const name = ((await db('segments').where({ tenant_id: tenantId, id: segmentId }).first('name')) as { name: string } | undefined)?.name;
      const atBest = best.peakShare;
      const atUsual = best.opens ? round((best.histogram[usual] ?? 0) / best.opens) : 0;
      const gain = round(atBest - atUsual);
      found.push({
        type: 'best_send_hour',
        subject: { kind: 'segment_hour', id: segmentId, name: name ?? segmentId },
        title: `${name ?? 'A segment'} opens most at ${hh(best.hour)}`,
        description: `Members of ${name ?? 'this segment'} open most at ${hh(best.hour)} their time (${Math.round(atBest * 100)} % of ${best.opens} opens), but campaigns to it go out at ${hh(usual)} (${Math.round(atUsual * 100)} % of opens happen then).`,
        recommendation: `Send campaigns to ${name ?? 'this segment'} with sendTime "optimal", or schedule them for ${hh(best.hour)} in recipients' timezones.`,
        affectedCustomers: best.members,
        effect: gain,
        metric: { name: 'share_of_opens_in_send_hour', current: atBest, previous: atUsual, change: gain },
        evidence: {
          window,
          previousWindow: null,
          counts: {
            opens: best.opens,
            opensInBestHour: best.peakOpens,
            opensInSendHour: best.histogram[usual] ?? 0,
            customersWithOpens: best.sample.customersWithOpens,
            membersRead: best.sample.customersRead,
            campaigns: sends.campaigns,
            messagesRead: sent,
            messagesInSendHour: sends.histogram[usual] ?? 0,
          },
        },
      });
    }
    return found;
  },
};
