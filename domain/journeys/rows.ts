/**
 * Stored rows of `journeys` and `journey_versions` and the API shapes made from them.
 */
import { iso } from '../../lib/time';
import type { Problem } from './graph';
import type { JourneyDefinition, JourneyStatus } from './types';

/** A `journeys` row (jsonb parsed by pg, timestamps as Date). */
export interface JourneyRow {
  id: string;
  tenant_id: string;
  name: string;
  description: string | null;
  status: JourneyStatus;
  draft: JourneyDefinition;
  current_version_id: string | null;
  /** The journey whose events the current version enters on (chained entry); null: none. */
  entry_journey_id: string | null;
  /** Which of that journey's events (journey.entered, journey.converted, journey.exited); null: none. */
  entry_journey_event: string | null;
  latest_version: number;
  resume_mode: 'fire' | 'reschedule' | null;
  paused_at: Date | null;
  archived_at: Date | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

/** A `journey_versions` row. */
export interface JourneyVersionRow {
  id: string;
  tenant_id: string;
  journey_id: string;
  version: number;
  definition: JourneyDefinition;
  send_campaigns: Record<string, string>;
  migration: MigrationMap | null;
  published_by: string | null;
  published_at: Date;
}

/** A publish's migration map: old node id → new node id, or `exit`. */
export interface MigrationMap {
  map: Record<string, string>;
}

/** A journey as the API shows it: the draft being edited, what keeps it from publishing, and the live version. */
export interface Journey {
  id: string;
  name: string;
  description: string | null;
  status: JourneyStatus;
  draft: JourneyDefinition;
  /** The draft's problems (graph, templates, references): empty when it can be published. */
  problems: Problem[];
  /** The version new runs enter (the last published); null before the first publish. */
  currentVersion: number | null;
  currentVersionId: string | null;
  pausedAt: string | null;
  archivedAt: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** How many runs a journey has had (`entered`) and has open now (`active`), over all its versions. */
export interface JourneyRunCounts {
  entered: number;
  active: number;
}

/** A journey as the list shows it: with its run counts. */
export interface JourneyListItem extends Journey {
  runs: JourneyRunCounts;
}

/** A published, immutable version. */
export interface JourneyVersion {
  id: string;
  journeyId: string;
  version: number;
  definition: JourneyDefinition;
  /** Send node id → the hidden campaign whose ledger records its messages. */
  sendCampaigns: Record<string, string>;
  /** The migration map it was published with, if any. */
  migration: MigrationMap | null;
  publishedBy: string | null;
  publishedAt: string;
}

/** The API shape of a journey row with its draft's problems. */
export function toJourney(r: JourneyRow, problems: Problem[]): Journey {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    status: r.status,
    draft: r.draft,
    problems,
    // Every publish makes its version current, so the current version is the latest one.
    currentVersion: r.current_version_id ? r.latest_version : null,
    currentVersionId: r.current_version_id,
    pausedAt: iso(r.paused_at),
    archivedAt: iso(r.archived_at),
    createdBy: r.created_by,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

/** The API shape of a version row. */
export function toVersion(r: JourneyVersionRow): JourneyVersion {
  return {
    id: r.id,
    journeyId: r.journey_id,
    version: r.version,
    definition: r.definition,
    sendCampaigns: r.send_campaigns,
    migration: r.migration,
    publishedBy: r.published_by,
    publishedAt: iso(r.published_at),
  };
}
