import type { JourneyAnalytics, JourneyRunDetail } from '@herald/sdk';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { herald } from '../../client/herald';

/** Query keys of the journeys area (all start with `journeys`). */
export const journeyKeys = {
  all: ['journeys'] as const,
  list: (page: number) => ['journeys', 'list', page] as const,
  one: (id: string) => ['journeys', 'one', id] as const,
  analytics: (id: string) => ['journeys', 'analytics', id] as const,
  /** Every page of a journey's runs (the prefix invalidated after a publish). */
  runs: (id: string) => ['journeys', 'runs', id] as const,
  runPage: (id: string, state: RunStateFilter, cursor: string | undefined) => ['journeys', 'runs', id, state, cursor ?? ''] as const,
  run: (id: string, runId: string) => ['journeys', 'run', id, runId] as const,
};

/** Polling while customers are moving: once a second (the console's ceiling); every 5 s while nobody is inside. */
const LIVE_MS = 1000;
const IDLE_MS = 5_000;

/**
 * The current version's counts per node, polled while the page is visible (TanStack Query stops
 * polling in a background tab): every second while runs are open, every 5 s otherwise, since a
 * new customer may enter at any time. Off for a journey never published (the API has no version).
 */
export function useJourneyAnalytics(id: string | undefined, published: boolean) {
  return useQuery({
    queryKey: journeyKeys.analytics(id ?? ''),
    queryFn: () => herald.journeys.analytics(id!),
    enabled: Boolean(id) && published,
    refetchInterval: (query) => ((query.state.data as JourneyAnalytics | undefined)?.totals.active ? LIVE_MS : IDLE_MS),
    staleTime: 0,
  });
}

/** The states a run can be in, as the runs list filters them. */
export const RUN_STATES = ['active', 'completed', 'exited', 'failed'] as const;
/** A run state to filter by, or all of them. */
export type RunStateFilter = (typeof RUN_STATES)[number] | 'all';

/** Runs per page on the journey page. */
const RUNS_PAGE = 10;

/**
 * One page of the journey's runs (newest entry first) in a state (or all), at a cursor of Herald's
 * (the first page without one), refreshed as fast as its analytics; the page shown stays while the
 * next one loads.
 */
export function useJourneyRuns(id: string, at: { state: RunStateFilter; cursor: string | undefined }, live: boolean) {
  return useQuery({
    queryKey: journeyKeys.runPage(id, at.state, at.cursor),
    queryFn: () => herald.journeys.runs(id, { limit: RUNS_PAGE, state: at.state === 'all' ? undefined : at.state, cursor: at.cursor }),
    placeholderData: keepPreviousData,
    refetchInterval: live ? LIVE_MS : IDLE_MS,
  });
}

/** One run with its step log, polled each second while the run is open and not at all once it ended. */
export function useRun(id: string, runId: string) {
  return useQuery({
    queryKey: journeyKeys.run(id, runId),
    queryFn: () => herald.journeys.run(id, runId),
    refetchInterval: (query) => ((query.state.data as JourneyRunDetail | undefined)?.state === 'active' ? LIVE_MS : false),
  });
}
