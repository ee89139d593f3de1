/**
 * Reads of journey runs (issue 17, INSIGHT): a journey's runs, one run with its step log, a
 * customer's runs across journeys, and the journey and version lookups analytics shares. Every
 * query names the tenant, so another tenant's ids are simply not found (404).
 */
import type { Knex } from 'knex';
import { notFound } from '../../lib/errors';
import { iso } from '../../lib/time';
import { findCustomer } from '../customers/repo';
import { fetchPage, type Page, type PageRequest } from '../shared/listing';
import {
  toRunSummary,
  toStepEntry,
  toTriggerView,
  toWaitView,
  type RunDetail,
  type RunRecord,
  type RunSummary,
  type StepRecord,
  type VersionNames,
} from './runViews';
import type { JourneyRunCounts } from './rows';
import type { JourneyDefinition, RunState } from './types';

/** A journey as the insight reads need it. */
export interface JourneyRef {
  id: string;
  name: string;
  currentVersionId: string | null;
}

/** A published version: its number, graph and the hidden campaign of each send node. */
export interface VersionRef {
  id: string;
  version: number;
  definition: JourneyDefinition;
  sendCampaigns: Record<string, string>;
  publishedAt: string;
}

/** The journey `journeyId` of the tenant; 404 when it does not exist there. */
export async function findJourney(db: Knex, tenantId: string, journeyId: string): Promise<JourneyRef> {
  const row = await db('journeys').where({ tenant_id: tenantId, id: journeyId }).first('id', 'name', 'current_version_id');
  if (!row) throw notFound('Journey');
  return { id: row.id, name: row.name, currentVersionId: row.current_version_id };
}

/**
 * A version of the journey by number, or the current one when `version` is absent; 404 when the
 * number does not exist or the journey was never published.
 */
export async function findVersion(db: Knex, journey: JourneyRef, version?: number): Promise<VersionRef> {
  const q = db('journey_versions').where({ journey_id: journey.id });
  if (version !== undefined) q.where({ version });
  else if (journey.currentVersionId) q.where({ id: journey.currentVersionId });
  else throw notFound('Published journey version');
  const row = await q.first('id', 'version', 'definition', 'send_campaigns', 'published_at');
  if (!row) throw notFound('Journey version');
  return { id: row.id, version: row.version, definition: row.definition, sendCampaigns: row.send_campaigns ?? {}, publishedAt: iso(row.published_at as Date) };
}

/** The version numbers a journey has published, ascending. */
export async function versionNumbers(db: Knex, journeyId: string): Promise<number[]> {
  const rows: Array<{ version: number }> = await db('journey_versions').where({ journey_id: journeyId }).orderBy('version').select('version');
  return rows.map((r) => r.version);
}

/**
 * Run counts of each journey named, in one statement (a journey without runs is absent: zero).
 * journey_runs_journey_node leads with journey_id and holds state, so this is an index-only scan.
 */
export async function runCountsOf(db: Knex, tenantId: string, journeyIds: string[]): Promise<Map<string, JourneyRunCounts>> {
  if (!journeyIds.length) return new Map();
  const rows: Array<{ journey_id: string; entered: number; active: number }> = await db('journey_runs')
    .where({ tenant_id: tenantId })
    .whereIn('journey_id', journeyIds)
    .groupBy('journey_id')
    .select('journey_id', db.raw('count(*)::int AS entered'), db.raw(`count(*) FILTER (WHERE state = 'active')::int AS active`));
  return new Map(rows.map((r) => [r.journey_id, { entered: r.entered, active: r.active }]));
}

/** Filters of a journey's run list. */
export interface RunFilters {
  nodeId?: string;
  state?: RunState;
  customerId?: string;
  version?: number;
}

/** Filters of a customer's run list. */
export interface CustomerRunFilters {
  state?: RunState;
  journeyId?: string;
}

/** Most steps one run's log shows (the latest ones): a run looping for months stays one answer. */
export const STEP_LOG_LIMIT = 500;

/** Lists newest first by entry: an index on (…, entered_at, id) serves each list's keyset. */
const BY_ENTRY = { expression: 'entered_at' };

