import type { Knex } from 'knex';

const STATES = ['pending', 'sending', 'sent', 'delivered', 'failed', 'skipped', 'cancelled'];

/**
 * A/B tests of campaigns (issue 19, variants).
 *
 * - `campaigns.variants`: 2–5 `{ key, name, subject?, body? }` overrides of the campaign's message.
 * - `campaigns.ab_test`: `{ share, metric, duration }` — the share of the audience that tests, what
 *   wins (opens, clicks or a tracked event within a window after the send) and how long the test runs.
 * - `campaigns.ab_decision`: the recorded decision, with every variant's numbers and the rule used.
 * - `campaign_recipients.variant`: the variant a recipient got (the test share at the start, the
 *   rest when the winner is released), null for campaigns without variants; `variant_phase` says
 *   which group the row is in (`test` or `rest`), so the decision counts the test group only.
 * - `campaign_recipients.state` gains `held`: the rest of the audience, waiting for the decision.
 *   Held rows are not claimed, not counted as remaining work, and become `pending` with the
 *   winner's key in the decision's transaction.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE campaigns ADD COLUMN variants jsonb, ADD COLUMN ab_test jsonb, ADD COLUMN ab_decision jsonb');
  await knex.raw(
    `ALTER TABLE campaign_recipients ADD COLUMN variant text,
       ADD COLUMN variant_phase text CONSTRAINT campaign_recipients_variant_phase_check CHECK (variant_phase IN ('test', 'rest'))`,
  );
  // The decision and the analytics read a campaign's test group only (a share of its ledger).
  await knex.raw(`CREATE INDEX campaign_recipients_variant_test ON campaign_recipients (campaign_id, variant) WHERE variant_phase = 'test'`);
  // NOT VALID, then VALIDATE: the ledger is large; validation takes a lock that does not block writes.
  await knex.raw(
    `ALTER TABLE campaign_recipients DROP CONSTRAINT campaign_recipients_state_check,
       ADD CONSTRAINT campaign_recipients_state_check CHECK (state IN (${[...STATES, 'held'].map((s) => `'${s}'`).join(', ')})) NOT VALID`,
  );
  await knex.raw('ALTER TABLE campaign_recipients VALIDATE CONSTRAINT campaign_recipients_state_check');
}

/** Removes the A/B columns; held rows become cancelled (nothing can release them any more). */
export async function down(knex: Knex): Promise<void> {
  await knex.raw(`UPDATE campaign_recipients SET state = 'cancelled' WHERE state = 'held'`);
  await knex.raw(
    `ALTER TABLE campaign_recipients DROP CONSTRAINT campaign_recipients_state_check,
       ADD CONSTRAINT campaign_recipients_state_check CHECK (state IN (${STATES.map((s) => `'${s}'`).join(', ')}))`,
  );
  await knex.raw('DROP INDEX campaign_recipients_variant_test');
  await knex.raw('ALTER TABLE campaign_recipients DROP COLUMN variant, DROP COLUMN variant_phase');
  await knex.raw('ALTER TABLE campaigns DROP COLUMN variants, DROP COLUMN ab_test, DROP COLUMN ab_decision');
}
