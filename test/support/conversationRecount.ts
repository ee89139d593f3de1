import type { Knex } from 'knex';

/**
 * A customer's conversation statistics recounted from the conversations and their messages, in
 * the shape of customer_conversation_stats, so a test compares what the writer maintained with
 * what the rows say (see the counting rules in domain/conversations/store.ts). Response times
 * are not recounted (they depend on the order of messages); the test checks them directly.
 */
export async function recountConversationStats(db: Knex, customerId: string) {
  const { rows } = await db.raw(
    `SELECT count(*)::int AS total_conversations,
            count(*) FILTER (WHERE status <> 'resolved')::int AS open_conversations,
            count(*) FILTER (WHERE status = 'resolved')::int AS resolved_conversations,
            COALESCE(sum(message_count), 0)::int AS total_messages,
            COALESCE(sum(satisfaction), 0)::int AS satisfaction_total,
            count(satisfaction)::int AS satisfaction_count,
            count(*) FILTER (WHERE type = 'complaint')::int AS total_complaints,
            count(*) FILTER (WHERE type = 'complaint' AND status <> 'resolved')::int AS open_complaints,
            count(*) FILTER (WHERE type = 'complaint' AND status = 'resolved')::int AS resolved_complaints,
            max(created_at) FILTER (WHERE type = 'complaint') AS last_complaint_at,
            min(created_at) AS first_contact_at,
            max(last_message_at) AS last_message_at,
            max(last_inbound_at) AS last_inbound_at,
            (SELECT count(*)::int FROM conversation_messages m JOIN conversations c2 ON c2.id = m.conversation_id
              WHERE c2.customer_id = ? AND m.direction <> 'internal') AS messages_from_rows,
            COALESCE((SELECT jsonb_object_agg(cat, n) FROM (SELECT COALESCE(category, 'Uncategorised') AS cat, count(*)::int AS n
                        FROM conversations WHERE customer_id = ? AND type = 'complaint' GROUP BY 1) AS g), '{}'::jsonb) AS complaints_by_category
       FROM conversations WHERE customer_id = ?`,
    [customerId, customerId, customerId],
  );
  return rows[0];
}
