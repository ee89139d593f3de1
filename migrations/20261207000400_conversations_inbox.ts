import type { Knex } from 'knex';

/**
 * The inbox's filtered pages (issue 18, measured by bench/conversations-inbox.ts): a tenant's
 * conversations by status and assignee, in the inbox's order (last message, then id, newest first).
 *
 * With only `conversations_inbox` (tenant, last message), "my open conversations" found its page
 * quickly (recent threads are often open) but its capped total (up to 1,001 matches) read the whole
 * table: a parallel sequential scan of 1,000,000 rows, 220–290 ms, for a filter 1,188 rows match.
 * Here both statements read only their matches: the page as the first 21 entries of the index, the
 * total as an index-only scan. Status leads because nearly every inbox view names it (the tabs); a
 * filter on one of the two alone still counts through this index (PostgreSQL 18 skips over the
 * leading status), and its page comes from `conversations_inbox`.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE INDEX conversations_inbox_status_assignee ON conversations (tenant_id, status, assignee, last_message_at DESC, id DESC)');
}

/** Drops the index. */
export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX conversations_inbox_status_assignee');
}
