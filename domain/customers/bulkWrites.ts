import type { Knex } from 'knex';
import type { CommandContext } from '../shared/context';
import { toCustomer, type CustomerRow } from './rows';
import { appendEvents } from '../events/outbox';
import { DEFAULT_LANGUAGE_SQL } from '../tenants/settings';

/**
 * Set-based customer writes of one import chunk, kept with the customers table they write (its
 * one owner): one INSERT and one UPDATE statement per chunk, reading the rows the import's checker
 * stored in import_checked, whatever the chunk's size. domain/imports calls them.
 */

/** Importable columns and their SQL types, in the order of the recordset. */
const COLUMNS: Array<[string, string]> = [
  ['first_name', 'text'],
  ['last_name', 'text'],
  ['full_name', 'text'],
  ['email', 'text'],
  ['phone', 'text'],
  ['alternative_phones', 'text[]'],
  ['external_id', 'text'],
  ['avatar_url', 'text'],
  ['address_street', 'text'],
  ['address_city', 'text'],
  ['address_state', 'text'],
  ['address_country', 'text'],
  ['address_postal_code', 'text'],
  ['tags', 'text[]'],
  ['status', 'text'],
  ['tier', 'text'],
  ['segment_label', 'text'],
  ['source', 'text'],
  ['language', 'text'],
  ['timezone', 'text'],
  ['consent_email', 'boolean'],
  ['consent_sms', 'boolean'],
  ['consent_newsletter', 'boolean'],
  ['custom_fields', 'jsonb'],
  ['notes', 'text'],
];

/**
 * Defaults applied where a row leaves a value out: the customers table's own, and the tenant's
 * default language (a subquery Postgres runs once per statement; its one binding is the tenant id).
 */
const DEFAULTS: Record<string, string> = {
  alternative_phones: "'{}'::text[]",
  tags: "'{}'::text[]",
  status: "'active'",
  tier: "'regular'",
  source: "'import'",
  consent_email: 'true',
  consent_sms: 'true',
  consent_newsletter: 'false',
  custom_fields: "'{}'::jsonb",
  language: DEFAULT_LANGUAGE_SQL,
};

const RECORD_TYPE = COLUMNS.map(([c, t]) => `${c} ${t}`).join(', ');
const NAMES = COLUMNS.map(([c]) => c);

/** A checked row to write: its row number in the import and the customer's id (new or existing). */
export interface RowTarget {
  row: number;
  id: string;
}

/** The checked rows (import_checked) of the given row numbers, with their target ids, as a record set `v`. */
const CHECKED_ROWS = `
  FROM unnest(?::int[], ?::uuid[]) AS w(row_number, id)
  JOIN import_checked k ON k.import_id = ?::uuid AND k.row_number = w.row_number
  CROSS JOIN LATERAL json_to_record(k.data) AS v(${RECORD_TYPE})`;

const INSERT_SQL = `
  INSERT INTO customers (id, tenant_id, ${NAMES.join(', ')}, created_by, updated_by)
  SELECT w.id, ?::uuid, ${NAMES.map((c) => (DEFAULTS[c] ? `COALESCE(v.${c}, ${DEFAULTS[c]})` : `v.${c}`)).join(', ')}, ?, ?
  ${CHECKED_ROWS}
  ORDER BY w.id`;

/**
 * Inserts new customers from an import's checked rows, in SQL alone (the columns never travel
 * back through Node). Returns the inserted rows' ids, or the whole rows when the caller writes
 * events from them.
 *
 * Plain, a row meeting a unique value someone else wrote meanwhile fails the statement (unique
 * violation, 23505): the caller redoes the chunk `careful`ly, where such a row is left out (ON
 * CONFLICT DO NOTHING) and reported. The plain form is the common case because ON CONFLICT costs
 * a speculative check of every unique index per row (~20 % of the insert, measured).
 */
