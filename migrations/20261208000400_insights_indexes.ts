import type { Knex } from 'knex';

/**
 * Indexes that bound the insight queries of GET /ai/insights (issue 19) to their time windows on
 * big tenants (1M customers, 5M orders), instead of reading a tenant's whole history per request:
 *
 * - campaign engagement trends read the ledger rows sent in two windows: (tenant_id, sent_at) for
 *   rows that were sent (the frequency cap's index leads with the customer);
 * - segment trends count, per segment, the stays that began or ended since a date: (segment_id,
 *   entered_at) and (segment_id, exited_at) for ended stays (the current-members index holds only
 *   open stays);
 * - complaint spikes count a tenant's complaints in two windows: (tenant_id, created_at) of
 *   complaints only (a small share of the conversations).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE INDEX campaign_recipients_tenant_sent ON campaign_recipients (tenant_id, sent_at) WHERE sent_at IS NOT NULL');
  await knex.raw('CREATE INDEX segment_memberships_entered ON segment_memberships (segment_id, entered_at)');
  await knex.raw('CREATE INDEX segment_memberships_exited ON segment_memberships (segment_id, exited_at) WHERE exited_at IS NOT NULL');
  await knex.raw(`CREATE INDEX conversations_complaints ON conversations (tenant_id, created_at) WHERE type = 'complaint'`);
}

/** Drops the insight indexes. */
export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX conversations_complaints');
  await knex.raw('DROP INDEX segment_memberships_exited');
  await knex.raw('DROP INDEX segment_memberships_entered');
  await knex.raw('DROP INDEX campaign_recipients_tenant_sent');
}
