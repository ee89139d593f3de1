/**
 * The journey runner of one worker (issue 17). Runs are rows, not workflows: the loop claims due
 * runs a page at a time (runMoves.ts claimDueRuns: SKIP LOCKED, leased by pushing their due time a
 * minute ahead, no transaction held) and executes each page in batches of runs at the same node
 * (execute.ts), PAGES_IN_FLIGHT pages at once so one page's sends overlap the other's reads and
 * writes; across pages, effects stay within `concurrency` lanes and at most 2 × `concurrency` of
 * them are made but unwritten (what a crash can repeat). When nothing is due
 * it probes the due index every POLL_MS. Every due time is compared with the injected clock, so
 * tests run days of journey in seconds.
 */
import type { Knex } from 'knex';
import { createWebhookTransport } from '../../channels/webhookHttp';
import type { Logger } from '../../lib/logger';
import { createLimiter, createSemaphore } from '../../lib/limiter';
import { createWakeup } from '../../lib/wakeup';
import { createRuleEvaluator } from '../../rules/evaluate';
import { createJourneySender } from '../campaigns/journeySends';
import type { MessagingDeps } from '../campaigns/pageSender';
import { TemplateCache } from '../campaigns/render';
import { findCustomer } from '../customers/repo';
import { createCustomerCommands } from '../customers/service';
import { createSegmentReevaluator } from '../segments/reevaluator';
import { createDefaultLanguageCache } from '../tenants/languageCache';
import type { WebhookSettings } from '../webhooks/settings';
import { executePage, type ExecuteDeps } from './execute';
import { claimDueRuns, RUN_LEASE_MS } from './runMoves';
import { createSettler } from './settler';
import type { StepEnv } from './steps';
import { createVersionCache } from './versionCache';

/** How often an idle runner looks for due runs (an index probe of journey_runs_due). */
export const POLL_MS = 150;

/** Pages executed at once: while one writes its outcomes, the other keeps the transports busy. */
const PAGES_IN_FLIGHT = 3;

/** How long one runner call lasts before handing back to its workflow (which loops). */
const RUN_MS = 5 * 60_000;

/** What the runner needs from the worker. */
export interface JourneyRunnerDeps {
  db: Knex;
  logger: Logger;
  /**
   * The channels, links and limits campaigns use (the same object): `pageSize` runs are claimed at
   * a time, `concurrency` bounds effects in flight (and twice it, effects not yet written).
   */
  messaging: MessagingDeps;
  webhooks: WebhookSettings;
  /** The clock every due time is compared with (tests inject one); the system clock by default. */
  clock?: () => Date;
  /** How long one call runs before returning (RUN_MS by default). */
  runMs?: number;
}

/** The runner's counters, heartbeated by the activity. */
export interface RunnerProgress {
  claimed: number;
  steps: number;
  sent: number;
}

/** One runner call: the activity's cancellation and heartbeat. */
export interface RunnerCall {
  signal: AbortSignal;
  heartbeat(progress: RunnerProgress): void;
}

/** Builds the executors' environment over the worker's dependencies (one per worker: caches live here). */
function createStepEnv(deps: JourneyRunnerDeps, clock: () => Date): StepEnv {
  const { db, messaging: m } = deps;
  const sender = createJourneySender({
    db,
    messages: { channels: m.channels, publicUrl: m.publicUrl, trackingSecret: m.trackingSecret, templates: new TemplateCache(), now: clock },
  });
  const evaluator = createRuleEvaluator({ now: clock });
  const customers = createCustomerCommands({
    db,
    defaultPhoneRegion: 'US',
    orders: {
      eraseOrdersOfCustomer: () => Promise.reject(new Error('journeys never delete customers')),
    },
    segments: createSegmentReevaluator({
      db,
      matcher: evaluator,
      report: (err, customerId) => deps.logger.warn({ err, customerId }, 'segment re-evaluation failed after a journey changed a customer'),
    }),
    defaultLanguages: createDefaultLanguageCache({ db }),
  });
  return {
    db,
    sender,
    evaluator,
    customers,
    webhooks: {
      settings: deps.webhooks,
      transport: createWebhookTransport({ policy: deps.webhooks.ssrf, timeoutMs: deps.webhooks.timeoutMs, connections: 32 }),
    },
    customerRow: (tenantId, customerId) => findCustomer(db, tenantId, customerId),
    tenantTimezone: async (tenantId) => (await sender.settingsOf(tenantId)).timezone ?? null,
  };
}

/**
 * The runner: `runJourneys` executes due runs for up to RUN_MS (or until cancelled) and returns
 * its counts. Pages in flight when it stops finish their current round; runs they had not reached
 * go back as due now.
 */
export function createJourneyRunner(deps: JourneyRunnerDeps) {
  const clock = deps.clock ?? deps.messaging.now ?? (() => new Date());
  const env = createStepEnv(deps, clock);
  const versions = createVersionCache(deps.db);
  const concurrency = Math.max(1, deps.messaging.concurrency);
  const pageSize = Math.max(1, deps.messaging.pageSize);
  // Shared by every page: provider calls in flight, and effects made but not yet written (twice the lanes, so writes overlap sends).
  const limit = createLimiter(concurrency);
  const unwritten = createSemaphore(2 * concurrency);
  const settler = createSettler({
    db: deps.db,
    unwritten,
    clock,
    onError: (err) => deps.logger.warn({ err }, 'journey messages could not be settled yet; their steps will settle them'),
  });

  async function runJourneys(call: RunnerCall): Promise<RunnerProgress> {
    const progress: RunnerProgress = { claimed: 0, steps: 0, sent: 0 };
    const execute: ExecuteDeps = {
      env,
      versions,
      clock,
      leaseMs: RUN_LEASE_MS,
      signal: call.signal,
      limit,
      unwritten,
      settler,
      onError: (err, runId) => deps.logger.warn({ err, runId }, 'a journey run could not be executed; it comes due again after its lease'),
    };
    const wakeup = createWakeup(call.signal);
    const inFlight = new Set<Promise<void>>();
    const started = Date.now();
    let lastClaim = 0;
    let lastClaimFull = true;
    try {
      while (!call.signal.aborted && Date.now() - started < (deps.runMs ?? RUN_MS)) {
        call.heartbeat(progress);
        if (inFlight.size < PAGES_IN_FLIGHT && (lastClaimFull || Date.now() - lastClaim >= POLL_MS)) {
          const rows = await claimDueRuns(deps.db, clock(), pageSize);
          lastClaim = Date.now();
          lastClaimFull = rows.length === pageSize;
          progress.claimed += rows.length;
          if (rows.length) {
            const page: Promise<void> = executePage(execute, rows)
              .then((r) => {
                progress.steps += r.steps;
                progress.sent += r.sent;
              })
              .catch((err: unknown) => deps.logger.warn({ err }, 'a page of journey runs could not be executed; its runs come due again after their lease'))
              .finally(() => {
                inFlight.delete(page);
                wakeup.wake();
              });
            inFlight.add(page);
          }
        }
        // Wait for a page to finish, or until the next claim may be made.
        const full = inFlight.size >= PAGES_IN_FLIGHT;
        const untilClaim = lastClaimFull ? 0 : Math.max(0, POLL_MS - (Date.now() - lastClaim));
        if (full || untilClaim > 0) await wakeup.wait(full ? POLL_MS : untilClaim);
      }
    } finally {
      await Promise.allSettled([...inFlight]);
      await settler.drain();
    }
    return progress;
  }

  return { runJourneys };
}

/** A worker's journey runner. */
export type JourneyRunner = ReturnType<typeof createJourneyRunner>;
