import type { Knex } from 'knex';

/**
 * The reply sweep's index (issue 18): outbound conversation messages still `queued`, by age.
 * Partial, so it holds only the few messages waiting for their workflow, not every message ever
 * sent; the sweep (domain/conversations/sender.ts, staleQueuedReplies) reads it every minute.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`CREATE INDEX conversation_messages_queued_idx ON conversation_messages (created_at) WHERE direction = 'outbound' AND state = 'queued'`);
}

/** Drops the index. */
export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX conversation_messages_queued_idx');
}
