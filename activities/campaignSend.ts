import { heartbeat } from '@temporalio/activity';
import type { Knex } from 'knex';
import { ChannelError, type Channels } from '../channels/types';
import { claimDueRecipients, releaseOrphanedClaims, remainingWork, settleRecipients, type ClaimedRecipient, type Settlement } from '../domain/campaigns/ledger';
import { DEFAULT_COMMUNICATION_HOURS, MAX_ATTEMPTS, nextAllowedAt, retryDelayMs, type HoursWindow } from '../domain/campaigns/policy';
import { renderForCustomer, TemplateCache } from '../domain/campaigns/render';
import { addTracking, messageLinks } from '../domain/campaigns/tracking';
import type { CampaignOptions, CampaignRow } from '../domain/campaigns/types';
import { pauseForFailureRate, recentMessageCounts } from '../domain/campaigns/sending';
import { readMessagingSettings } from '../domain/messaging/settings';

/** What the campaign activities need besides the database: transports, links and limits. */
export interface MessagingDeps {
  channels: Channels;
  /** Base URL of the API as recipients reach it (tracking, unsubscribe, status callbacks). */
  publicUrl: string;
  trackingSecret: string;
  /** Recipients claimed per page: also the most messages that can be repeated after a crash. */
  pageSize: number;
  /** Messages in flight at once per activity. */
  concurrency: number;
  /** The clock policies use (tests inject one); defaults to the system clock. */
  now?: () => Date;
  /** How long one activity call keeps sending before it returns to the workflow. */
  pageTimeBudgetMs?: number;
  /**
   * Activity calls one run of a campaign's workflow makes before it continues as new, so its
   * history stays small and quick to replay even before Temporal suggests it (default 500).
   */
  pagesPerRun?: number;
}

/** Default of {@link MessagingDeps.pagesPerRun}: ~6 history events a call, far below Temporal's limits. */
export const DEFAULT_PAGES_PER_RUN = 500;

/** The outcome of one {@link createCampaignSendActivities} call, as the workflow sees it. */
export interface SendPagesResult {
  sent: number;
  failed: number;
  deferred: number;
  remaining: number;
  due: number;
  nextDueAt: string | null;
  waitMs: number;
  stopped: 'paused' | 'cancelled' | null;
}

/** Runs `fn` over items with at most `limit` in flight. */
async function inParallel<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]!);
  });
  await Promise.all(lanes);
}

/** A pacing gate: at most `perSecond` passes per second (no limit when undefined). */
function pacer(perSecond: number | undefined): () => Promise<void> {
  if (!perSecond) return async () => {};
  let slot = Date.now();
  return async () => {
    const wait = slot - Date.now();
    slot = Math.max(slot, Date.now()) + 1000 / perSecond;
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  };
}

/** The campaign's live status, polled so a pause or cancel stops the page within a fraction of a second. */
function statusWatcher(db: Knex, campaign: CampaignRow) {
  let status: string = campaign.status;
  const timer = setInterval(() => {
    db('campaigns').where({ tenant_id: campaign.tenant_id, id: campaign.id }).first('status').then((r) => {
      status = r?.status ?? 'cancelled';
    }, () => undefined);
  }, 200);
  return { current: () => status, stop: () => clearInterval(timer) };
}

/**
 * The sending activity: claims pages of due recipients, applies the policy (communication hours
 * in the recipient's timezone, frequency cap), renders, sends with bounded concurrency and
 * settles every claimed row, heartbeating after each message. It returns after its time budget
 * or when nothing is due, so the workflow can sleep until deferred messages are due.
 */