export async function insertCustomers(
  trx: Knex,
  tenantId: string,
  actor: string,
  importId: string,
  rows: RowTarget[],
  options: { wholeRows?: boolean; careful?: boolean } = {},
): Promise<CustomerRow[]> {
  if (!rows.length) return [];
  const sql = `${INSERT_SQL}${options.careful ? ' ON CONFLICT DO NOTHING' : ''} RETURNING ${options.wholeRows ? '*' : 'id'}`;
  // The tenant id twice: the customers' tenant_id, then the default language's subquery (see DEFAULTS).
  const result = await trx.raw(sql, [tenantId, tenantId, actor, actor, rows.map((r) => r.row), rows.map((r) => r.id), importId]);
  return result.rows as CustomerRow[];
}

// Values a row gives replace the stored ones; values it leaves out stay (an import never clears).
// A full name the row did not give is recomposed from the resulting first and last names.
const UPDATE_SQL = `
  UPDATE customers c SET
    ${NAMES.filter((n) => !['source', 'full_name', 'custom_fields'].includes(n))
      .map((n) => `${n} = COALESCE(v.${n}, c.${n})`)
      .join(',\n    ')},
    full_name = CASE WHEN k.full_name_given THEN v.full_name
                     WHEN v.first_name IS NOT NULL OR v.last_name IS NOT NULL
                       THEN NULLIF(concat_ws(' ', COALESCE(v.first_name, c.first_name), COALESCE(v.last_name, c.last_name)), '')
                     ELSE c.full_name END,
    custom_fields = c.custom_fields || COALESCE(v.custom_fields, '{}'::jsonb),
    updated_by = ?, updated_at = now()
  ${CHECKED_ROWS}
  WHERE c.tenant_id = ? AND c.id = w.id AND c.deleted_at IS NULL
  RETURNING c.id`;

/** Applies an import's checked rows to existing customers; returns the ids changed. */
export async function updateCustomers(trx: Knex, tenantId: string, actor: string, importId: string, rows: RowTarget[]): Promise<string[]> {
  if (!rows.length) return [];
  const result = await trx.raw(UPDATE_SQL, [actor, rows.map((r) => r.row), rows.map((r) => r.id), importId, tenantId]);
  return result.rows.map((r: { id: string }) => r.id);
}

/**
 * Existing live customers holding any of the given unique values: three index lookups, one per
 * unique index, glued with UNION ALL (a customer holding two of the values comes back twice; the
 * caller maps values to holders). One query with `email = ANY(…) OR phone = ANY(…)` looks the
 * same but, with thousands of values, the planner estimates thousands of matches and scans the
 * whole customers table instead (measured: 300+ ms per 5,000-row chunk on 300k customers, against
 * 20 ms for the three lookups), and that grows with the table.
 */
export async function customersHolding(trx: Knex, tenantId: string, emails: string[], phones: string[], externalIds: string[]) {
  const parts: string[] = [];
  const bindings: Array<string | string[]> = [];
  for (const [column, values] of [
    ['email', emails],
    ['phone', phones],
    ['external_id', externalIds],
  ] as const) {
    if (!values.length) continue;
    parts.push(`SELECT id, email, phone, external_id FROM customers WHERE tenant_id = ? AND ${column} = ANY(?::text[]) AND deleted_at IS NULL`);
    bindings.push(tenantId, values);
  }
  if (!parts.length) return [];
  const result = await trx.raw(parts.join(' UNION ALL '), bindings);
  return result.rows as Array<{ id: string; email: string | null; phone: string | null; external_id: string | null }>;
}

/** One customer.created event per inserted row, as the customer API writes them (opt-in for imports). */
export async function customerCreatedEvents(trx: Knex, ctx: CommandContext, rows: CustomerRow[], importId: string): Promise<void> {
  await appendEvents(
    trx,
    ctx,
    rows.map((row) => ({ type: 'customer.created', subjectType: 'customer', subjectId: row.id, data: { customer: toCustomer(row), importId } })),
  );
}
