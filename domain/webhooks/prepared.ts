import type { Knex } from 'knex';

/** The part of node-postgres' client a prepared query needs. */
interface PgClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * Runs one of the dispatcher's hot statements as a named prepared statement on a pooled
 * connection: Postgres parses it once per connection and, after a few runs, reuses a generic
 * plan, where `knex.raw` re-plans the multi-CTE statement on every call (1–2 ms of server CPU
 * each, paid hundreds of times a second under load). `text` uses `$1…` placeholders.
 */
export async function preparedQuery<Row>(db: Knex, name: string, text: string, values: unknown[]): Promise<Row[]> {
  const connection = (await db.client.acquireConnection()) as PgClient;
  try {
    const { rows } = await connection.query({ name, text, values });
    return rows as Row[];
  } finally {
    await db.client.releaseConnection(connection);
  }
}
