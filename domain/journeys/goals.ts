import type { Knex } from 'knex';
import { durationMs } from './durations';
import { eventMatches, trackedOf, waitMatches, type RoutedEvent } from './matching';
import { convertRuns, endRuns, receiveEvents, type OpenRun, type RunEnd, type RunWake } from './runs';
import type { JourneyDefinition, RunTrigger } from './types';

/**
 * What events do to runs already open: wake runs waiting for them, convert runs whose goal they
 * are, end runs whose exit rule they match. Decided in memory for a whole router pass (the
 * customers' open runs are read once), then applied in three set-based statements.
 *
 * - Waits: a tracked event matching a run's `waiting_for` (RunWait) becomes `context.received`
 *   and the run is due now.
 * - Goal: a tracked event matching `goal.event` (tied to the run's trigger by its `match`), or entering `goal.segmentId`, while the run has
 *   not converted and within `goal.within` of its entry (by the router's clock), converts it,
 *   credited to the last message it sent; with `exitOnConversion` the run then exits (`converted`).
 * - Exit rules: a tracked event matching one, or leaving its segment (`segment.exited`), ends the
 *   run `exited`/`exit_rule` wherever it is.
 * - customer.deleted ends the customer's runs (`customer_deleted`).
 * An event only acts on runs that existed before it: a run entered by an event of the same pass
 * sees the events after its trigger, never its trigger itself. Backfilled tracked events (occurred
 * more than 24 h before Herald received them) are history and act on nothing.
 */

/** The event types that act on open runs. */
export const RUN_EVENT_TYPES: ReadonlySet<string> = new Set(['customer.event', 'segment.entered', 'segment.exited', 'customer.deleted']);

/** What one pass does to open runs. */
export interface RunEffects {
  wakes: RunWake[];
  conversions: string[];
  ends: RunEnd[];
}

/** The received event a woken run keeps (`context.received`), in the trigger's shape. */
function receivedOf(event: RoutedEvent): RunTrigger {
  const t = trackedOf(event)!;
  return { kind: 'event', eventId: t.eventId, name: t.name, properties: t.properties, occurredAt: t.occurredAt };
}

/** Whether `event` reaches the journey's goal for a run entered at `enteredAt`, at `now`. */
function reachesGoal(definition: JourneyDefinition, event: RoutedEvent, run: OpenRun, now: Date): boolean {
  const goal = definition.goal;
  if (!goal) return false;
  const elapsed = now.getTime() - run.enteredAt.getTime();
  if (!(elapsed >= 0 && elapsed <= (durationMs(goal.within) ?? Number.NaN))) return false;
  if (goal.event && eventMatches(goal.event, event, run.triggerProperties ?? {})) return true;
  return goal.segmentId !== undefined && event.type === 'segment.entered' && event.data.segmentId === goal.segmentId;
}

/** Whether `event` matches one of the definition's exit rules for `run` (an event rule may be tied to its trigger). */
function matchesExitRule(definition: JourneyDefinition, event: RoutedEvent, run: OpenRun): boolean {
  return (definition.exitRules ?? []).some((rule) =>
    'event' in rule
      ? eventMatches(rule.event, event, run.triggerProperties ?? {})
      : event.type === 'segment.exited' && event.data.segmentId === rule.leftSegment,
  );
}

/**
 * Decides what `events` (one tenant's, in queue order) do to `runs` (their customers' open runs,
 * with `versions` their definitions by version id). `enteredAt` gives the queue position of the
 * event that created a run in this same pass.
 */
export function decideRunEffects(
  events: RoutedEvent[],
  runs: OpenRun[],
  versions: ReadonlyMap<string, { definition: JourneyDefinition }>,
  enteredBy: ReadonlyMap<string, number>,
  now: Date,
): RunEffects {
  const byCustomer = new Map<string, OpenRun[]>();
  for (const run of runs) byCustomer.set(run.customerId, [...(byCustomer.get(run.customerId) ?? []), run]);
  const woken = new Map<string, RunWake>();
  const converted = new Set<string>();
  const ended = new Map<string, RunEnd>();
  for (const event of events) {
    if (!event.customerId || !RUN_EVENT_TYPES.has(event.type) || trackedOf(event)?.backfill) continue;
    for (const run of byCustomer.get(event.customerId) ?? []) {
      if (ended.has(run.id) || (enteredBy.get(run.id) ?? -1) >= event.seq) continue;
      if (event.type === 'customer.deleted') {
        ended.set(run.id, { runId: run.id, state: 'exited', reason: 'customer_deleted' });
        continue;
      }
      const definition = versions.get(run.versionId)?.definition;
      if (!definition) continue;
      if (run.waitingFor && !woken.has(run.id) && waitMatches(run.waitingFor, event))
        woken.set(run.id, { runId: run.id, nodeId: run.nodeId, visit: run.visit, event: receivedOf(event) });
      if (!run.convertedAt && !converted.has(run.id) && reachesGoal(definition, event, run, now)) {
        converted.add(run.id);
        if (definition.goal?.exitOnConversion) ended.set(run.id, { runId: run.id, state: 'exited', reason: 'converted' });
      }
      if (!ended.has(run.id) && matchesExitRule(definition, event, run)) ended.set(run.id, { runId: run.id, state: 'exited', reason: 'exit_rule' });
    }
  }
  return { wakes: [...woken.values()].filter((w) => !ended.has(w.runId)), conversions: [...converted], ends: [...ended.values()] };
}

/** Applies a pass's effects: wake-ups, then conversions (credited before a conversion exit), then ends. */
export async function applyRunEffects(db: Knex, effects: RunEffects, now: Date): Promise<{ woken: number; converted: number; ended: number }> {
  const woken = await receiveEvents(db, effects.wakes, now);
  const converted = await convertRuns(db, effects.conversions, now);
  const ended = await endRuns(db, effects.ends, now);
  return { woken: woken.length, converted: converted.length, ended: ended.length };
}
