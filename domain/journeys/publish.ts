/**
 * Publishing a journey's draft as a new immutable version, in one transaction holding the journey
 * row's lock: the draft is validated (graph, templates, references, chained entries), the version
 * is written, each send node gets its hidden campaign, open runs are flagged for migration when a
 * map is given, and the version becomes current. Any refusal rolls all of it back.
 */
import type { Knex } from 'knex';
import { conflict, validationFailed } from '../../lib/errors';
import { recordAudit } from '../audit/repo';
import { createJourneyCampaigns } from '../campaigns/journeyCampaigns';
import { actorLabel, type CommandContext } from '../shared/context';
import { chainedEntryOf } from './chains';
import { knownRecords } from './references';
import { lockJourney } from './repo';
import type { JourneyRow } from './rows';
import type { JourneyDefinition, SendNode } from './types';
import { validateDefinition } from './validate';
import { insertVersion, setSendCampaigns } from './versions';

/** The map value that ends a migrated run instead of moving it. */
export const EXIT_TARGET = 'exit';

/** The body of POST /journeys/:id/publish. */
export interface PublishInput {
  /** Move every open run of older versions: old node id → new node id or `exit`; nodes the new version keeps map to themselves. */
  migrate?: { map: Record<string, string> };
}

/** The effective node of an open run: where a pending migration sends it, else where it is. Runs pending an exit are excluded by {@link NOT_EXITING}. */
const EFFECTIVE_NODE = 'COALESCE(CASE WHEN r.migrate_to_version_id IS NOT NULL THEN r.migrate_to_node_id END, r.node_id)';
const NOT_EXITING = 'NOT (r.migrate_to_version_id IS NOT NULL AND r.migrate_to_node_id IS NULL)';

/**
 * Serialises the publishes of the tenant's chained journeys (a transaction-scoped advisory lock):
 * two drafts that each close half of a ring (A entering on B, B on A), published at the same moment,
 * would otherwise each check the other's previous version and both pass. The second waits for the
 * first's commit, then its check reads the first's new entry. Only a chained entry adds a link, so
 * other publishes never take it.
 */
async function lockChains(trx: Knex, tenantId: string): Promise<void> {
  await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`journey-chains:${tenantId}`]);
}

/** 422 for map targets that are neither a node of the new version nor `exit`. */
function checkTargets(definition: JourneyDefinition, map: Record<string, string>): void {
  const ids = new Set(definition.nodes.map((n) => n.id));
  const bad = Object.entries(map).filter(([, to]) => to !== EXIT_TARGET && !ids.has(to));
  if (bad.length) {
    throw validationFailed(
      bad.map(([from, to]) => ({
        location: 'body',
        path: `migrate.map.${from}`,
        message: `"${to}" is not a node of the new version (name one of its nodes or "exit")`,
      })),
      'The migration map names nodes the new version does not have',
    );
  }
}

/**
 * Flags every open run of the journey for the new version: its node's target is the map's, else
 * the same node when the new version has it. A run parked (its step `waiting`) in a node it must
 * leave — mapped to another node or to exit — is made due `now`: its wait belongs to a node it
 * no longer follows, and a wait for an event without a timeout would otherwise hold it forever.
 * A run in a kept node moves at its next step, when its wait ends. Runs left without a target
 * (their node is neither mapped nor kept) make it a 422 naming each such node with its run count;
 * the caller's transaction then rolls back, so nothing changes. Checking after the UPDATE also
 * catches runs that moved into such a node meanwhile.
 */
