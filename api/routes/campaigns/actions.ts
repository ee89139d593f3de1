import { z } from 'zod';
import { addRoute, type RouteTarget } from '../../route';
import { TIMEZONE_RULE } from '../../timeFields';
import { commandContext, READERS, tenantOf, WRITERS } from '../../routeContext';
import { CampaignParams, CampaignView, PreviewBody, ScheduleBody, StatusBody, TestBody } from './schema';

const One = z.object({ data: CampaignView });

/** Lifecycle commands (send, schedule, pause, resume, cancel, seed 003's status PATCH), preview and test sends. */
export function campaignActionRoutes(target: RouteTarget): void {
  const commands = [
    ['send', 'Send now (202: the workflow sends in the background; poll GET /campaigns/:id)', 202],
    ['pause', 'Pause sending: holds within a second', 200],
    ['resume', 'Resume a paused campaign from where it stopped', 200],
    ['cancel', 'Cancel: nothing more is sent; unsent recipients are marked cancelled', 200],
  ] as const;
  for (const [action, summary, status] of commands) {
    addRoute(target, {
      method: 'post',
      path: `/api/v1/campaigns/:id/${action}`,
      summary,
      tag: 'Campaigns',
      auth: WRITERS,
      params: CampaignParams,
      responses: {
        [status]: { description: 'The campaign in its new state', schema: One },
        404: { description: 'No such campaign' },
        409: { description: 'Not allowed from the current status' },
        503: { description: 'Temporal unreachable; nothing changed' },
      },
      handler: async (ctx, { params }) => {
        ctx.status = status;
        ctx.body = { data: await ctx.domain.campaigns[action](commandContext(ctx), params.id) };
      },
    });
  }
  addRoute(target, {
    method: 'post',
    path: '/api/v1/campaigns/:id/schedule',
    summary: 'Schedule a draft: at a time, or recurring by cron in a timezone (Temporal Schedule)',
    tag: 'Campaigns',
    auth: WRITERS,
    params: CampaignParams,
    body: ScheduleBody,
    unexpressed: [
      { status: 422, rule: 'a time must be given (here or on the campaign) and lie in the future; a cron must be a valid five-field expression' },
      TIMEZONE_RULE,
    ],
    responses: { 200: { description: 'Scheduled', schema: One }, 409: { description: 'Not a draft' } },
    handler: async (ctx, { params, body }) => {
      const override = body.schedule ?? (body.scheduledAt ? { type: 'at' as const, at: body.scheduledAt } : undefined);
      ctx.body = { data: await ctx.domain.campaigns.schedule(commandContext(ctx), params.id, override) };
    },
  });
  addRoute(target, {
    method: 'patch',
    path: '/api/v1/campaigns/:id/status',
    summary: 'Seed 003: change status (scheduled, sending, paused, cancelled) through the matching command',
    tag: 'Campaigns',
    auth: WRITERS,
    params: CampaignParams,
    body: StatusBody,
    responses: { 200: { description: 'The campaign in its new state', schema: One }, 409: { description: 'Not allowed from the current status' } },
    handler: async (ctx, { params, body }) => {
      ctx.body = { data: await ctx.domain.campaigns.setStatus(commandContext(ctx), params.id, body.status) };
    },
  });
  addRoute(target, {
    method: 'post',
    path: '/api/v1/campaigns/:id/preview',
    summary: 'Render the message for one customer (or a sample customer); sends nothing',
    tag: 'Campaigns',
    auth: READERS,
    params: CampaignParams,
    body: PreviewBody,
    bodyOptional: true,
    responses: {
      200: {
        description: 'The rendered subject and body',
        schema: z.object({ data: z.object({ channel: z.string(), customerId: z.string().nullable(), subject: z.string(), body: z.string() }) }),
      },
    },
    handler: async (ctx, { params, body }) => {
      ctx.body = { data: await ctx.domain.campaigns.preview(tenantOf(ctx), params.id, body.customerId) };
    },
  });
  addRoute(target, {
    method: 'post',
    path: '/api/v1/campaigns/:id/test',
    summary: 'Send the message to up to 10 test addresses through the real transports',
    tag: 'Campaigns',
    auth: WRITERS,
    params: CampaignParams,
    body: TestBody,
    unexpressed: [
      {
        status: 422,
        rule: "each address must be an e-mail address for an email campaign and a phone number for an SMS one; the campaign's templates must render",
      },
    ],
    responses: {
      200: {
        description: 'The outcome per address',
        schema: z.object({
          data: z.array(z.object({ address: z.string(), ok: z.boolean(), providerId: z.string().optional(), error: z.string().optional() })),
        }),
      },
    },
    handler: async (ctx, { params, body }) => {
      ctx.body = { data: await ctx.domain.campaigns.sendTest(commandContext(ctx), params.id, body.addresses, body.customerId ?? null) };
    },
  });
}
