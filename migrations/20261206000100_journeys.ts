import type { Knex } from 'knex';

/**
 * Journeys (issue 17): event- and segment-triggered automations whose runs are rows, not one
 * Temporal workflow each (batch, don't fan out).
 *
 * - `journeys`: the definition being edited (`draft`), its status and the version runs enter.
 * - `journey_versions`: immutable published graphs; `send_campaigns` maps each send node to the
 *   hidden campaign (kind `journey`) whose channel, policy gate and ledger its messages use.
 * - `journey_runs`: one row per (customer, entry). A run is `active` (due at `due_at`, or waiting
 *   for an event with `due_at` as its timeout, null for none) until it ends `completed`, `exited`
 *   or `failed`. `entry_key` makes exclusive entries unique while a run is open: '' for "once" and
 *   "one at a time", the event's key for keyed entries, null for "every time" (never conflicts).
 * - `journey_steps`: what a run did, one row per (run, node, visit); the row's id is the
 *   idempotency key of the step's effect (Message-ID through the ledger row, `webhook-id`).
 * - `journey_event_queue`: the events journeys react to (entries, waits, goals, exits), filled by
 *   a statement-level trigger on `events` like the webhook relay's queue, only for tenants that
 *   have a published journey, and drained by the journey router.
 * - `campaign_recipients.journey_step_id`: a journey message's ledger row names its step, so one
 *   customer can receive the same send node on every visit; campaign rows stay one per customer.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('journeys', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.text('name').notNullable();
    t.text('description');
    t.text('status').notNullable().defaultTo('draft').checkIn(['draft', 'active', 'paused', 'archived'], 'journeys_status_check');
    t.jsonb('draft').notNullable();
    t.uuid('current_version_id');
    t.integer('latest_version').notNullable().defaultTo(0);
    t.text('resume_mode').checkIn(['fire', 'reschedule'], 'journeys_resume_mode_check');
    t.timestamp('paused_at', { useTz: true });
    t.timestamp('archived_at', { useTz: true });
    t.text('created_by');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['tenant_id', 'created_at', 'id']);
  });
  await knex.raw(`CREATE INDEX journeys_live ON journeys (tenant_id) WHERE status IN ('active', 'paused', 'archived')`);

  await knex.schema.createTable('journey_versions', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.uuid('journey_id').notNullable().references('journeys.id').onDelete('CASCADE');
    t.integer('version').notNullable();
    t.jsonb('definition').notNullable();
    t.jsonb('send_campaigns').notNullable().defaultTo('{}');
    t.jsonb('migration').comment('the migration map this version was published with (old node → new node or exit)');
    t.text('published_by');
    t.timestamp('published_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['journey_id', 'version']);
  });
  await knex.raw(
    'ALTER TABLE journeys ADD CONSTRAINT journeys_current_version_fk FOREIGN KEY (current_version_id) REFERENCES journey_versions(id) ON DELETE SET NULL',
  );

  await knex.schema.createTable('journey_runs', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.uuid('journey_id').notNullable().references('journeys.id').onDelete('CASCADE');
    t.uuid('version_id').notNullable().references('journey_versions.id').onDelete('CASCADE');
    t.uuid('customer_id').notNullable().references('customers.id').onDelete('CASCADE');
    t.text('entry_key');
    t.text('state').notNullable().defaultTo('active').checkIn(['active', 'completed', 'exited', 'failed'], 'journey_runs_state_check');
    t.text('node_id').notNullable();
    t.integer('visit').notNullable().defaultTo(1);
    t.timestamp('due_at', { useTz: true });
    t.jsonb('waiting_for');
    t.jsonb('trigger').notNullable();
    t.jsonb('context').notNullable().defaultTo('{}');
    t.integer('steps').notNullable().defaultTo(0);
    t.timestamp('entered_at', { useTz: true }).notNullable();
    t.timestamp('ended_at', { useTz: true });
    t.text('end_reason');
    t.timestamp('converted_at', { useTz: true });
    t.uuid('converted_message_id');
    t.uuid('last_message_id');
    t.uuid('migrate_to_version_id').references('journey_versions.id').onDelete('SET NULL');
    t.text('migrate_to_node_id');
    t.timestamp('paused_due_at', { useTz: true });
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  // The runner's claim: open runs due now, across tenants, in due order.
  await knex.raw(`CREATE INDEX journey_runs_due ON journey_runs (due_at, id) WHERE state = 'active' AND due_at IS NOT NULL`);
  // Event routing: a customer's open runs (waits, goals, exit rules).
  await knex.raw(`CREATE INDEX journey_runs_customer_open ON journey_runs (tenant_id, customer_id) WHERE state = 'active'`);
  // Entry policies (once ever, cooldown, max entries) and GET /customers/:id/journeys.
  await knex.raw('CREATE INDEX journey_runs_journey_customer ON journey_runs (journey_id, customer_id, entered_at)');
  // Lists and analytics by node.
  await knex.raw('CREATE INDEX journey_runs_journey_node ON journey_runs (journey_id, version_id, node_id, state)');
  // Exclusive entries: one open run per (journey, customer, key); null keys ("every time") never conflict.
  await knex.raw('CREATE UNIQUE INDEX journey_runs_open_entry ON journey_runs (journey_id, customer_id, entry_key) WHERE ended_at IS NULL');

  await knex.schema.createTable('journey_steps', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('tenant_id').notNullable();
    t.uuid('journey_id').notNullable();
    t.uuid('version_id').notNullable();
    t.uuid('run_id').notNullable().references('journey_runs.id').onDelete('CASCADE');
    t.text('node_id').notNullable();
    t.integer('visit').notNullable();
    t.text('kind').notNullable();
    t.text('status').notNullable().defaultTo('started').checkIn(['started', 'waiting', 'done', 'failed'], 'journey_steps_status_check');
    t.text('next_node_id');
    t.jsonb('detail').notNullable().defaultTo('{}');
    t.timestamp('started_at', { useTz: true }).notNullable();
    t.timestamp('finished_at', { useTz: true });
    t.unique(['run_id', 'node_id', 'visit']);
  });
  await knex.raw('CREATE INDEX journey_steps_version_node ON journey_steps (version_id, node_id, status)');

  await knex.raw(`CREATE TABLE journey_event_queue (
    seq bigint PRIMARY KEY, id uuid NOT NULL, tenant_id uuid NOT NULL, type text NOT NULL
  ) WITH (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000)`);
  await knex.raw(`
    CREATE FUNCTION herald_queue_events_for_journeys() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO journey_event_queue (seq, id, tenant_id, type)
        SELECT n.seq, n.id, n.tenant_id, n.type FROM new_events n
         WHERE n.type IN ('customer.event', 'customer.created', 'customer.updated', 'customer.tags_changed', 'order.created',
                          'order.status_updated', 'segment.entered', 'segment.exited', 'journey.entered', 'journey.converted', 'journey.exited')
           AND EXISTS (SELECT 1 FROM journeys j WHERE j.tenant_id = n.tenant_id AND j.status IN ('active', 'paused', 'archived'));
      RETURN NULL;
    END $$`);
  await knex.raw(`CREATE TRIGGER events_queue_for_journeys AFTER INSERT ON events
    REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION herald_queue_events_for_journeys()`);

  await knex.raw('ALTER TABLE campaigns DROP CONSTRAINT campaigns_kind_check');
  await knex.raw(`ALTER TABLE campaigns ADD CONSTRAINT campaigns_kind_check CHECK (kind IN ('campaign', 'direct', 'test', 'journey'))`);
  await knex.raw('ALTER TABLE campaign_recipients ADD COLUMN journey_step_id uuid');
  await knex.raw('ALTER TABLE campaign_recipients DROP CONSTRAINT campaign_recipients_campaign_id_customer_id_unique');
  await knex.raw(
    'CREATE UNIQUE INDEX campaign_recipients_campaign_id_customer_id_unique ON campaign_recipients (campaign_id, customer_id) WHERE journey_step_id IS NULL',
  );
  await knex.raw('CREATE UNIQUE INDEX campaign_recipients_journey_step ON campaign_recipients (journey_step_id) WHERE journey_step_id IS NOT NULL');
}

/** Drops the journey tables, their queue and trigger, and the ledger's journey column. */
export async function down(knex: Knex): Promise<void> {
  await knex.raw('DELETE FROM campaigns WHERE kind = $$journey$$');
  await knex.raw('DROP INDEX campaign_recipients_journey_step');
  await knex.raw('DROP INDEX campaign_recipients_campaign_id_customer_id_unique');
  await knex.raw('ALTER TABLE campaign_recipients ADD CONSTRAINT campaign_recipients_campaign_id_customer_id_unique UNIQUE (campaign_id, customer_id)');
  await knex.raw('ALTER TABLE campaign_recipients DROP COLUMN journey_step_id');
  await knex.raw('ALTER TABLE campaigns DROP CONSTRAINT campaigns_kind_check');
  await knex.raw(`ALTER TABLE campaigns ADD CONSTRAINT campaigns_kind_check CHECK (kind IN ('campaign', 'direct', 'test'))`);
  await knex.raw('DROP TRIGGER events_queue_for_journeys ON events');
  await knex.raw('DROP FUNCTION herald_queue_events_for_journeys()');
  await knex.raw('DROP TABLE journey_event_queue');
  await knex.raw('DROP TABLE journey_steps');
  await knex.raw('DROP TABLE journey_runs');
  await knex.raw('ALTER TABLE journeys DROP CONSTRAINT journeys_current_version_fk');
  await knex.raw('DROP TABLE journey_versions');
  await knex.raw('DROP TABLE journeys');
}
