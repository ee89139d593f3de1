import { condition, continueAsNew, defineQuery, defineSignal, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type * as activities from '../activities';

type Acts = ReturnType<typeof activities.createActivities>;

const { beginCampaign, finishCampaign, decideCampaignTest } = proxyActivities<Acts>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

// Sending heartbeats after every message: a killed worker is noticed within the heartbeat
// timeout and the page is retried elsewhere, resuming from the ledger.
const { sendCampaignPages } = proxyActivities<Acts>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '5 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

/** Pauses sending: the running page stops at its next message, nothing new is claimed. */
export const pauseCampaignSignal = defineSignal('pause');
/** Resumes a paused campaign from where it stopped (the ledger's pending rows). */
export const resumeCampaignSignal = defineSignal('resume');
/** Cancels: stops sending and marks every unsent recipient cancelled. */
export const cancelCampaignSignal = defineSignal('cancel');

/** What the workflow knows about its run, returned by {@link campaignProgressQuery}. */
export interface CampaignProgress {
  paused: boolean;
  cancelled: boolean;
  /** When the workflow sleeps until deferred messages are due (quiet hours, frequency cap, retries). */
  waitingUntil: string | null;
  sent: number;
  failed: number;
  deferred: number;
  pages: number;
  /** An A/B test's window end while it runs; null without a test or once decided. */
  testEndsAt?: string | null;
  /** The variant the rest of the audience got, once the test is decided. */
  testWinner?: string | null;
}

/** The workflow's live progress (the ledger is the durable truth; this adds the run state). */
export const campaignProgressQuery = defineQuery<CampaignProgress>('progress');

/** Input: ids only, plus the run state carried over continue-as-new. */
export interface CampaignSendInput {
  tenantId: string;
  campaignId: string;
  carried?: { started: boolean; progress: CampaignProgress; pagesPerRun: number };
}

/** Business id of a campaign's send: one workflow per campaign. */
export const campaignWorkflowId = (tenantId: string, campaignId: string) => `campaign-${tenantId}-${campaignId}`;

/**
 * Sends one campaign. The audience is snapshotted into the ledger once (beginCampaign), then
 * activities send page after page until nothing is left to settle. Messages deferred by policy
 * are waited for with a durable timer; pause, resume and cancel are signals that interrupt any
 * wait. Long campaigns continue as new after the worker's pagesPerRun activity calls, or sooner
 * when Temporal suggests it, carrying only counters.
 */
export async function campaignSendWorkflow(input: CampaignSendInput): Promise<CampaignProgress> {
  const { tenantId, campaignId } = input;
  const progress: CampaignProgress = input.carried?.progress ?? {
    paused: false,
    cancelled: false,
    waitingUntil: null,
    sent: 0,
    failed: 0,
    deferred: 0,
    pages: 0,
  };
  // A resume that arrives while a page is still winding down after a pause must win over the
  // page's late "stopped: paused" answer, or the workflow would wait for a resume already received.
  let resumedDuringPage = false;
  // Pause and resume signals seen so far: beginCampaign's status is older than any that arrive while it runs.
  // Declared before the handlers: a signal already waiting runs its handler as soon as it is set.
  let controlSignals = 0;
  setHandler(pauseCampaignSignal, () => {
    progress.paused = true;
    controlSignals += 1;
  });
  setHandler(resumeCampaignSignal, () => {
    progress.paused = false;
    resumedDuringPage = true;
    controlSignals += 1;
  });
  setHandler(cancelCampaignSignal, () => {
    progress.cancelled = true;
  });
  setHandler(campaignProgressQuery, () => progress);

  let pagesPerRun: number;
  if (input.carried?.started) {
    pagesPerRun = input.carried.pagesPerRun;
  } else {
    const signalsBefore = controlSignals;
    const begun = await beginCampaign(tenantId, campaignId);
    if (begun.status === 'cancelled') progress.cancelled = true;
    // A resume delivered with the activity's result (signals are applied first) must not be undone
    // by the 'paused' the activity read before it: the API writes the status before it signals.
    if (begun.status === 'paused' && controlSignals === signalsBefore) progress.paused = true;
    pagesPerRun = begun.pagesPerRun;
    // Only a campaign with an A/B test adds commands to the history, so runs without one replay unchanged.
    if (begun.testEndsAt) progress.testEndsAt = begun.testEndsAt;
  }
  let pagesThisRun = 0;
  for (;;) {
    if (progress.cancelled) break;
    if (progress.paused) {
      await condition(() => !progress.paused || progress.cancelled);
      continue;
    }
    resumedDuringPage = false;
    const page = await sendCampaignPages(tenantId, campaignId);
    pagesThisRun += 1;
    progress.pages += 1;
    progress.sent += page.sent;
    progress.failed += page.failed;
    progress.deferred = page.deferred;
    if (page.stopped === 'cancelled') progress.cancelled = true;
    if (page.stopped === 'paused' && !resumedDuringPage) progress.paused = true;
    if (page.stopped) continue;
    if (page.remaining === 0) {
      if (!progress.testEndsAt) break;
      // The test group is settled: wait for the test window (taken from the campaign), then decide
      // and send the winner to the held rest. A pause or cancel interrupts the wait.
      const waitMs = Date.parse(progress.testEndsAt) - Date.now();
      if (waitMs > 0) {
        progress.waitingUntil = progress.testEndsAt;
        await condition(() => progress.paused || progress.cancelled, waitMs);
        progress.waitingUntil = null;
        if (progress.paused || progress.cancelled) continue;
      }
      const decided = await decideCampaignTest(tenantId, campaignId);
      progress.testWinner = decided?.winner ?? null;
      progress.testEndsAt = null;
      continue;
    }
    if (page.due === 0 && page.waitMs > 0) {
      progress.waitingUntil = page.nextDueAt;
      await condition(() => progress.paused || progress.cancelled, page.waitMs);
      progress.waitingUntil = null;
    }
    if (pagesThisRun >= pagesPerRun || workflowInfo().continueAsNewSuggested) {
      await continueAsNew<typeof campaignSendWorkflow>({ tenantId, campaignId, carried: { started: true, progress, pagesPerRun } });
    }
  }
  await finishCampaign(tenantId, campaignId, progress.cancelled ? 'cancelled' : 'completed');
  return progress;
}
