import { addRoute, type RouteTarget } from '../../route';
import { commandContext, READERS, tenantOf, WRITERS } from '../../routeContext';
import { pageRequestOf } from '../../pagination';
import {
  ConversationListQuery,
  ConversationListResponse,
  ConversationOnlyResponse,
  ConversationParams,
  ConversationResponse,
  CreateConversation,
  UpdateConversation,
} from './schema';
import { conversationView, messageView } from './view';

const NOT_FOUND = { description: 'No such conversation in this tenant' };

/**
 * Conversations (issue 18): the inbox, one thread with its messages, opening a thread (a
 * complaint logged by an agent) and changing its status, assignee, category or score. Messages
 * on a thread are in messages.ts.
 */
export function conversationRoutes(target: RouteTarget): void {
  addRoute(target, {
    method: 'get',
    path: '/api/v1/conversations',
    summary: 'The inbox: conversations by last message, with filters',
    tag: 'Conversations',
    auth: READERS,
    query: ConversationListQuery,
    responses: { 200: { description: 'A page of conversations (without messages)', schema: ConversationListResponse } },
    handler: async (ctx, { query }) => {
      const { status, channel, type, category, assignee, customerId, updatedSince, unmatched } = query;
      const page = await ctx.domain.conversations.listConversations(
        tenantOf(ctx),
        { status, channel, type, category, assignee, customerId, updatedSince, unmatched },
        pageRequestOf(query),
      );
      ctx.body = { data: page.data.map(conversationView), pagination: page.pagination };
    },
  });
  addRoute(target, {
    method: 'post',
    path: '/api/v1/conversations',
    summary: 'Open a conversation (a complaint logged by an agent, or a first message to a customer)',
    tag: 'Conversations',
    auth: WRITERS,
    body: CreateConversation,
    idempotent: true,
    unexpressed: [
      { status: 404, rule: 'customerId must name a customer of this tenant' },
      { status: 422, rule: 'on sms or whatsapp the customer must have a phone, and the message fit the channel (1,600 characters on SMS)' },
    ],
    responses: {
      201: { description: 'The conversation with its first message', schema: ConversationResponse },
      409: { description: 'WhatsApp: a free-form first message is outside the 24-hour window (the customer has not written)' },
    },
    handler: async (ctx, { body }) => {
      const { conversation, message } = await ctx.domain.conversations.open(commandContext(ctx), body);
      ctx.status = 201;
      ctx.set('Location', `/api/v1/conversations/${conversation.id}`);
      ctx.body = { data: { ...conversationView(conversation), messages: [messageView(message)] } };
    },
  });
  addRoute(target, {
    method: 'get',
    path: '/api/v1/conversations/:id',
    summary: 'One conversation with its messages, oldest first',
    tag: 'Conversations',
    auth: READERS,
    params: ConversationParams,
    responses: { 200: { description: 'The conversation', schema: ConversationResponse }, 404: NOT_FOUND },
    handler: async (ctx, { params }) => {
      const { conversation, messages } = await ctx.domain.conversations.getConversation(tenantOf(ctx), params.id);
      ctx.body = { data: { ...conversationView(conversation), messages: messages.map(messageView) } };
    },
  });
  addRoute(target, {
    method: 'patch',
    path: '/api/v1/conversations/:id',
    summary: "Change a conversation's status, assignee, category or satisfaction score",
    tag: 'Conversations',
    auth: WRITERS,
    params: ConversationParams,
    body: UpdateConversation,
    unexpressed: [{ status: 422, rule: 'satisfaction is given only to a conversation that is, or becomes, resolved' }],
    responses: { 200: { description: 'The conversation after the change', schema: ConversationOnlyResponse }, 404: NOT_FOUND },
    handler: async (ctx, { params, body }) => {
      ctx.body = { data: conversationView(await ctx.domain.conversations.update(commandContext(ctx), params.id, body)) };
    },
  });
}
