import type { Knex } from 'knex';
import type { Logger } from '../../lib/logger';
import { createWakeup } from '../../lib/wakeup';
import { enterRuns, type EntryCandidate } from './entries';
import { applyRunEffects, decideRunEffects, RUN_EVENT_TYPES } from './goals';
import { liveJourneysOf, type LiveJourney } from './liveJourneys';
import { createVersionCache, type VersionCache } from './versionCache';
import { customerOf, entryKeyOf, entryMatches, trackedOf, triggerOf, type RoutedEvent } from './matching';
import { openRunsOf } from './runs';

/**
 * The journey router: drains `journey_event_queue` (filled by a trigger on `events` for tenants
 * with a live journey) in passes. A pass is one transaction: it takes the oldest queued events
 * (DELETE … RETURNING, skipping rows another router holds) with their payloads, creates the runs
 * they start (entries.ts), then wakes, converts and ends the open runs they concern (goals.ts). A
 * failure rolls the whole pass back, events included, so the next attempt sees them again.
 *
 * Who enters: journeys whose status is `active` only. A paused journey takes no entries (its
 * runs are held; people who trigger it meanwhile are not queued for its resume) and an archived
 * one takes none either; both still route events to their open runs (waits record the event and
 * make the run due, which the runner acts on once the journey runs again; goals convert; exit
 * rules end). Backfilled tracked events (occurred more than 24 h before they were received) start
 * nothing: history is imported, not re-lived.
 */

/** The most events per pass. */
export const ROUTE_BATCH = 1000;
/** Events in the first pass after a quiet spell (doubling while passes come back full). */
export const FIRST_ROUTE_BATCH = 100;
/** How often an idle router looks for queued events (an index probe of the usually empty queue). */
const POLL_MS = 100;
/** How long one run lasts before handing back to its workflow (which loops). */
const RUN_MS = 5 * 60_000;

/** The oldest queued events (at most `limit`), taken off the queue, with their data, in queue order. */
async function takeQueuedEvents(trx: Knex, limit: number): Promise<RoutedEvent[]> {
  const { rows } = await trx.raw<{
    rows: Array<{ seq: string; id: string; tenantId: string; type: string; createdAt: Date; data: Record<string, unknown>; traceParent: string | null }>;
  }>(
    `WITH batch AS (
       DELETE FROM journey_event_queue q
       WHERE q.seq IN (SELECT seq FROM journey_event_queue ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED)
       RETURNING q.seq, q.id, q.tenant_id, q.type
     )
     SELECT b.seq, b.id, b.tenant_id AS "tenantId", b.type, e.created_at AS "createdAt", coalesce(e.payload -> 'data', '{}') AS data,
       e.trace_parent AS "traceParent"
     FROM batch b JOIN events e ON e.id = b.id ORDER BY b.seq`,
    [limit],
  );
  return rows.map((r) => ({ ...r, seq: Number(r.seq), customerId: customerOf(r.data) }));
}

/** What one pass did. */
export interface RoutePass {
  /** Events taken off the queue. */
  taken: number;
  entered: number;
  woken: number;
  converted: number;
  ended: number;
}