/** Reads of runs and step logs, bound to knex. */
export function createJourneyRunQueries(deps: { db: Knex }) {
  const { db } = deps;

  /** Journey names and version numbers of the versions a page of runs names (one query per page). */
  async function namesOf(versionIds: string[]): Promise<VersionNames> {
    if (!versionIds.length) return new Map();
    const rows: Array<{ id: string; version: number; name: string }> = await db('journey_versions as v')
      .join('journeys as j', 'j.id', 'v.journey_id')
      .whereIn('v.id', [...new Set(versionIds)])
      .select('v.id', 'v.version', 'j.name');
    return new Map(rows.map((r) => [r.id, { version: r.version, journeyName: r.name }]));
  }

  /** A page of run rows → summaries. */
  async function summaries(page: Page<RunRecord>): Promise<Page<RunSummary>> {
    const names = await namesOf(page.data.map((r) => r.version_id));
    return { data: page.data.map((r) => toRunSummary(r, names)), pagination: page.pagination };
  }

  /** A page of a journey's runs, newest entry first by default; 404 for an unknown journey or version. */
  async function listRuns(tenantId: string, journeyId: string, filters: RunFilters, page: PageRequest): Promise<Page<RunSummary>> {
    const journey = await findJourney(db, tenantId, journeyId);
    const q = db('journey_runs').where({ tenant_id: tenantId, journey_id: journey.id });
    if (filters.version !== undefined) q.where({ version_id: (await findVersion(db, journey, filters.version)).id });
    if (filters.nodeId !== undefined) q.where({ node_id: filters.nodeId });
    if (filters.state) q.where({ state: filters.state });
    if (filters.customerId) q.where({ customer_id: filters.customerId });
    return summaries(await fetchPage<RunRecord>(q, BY_ENTRY, page));
  }

  /** One run of the journey with its trigger, context and latest steps (each with its ledger row); 404 otherwise. */
  async function getRun(tenantId: string, journeyId: string, runId: string): Promise<RunDetail> {
    const run: RunRecord | undefined = await db('journey_runs').where({ tenant_id: tenantId, journey_id: journeyId, id: runId }).first();
    if (!run) throw notFound('Journey run');
    const steps: StepRecord[] = await db
      .from(
        db('journey_steps')
          .where({ run_id: run.id, tenant_id: tenantId })
          .orderBy([
            { column: 'started_at', order: 'desc' },
            { column: 'id', order: 'desc' },
          ])
          .limit(STEP_LOG_LIMIT)
          .as('s'),
      )
      .leftJoin('campaign_recipients as m', function joinLedger() {
        this.on('m.journey_step_id', '=', 's.id').andOn('m.tenant_id', '=', 's.tenant_id');
      })
      .orderBy([{ column: 's.started_at' }, { column: 's.id' }])
      .select(
        's.*',
        ...['id', 'campaign_id', 'channel', 'address', 'state', 'skip_reason', 'error', 'attempts', 'next_attempt_at', 'deferred_reason'].map(
          (c) => `m.${c} as m_${c}`,
        ),
        ...['sent_at', 'delivered_at', 'opened_at', 'clicked_at', 'unsubscribed_at'].map((c) => `m.${c} as m_${c}`),
      );
    const versionIds = [run.version_id, ...steps.map((s) => s.version_id), ...(run.migrate_to_version_id ? [run.migrate_to_version_id] : [])];
    const names = await namesOf(versionIds);
    const numbers = new Map([...names].map(([id, n]) => [id, n.version]));
    // Counted only when the log is cut: the run's own step counter is the runner's, not a row count.
    const total =
      steps.length < STEP_LOG_LIMIT
        ? steps.length
        : Number((await db('journey_steps').where({ run_id: run.id }).count<{ n: string }[]>({ n: '*' }))[0]?.n ?? 0);
    return {
      ...toRunSummary(run, names),
      trigger: toTriggerView(run.trigger ?? {}),
      waitingFor: toWaitView(run.waiting_for),
      context: run.context ?? {},
      lastMessageId: run.last_message_id,
      convertedMessageId: run.converted_message_id,
      pausedDueAt: iso(run.paused_due_at),
      migration: run.migrate_to_version_id ? { version: numbers.get(run.migrate_to_version_id) ?? 0, nodeId: run.migrate_to_node_id } : null,
      stepLog: steps.map((s) => toStepEntry(s, numbers)),
      stepsOmitted: total - steps.length,
    };
  }

  /** A page of a live customer's runs across journeys, newest entry first by default; 404 for an unknown customer. */
  async function listForCustomer(tenantId: string, customerId: string, filters: CustomerRunFilters, page: PageRequest): Promise<Page<RunSummary>> {
    if (!(await findCustomer(db, tenantId, customerId))) throw notFound('Customer');
    const q = db('journey_runs').where({ tenant_id: tenantId, customer_id: customerId });
    if (filters.state) q.where({ state: filters.state });
    if (filters.journeyId) q.where({ journey_id: filters.journeyId });
    return summaries(await fetchPage<RunRecord>(q, BY_ENTRY, page));
  }

  return { listRuns, getRun, listForCustomer };
}

/** The run reads' interface. */
export type JourneyRunQueries = ReturnType<typeof createJourneyRunQueries>;
