import type { Knex } from 'knex';

/**
 * Parallel chunk writers for bulk imports (issue 5, session 4). An import is now processed in two
 * overlapping passes: one checker validates and normalises the staged rows in file order and
 * settles in-file duplicates (through `import_keys`, as before), writing every chunk's verdicts
 * here; several writers then take checked chunks in any order, each in its own transaction,
 * and write the customers.
 *
 * - `import_chunks`: one row per checked range (from_row, to_row] with the outcomes the checker
 *   settled itself (failed rows, in-file duplicates) and `written`, set in the writer's
 *   transaction: resuming after a crash = the chunks not written.
 * - `import_checked`: the rows that survived the checker (candidates), normalised: their unique
 *   keys and the customer columns as JSON, which the writers insert or apply with SQL alone.
 *
 * Both are UNLOGGED working tables like `import_rows`: a Postgres crash empties them together
 * with the staged rows, and the import fails with a message instead of corrupting.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`CREATE UNLOGGED TABLE import_chunks (
    import_id uuid NOT NULL,
    from_row integer NOT NULL,
    to_row integer NOT NULL,
    candidates integer NOT NULL,
    settled json NOT NULL,
    written boolean NOT NULL DEFAULT false,
    PRIMARY KEY (import_id, from_row))`);
  await knex.raw(`CREATE UNLOGGED TABLE import_checked (
    import_id uuid NOT NULL,
    row_number integer NOT NULL,
    email text,
    phone text,
    external_id text,
    full_name_given boolean NOT NULL,
    data json NOT NULL,
    PRIMARY KEY (import_id, row_number))`);
}

/** Drops the chunk tables. */
export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE import_checked');
  await knex.raw('DROP TABLE import_chunks');
}
