import type { Knex } from 'knex';

/**
 * A change to one customer's conversation statistics: counters are added (negative to take
 * away), times are folded in (`first contact` keeps the earliest, the others the latest), and
 * `categories` adds to the complaint count of each named category (a category whose count reaches
 * zero is dropped from complaints_by_category).
 */
export interface StatsDelta {
  conversations?: number;
  open?: number;
  resolved?: number;
  messages?: number;
  responseMs?: number;
  responses?: number;
  satisfactionTotal?: number;
  satisfactionCount?: number;
  complaints?: number;
  openComplaints?: number;
  resolvedComplaints?: number;
  categories?: Record<string, number>;
  complaintAt?: Date;
  contactAt?: Date;
  interactionAt?: Date;
  messageAt?: Date;
  inboundAt?: Date;
}

/** The counter columns and the delta field each takes. */
const COUNTERS: [string, keyof StatsDelta][] = [
  ['total_conversations', 'conversations'],
  ['open_conversations', 'open'],
  ['resolved_conversations', 'resolved'],
  ['total_messages', 'messages'],
  ['response_time_total_ms', 'responseMs'],
  ['response_count', 'responses'],
  ['satisfaction_total', 'satisfactionTotal'],
  ['satisfaction_count', 'satisfactionCount'],
  ['total_complaints', 'complaints'],
  ['open_complaints', 'openComplaints'],
  ['resolved_complaints', 'resolvedComplaints'],
];

/** The time columns, the delta field each takes and how it folds (GREATEST and LEAST skip nulls). */
const TIMES: [string, keyof StatsDelta, 'GREATEST' | 'LEAST'][] = [
  ['last_complaint_at', 'complaintAt', 'GREATEST'],
  ['first_contact_at', 'contactAt', 'LEAST'],
  ['last_interaction_at', 'interactionAt', 'GREATEST'],
  ['last_message_at', 'messageAt', 'GREATEST'],
  ['last_inbound_at', 'inboundAt', 'GREATEST'],
];

/** complaints_by_category merged with the delta's, per key, zero counts dropped. */
const MERGE_CATEGORIES = `(SELECT COALESCE(jsonb_object_agg(k, n), '{}'::jsonb) FROM (
    SELECT key AS k, SUM(value::int) AS n
      FROM (SELECT * FROM jsonb_each_text(s.complaints_by_category) UNION ALL SELECT * FROM jsonb_each_text(EXCLUDED.complaints_by_category)) AS parts
     GROUP BY key) AS merged WHERE n <> 0)`;

/**
 * Applies a delta to a customer's customer_conversation_stats row in the caller's transaction
 * (INSERT … ON CONFLICT DO UPDATE: the first conversation creates the row). The caller holds the
 * conversation's row lock; the upsert itself serialises concurrent changes of one customer.
 */
export async function applyStats(trx: Knex, tenantId: string, customerId: string | null, delta: StatsDelta): Promise<void> {
  if (!customerId) return;
  const counters = COUNTERS.map(([, field]) => Number(delta[field] ?? 0));
  const times = TIMES.map(([, field]) => (delta[field] as Date | undefined) ?? null);
  const categories = Object.fromEntries(Object.entries(delta.categories ?? {}).filter(([, n]) => n !== 0));
  const columns = ['customer_id', 'tenant_id', ...COUNTERS.map(([c]) => c), 'complaints_by_category', ...TIMES.map(([c]) => c)];
  const updates = [
    ...COUNTERS.map(([c]) => `${c} = s.${c} + EXCLUDED.${c}`),
    `complaints_by_category = ${MERGE_CATEGORIES}`,
    ...TIMES.map(([c, , fold]) => `${c} = ${fold}(s.${c}, EXCLUDED.${c})`),
  ];
  await trx.raw(
    `INSERT INTO customer_conversation_stats AS s (${columns.join(', ')})
     VALUES (${columns.map((c) => (c === 'complaints_by_category' ? '?::jsonb' : '?')).join(', ')})
     ON CONFLICT (customer_id) DO UPDATE SET ${updates.join(', ')}`,
    [customerId, tenantId, ...counters, JSON.stringify(categories), ...times],
  );
}
