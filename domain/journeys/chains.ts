/**
 * Chained journeys: a journey may enter on another journey's events (journey.entered,
 * journey.converted, journey.exited of the journey its entry names). Such entries must never form
 * a cycle — A entering on B's events while B enters on A's (or a longer ring) would let every
 * entry start the next one without end — so a definition's chained entry is checked against the
 * journeys it leads to, as pure functions over what the caller looked up (references.ts).
 *
 * What counts is what runs: the CURRENT published version of each active or paused journey
 * (`journeys.entry_journey_id`, set at publish with `entry_journey_event`). Drafts do not count (a draft closing a cycle is
 * refused when it is published, by this same check) and archived journeys do not either (they
 * never take entries again: an archived journey can be neither resumed nor published).
 */
import type { Problem } from './graph';
import { isJourneyEntryEvent, type JourneyDefinition } from './types';

/** A journey of the tenant as the chain check sees it. */
export interface ChainLink {
  name: string;
  /** The journey whose events its current version enters on while it is active or paused; null: none. */
  entersOn: string | null;
}

/** The journey (and which of its events) a definition enters on, or undefined when its entry is not chained. */
export function chainedEntryOf(def: JourneyDefinition): { journeyId: string; eventType: string } | undefined {
  const entry = def.entry;
  return entry.type === 'herald_event' && isJourneyEntryEvent(entry.eventType) && entry.journeyId !== undefined
    ? { journeyId: entry.journeyId, eventType: entry.eventType }
    : undefined;
}

/** The journey whose events a definition enters on, or undefined when its entry is not chained. */
export const chainedJourneyOf = (def: JourneyDefinition): string | undefined => chainedEntryOf(def)?.journeyId;

/** The journeys a chained entry leads back through, `self` first: [self, named, …] when the chain returns to self, else undefined. */
function cycleThrough(self: string, named: string, links: ReadonlyMap<string, ChainLink>): string[] | undefined {
  const chain = [self];
  const seen = new Set<string>(chain);
  for (let at: string | null | undefined = named; at; at = links.get(at)?.entersOn) {
    if (at === self) return chain;
    // A ring that does not pass through self is not this definition's doing (and cannot be published).
    if (seen.has(at)) return undefined;
    seen.add(at);
    chain.push(at);
  }
  return undefined;
}

/**
 * The problems of a definition's chained entry (none when it is not chained), at `entry.journeyId`:
 * the journey it names must exist in the tenant (be in `links`), must not be `self` (the journey
 * the definition belongs to; unknown for a definition of no journey yet), and must not lead back
 * to `self` through the current versions of the journeys it enters on (the message names the ring).
 * `links` holds the tenant's journeys reachable from the named one (references.ts loads them).
 */
export function chainProblems(def: JourneyDefinition, links: ReadonlyMap<string, ChainLink>, self?: string): Problem[] {
  const named = chainedJourneyOf(def);
  if (named === undefined) return [];
  const path = 'entry.journeyId';
  if (named === self) return [{ path, message: 'a journey cannot enter on its own events' }];
  if (!links.has(named)) return [{ path, message: 'no such journey in this tenant' }];
  if (self === undefined) return [];
  const ring = cycleThrough(self, named, links);
  if (!ring) return [];
  const name = (id: string) => `"${links.get(id)?.name ?? id}" (${id})`;
  const steps = ring.map((id, i) => `${name(id)} enters on ${i + 1 < ring.length ? name(ring[i + 1]!) : name(self)}'s events`);
  return [{ path, message: `would close a cycle of chained journeys: ${steps.join(', ')}; each entry would start the next without end` }];
}
