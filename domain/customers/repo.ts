import type { Knex } from 'knex';
import { runPrepared, type SqlStatement } from '../../db/prepared';
import { whereRange } from '../shared/filters';
import type { SortKey } from '../shared/listing';
import { SEARCH_EXPRESSION, SORT_EXPRESSIONS } from './indexedExpressions';
import { CUSTOMER_COLUMNS, type CustomerRow } from './rows';
import type { CustomerFilters, SortField } from './types';

/** The keyset sort key for a sort field: the expression its index covers. */
export function sortKeyFor(field: SortField): SortKey {
  return { expression: SORT_EXPRESSIONS[field] };
}

/** Escapes LIKE wildcards so a search for "50%" means the characters, not a pattern. */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The tenant's live customers narrowed by the list filters. Every value is bound; the search
 * uses the trigram-indexed expression, tags use the GIN index (&& for any, @> for all).
 */
export function filteredCustomers(db: Knex, tenantId: string, f: CustomerFilters): Knex.QueryBuilder {
  const q = db('customers').where('tenant_id', tenantId).whereNull('deleted_at');
  if (f.ids) q.whereIn('id', f.ids);
  if (f.externalId) q.where('external_id', f.externalId);
  if (f.predicate) q.whereRaw(`(${f.predicate.sql})`, f.predicate.bindings as Knex.Value[]);
  if (f.status?.length) q.whereIn('status', f.status);
  if (f.tier?.length) q.whereIn('tier', f.tier);
  if (f.segment?.length) q.whereIn('segment_label', f.segment);
  if (f.source?.length) q.whereIn('source', f.source);
  if (f.isBlocked !== undefined) q.where('is_blocked', f.isBlocked);
  if (f.tags?.length) q.whereRaw(`tags ${f.tagsMatch === 'all' ? '@>' : '&&'} ?::text[]`, [f.tags]);
  if (f.city) q.whereRaw('lower(address_city) = lower(?)', [f.city]);
  if (f.country) q.whereRaw('lower(address_country) = lower(?)', [f.country]);
  // Both sides are lower-cased by Postgres, so the folding rules are the database's own.
  if (f.search) q.whereRaw(`${SEARCH_EXPRESSION} LIKE lower(?)`, [`%${likeLiteral(f.search)}%`]);
  whereRange(q, 'total_spent', f.totalSpent);
  whereRange(q, 'total_orders', f.orderCount);
  whereRange(q, 'created_at', f.createdAt);
  whereRange(q, 'last_order_at', f.lastOrderAt);
  return q;
}

/** One live customer of the tenant; `lock` takes a row lock for a read-modify-write. */
export async function findCustomer(db: Knex, tenantId: string, id: string, lock = false): Promise<CustomerRow | undefined> {
  const q = db('customers').select('customers.*').where({ tenant_id: tenantId, id }).whereNull('deleted_at').first();
  if (lock) q.forUpdate();
  return q;
}

/** Customers of a tenant by id, deleted ones left out, in one statement (the journey runner reads a batch of runs' customers at once). */
export async function findCustomers(db: Knex, tenantId: string, ids: readonly string[]): Promise<CustomerRow[]> {
  if (!ids.length) return [];
  return db('customers')
    .select('customers.*')
    .where({ tenant_id: tenantId })
    .whereRaw('id = ANY(?::uuid[])', [ids as string[]])
    .whereNull('deleted_at');
}

/** The columns toCustomer reads, qualified: what a prepared read selects instead of `customers.*`. */
const CUSTOMER_SELECT = CUSTOMER_COLUMNS.map((column) => `customers.${column}`).join(', ');

/**
 * One live customer with extra select columns (its latest orders, for the detail view): the read
 * of every GET /customers/:id, so it runs as a prepared statement (db/prepared.ts) with its
 * columns named.
 */
export async function findCustomerWith(db: Knex, tenantId: string, id: string, extra: Knex.Raw): Promise<(CustomerRow & Record<string, unknown>) | undefined> {
  const column = extra.toSQL();
  const [row] = await runPrepared<CustomerRow & Record<string, unknown>>(
    db,
    `SELECT ${CUSTOMER_SELECT}, ${column.sql} FROM customers WHERE tenant_id = ? AND id = ? AND deleted_at IS NULL LIMIT 1`,
    [...column.bindings, tenantId, id],
  );
  return row;
}

