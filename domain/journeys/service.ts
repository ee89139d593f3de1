/**
 * Journey definitions (issue 17): create, read, list, edit the draft and delete, and the status
 * commands pause, resume and archive. Publishing is publish.ts. Every command runs in one
 * transaction holding the journey row's lock, with its audit row.
 */
import type { Knex } from 'knex';
import { conflict, notFound } from '../../lib/errors';
import { recordAudit } from '../audit/repo';
import { deleteJourneyCampaigns } from '../campaigns/journeyCampaigns';
import { actorLabel, type CommandContext } from '../shared/context';
import { fetchPage, type Page, type PageRequest } from '../shared/listing';
import { normalizeDefinition } from './normalize';
import { publishJourney, type PublishInput } from './publish';
import { problemsOf } from './references';
import { lockJourney } from './repo';
import { toJourney, type Journey, type JourneyListItem, type JourneyRow } from './rows';
import { runCountsOf } from './runQueries';
import type { JourneyDefinition, JourneyStatus } from './types';
import { getVersion, listVersions } from './versions';

/** What creating a journey or replacing it (PUT) takes. */
export interface JourneyInput {
  name: string;
  description?: string | null;
  definition: JourneyDefinition;
}

/** How timers that came due while a journey was paused are handled on resume. */
export type ResumeTimers = 'fire' | 'reschedule';

/** What the journey service needs: the database and the clock every due time is read from. */
export interface JourneyServiceDeps {
  db: Knex;
  /** The current time (tests drive a fake clock); default the system clock. */
  clock?: () => Date;
}

/** The 409 of a status command the journey's status does not allow. */
const refused = (action: string, status: JourneyStatus, allowed: string) =>
  conflict(`A ${status} journey cannot be ${action}; only ${allowed} ones can`, { status });

