import { addRoute, type RouteTarget } from '../../route';
import { commandContext, WRITERS } from '../../routeContext';
import { ConversationMessageResponse, ConversationParams, CreateConversationMessage } from './schema';
import { conversationView, messageView } from './view';

/**
 * An agent's message on a thread: a reply sent on the thread's channel (stored `queued`, then
 * sent by the worker), an internal note, or on WhatsApp an approved template. A reply on a
 * resolved conversation reopens it.
 */
export function conversationMessageRoutes(target: RouteTarget): void {
  addRoute(target, {
    method: 'post',
    path: '/api/v1/conversations/:id/messages',
    summary: 'Reply on a conversation, add an internal note, or send a WhatsApp template',
    tag: 'Conversations',
    auth: WRITERS,
    params: ConversationParams,
    body: CreateConversationMessage,
    idempotent: true,
    unexpressed: [
      { status: 422, rule: "body must fit the thread's channel: 1,600 characters on SMS, 4,096 on WhatsApp" },
      { status: 422, rule: 'contentSid (a template) only on a WhatsApp conversation' },
    ],
    responses: {
      201: {
        description: 'The stored message (`queued` until the worker sends it) and the conversation after it; a resolved conversation is reopened',
        schema: ConversationMessageResponse,
      },
      404: { description: 'No such conversation in this tenant' },
      409: { description: "WhatsApp: free-form text more than 24 hours after the customer's last message; send a template (contentSid)" },
    },
    handler: async (ctx, { params, body }) => {
      const { conversation, message } = await ctx.domain.conversations.reply(commandContext(ctx), params.id, body);
      ctx.status = 201;
      ctx.body = { data: { message: messageView(message), conversation: conversationView(conversation) } };
    },
  });
}