/** Inserts a customer and returns the stored row. */
export async function insertCustomer(db: Knex, tenantId: string, columns: Record<string, unknown>): Promise<CustomerRow> {
  const [row] = await db('customers')
    .insert({ ...columns, tenant_id: tenantId })
    .returning('*');
  return row as CustomerRow;
}

/** A table or column name from code (never from a request), quoted for SQL. */
const quoteName = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** `INSERT INTO table (columns) VALUES (?, …)` for one row, skipping undefined values as knex does; pushes the values onto `bindings`. */
function insertOne(table: string, row: Record<string, unknown>, bindings: unknown[]): string {
  const columns = Object.keys(row).filter((column) => row[column] !== undefined);
  for (const column of columns) bindings.push(row[column]);
  return `INSERT INTO ${quoteName(table)} (${columns.map(quoteName).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
}

/**
 * Inserts a customer and the rows that must exist with it (its outbox event, its audit entry; their
 * INSERTs are built by the modules owning those tables) in one statement of data-modifying CTEs:
 * atomic without BEGIN/COMMIT, one round trip instead of five. A unique violation on the customer
 * fails the whole statement. It is the statement of every POST /customers, so it runs prepared
 * (db/prepared.ts); its text varies only with which columns the create names.
 */
export async function insertCustomerWith(db: Knex, row: Record<string, unknown>, related: SqlStatement[]): Promise<{ tenantHasSegments: boolean }> {
  const bindings: unknown[] = [];
  const inserts = [
    insertOne('customers', row, bindings),
    ...related.map((statement) => {
      bindings.push(...statement.bindings);
      return statement.sql;
    }),
  ];
  // The same statement tells whether the tenant has segments, so a create needs no second read to
  // know whether there is any membership to re-evaluate.
  bindings.push(row.tenant_id);
  const [result] = await runPrepared<{ has_segments: boolean }>(
    db,
    `WITH ${inserts.map((insert, i) => `w${i} AS (${insert})`).join(', ')} SELECT EXISTS (SELECT 1 FROM segments WHERE tenant_id = ?) AS has_segments`,
    bindings,
  );
  return { tenantHasSegments: result?.has_segments === true };
}

/** Updates a live customer and returns the new row (undefined when not found). */
export async function updateCustomer(db: Knex, tenantId: string, id: string, columns: Record<string, unknown>): Promise<CustomerRow | undefined> {
  const [row] = await db('customers')
    .where({ tenant_id: tenantId, id })
    .whereNull('deleted_at')
    .update({ ...columns, updated_at: db.fn.now() })
    .returning('*');
  return row as CustomerRow | undefined;
}

/** The live customer holding a unique value, for 409 details on a duplicate. */
export async function findDuplicate(
  db: Knex,
  tenantId: string,
  values: { email?: string | null; phone?: string | null; externalId?: string | null },
  exceptId?: string,
) {
  for (const [field, column] of [
    ['email', 'email'],
    ['phone', 'phone'],
    ['externalId', 'external_id'],
  ] as const) {
    const value = values[field];
    if (!value) continue;
    const q = db('customers')
      .select('id')
      .where({ tenant_id: tenantId, [column]: value })
      .whereNull('deleted_at')
      .first();
    if (exceptId) q.whereNot('id', exceptId);
    const row = await q;
    if (row) return { field, existingId: row.id as string };
  }
  return undefined;
}

/** Orders that still block a hard delete (not yet delivered, cancelled or refunded). */
export async function activeOrderCount(db: Knex, tenantId: string, customerId: string): Promise<number> {
  const [row] = await db('orders')
    .where({ tenant_id: tenantId, customer_id: customerId })
    .whereIn('status', ['placed', 'processing', 'shipped'])
    .count<{ count: number }[]>({ count: '*' });
  return Number(row?.count ?? 0);
}
