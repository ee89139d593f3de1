import type { Knex } from 'knex';
import { escapeLiteral, type PoolClient } from 'pg';
import { prepareValue } from 'pg/lib/utils';
import { to as copyTo } from 'pg-copy-streams';
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

/**
 * Streams `COPY (<query>) TO STDOUT WITH (<options>)` from a connection of the given pool: Postgres
 * encodes every row (CSV quoting included), Node only forwards bytes with backpressure, so an
 * export runs near the speed of a bare COPY in constant memory. The connection goes back to the
 * pool when the copy ends; if the reader goes away first it is destroyed instead (it is still in
 * COPY mode and must not serve another query).
 */
export function copyOut(db: Knex, query: Knex.QueryBuilder | Knex.Raw, options: string): Readable {
  const out = new PassThrough();
  const sql = `COPY (${inlineBindings(query)}) TO STDOUT WITH (${options})`;
  db.client.acquireConnection().then(
    (conn: PoolClient & { __knex__disposed?: unknown }) => {
      const source = conn.query(copyTo(sql));
      pipeline(source, out, (err) => {
        if (err) conn.__knex__disposed = err;
        db.client.releaseConnection(conn);
        if (err) (conn as unknown as { end(): void }).end();
      });
    },
    (err: Error) => out.destroy(err),
  );
  return out;
}
