import { z } from 'zod';
import { ComplaintStatisticsView, ConversationStatisticsView, ConversationSummaryView } from '../../../domain/conversations/summaryView';
import { CustomerView } from '../../../domain/customers/view';
import { PaginationView } from '../../pagination';

const nullableText = z.string().nullable();
const timestamp = z.string().meta({ format: 'date-time' });

/** A customer as every endpoint returns it (defined in the domain: customer events carry it too). */
export { CustomerView };

/** `{ data: customer }`. */
export const CustomerResponse = z.object({ data: CustomerView }).meta({ id: 'CustomerResponse' });

/** The signed-in customer's profile (GET /customers/me): the customer with seed 002's complaint fields. */
export const CustomerSelfResponse = z
  .object({
    data: CustomerView.extend({
      totalComplaints: z.number().int(),
      openComplaints: z.number().int(),
      lastComplaintDate: timestamp.nullable(),
    }),
  })
  .meta({ id: 'CustomerSelfResponse' });

/**
 * One customer with recent orders, and (issue 18) its conversation figures in `statistics`, its
 * complaint statistics and its 5 latest conversations.
 */
export const CustomerDetailResponse = z
  .object({
    data: CustomerView.extend({
      statistics: CustomerView.shape.statistics.extend(ConversationStatisticsView.shape),
      complaintStatistics: ComplaintStatisticsView,
      recentOrders: z.array(z.unknown()),
      recentConversations: z.array(ConversationSummaryView),
    }),
  })
  .meta({ id: 'CustomerDetailResponse' });

/** A page of a customer's conversations. */
export const CustomerConversationListResponse = z
  .object({ data: z.array(ConversationSummaryView), pagination: PaginationView })
  .meta({ id: 'CustomerConversationList' });

/** A page of customers. */
export const CustomerListResponse = z.object({ data: z.array(CustomerView), pagination: PaginationView }).meta({ id: 'CustomerList' });

/** A note of the notes log. */
export const NoteView = z.object({ noteId: z.uuid(), content: z.string(), addedBy: nullableText, addedAt: timestamp }).meta({ id: 'CustomerNote' });

/** Free-form JSON objects (statistics, analytics, config). */
export const ObjectResponse = z.object({ data: z.record(z.string(), z.unknown()) });
