/**
 * Published journey versions: immutable copies of a draft, numbered per journey. Written only by
 * publish (insert), read by the API and, through their definitions, by the runner and router.
 */
import type { Knex } from 'knex';
import { notFound } from '../../lib/errors';
import { fetchPage, type Page, type PageRequest } from '../shared/listing';
import { toVersion, type JourneyVersion, type JourneyVersionRow, type MigrationMap } from './rows';
import type { JourneyDefinition } from './types';

/** What a new version row holds. */
export interface NewVersion {
  tenantId: string;
  journeyId: string;
  version: number;
  definition: JourneyDefinition;
  migration: MigrationMap | null;
  publishedBy: string;
  publishedAt: Date;
}

/** Inserts a version in the publish's transaction and returns its row. */
export async function insertVersion(trx: Knex, v: NewVersion): Promise<JourneyVersionRow> {
  const [row] = await trx('journey_versions')
    .insert({
      tenant_id: v.tenantId,
      journey_id: v.journeyId,
      version: v.version,
      definition: JSON.stringify(v.definition),
      migration: v.migration ? JSON.stringify(v.migration) : null,
      published_by: v.publishedBy,
      published_at: v.publishedAt,
    })
    .returning('*');
  return row as JourneyVersionRow;
}

/** Records which campaign each send node of a new version sends through (set once, in the same publish). */
export async function setSendCampaigns(trx: Knex, versionId: string, sendCampaigns: Record<string, string>): Promise<void> {
  await trx('journey_versions')
    .where({ id: versionId })
    .update({ send_campaigns: JSON.stringify(sendCampaigns) });
}

/** A page of a journey's versions, newest first unless the page asks asc (the caller checked the journey exists). */
export async function listVersions(db: Knex, tenantId: string, journeyId: string, page: PageRequest): Promise<Page<JourneyVersion>> {
  const result = await fetchPage<JourneyVersionRow>(
    db('journey_versions').where({ tenant_id: tenantId, journey_id: journeyId }),
    { expression: 'version' },
    page,
  );
  return { data: result.data.map(toVersion), pagination: result.pagination };
}

/** One version by number, or 404. */
export async function getVersion(db: Knex, tenantId: string, journeyId: string, version: number): Promise<JourneyVersion> {
  const row = (await db('journey_versions').where({ tenant_id: tenantId, journey_id: journeyId, version }).first()) as JourneyVersionRow | undefined;
  if (!row) throw notFound('Journey version');
  return toVersion(row);
}
