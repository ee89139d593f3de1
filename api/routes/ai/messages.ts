import { validationFailed } from '../../../lib/errors';
import { addRoute, type RouteTarget } from '../../route';
import { READERS, tenantOf } from '../../routeContext';
import { AUDIENCE_RULES, CheckMessage, MessageSuggestions, MessageVerdict, SuggestMessages } from './messageSchema';

/** 422 when both audience references are given: the copy is for one audience. */
function oneAudience(body: { segmentId?: string; campaignId?: string }): void {
  if (body.segmentId && body.campaignId) {
    throw validationFailed([{ location: 'body', path: 'campaignId', message: 'give segmentId or campaignId, not both' }], 'The message is for one audience');
  }
}

/** Seed 003's AI message suggestions and Herald's draft check: deterministic, no model, no network. */
export function messageRoutes(target: RouteTarget): void {
  addRoute(target, {
    method: 'post',
    path: '/api/v1/ai/message-suggestions',
    unexpressed: [...AUDIENCE_RULES, { status: 422, rule: 'url must be an http or https URL that parses (WHATWG URL)' }],
    summary: 'Suggest message copy for a goal: 3–5 drafts from a template library, scored by the message checks, best first',
    tag: 'AI',
    auth: READERS,
    body: SuggestMessages,
    responses: { 200: { description: 'Suggestions, best score first, with the family and language chosen and why', schema: MessageSuggestions } },
    handler: async (ctx, { body }) => {
      oneAudience(body);
      ctx.body = await ctx.domain.copy.suggest(tenantOf(ctx), body);
    },
  });
  addRoute(target, {
    method: 'post',
    path: '/api/v1/ai/message-check',
    unexpressed: AUDIENCE_RULES,
    summary: 'Score a draft with the named, weighted message checks and render it for a member of its audience',
    tag: 'AI',
    auth: READERS,
    body: CheckMessage,
    responses: { 200: { description: 'The score, each check with its verdict, and the rendered preview', schema: MessageVerdict } },
    handler: async (ctx, { body }) => {
      oneAudience(body);
      ctx.body = { data: await ctx.domain.copy.check(tenantOf(ctx), body) };
    },
  });
}
