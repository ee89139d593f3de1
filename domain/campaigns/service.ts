import type { Knex } from 'knex';
import { conflict, notFound, validationFailed } from '../../lib/errors';
import { recordAudit } from '../audit/repo';
import { parseOr422 } from '../segments/service';
import { actorLabel, type CommandContext } from '../shared/context';
import { fetchPage, type Page, type PageRequest } from '../shared/listing';
import { checkSendTime } from './sendTime';
import { parseTemplates } from './templates';
import { checkVariants } from './variants';
import { toCampaign, type Audience, type Campaign, type CampaignInput, type CampaignRow, type CampaignStatus } from './types';

/** Filters of the campaign list (seed 003: status and type). */
export interface CampaignFilters {
  status?: CampaignStatus;
  channel?: 'email' | 'sms';
}

/** Sort keys of the campaign list, each a non-null indexed-enough expression. */
export const CAMPAIGN_SORTS = { createdAt: 'created_at', updatedAt: 'updated_at', name: 'lower(name)' } as const;

/**
 * Checks what a campaign's audience names and returns it in stored form: inline rules are
 * normalised (either rule format in, one AST stored), a segment must exist in the tenant, and
 * so must every customer a customer list names (repeats are dropped).
 */
async function normaliseAudience(db: Knex, tenantId: string, audience: Audience): Promise<Audience> {
  if (audience.type === 'rules') return { type: 'rules', rules: parseOr422(audience.rules) };
  if (audience.type === 'segment') {
    const segment = await db('segments').where({ tenant_id: tenantId, id: audience.segmentId }).first('id');
    if (!segment) throw validationFailed([{ location: 'body', path: 'audience.segmentId', message: 'no such segment in this tenant' }]);
  }
  if (audience.type === 'customers') {
    // Unknown ids are refused rather than dropped at send time, so a typo cannot shrink an audience
    // silently; another tenant's customer reads exactly like one that does not exist.
    const customerIds = [...new Set(audience.customerIds)];
    const found = new Set(await db('customers').where({ tenant_id: tenantId }).whereNull('deleted_at').whereIn('id', customerIds).pluck('id'));
    const missing = customerIds.filter((id) => !found.has(id));
    if (missing.length) {
      throw validationFailed([
        {
          location: 'body',
          path: 'audience.customerIds',
          message: `${missing.length} of the customers do not exist in this tenant: ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''}`,
        },
      ]);
    }
    return { type: 'customers', customerIds };
  }
  return audience;
}

