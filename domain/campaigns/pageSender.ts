import type { Knex } from 'knex';
import type { Channels } from '../../channels/types';
import { readMessagingSettings } from '../messaging/settings';
import { claimDueRecipients, releaseOrphanedClaims, remainingWork, settleRecipients, type ClaimedRecipient, type Settlement } from './ledger';
import { sendCampaignMessage, type MessageDeps } from './messages';
import { DEFAULT_COMMUNICATION_HOURS, holdsForPage } from './policy';
import { TemplateCache } from './render';
import { campaignRowForPage, campaignStatus, pauseForFailureRate } from './sending';
import type { CampaignOptions, CampaignRow } from './types';

/** What sending campaigns needs besides the database: transports, links and limits. */
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

/** How often a running send reads the campaign's status, so a pause or cancel stops it within a fraction of a second. */
const STATUS_POLL_MS = 200;

/** The outcome of one {@link CampaignSender.sendCampaignPages} call, as the workflow sees it. */
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

/** Progress reported after each message and each settled page (the activity heartbeats it). */
export type SendProgress = { sent: number; lastLedgerId?: string };

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

/** The campaign's live status, polled in the background (a campaign that is gone reads as cancelled). */
function statusWatcher(db: Knex, campaign: CampaignRow) {
  let status: string = campaign.status;
  const timer = setInterval(() => {
    campaignStatus(db, campaign.tenant_id, campaign.id).then(
      (s) => {
        status = s ?? 'cancelled';
      },
      () => undefined,
    );
  }, STATUS_POLL_MS);
  return { current: () => status, stop: () => clearInterval(timer) };
}

/** Whether a status stops sending, and as what. */
const stoppedBy = (status: string | undefined): SendPagesResult['stopped'] => (status === 'paused' ? 'paused' : status === 'sending' ? null : 'cancelled');

/**
 * The campaign sender of one worker: claims pages of due recipients, holds what the policy defers
 * (communication hours in the recipient's timezone, frequency cap), renders, sends with bounded
 * concurrency and the campaign's throttle, and settles every claimed row. Templates are parsed
 * once per campaign version for the worker's life.
 */
export function createCampaignSender(deps: { db: Knex; messaging: MessagingDeps }) {
  const { db, messaging: m } = deps;
  const clock = m.now ?? (() => new Date());
  const messages: MessageDeps = { channels: m.channels, publicUrl: m.publicUrl, trackingSecret: m.trackingSecret, templates: new TemplateCache(), now: clock };

  /**
   * Sends due recipients of one campaign for up to the time budget, or until nothing is due or the
   * campaign is paused or cancelled (unsent claimed rows go back to pending). `cancelled` is the
   * activity's cancellation: Temporal gave this attempt up (a missed heartbeat) and started
   * another, so it sends nothing more and hands its unsent claims back. Returns what is left so
   * the workflow can sleep until deferred messages are due (or another attempt's claims expire).
   */
  async function sendCampaignPages(
    tenantId: string,
    campaignId: string,
    progress: (p: SendProgress) => void,
    cancelled?: AbortSignal,
  ): Promise<SendPagesResult> {
    const campaign = await campaignRowForPage(db, tenantId, campaignId);
    const result: SendPagesResult = { sent: 0, failed: 0, deferred: 0, remaining: 0, due: 0, nextDueAt: null, waitMs: 0, stopped: stoppedBy(campaign?.status) };
    if (!campaign || result.stopped) return result;
    await releaseOrphanedClaims(db, campaignId, clock());
    const settings = await readMessagingSettings(db, tenantId);
    const tenant = { hours: settings.communicationHours ?? DEFAULT_COMMUNICATION_HOURS, timezone: settings.timezone ?? null };
    const watcher = statusWatcher(db, campaign);
    const pace = pacer((campaign.options as CampaignOptions)?.throttlePerSecond);
    const started = Date.now();
    const budget = m.pageTimeBudgetMs ?? 20_000;
    const claimNext = () => claimDueRecipients(db, campaignId, clock(), m.pageSize);
    // The next page is claimed while the current one is sending, so the pool never waits on the
    // claim query. A prefetched page is not yet sent: it adds nothing to what a crash can repeat.
    let next: Promise<ClaimedRecipient[]> | null = stoppedBy(watcher.current()) ? null : claimNext();
    try {
      while (next) {
        const claimed = await next;
        next = null;
        if (!claimed.length) break;
        const held = await holdsForPage(db, campaign, claimed, clock(), tenant);
        const settlements: Settlement[] = [];
        const toSend: ClaimedRecipient[] = [];
        for (const r of claimed) {
          const hold = held.get(r.ledgerId);
          if (hold) settlements.push({ id: r.ledgerId, state: 'pending', attempted: false, nextAttemptAt: hold.at.toISOString(), deferredReason: hold.reason });
          else toSend.push(r);
        }
        if (Date.now() - started < budget && !stoppedBy(watcher.current()) && !cancelled?.aborted) next = claimNext();
        await inParallel(toSend, m.concurrency, async (r) => {
          // Paused or cancelled by the marketer, or this attempt given up by Temporal (a newer one runs).
          if (stoppedBy(watcher.current()) || cancelled?.aborted) {
            settlements.push({ id: r.ledgerId, state: 'pending', attempted: false });
            return;
          }
          await pace();
          const s = await sendCampaignMessage(messages, campaign, r, settings.fromEmail);
          settlements.push(s);
          if (s.state === 'sent') result.sent++;
          if (s.state === 'failed') result.failed++;
          progress({ sent: result.sent, lastLedgerId: r.ledgerId });
        });
        await settleRecipients(db, settlements, clock());
        progress({ sent: result.sent });
        if (result.failed && (await pauseForFailureRate(db, campaign))) result.stopped = 'paused';
        result.stopped ??= stoppedBy(watcher.current());
        if ((result.stopped || cancelled?.aborted) && next) {
          // Stopping: the prefetched page goes back untouched.
          const unsent = await next;
          next = null;
          await settleRecipients(
            db,
            unsent.map((r) => ({ id: r.ledgerId, state: 'pending', attempted: false })),
            clock(),
          );
        }
      }
    } finally {
      watcher.stop();
      // After a failure, a prefetched page stays claimed until the retry releases it.
      void next?.catch(() => undefined);
    }
    const now = clock();
    const left = await remainingWork(db, campaignId, now);
    result.deferred = left.remaining - left.due;
    Object.assign(result, {
      remaining: left.remaining,
      due: left.due,
      nextDueAt: left.nextDueAt?.toISOString() ?? null,
      waitMs: left.nextDueAt ? Math.max(0, left.nextDueAt.getTime() - now.getTime()) : 0,
    });
    return result;
  }

  return { sendCampaignPages };
}

/** A worker's campaign sender. */
export type CampaignSender = ReturnType<typeof createCampaignSender>;
