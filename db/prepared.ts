import { createHash } from 'node:crypto';
import type { Knex } from 'knex';

/**
 * Named prepared statements for the statements every request runs (read a customer, create one).
 *
 * PostgreSQL parses and plans an unnamed statement on every execution. On `customers`, whose 16
 * indexes the planner weighs each time, that costs the backend more than running the statement:
 * a primary-key read took ~0.38 ms of backend CPU unnamed and ~0.05 ms prepared (see
 * docs/benchmarks-history.md, API overhead, issue 15). A named statement is parsed once per pooled
 * connection, and PostgreSQL may then reuse its plan.
 *
 * What a statement must be to be prepared:
 * - its text comes from code, in a bounded number of shapes: every name stays on every pooled
 *   connection for the connection's life (see {@link namedStatement}'s cap);
 * - its result columns are named, never `*`: a prepared `SELECT *` fails with "cached plan must not
 *   change result type" on every execution after a migration adds a column, until the connection closes.
 *
 * Connection poolers in transaction mode (PgBouncer before 1.21, or without max_prepared_statements)
 * do not carry named statements between server connections; Herald connects to PostgreSQL directly.
 */

/** A statement and the name it is prepared under. */
export interface Prepared {
  name: string;
  /** SQL with `?` placeholders, as knex.raw takes it. */
  sql: string;
  /** The same SQL with PostgreSQL's `$1…$n` placeholders, as the pg driver takes it (knex's own conversion, done once). */
  text: string;
}

/**
 * One SQL statement with `?` placeholders and its values, built by the module that owns the table
 * it writes, for a writer that sends several modules' statements as one (data-modifying CTEs).
 */
export interface SqlStatement {
  sql: string;
  bindings: unknown[];
}

/** What {@link runPrepared} uses of a pooled pg connection. */
interface PgConnection {
  query<Row>(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: Row[] }>;
}

/** Most distinct statements prepared by one process; beyond it statements run unnamed. */
const MAX_STATEMENTS = 200;
const byText = new Map<string, Prepared>();

/**
 * The prepared form of a statement, named after a hash of its text so that two texts never share
 * a name (the pg driver refuses a name reused for another text). Undefined once MAX_STATEMENTS
 * texts have been named: a statement whose text varies more than expected then runs unnamed
 * instead of growing every connection's statement cache.
 */
export function namedStatement(db: Knex, sql: string): Prepared | undefined {
  const known = byText.get(sql);
  if (known || byText.size >= MAX_STATEMENTS) return known;
  const text = (db.client as { positionBindings(sql: string): string }).positionBindings(sql);
  const prepared = { name: `herald_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`, sql, text };
  byText.set(sql, prepared);
  return prepared;
}

/**
 * Runs a statement with its bindings, prepared when {@link namedStatement} names it; returns its
 * rows. Outside a transaction a prepared statement goes to a connection of knex's pool directly:
 * knex's raw formatting and runner re-scanned the text for placeholders and wrapped the query on
 * every call, the largest part of knex's cost in a POST /customers profile (~0.05 ms of ~0.11).
 * The bindings must not contain knex raws (none of the prepared statements' do). In a transaction,
 * or unnamed, it runs through knex, on the transaction's connection.
 */
export async function runPrepared<Row>(db: Knex, sql: string, bindings: readonly unknown[]): Promise<Row[]> {
  const prepared = namedStatement(db, sql);
  if (prepared && !db.isTransaction) {
    const connection = (await db.client.acquireConnection()) as PgConnection;
    try {
      // knex's own 'query' event, as its runner would emit it, so query logs and tests that watch
      // the statements Herald sends still see this one.
      db.client.emit('query', {
        method: 'raw',
        sql: prepared.text,
        bindings,
        options: { name: prepared.name },
        __knexUid: (connection as { __knexUid?: string }).__knexUid,
      });
      return (await connection.query<Row>({ name: prepared.name, text: prepared.text, values: bindings as unknown[] })).rows;
    } finally {
      await db.client.releaseConnection(connection);
    }
  }
  const query = db.raw(sql, bindings as Knex.RawBinding[]);
  if (prepared) query.options({ name: prepared.name });
  const result: { rows: Row[] } = await query;
  return result.rows;
}