/** Campaign definitions: create, read, list, change (drafts only) and delete. */
export function createCampaignService(deps: { db: Knex }) {
  const { db } = deps;

  /**
   * One campaign row of the tenant, or 404. A journey's hidden send campaigns are not campaigns to
   * the API: the journey owns them (pausing or cancelling one would strand its runs' messages).
   */
  async function findRow(tenantId: string, id: string, trx: Knex = db, lock = false): Promise<CampaignRow> {
    const q = trx('campaigns').where({ tenant_id: tenantId, id }).whereNot('kind', 'journey');
    const row = await (lock ? q.forUpdate() : q).first();
    if (!row) throw notFound('Campaign');
    return row;
  }

  /** Creates a draft campaign after checking its templates (422 with line) and its audience. */
  async function create(ctx: CommandContext, input: CampaignInput, kind: Campaign['kind'] = 'campaign'): Promise<Campaign> {
    if (input.channel === 'email' && !input.subject)
      throw validationFailed([{ location: 'body', path: 'subject', message: 'an e-mail campaign needs a subject' }]);
    parseTemplates(input.subject, input.body);
    checkSendTime(input.sendTime, input.options);
    checkVariants({ channel: input.channel, subject: input.subject, body: input.body, variants: input.variants, test: input.test });
    const audience = await normaliseAudience(db, ctx.principal.tenantId, input.audience);
    return db.transaction(async (trx) => {
      const [row] = await trx('campaigns')
        .insert({
          tenant_id: ctx.principal.tenantId,
          name: input.name,
          kind,
          channel: input.channel,
          subject: input.subject ?? null,
          body: input.body,
          audience: JSON.stringify(audience),
          schedule: JSON.stringify(input.schedule ?? { type: 'now' }),
          send_time: input.sendTime ?? 'scheduled',
          options: JSON.stringify(input.options ?? {}),
          variants: input.variants ? JSON.stringify(input.variants) : null,
          ab_test: input.test ? JSON.stringify(input.test) : null,
          created_by: actorLabel(ctx),
        })
        .returning('*');
      await recordAudit(trx, ctx.principal, ctx.principal.tenantId, {
        action: 'campaign.created',
        subjectType: 'campaign',
        subjectId: row.id,
        requestId: ctx.requestId,
        ip: ctx.ip,
      });
      return toCampaign(row);
    });
  }

  /** Changes a draft; once scheduled or sent, a campaign's content is what was approved (409). */
  async function update(ctx: CommandContext, id: string, patch: Partial<CampaignInput>): Promise<Campaign> {
    const current = await findRow(ctx.principal.tenantId, id);
    if (current.status !== 'draft') throw conflict(`A ${current.status} campaign cannot be changed; only drafts can`, { status: current.status });
    const channel = patch.channel ?? current.channel;
    const subject = patch.subject === undefined ? current.subject : patch.subject;
    if (channel === 'email' && !subject) throw validationFailed([{ location: 'body', path: 'subject', message: 'an e-mail campaign needs a subject' }]);
    parseTemplates(subject, patch.body ?? current.body);
    checkSendTime(patch.sendTime ?? current.send_time, patch.options ?? current.options);
    // Only drafts get here, so a test that has started (the campaign left the draft state) is never edited.
    checkVariants({
      channel,
      subject,
      body: patch.body ?? current.body,
      variants: patch.variants === undefined ? current.variants : patch.variants,
      test: patch.test === undefined ? current.ab_test : patch.test,
    });
    const audience = patch.audience ? await normaliseAudience(db, ctx.principal.tenantId, patch.audience) : undefined;
    return db.transaction(async (trx) => {
      const [row] = await trx('campaigns')
        .where({ tenant_id: ctx.principal.tenantId, id, status: 'draft' })
        .update({
          ...(patch.name === undefined ? {} : { name: patch.name }),
          ...(patch.channel === undefined ? {} : { channel: patch.channel }),
          ...(patch.subject === undefined ? {} : { subject: patch.subject }),
          ...(patch.body === undefined ? {} : { body: patch.body }),
          ...(audience === undefined ? {} : { audience: JSON.stringify(audience) }),
          ...(patch.schedule === undefined ? {} : { schedule: JSON.stringify(patch.schedule) }),
          ...(patch.options === undefined ? {} : { options: JSON.stringify(patch.options) }),
          ...(patch.sendTime === undefined ? {} : { send_time: patch.sendTime }),
          ...(patch.variants === undefined ? {} : { variants: patch.variants ? JSON.stringify(patch.variants) : null }),
          ...(patch.test === undefined ? {} : { ab_test: patch.test ? JSON.stringify(patch.test) : null }),
          updated_at: trx.fn.now(),
        })
        .returning('*');
      if (!row) throw conflict('The campaign left the draft state meanwhile');
      await recordAudit(trx, ctx.principal, ctx.principal.tenantId, {
        action: 'campaign.updated',
        subjectType: 'campaign',
        subjectId: id,
        changes: { fields: Object.keys(patch) },
        requestId: ctx.requestId,
        ip: ctx.ip,
      });
      return toCampaign(row);
    });
  }

  /** Deletes a campaign that is not scheduled, sending or paused (409 otherwise: cancel it first). */
  async function remove(ctx: CommandContext, id: string): Promise<void> {
    await db.transaction(async (trx) => {
      const row = await findRow(ctx.principal.tenantId, id, trx, true);
      if (['scheduled', 'sending', 'paused'].includes(row.status))
        throw conflict(`A ${row.status} campaign cannot be deleted; cancel it first`, { status: row.status });
      await trx('campaigns').where({ tenant_id: ctx.principal.tenantId, id }).delete();
      await recordAudit(trx, ctx.principal, ctx.principal.tenantId, {
        action: 'campaign.deleted',
        subjectType: 'campaign',
        subjectId: id,
        requestId: ctx.requestId,
        ip: ctx.ip,
      });
    });
  }

  /** The tenant's campaigns (direct messages and test sends excluded), filtered, sorted and paged. */
  async function list(tenantId: string, filters: CampaignFilters, sort: keyof typeof CAMPAIGN_SORTS, page: PageRequest): Promise<Page<Campaign>> {
    const q = db('campaigns').where({ tenant_id: tenantId, kind: 'campaign' });
    if (filters.status) q.where('status', filters.status);
    if (filters.channel) q.where('channel', filters.channel);
    const result = await fetchPage<CampaignRow>(q, { expression: CAMPAIGN_SORTS[sort] }, page);
    return { data: result.data.map(toCampaign), pagination: result.pagination };
  }

  return {
    findRow,
    create,
    update,
    remove,
    list,
    /** One campaign, or 404. */
    get: async (tenantId: string, id: string) => toCampaign(await findRow(tenantId, id)),
  };
}

/** The campaign definition service's interface. */
export type CampaignService = ReturnType<typeof createCampaignService>;