export function createCampaignSendActivities(deps: { db: Knex; messaging?: MessagingDeps }) {
  const templates = new TemplateCache();
  const messaging = () => {
    if (!deps.messaging) throw new Error('This worker has no messaging transports configured');
    return deps.messaging;
  };

  async function sendOne(m: MessagingDeps, campaign: CampaignRow, r: ClaimedRecipient, from: string | undefined): Promise<Settlement> {
    const links = messageLinks(m.publicUrl, m.trackingSecret, r.ledgerId);
    try {
      const message = renderForCustomer(templates.get(campaign), campaign, r.customer, { unsubscribeUrl: links.unsubscribeUrl });
      const result = campaign.channel === 'email'
        ? await m.channels.email.send({ ledgerId: r.ledgerId, tenantId: campaign.tenant_id, to: r.address, from, subject: message.subject, html: addTracking(message.body, links), unsubscribeUrl: links.unsubscribeUrl })
        : await m.channels.sms.send({ ledgerId: r.ledgerId, tenantId: campaign.tenant_id, to: r.address, body: message.body, statusCallback: links.statusCallbackUrl });
      return { id: r.ledgerId, state: 'sent', providerId: result.providerId, attempted: true };
    } catch (err) {
      const e = err instanceof ChannelError ? err : new ChannelError((err as Error).message ?? String(err), 'permanent');
      if (e.kind === 'transient' && r.attempts + 1 < MAX_ATTEMPTS) {
        const retryAt = new Date((m.now ?? (() => new Date()))().getTime() + retryDelayMs(r.attempts + 1));
        return { id: r.ledgerId, state: 'pending', error: e.message, errorKind: 'transient', attempted: true, nextAttemptAt: retryAt.toISOString(), deferredReason: 'retry' };
      }
      return { id: r.ledgerId, state: 'failed', error: e.message, errorKind: e.kind, attempted: true };
    }
  }

  /** Recipients the policy holds now, with the instant each may go (null: send now). */
  async function holds(campaign: CampaignRow, claimed: ClaimedRecipient[], now: Date, tenantHours: HoursWindow, tenantTz: string | null): Promise<Map<string, { at: Date; reason: string }>> {
    const options = (campaign.options ?? {}) as CampaignOptions;
    const held = new Map<string, { at: Date; reason: string }>();
    if (options.frequencyCap) {
      const recent = await recentMessageCounts(deps.db, campaign, claimed.map((r) => r.customer.id as string), now, options.frequencyCap.periodHours);
      for (const r of claimed) {
        const seen = recent.get(r.customer.id);
        if (seen && seen.count >= options.frequencyCap.max) held.set(r.ledgerId, { at: new Date(seen.oldest.getTime() + options.frequencyCap.periodHours * 3_600_000), reason: 'frequency_cap' });
      }
    }
    if (options.respectQuietHours) {
      for (const r of claimed) {
        const c = r.customer;
        const window = c.communication_hours_start && c.communication_hours_end ? { start: c.communication_hours_start, end: c.communication_hours_end } : tenantHours;
        const at = nextAllowedAt(now, c.timezone ?? tenantTz, window);
        if (at && !held.has(r.ledgerId)) held.set(r.ledgerId, { at, reason: 'quiet_hours' });
      }
    }
    return held;
  }

  return {
    /** Sends due recipients of one campaign for up to the time budget; see {@link SendPagesResult}. */
    async sendCampaignPages(tenantId: string, campaignId: string): Promise<SendPagesResult> {
      const m = messaging();
      const clock = m.now ?? (() => new Date());
      // FOR SHARE waits for a pause or resume still committing: the API signals the workflow inside its transaction,
      // so a plain read could see 'paused' after the resume was delivered, and the workflow would wait for another.
      const campaign = await deps.db('campaigns').where({ tenant_id: tenantId, id: campaignId }).forShare().first();
      const stoppedBy = (status: string | undefined) => (status === 'paused' ? 'paused' : status === 'sending' ? null : 'cancelled');
      const result: SendPagesResult = { sent: 0, failed: 0, deferred: 0, remaining: 0, due: 0, nextDueAt: null, waitMs: 0, stopped: stoppedBy(campaign?.status) };
      if (result.stopped) return result;
      await releaseOrphanedClaims(deps.db, campaignId);
      const settings = await readMessagingSettings(deps.db, tenantId);
      const tenantHours = settings.communicationHours ?? DEFAULT_COMMUNICATION_HOURS;
      const watcher = statusWatcher(deps.db, campaign);
      const pace = pacer((campaign.options as CampaignOptions)?.throttlePerSecond);
      const started = Date.now();
      const budget = m.pageTimeBudgetMs ?? 20_000;
      const claimNext = () => claimDueRecipients(deps.db, campaignId, clock(), m.pageSize);
      // The next page is claimed while the current one is sending, so the pool never waits on the
      // claim query. A prefetched page is not yet sent: it adds nothing to what a crash can repeat.
      let next: Promise<ClaimedRecipient[]> | null = stoppedBy(watcher.current()) ? null : claimNext();
      try {
        while (next) {
          const claimed = await next;
          next = null;
          if (!claimed.length) break;
          const now = clock();
          const held = await holds(campaign, claimed, now, tenantHours, settings.timezone ?? null);
          const settlements: Settlement[] = [];
          const toSend: ClaimedRecipient[] = [];
          for (const r of claimed) {
            const hold = held.get(r.ledgerId);
            if (hold) settlements.push({ id: r.ledgerId, state: 'pending', attempted: false, nextAttemptAt: hold.at.toISOString(), deferredReason: hold.reason });
            else toSend.push(r);
          }
          if (Date.now() - started < budget && !stoppedBy(watcher.current())) next = claimNext();
          await inParallel(toSend, m.concurrency, async (r) => {
            if (stoppedBy(watcher.current())) {
              settlements.push({ id: r.ledgerId, state: 'pending', attempted: false });
              return;
            }
            await pace();
            const s = await sendOne(m, campaign, r, settings.fromEmail);
            settlements.push(s);
            if (s.state === 'sent') result.sent++;
            if (s.state === 'failed') result.failed++;
            heartbeat({ sent: result.sent, lastLedgerId: r.ledgerId });
          });
          await settleRecipients(deps.db, settlements, clock());
          heartbeat({ sent: result.sent });
          if (result.failed && (await pauseForFailureRate(deps.db, campaign))) result.stopped = 'paused';
          result.stopped ??= stoppedBy(watcher.current());
          if (result.stopped && next) {
            // Stopping: the prefetched page goes back untouched.
            const unsent = await next;
            next = null;
            await settleRecipients(deps.db, unsent.map((r) => ({ id: r.ledgerId, state: 'pending', attempted: false })), clock());
          }
        }
      } finally {
        watcher.stop();
        // After a failure, a prefetched page stays claimed until the retry releases it.
        void next?.catch(() => undefined);
      }
      const now = clock();
      const left = await remainingWork(deps.db, campaignId, now);
      result.deferred = left.remaining - left.due;
      Object.assign(result, { remaining: left.remaining, due: left.due, nextDueAt: left.nextDueAt?.toISOString() ?? null, waitMs: left.nextDueAt ? Math.max(0, left.nextDueAt.getTime() - now.getTime()) : 0 });
      return result;
    },
  };
}
