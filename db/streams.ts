import type { Knex } from 'knex';
import { escapeLiteral, type PoolClient } from 'pg';
import { prepareValue } from 'pg/lib/utils';
import { to as copyTo } from 'pg-copy-streams';
import QueryStream from 'pg-query-stream';
import { PassThrough, pipeline, type Readable } from 'node:stream';

/**
 * Renders a knex query as one SQL text with its bindings inlined as literals. COPY takes no
 * parameters, so the values are encoded exactly as pg encodes parameters (prepareValue) and quoted
 * with pg's escapeLiteral; the server then infers their types from context as it would for `$n`.
 */
export function inlineBindings(query: Knex.QueryBuilder | Knex.Raw): string {
  const { sql, bindings } = query.toSQL().toNative();
  return sql.replace(/\$(\d+)/g, (_match, n: string) => {
    const value = prepareValue(bindings[Number(n) - 1]);
    if (value === null) return 'NULL';
    return escapeLiteral(Buffer.isBuffer(value) ? value.toString() : value);
  });
}

type PooledConnection = PoolClient & { __knex__disposed?: unknown };

/**
 * Runs a streaming read on a connection of its own and returns its output at once. Unlike knex's
 * `.stream()`, the connection is always given back: if the reader is gone before the connection
 * arrives (a HEAD request, a client that hung up), nothing is queried; if it goes away mid-stream,
 * the connection — still busy with the query — is closed rather than returned to the pool.
 */
function onOwnConnection(db: Knex, start: (conn: PooledConnection) => Readable, objectMode: boolean): Readable {
  const out = new PassThrough({ objectMode });
  db.client.acquireConnection().then(
    (conn: PooledConnection) => {
      if (out.destroyed) return db.client.releaseConnection(conn);
      pipeline(start(conn), out, (err) => {
        if (err) {
          conn.__knex__disposed = err;
          (conn as unknown as { end(): void }).end();
        }
        db.client.releaseConnection(conn);
      });
    },
    (err: Error) => out.destroy(err),
  );
  return out;
}

/**
 * Streams `COPY (<query>) TO STDOUT WITH (<options>)` from a connection of the given pool: Postgres
 * encodes every row (CSV quoting included), Node only forwards bytes with backpressure, so an
 * export runs near the speed of a bare COPY in constant memory.
 */
export function copyOut(db: Knex, query: Knex.QueryBuilder | Knex.Raw, options: string): Readable {
  const sql = `COPY (${inlineBindings(query)}) TO STDOUT WITH (${options})`;
  return onOwnConnection(db, (conn) => conn.query(copyTo(sql)), false);
}

/**
 * Streams a query's rows (objects) through a server-side cursor (pg-query-stream) with
 * backpressure: the replacement for knex's `.stream()` in exports, which can keep a pooled
 * connection forever when its stream is destroyed before the connection arrives.
 */
export function streamRows(db: Knex, query: Knex.QueryBuilder | Knex.Raw): Readable {
  const { sql, bindings } = query.toSQL().toNative();
  return onOwnConnection(db, (conn) => conn.query(new QueryStream(sql, bindings as unknown[])), true);
}
