import type { Knex } from 'knex';
import { CONVERSATION_FACT_COLUMNS, CONVERSATION_FACT_PREFIX, type CustomerRow } from '../../rules/catalogue';

/**
 * Customers rows with the conversation statistics the rule catalogue reads attached
 * (`conversation_open_conversations`, …; see conversationStat in rules/catalogue.ts): what the
 * one-customer evaluator (json-rules-engine) needs besides the row, as the SQL compiler reads the
 * same columns by a subquery. A customer without a statistics row gets 0 counts and no dates,
 * as the compiler's coalesce does. Read-only over customer_conversation_stats.
 */
export async function withConversationFactsOf<Row extends CustomerRow>(db: Knex, tenantId: string, rows: readonly Row[]): Promise<Row[]> {
  if (rows.length === 0) return [];
  const stats = (await db('customer_conversation_stats')
    .where({ tenant_id: tenantId })
    .whereIn(
      'customer_id',
      rows.map((r) => r.id as string),
    )
    .select('customer_id', ...CONVERSATION_FACT_COLUMNS)) as Array<Record<string, unknown>>;
  const byCustomer = new Map(stats.map((s) => [s.customer_id as string, s]));
  return rows.map((row) => {
    const s = byCustomer.get(row.id as string);
    const facts = Object.fromEntries(
      CONVERSATION_FACT_COLUMNS.map((col) => [`${CONVERSATION_FACT_PREFIX}${col}`, s ? s[col] : col.endsWith('_at') ? null : 0]),
    );
    return { ...row, ...facts };
  });
}

/** One customers row with its conversation facts attached (see {@link withConversationFactsOf}). */
export async function withConversationFacts<Row extends CustomerRow>(db: Knex, tenantId: string, row: Row): Promise<Row> {
  return (await withConversationFactsOf(db, tenantId, [row]))[0]!;
}
