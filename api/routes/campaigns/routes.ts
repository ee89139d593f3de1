import { z } from 'zod';
import { EXPORT_CONTENT_TYPES } from '../../../lib/exportStreams';
import { EXPORT_CONTENT } from '../../routeDocs';
import { addRoute, type RouteTarget, type UnexpressedRule } from '../../route';
import { TIMEZONE_RULE } from '../../timeFields';
import { commandContext, READERS, tenantOf, WRITERS } from '../../routeContext';
import { CampaignListQuery, CampaignParams, CampaignView, CreateCampaign, ExportQuery, UpdateCampaign } from './schema';
import { PaginationView, pageRequestOf } from '../../pagination';

const One = z.object({ data: CampaignView });

/** What the campaign schema cannot state: both body spellings, templates, timezones and the audience's references. */
const CAMPAIGN_RULES: readonly UnexpressedRule[] = [
  {
    status: 422,
    rule: "channel (or type), body (or content) and an audience must come in one of the two spellings; seed 003's audienceType needs its companion field (segmentId, segmentRules or customerIds)",
  },
  { status: 422, rule: 'subject and body must be valid Liquid templates using known customer fields (details give line and column)' },
  { status: 422, rule: 'an email campaign needs a subject; a scheduled time must be in the future; a cron must be a valid five-field expression' },
  { status: 422, rule: 'segmentId must name a segment of this tenant; inline rules must name fields of GET /segments/fields' },
  {
    status: 422,
    rule: "variants and test come together; variant keys are unique; each variant overrides the subject, the body or both; an SMS variant has no subject and an email variant needs one (its own or the campaign's); the test duration is 5 s to 30 days and a conversion window at most the test duration",
  },
  TIMEZONE_RULE,
  { status: 422, rule: 'sendTime optimal picks each recipient their own hour: it cannot be combined with options.sendInRecipientTimezone' },
];

/** Campaign definitions: create (Herald's or seed 003's form), list, read with progress, change drafts, delete, analytics, export (GET /analytics/campaigns lives in api/routes/analytics). */
export function campaignRoutes(target: RouteTarget): void {
  addRoute(target, {
    method: 'post',
    path: '/api/v1/campaigns',
    summary: "Create a draft campaign (Herald's form or seed 003's)",
    tag: 'Campaigns',
    auth: WRITERS,
    idempotent: true,
    body: CreateCampaign,
    unexpressed: CAMPAIGN_RULES,
    responses: { 201: { description: 'Created', schema: One } },
    handler: async (ctx, { body }) => {
      ctx.status = 201;
      ctx.body = { data: await ctx.domain.campaigns.create(commandContext(ctx), body) };
    },
  });
  addRoute(target, {
    method: 'get',
    path: '/api/v1/campaigns',
    summary: 'List campaigns (filters: status, type/channel)',
    tag: 'Campaigns',
    auth: READERS,
    query: CampaignListQuery,
    responses: {
      200: { description: 'A page of campaigns', schema: z.object({ data: z.array(CampaignView), pagination: PaginationView }).meta({ id: 'CampaignList' }) },
    },
    handler: async (ctx, { query }) => {
      ctx.body = await ctx.domain.campaigns.list(
        tenantOf(ctx),
        { status: query.status, channel: query.channel ?? query.type },
        query.sortBy,
        pageRequestOf(query),
      );
    },
  });
  addRoute(target, {
    method: 'get',
    path: '/api/v1/campaigns/:id',
    summary: 'A campaign with its progress (ledger counts and the workflow state)',
    tag: 'Campaigns',
    auth: READERS,
    params: CampaignParams,
    responses: {
      200: { description: 'The campaign', schema: z.object({ data: CampaignView.extend({ progress: z.record(z.string(), z.unknown()) }) }) },
      404: { description: 'No such campaign' },
    },
    handler: async (ctx, { params }) => {
      ctx.body = { data: await ctx.domain.campaigns.detail(tenantOf(ctx), params.id) };
    },
  });
  for (const method of ['patch', 'put'] as const) {
    addRoute(target, {
      method,
      path: '/api/v1/campaigns/:id',
      unexpressed: CAMPAIGN_RULES,
      summary: 'Change a draft campaign',
      tag: 'Campaigns',
      auth: WRITERS,
      params: CampaignParams,
      body: UpdateCampaign,
      responses: { 200: { description: 'Updated', schema: One }, 404: { description: 'No such campaign' }, 409: { description: 'Not a draft' } },
      handler: async (ctx, { params, body }) => {
        ctx.body = { data: await ctx.domain.campaigns.update(commandContext(ctx), params.id, body) };
      },
    });
  }
  addRoute(target, {
    method: 'delete',
    path: '/api/v1/campaigns/:id',
    summary: 'Delete a campaign that is not scheduled, sending or paused',
    tag: 'Campaigns',
    auth: WRITERS,
    params: CampaignParams,
    responses: { 204: { description: 'Deleted' }, 404: { description: 'No such campaign' }, 409: { description: 'Cancel it first' } },
    handler: async (ctx, { params }) => {
      await ctx.domain.campaigns.remove(commandContext(ctx), params.id);
      ctx.status = 204;
    },
  });
  addRoute(target, {
    method: 'get',
    path: '/api/v1/campaigns/:id/analytics',
    summary: 'Queued, sent, delivered, failed, skipped by reason, opened, clicked, unsubscribed',
    tag: 'Campaigns',
    auth: READERS,
    params: CampaignParams,
    responses: {
      200: { description: 'Analytics from the ledger', schema: z.object({ data: z.record(z.string(), z.unknown()) }) },
      404: { description: 'No such campaign' },
    },
    handler: async (ctx, { params }) => {
      ctx.body = { data: await ctx.domain.campaigns.analytics(tenantOf(ctx), params.id) };
    },
  });
  addRoute(target, {
    method: 'get',
    path: '/api/v1/campaigns/:id/export',
    summary: 'Stream one row per recipient (CSV by default)',
    tag: 'Campaigns',
    auth: READERS,
    params: CampaignParams,
    query: ExportQuery,
    responses: { 200: { description: 'The export, streamed', content: EXPORT_CONTENT }, 404: { description: 'No such campaign' } },
    handler: async (ctx, { params, query }) => {
      const body = await ctx.domain.campaigns.exportRecipients(tenantOf(ctx), params.id, query.format);
      ctx.type = EXPORT_CONTENT_TYPES[query.format];
      ctx.set('Content-Disposition', `attachment; filename="campaign-${params.id}.${query.format}"`);
      ctx.body = body;
    },
  });
}