async function migrateRuns(
  trx: Knex,
  journeyId: string,
  versionId: string,
  definition: JourneyDefinition,
  map: Record<string, string>,
  now: Date,
): Promise<number> {
  const targets: Record<string, string | null> = Object.fromEntries(definition.nodes.map((n) => [n.id, n.id]));
  for (const [from, to] of Object.entries(map)) targets[from] = to === EXIT_TARGET ? null : to;
  const moved = await trx.raw(
    `UPDATE journey_runs r SET migrate_to_version_id = ?, migrate_to_node_id = t.target, updated_at = now(),
            due_at = CASE WHEN t.target IS DISTINCT FROM r.node_id AND EXISTS (
                            SELECT 1 FROM journey_steps s WHERE s.run_id = r.id AND s.node_id = r.node_id AND s.visit = r.visit AND s.status = 'waiting')
                          THEN ?::timestamptz ELSE r.due_at END
       FROM jsonb_each_text(?::jsonb) AS t(node, target)
      WHERE r.journey_id = ? AND r.state = 'active' AND ${NOT_EXITING} AND ${EFFECTIVE_NODE} = t.node`,
    [versionId, now, JSON.stringify(targets), journeyId],
  );
  const stranded = (
    await trx.raw(
      `SELECT ${EFFECTIVE_NODE} AS node, count(*)::int AS runs FROM journey_runs r
        WHERE r.journey_id = ? AND r.state = 'active' AND ${NOT_EXITING} AND r.migrate_to_version_id IS DISTINCT FROM ?
        GROUP BY 1 ORDER BY 1`,
      [journeyId, versionId],
    )
  ).rows as Array<{ node: string; runs: number }>;
  if (stranded.length) {
    throw validationFailed(
      stranded.map((s) => ({
        location: 'body',
        path: `migrate.map.${s.node}`,
        message: `${s.runs} open run${s.runs === 1 ? ' is' : 's are'} in node "${s.node}", which the new version does not have: map it to a node or "exit"`,
        runs: s.runs,
      })),
      'The migration map would strand open runs',
    );
  }
  return moved.rowCount ?? 0;
}

/**
 * Publishes the journey's draft (see the module comment) and returns the updated row. An archived
 * journey is 409 (it takes no new entries; make a new journey instead); a paused one stays paused
 * with the new version current, so its runs resume as the marketer chooses.
 */
export async function publishJourney(db: Knex, ctx: CommandContext, id: string, input: PublishInput, clock: () => Date): Promise<JourneyRow> {
  const tenantId = ctx.principal.tenantId;
  return db.transaction(async (trx) => {
    const row = await lockJourney(trx, tenantId, id);
    if (row.status === 'archived') throw conflict('An archived journey cannot be published again; create a new journey instead', { status: row.status });
    const definition = row.draft;
    const chained = chainedEntryOf(definition);
    if (chained) await lockChains(trx, tenantId);
    const problems = validateDefinition(definition, await knownRecords(trx, tenantId, [definition]), id);
    if (problems.length)
      throw validationFailed(
        problems.map((p) => ({ location: 'draft', ...p })),
        'The draft cannot be published: fix its problems first',
      );
    if (input.migrate) checkTargets(definition, input.migrate.map);
    const version = row.latest_version + 1;
    const created = await insertVersion(trx, {
      tenantId,
      journeyId: id,
      version,
      definition,
      migration: input.migrate ?? null,
      publishedBy: actorLabel(ctx),
      publishedAt: clock(),
    });
    const sendNodes = definition.nodes.filter((n): n is SendNode => n.type === 'send');
    const campaigns = await createJourneyCampaigns(trx, {
      tenantId,
      journeyId: id,
      journeyName: row.name,
      versionId: created.id,
      version,
      nodes: sendNodes,
      actor: actorLabel(ctx),
    });
    await setSendCampaigns(trx, created.id, campaigns);
    const migrated = input.migrate ? await migrateRuns(trx, id, created.id, definition, input.migrate.map, clock()) : 0;
    const [updated] = (await trx('journeys')
      .where({ id })
      .update({
        current_version_id: created.id,
        entry_journey_id: chained?.journeyId ?? null,
        entry_journey_event: chained?.eventType ?? null,
        latest_version: version,
        status: row.status === 'paused' ? 'paused' : 'active',
        updated_at: trx.fn.now(),
      })
      .returning('*')) as JourneyRow[];
    await recordAudit(trx, ctx.principal, tenantId, {
      action: 'journey.published',
      subjectType: 'journey',
      subjectId: id,
      changes: { version, migratedRuns: migrated },
      requestId: ctx.requestId,
      ip: ctx.ip,
    });
    return updated!;
  });
}