/** Journey definitions and status commands, bound to the database and clock. */
export function createJourneyService(deps: JourneyServiceDeps) {
  const { db } = deps;
  const clock = deps.clock ?? (() => new Date());

  const view = async (tenantId: string, row: JourneyRow): Promise<Journey> => toJourney(row, (await problemsOf(db, tenantId, [row]))[0]!);
  const audit = (trx: Knex, ctx: CommandContext, action: string, id: string, changes?: unknown) =>
    recordAudit(trx, ctx.principal, ctx.principal.tenantId, {
      action: `journey.${action}`,
      subjectType: 'journey',
      subjectId: id,
      changes,
      requestId: ctx.requestId,
      ip: ctx.ip,
    });

  /** Creates a draft journey; its graph may still have problems (listed in `problems`). */
  async function create(ctx: CommandContext, input: JourneyInput): Promise<Journey> {
    const draft = normalizeDefinition(input.definition);
    const row = await db.transaction(async (trx) => {
      const [inserted] = (await trx('journeys')
        .insert({
          tenant_id: ctx.principal.tenantId,
          name: input.name,
          description: input.description ?? null,
          status: 'draft',
          draft: JSON.stringify(draft),
          created_by: actorLabel(ctx),
        })
        .returning('*')) as JourneyRow[];
      await audit(trx, ctx, 'created', inserted!.id);
      return inserted!;
    });
    return view(ctx.principal.tenantId, row);
  }

  /** Replaces name, description and draft, whatever the status; published versions never change. */
  async function update(ctx: CommandContext, id: string, input: JourneyInput): Promise<Journey> {
    const draft = normalizeDefinition(input.definition);
    const row = await db.transaction(async (trx) => {
      await lockJourney(trx, ctx.principal.tenantId, id);
      const [updated] = (await trx('journeys')
        .where({ tenant_id: ctx.principal.tenantId, id })
        .update({ name: input.name, description: input.description ?? null, draft: JSON.stringify(draft), updated_at: trx.fn.now() })
        .returning('*')) as JourneyRow[];
      await audit(trx, ctx, 'updated', id);
      return updated!;
    });
    return view(ctx.principal.tenantId, row);
  }

  /** Deletes a draft or archived journey with its versions, runs and hidden campaigns; a live one is 409. */
  async function remove(ctx: CommandContext, id: string): Promise<void> {
    await db.transaction(async (trx) => {
      const row = await lockJourney(trx, ctx.principal.tenantId, id);
      if (row.status === 'active' || row.status === 'paused')
        throw conflict(`A ${row.status} journey cannot be deleted; archive it first`, { status: row.status });
      await deleteJourneyCampaigns(trx, ctx.principal.tenantId, id);
      await trx('journeys').where({ tenant_id: ctx.principal.tenantId, id }).delete();
      await audit(trx, ctx, 'deleted', id);
    });
  }

  /** Holds every run in place: the runner skips paused journeys and the router enters no one. */
  async function pause(ctx: CommandContext, id: string): Promise<Journey> {
    const row = await db.transaction(async (trx) => {
      const current = await lockJourney(trx, ctx.principal.tenantId, id);
      if (current.status !== 'active') throw refused('paused', current.status, 'active');
      const now = clock();
      const [updated] = (await trx('journeys')
        .where({ id })
        .update({ status: 'paused', paused_at: now, updated_at: trx.fn.now() })
        .returning('*')) as JourneyRow[];
      await audit(trx, ctx, 'paused', id);
      return updated!;
    });
    return view(ctx.principal.tenantId, row);
  }

  /**
   * Makes a paused journey active again. `fire`: timers that expired while paused are due now, so
   * the runner takes them at once. `reschedule`: every open run whose due time fell in the paused
   * interval is moved later by the time the journey was paused (one UPDATE, same transaction).
   */
  async function resume(ctx: CommandContext, id: string, timers: ResumeTimers = 'fire'): Promise<Journey> {
    const row = await db.transaction(async (trx) => {
      const current = await lockJourney(trx, ctx.principal.tenantId, id);
      if (current.status !== 'paused') throw refused('resumed', current.status, 'paused');
      const now = clock();
      let moved = 0;
      if (timers === 'reschedule' && current.paused_at) {
        const pausedMs = Math.max(0, now.getTime() - current.paused_at.getTime());
        moved = await trx('journey_runs')
          .where({ journey_id: id, state: 'active' })
          .whereBetween('due_at', [current.paused_at, now])
          .update({ due_at: trx.raw("due_at + ?::double precision * interval '1 millisecond'", [pausedMs]), updated_at: trx.fn.now() });
      }
      const [updated] = (await trx('journeys')
        .where({ id })
        .update({ status: 'active', paused_at: null, resume_mode: timers, updated_at: trx.fn.now() })
        .returning('*')) as JourneyRow[];
      await audit(trx, ctx, 'resumed', id, { timers, rescheduledRuns: moved });
      return updated!;
    });
    return view(ctx.principal.tenantId, row);
  }

  /** Stops new entries; open runs finish (a paused journey's runs continue too). */
  async function archive(ctx: CommandContext, id: string): Promise<Journey> {
    const row = await db.transaction(async (trx) => {
      const current = await lockJourney(trx, ctx.principal.tenantId, id);
      if (current.status !== 'active' && current.status !== 'paused') throw refused('archived', current.status, 'active or paused');
      const now = clock();
      const [updated] = (await trx('journeys')
        .where({ id })
        .update({ status: 'archived', paused_at: null, archived_at: now, updated_at: trx.fn.now() })
        .returning('*')) as JourneyRow[];
      await audit(trx, ctx, 'archived', id);
      return updated!;
    });
    return view(ctx.principal.tenantId, row);
  }

  /** One journey row of the tenant, or 404. */
  async function findRow(tenantId: string, id: string): Promise<JourneyRow> {
    const row = (await db('journeys').where({ tenant_id: tenantId, id }).first()) as JourneyRow | undefined;
    if (!row) throw notFound('Journey');
    return row;
  }

  return {
    create,
    update,
    remove,
    pause,
    resume,
    archive,
    /** Publishes the draft as a new version (publish.ts). */
    publish: async (ctx: CommandContext, id: string, input: PublishInput): Promise<Journey> => {
      const row = await publishJourney(db, ctx, id, input, clock);
      return view(ctx.principal.tenantId, row);
    },
    /** One journey with its draft's problems, or 404. */
    get: async (tenantId: string, id: string) => view(tenantId, await findRow(tenantId, id)),
    /** A page of the tenant's journeys by creation time, each with its draft's problems and its run counts. */
    list: async (tenantId: string, page: PageRequest): Promise<Page<JourneyListItem>> => {
      const result = await fetchPage<JourneyRow>(db('journeys').where({ tenant_id: tenantId }), { expression: 'created_at' }, page);
      const problems = await problemsOf(db, tenantId, result.data);
      const counts = await runCountsOf(
        db,
        tenantId,
        result.data.map((r) => r.id),
      );
      return {
        data: result.data.map((r, i) => ({ ...toJourney(r, problems[i]!), runs: counts.get(r.id) ?? { entered: 0, active: 0 } })),
        pagination: result.pagination,
      };
    },
    /** A page of a journey's versions (404 for another tenant's journey). */
    versions: async (tenantId: string, id: string, page: PageRequest) => {
      await findRow(tenantId, id);
      return listVersions(db, tenantId, id, page);
    },
    /** One version of a journey by number, or 404. */
    version: async (tenantId: string, id: string, version: number) => {
      await findRow(tenantId, id);
      return getVersion(db, tenantId, id, version);
    },
  };
}

/** The journey definition service's interface. */
export type JourneyService = ReturnType<typeof createJourneyService>;
