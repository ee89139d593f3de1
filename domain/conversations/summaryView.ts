import { z } from 'zod';
import { CONVERSATION_CHANNELS, CONVERSATION_STATUSES, CONVERSATION_TYPES } from './types';

const nullableText = z.string().nullable();
const timestamp = z.string().meta({ format: 'date-time' });

/** A conversation without its messages, as the customer detail and the customer's conversation list show it. */
export const ConversationSummaryView = z
  .object({
    id: z.uuid(),
    customerId: z.uuid().nullable(),
    channel: z.enum(CONVERSATION_CHANNELS),
    address: nullableText.meta({ description: 'The customer end: E.164 phone or whatsapp:+E164' }),
    type: z.enum(CONVERSATION_TYPES),
    status: z.enum(CONVERSATION_STATUSES),
    category: nullableText,
    subject: nullableText,
    assignee: nullableText,
    satisfaction: z.number().int().min(1).max(5).nullable(),
    messageCount: z.number().int(),
    lastMessageAt: timestamp.nullable(),
    lastInboundAt: timestamp.nullable(),
    resolvedAt: timestamp.nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'ConversationSummary' });

/** Seed 001's conversation statistics and seed 002's complaint counts, as the customer detail adds them to `statistics`. */
export const ConversationStatisticsView = z.object({
  totalConversations: z.number().int(),
  openConversations: z.number().int(),
  resolvedConversations: z.number().int(),
  totalMessages: z.number().int(),
  averageResponseTime: z
    .number()
    .int()
    .nullable()
    .meta({ description: "Mean milliseconds from a customer's unanswered inbound message to the first agent reply; null before any reply" }),
  satisfactionScore: z.number().nullable().meta({ description: 'Mean satisfaction (1–5) of rated conversations, two decimals; null when none' }),
  firstContact: timestamp.nullable(),
  lastInteraction: timestamp.nullable().meta({ description: 'Latest conversation activity (statistics.lastInteractionAt is the order-side one)' }),
  lastMessageAt: timestamp.nullable(),
  totalComplaints: z.number().int(),
  openComplaints: z.number().int().meta({ description: 'Complaints not resolved (open or pending)' }),
});

/** Seed 002's complaint statistics of one customer. */
export const ComplaintStatisticsView = z
  .object({
    totalComplaints: z.number().int(),
    openComplaints: z.number().int(),
    resolvedComplaints: z.number().int(),
    lastComplaintDate: timestamp.nullable(),
    complaintsByCategory: z.record(z.string(), z.number().int()),
  })
  .meta({ id: 'ComplaintStatistics' });
