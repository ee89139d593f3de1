import type { Knex } from 'knex';

/**
 * Bulk imports: the job (`imports`, with its options and live counters), the rows it reports as
 * failed (`import_errors`), and two working tables the pipeline empties when the job ends:
 * `import_rows` (the upload, staged by COPY, keyed by import and row number) and `import_keys`
 * (every dedupe key a processed row claimed, so a later row with the same key is an in-file
 * duplicate whichever chunk it lands in). The working tables are UNLOGGED: they are rebuilt
 * from the upload, cost no WAL, and a Postgres crash (which empties them) fails the import
 * with a message instead of corrupting it.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('imports', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.text('status')
      .notNullable()
      .defaultTo('receiving')
      .checkIn(['receiving', 'queued', 'running', 'completed', 'failed', 'cancelled'], 'imports_status_check');
    t.text('format').notNullable().checkIn(['csv', 'json', 'ndjson'], 'imports_format_check');
    t.text('file_name');
    t.jsonb('options').notNullable().defaultTo('{}');
    t.specificType('columns', 'text[]');
    t.integer('total_rows').notNullable().defaultTo(0);
    t.integer('processed_rows').notNullable().defaultTo(0);
    t.integer('imported').notNullable().defaultTo(0);
    t.integer('updated').notNullable().defaultTo(0);
    t.integer('duplicates_in_file').notNullable().defaultTo(0);
    t.integer('duplicates_existing').notNullable().defaultTo(0);
    t.integer('failed').notNullable().defaultTo(0);
    t.text('error');
    t.text('actor_type').notNullable();
    t.text('actor_id');
    t.text('request_id');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('started_at', { useTz: true });
    t.timestamp('finished_at', { useTz: true });
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['tenant_id', 'created_at', 'id']);
  });
  await knex.schema.createTable('import_errors', (t) => {
    t.bigIncrements('id');
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.uuid('import_id').notNullable().references('imports.id').onDelete('CASCADE');
    t.integer('row_number').notNullable();
    t.text('field');
    t.text('message').notNullable();
    t.index(['import_id', 'row_number', 'id']);
  });
  await knex.raw(`CREATE UNLOGGED TABLE import_rows (
    import_id uuid NOT NULL,
    row_number integer NOT NULL,
    data text NOT NULL,
    PRIMARY KEY (import_id, row_number))`);
  await knex.raw(`CREATE UNLOGGED TABLE import_keys (
    import_id uuid NOT NULL,
    key text NOT NULL,
    row_number integer NOT NULL,
    PRIMARY KEY (import_id, key))`);
}

/** Drops the import tables. */
export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE import_keys');
  await knex.raw('DROP TABLE import_rows');
  await knex.schema.dropTable('import_errors');
  await knex.schema.dropTable('imports');
}
