import { z } from 'zod';
import { BODY_LIMITS, CONVERSATION_CHANNELS, CONVERSATION_STATUSES, CONVERSATION_TYPES } from '../../../domain/conversations/types';
import { PageQuery, PaginationView } from '../../pagination';
import { enumList } from '../../queryFields';
import { dateTimeField } from '../../timeFields';
import { text } from '../../text';

const label = (max: number) => text({ min: 1, max });
const MAX_BODY = Math.max(...Object.values(BODY_LIMITS));
const body = text({ min: 1, max: MAX_BODY, trim: false }).meta({
  description: `The message text; at most ${BODY_LIMITS.sms} characters on SMS and ${BODY_LIMITS.whatsapp} on WhatsApp (422 beyond)`,
});

/** Query of `GET /api/v1/conversations`: the inbox filters, paged by last message. */
export const ConversationListQuery = z.object({
  ...PageQuery,
  status: enumList(CONVERSATION_STATUSES).optional(),
  channel: enumList(CONVERSATION_CHANNELS).optional(),
  type: z.enum(CONVERSATION_TYPES).optional(),
  category: label(100).optional(),
  assignee: label(200).optional(),
  customerId: z.uuid().optional(),
  updatedSince: dateTimeField.optional().meta({ description: 'Only conversations changed at or after this time' }),
  unmatched: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .meta({ description: 'true: only inbound threads from numbers Herald could not match to a customer' }),
});

/** Body of `POST /api/v1/conversations`. */
export const CreateConversation = z
  .object({
    customerId: z.uuid(),
    channel: z.enum(CONVERSATION_CHANNELS).default('note').meta({ description: '`note` (default): logged by an agent, nothing is sent' }),
    type: z.enum(CONVERSATION_TYPES),
    category: label(100).optional().meta({ example: 'Delivery Issue' }),
    subject: label(300).optional(),
    message: body,
  })
  .strict()
  .meta({ id: 'CreateConversation' });

/** Body of `POST /api/v1/conversations/:id/messages`: free text, or an approved WhatsApp template. */
export const CreateConversationMessage = z
  .object({
    body: body.optional(),
    internal: z.boolean().optional().meta({ description: 'true: an internal note, never sent' }),
    contentSid: z
      .string()
      .regex(/^HX[0-9a-fA-F]{32}$/, 'must be a Twilio Content SID (HX…)')
      .optional()
      .meta({ description: 'An approved WhatsApp template, allowed outside the 24-hour window' }),
    contentVariables: z.record(z.string().max(100), z.string().max(1000)).optional(),
  })
  .strict()
  .refine((m) => (m.body === undefined) !== (m.contentSid === undefined), { message: 'send either body or contentSid', path: ['body'] })
  .refine((m) => !(m.internal && m.contentSid), { message: 'an internal note has a body, not a template', path: ['contentSid'] })
  .refine((m) => m.contentVariables === undefined || m.contentSid !== undefined, { message: 'contentVariables go with contentSid', path: ['contentVariables'] })
  .meta({ id: 'CreateConversationMessage' });

/** Body of `PATCH /api/v1/conversations/:id`. */
export const UpdateConversation = z
  .object({
    status: z.enum(CONVERSATION_STATUSES).optional(),
    assignee: label(200).nullable().optional(),
    category: label(100).nullable().optional(),
    satisfaction: z.number().int().min(1).max(5).nullable().optional().meta({ description: '1–5, only for a resolved conversation (422 otherwise)' }),
  })
  .strict()
  .refine((c) => Object.keys(c).length > 0, { message: 'send at least one field' })
  .meta({ id: 'UpdateConversation' });

/** Path parameters naming one conversation. */
export const ConversationParams = z.object({ id: z.uuid() });

const time = z.iso.datetime().nullable();

/** One message as shown. */
export const ConversationMessageView = z
  .object({
    id: z.uuid(),
    direction: z.enum(['inbound', 'outbound', 'internal']),
    body: z.string(),
    author: z.string().nullable(),
    contentSid: z.string().nullable(),
    contentVariables: z.record(z.string(), z.string()).nullable(),
    state: z.enum(['received', 'queued', 'sending', 'sent', 'delivered', 'undelivered', 'failed']).nullable(),
    error: z.string().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'ConversationMessage' });

/** One conversation as shown. */
export const ConversationView = z
  .object({
    id: z.uuid(),
    customerId: z.uuid().nullable(),
    channel: z.enum(CONVERSATION_CHANNELS),
    address: z.string().nullable(),
    type: z.enum(CONVERSATION_TYPES),
    status: z.enum(CONVERSATION_STATUSES),
    category: z.string().nullable(),
    subject: z.string().nullable(),
    assignee: z.string().nullable(),
    satisfaction: z.number().int().nullable(),
    messageCount: z.number().int(),
    lastMessageAt: time,
    lastInboundAt: time,
    resolvedAt: time,
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Conversation' });

/** Response of one conversation with its messages. */
export const ConversationResponse = z
  .object({ data: ConversationView.extend({ messages: z.array(ConversationMessageView) }) })
  .meta({ id: 'ConversationResponse' });

/** Response of a change: the conversation without its messages. */
export const ConversationOnlyResponse = z.object({ data: ConversationView }).meta({ id: 'ConversationUpdated' });

/** Response of a posted message: the message and the conversation after it. */
export const ConversationMessageResponse = z
  .object({ data: z.object({ message: ConversationMessageView, conversation: ConversationView }) })
  .meta({ id: 'ConversationMessageResponse' });

/** Response of the inbox. */
export const ConversationListResponse = z.object({ data: z.array(ConversationView), pagination: PaginationView }).meta({ id: 'ConversationList' });
