import { percent, relativeChange, round, twoProportionZ, Z_CRITICAL } from './statistics';
import type { InsightFinding, InsightProducer, InsightQuery, TimeWindow } from './types';

/** Each window needs this many messages sent on the channel. */
export const ENGAGEMENT_MIN_SENT = 100;
/** The smallest relative change of a rate reported (10 %). */
export const ENGAGEMENT_MIN_CHANGE = 0.1;
/**
 * Opens and clicks are counted within 72 hours of the send, and messages sent in the last 72 hours
 * are not counted yet: a message sent an hour ago has had no time to be opened, and counting it
 * would make every current window look worse than the previous one.
 */
export const ENGAGEMENT_ATTRIBUTION_HOURS = 72;

const HOUR_MS = 3_600_000;

/** One channel's sends, opens and clicks in one window. */
interface ChannelWindow {
  sent: number;
  opened: number;
  clicked: number;
  customers: number;
}

const shift = (w: TimeWindow, ms: number): TimeWindow => ({ from: new Date(w.from.getTime() - ms), to: new Date(w.to.getTime() - ms) });

/**
 * Per channel and window: ledger rows sent (sent_at in the window), those opened and clicked within
 * the attribution time, and distinct recipients. Bounded by the windows through the
 * campaign_recipients (tenant_id, sent_at) index of migration 20261208000400.
 */
async function channelWindows(q: InsightQuery, current: TimeWindow, previous: TimeWindow) {
  const { rows } = await q.db.raw<{ rows: Array<ChannelWindow & { channel: string; cur: boolean }> }>(
    `SELECT channel, sent_at >= ? AS cur, count(*)::int AS sent,
            count(*) FILTER (WHERE opened_at < sent_at + make_interval(hours => ?))::int AS opened,
            count(*) FILTER (WHERE clicked_at < sent_at + make_interval(hours => ?))::int AS clicked,
            count(DISTINCT customer_id)::int AS customers
       FROM campaign_recipients
      WHERE tenant_id = ? AND sent_at >= ? AND sent_at < ?
      GROUP BY 1, 2 ORDER BY 1, 2`,
    [current.from, ENGAGEMENT_ATTRIBUTION_HOURS, ENGAGEMENT_ATTRIBUTION_HOURS, q.tenantId, previous.from, current.to],
  );
  const empty: ChannelWindow = { sent: 0, opened: 0, clicked: 0, customers: 0 };
  const out = new Map<string, { current: ChannelWindow; previous: ChannelWindow }>();
  for (const { channel, cur, ...figures } of rows) {
    const entry = out.get(channel) ?? { current: empty, previous: empty };
    out.set(channel, cur ? { ...entry, current: figures } : { ...entry, previous: figures });
  }
  return out;
}

const CHANNEL_NAMES: Record<string, string> = { email: 'Email', sms: 'SMS', whatsapp: 'WhatsApp' };

const RATES = [
  ['openRate', 'opened', 'open rate'],
  ['clickRate', 'clicked', 'click rate'],
] as const;

/** The open and click rate findings of one channel whose rate moved beyond chance. */
function findingsFor(channel: string, cur: ChannelWindow, prev: ChannelWindow, window: TimeWindow, previousWindow: TimeWindow, days: number): InsightFinding[] {
  if (cur.sent < ENGAGEMENT_MIN_SENT || prev.sent < ENGAGEMENT_MIN_SENT) return [];
  return RATES.flatMap(([name, field, label]) => {
    const z = twoProportionZ({ successes: cur[field], trials: cur.sent }, { successes: prev[field], trials: prev.sent });
    const [rateNow, rateBefore] = [round(cur[field] / cur.sent, 4), round(prev[field] / prev.sent, 4)];
    const change = relativeChange(cur[field] / cur.sent, prev[field] / prev.sent);
    if (change === null || Math.abs(change) < ENGAGEMENT_MIN_CHANGE || Math.abs(z) < Z_CRITICAL) return [];
    const fell = change < 0;
    return [
      {
        type: 'engagement_trend' as const,
        subject: { kind: 'channel' as const, id: null, name: `${channel} ${name}` },
        title: `${CHANNEL_NAMES[channel] ?? channel} ${label} ${fell ? 'fell' : 'rose'} ${percent(change)}`,
        description:
          `The ${channel} ${label} went from ${round(rateBefore * 100, 1)} % to ${round(rateNow * 100, 1)} % ` +
          `(${prev[field]} of ${prev.sent} → ${cur[field]} of ${cur.sent} messages, counted within ${ENGAGEMENT_ATTRIBUTION_HOURS} hours of the send; z = ${round(z)}) ` +
          `over ${days} days ending ${ENGAGEMENT_ATTRIBUTION_HOURS} hours ago.`,
        recommendation: fell
          ? `Review recent ${channel} campaigns: test new subject lines and content, and check the audience's fatigue and deliverability.`
          : `Recent ${channel} campaigns engage better: reuse what changed in them.`,
        affectedCustomers: cur.customers,
        effect: change,
        metric: { name, current: rateNow, previous: rateBefore, change },
        evidence: {
          window,
          previousWindow,
          counts: { currentSent: cur.sent, previousSent: prev.sent, currentEngaged: cur[field], previousEngaged: prev[field] },
        },
      },
    ];
  });
}

/** Open and click rates by channel changing period over period. */
export const engagementTrends: InsightProducer = {
  type: 'engagement_trend',
  async produce(q) {
    const lag = ENGAGEMENT_ATTRIBUTION_HOURS * HOUR_MS;
    const [current, previous] = [shift(q.window, lag), shift(q.previousWindow, lag)];
    const windows = await channelWindows(q, current, previous);
    return [...windows.entries()].flatMap(([channel, w]) => findingsFor(channel, w.current, w.previous, current, previous, q.periodDays));
  },
};
