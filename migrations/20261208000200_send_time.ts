import type { Knex } from 'knex';

/**
 * Best send time (issue 19):
 * - `campaigns.send_time`: `scheduled` (every recipient at the campaign's time, as before) or
 *   `optimal` (each recipient at their best hour within 24 hours of the start). A constant default
 *   adds the column without rewriting the table.
 * - `campaign_recipients_opens`: a customer's opens by time, read by the best-hour model once per
 *   recipient of an optimal campaign's snapshot and by the best-hour reads (index-only scans over
 *   opened rows, never the customer's whole ledger). Partial: unopened messages cost nothing.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(
    `ALTER TABLE campaigns ADD COLUMN send_time text NOT NULL DEFAULT 'scheduled' CONSTRAINT campaigns_send_time_check CHECK (send_time IN ('scheduled', 'optimal'))`,
  );
  await knex.raw('CREATE INDEX campaign_recipients_opens ON campaign_recipients (tenant_id, customer_id, opened_at) WHERE opened_at IS NOT NULL');
}

/** Drops the index and the column. */
export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX campaign_recipients_opens');
  await knex.raw('ALTER TABLE campaigns DROP COLUMN send_time');
}