/** Creates the runs one tenant's events start, per active journey; answers which event entered each run (by queue seq). */
async function enterAll(
  trx: Knex,
  journeys: LiveJourney[],
  versions: VersionCache,
  events: RoutedEvent[],
  now: Date,
  logger: Logger,
): Promise<Map<string, number>> {
  const enteredBy = new Map<string, number>();
  const entering = journeys.filter((j) => j.status === 'active' && j.currentVersionId);
  if (!entering.length) return enteredBy;
  const loaded = await versions.load(entering.map((j) => j.currentVersionId!));
  for (const journey of entering) {
    const version = loaded.get(journey.currentVersionId!);
    if (!version) continue;
    const { entry, start } = version.definition;
    const policy = entry.policy ?? { mode: 'once' as const };
    let candidates: Array<EntryCandidate & { eventId: string }>;
    try {
      candidates = events
        .filter((e) => e.customerId && !trackedOf(e)?.backfill && entryMatches(entry, e))
        .map((e) => {
          const trigger = triggerOf(entry, e);
          return { seq: e.seq, customerId: e.customerId!, entryKey: entryKeyOf(entry, policy, trigger), trigger, eventId: trigger.eventId ?? e.id };
        });
    } catch (err) {
      // A definition the matcher cannot read must not hold every other journey's events back.
      logger.error({ err, journeyId: journey.id, versionId: version.id }, 'journey entry could not be matched; its events are skipped');
      continue;
    }
    if (!candidates.length) continue;
    const seqOf = new Map(candidates.map((c) => [c.eventId, c.seq]));
    const created = await enterRuns(
      trx,
      { tenantId: journey.tenantId, journeyId: journey.id, versionId: version.id, startNodeId: start, policy },
      candidates,
      now,
    );
    for (const run of created) enteredBy.set(run.runId, run.eventId ? (seqOf.get(run.eventId) ?? Number.MAX_SAFE_INTEGER) : Number.MAX_SAFE_INTEGER);
  }
  return enteredBy;
}

/** Routes up to `limit` queued events in one transaction (see the module comment). */
export async function routePass(db: Knex, versions: VersionCache, limit: number, now: Date, logger: Logger): Promise<RoutePass> {
  return db.transaction(async (trx) => {
    const events = await takeQueuedEvents(trx, limit);
    const pass: RoutePass = { taken: events.length, entered: 0, woken: 0, converted: 0, ended: 0 };
    if (!events.length) return pass;
    const byTenant = new Map<string, RoutedEvent[]>();
    for (const e of events) if (e.customerId) byTenant.set(e.tenantId, [...(byTenant.get(e.tenantId) ?? []), e]);
    const live = await liveJourneysOf(trx, [...byTenant.keys()]);
    for (const [tenantId, tenantEvents] of byTenant) {
      const journeys = live.get(tenantId) ?? [];
      if (!journeys.length) continue;
      const enteredBy = await enterAll(trx, journeys, versions, tenantEvents, now, logger);
      pass.entered += enteredBy.size;
      const acting = tenantEvents.filter((e) => RUN_EVENT_TYPES.has(e.type));
      if (!acting.length) continue;
      const runs = await openRunsOf(trx, tenantId, [...new Set(acting.map((e) => e.customerId!))]);
      if (!runs.length) continue;
      const definitions = await versions.load(runs.map((r) => r.versionId));
      const applied = await applyRunEffects(trx, decideRunEffects(acting, runs, definitions, enteredBy, now), now);
      pass.woken += applied.woken;
      pass.converted += applied.converted;
      pass.ended += applied.ended;
    }
    return pass;
  });
}

/** One router run: the activity's cancellation and heartbeat. */
export interface RouterRun {
  signal: AbortSignal;
  heartbeat(routed: number): void;
}

/**
 * The journey router of one worker. While a run lasts, queued events are routed within about a
 * poll interval; passes grow from FIRST_ROUTE_BATCH to ROUTE_BATCH while they come back full.
 * `clock` is the journeys' injectable clock (entry and due times, goal windows, cooldowns).
 */
export function createJourneyRouter(deps: { db: Knex; logger: Logger; clock?: () => Date }) {
  const versions = createVersionCache(deps.db);
  const clock = deps.clock ?? (() => new Date());

  /** Routes for up to RUN_MS or until cancelled; answers how many events it took. */
  async function routeEvents(run: RouterRun): Promise<{ routed: number }> {
    const wakeup = createWakeup(run.signal);
    const started = Date.now();
    let routed = 0;
    let batch = FIRST_ROUTE_BATCH;
    while (Date.now() - started < RUN_MS && !run.signal.aborted) {
      run.heartbeat(routed);
      const pass = await routePass(deps.db, versions, batch, clock(), deps.logger);
      routed += pass.taken;
      if (pass.taken < batch) {
        batch = FIRST_ROUTE_BATCH;
        await wakeup.wait(POLL_MS);
      } else batch = Math.min(ROUTE_BATCH, batch * 2);
    }
    return { routed };
  }

  return { routeEvents };
}
