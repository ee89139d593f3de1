import { Readable } from 'node:stream';

/**
 * Generated customers for import benchmarks. Rows are produced on the fly in chunks so a
 * million-row run keeps memory flat, and the same rows can later feed Herald's import path
 * as well as raw COPY, which keeps the two figures comparable.
 */

/** Columns in CSV order; COPY and Herald's importer both read this header. */
export const CUSTOMER_COLUMNS = [
  'id',
  'tenant_id',
  'email',
  'phone',
  'first_name',
  'last_name',
  'tags',
  'status',
  'custom_fields',
  'created_at',
  'updated_at',
] as const;

/** Tenants the rows are spread over: enough that (tenant_id, email) is a real composite key. */
export const CUSTOMER_TENANTS = 10;

const FIRST_NAMES = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Frances', 'Ken', 'Radia', 'Niklaus'];
const LAST_NAMES = ['Lovelace', 'Hopper', 'Turing', 'Dijkstra', 'Liskov', 'Knuth', 'Allen', 'Thompson', 'Perlman', 'Wirth'];
const TAG_SETS = ['{}', '{vip}', '{newsletter}', '{vip,newsletter}', '{trial,"spring sale"}'];
const STATUSES = ['active', 'active', 'active', 'inactive', 'lead'];
const ROWS_PER_CHUNK = 1000;
const EPOCH_MS = Date.UTC(2024, 0, 1);

/** Quotes a CSV field the RFC 4180 way (COPY's CSV format reads the same quoting). */
const quote = (field: string): string => `"${field.replace(/"/g, '""')}"`;

/**
 * One customer as a CSV line. Values are a pure function of the row number so every run
 * loads identical data; every fifth customer has no phone, like real imports.
 */
export function customerCsvLine(n: number): string {
  const tenant = (n % CUSTOMER_TENANTS) + 1;
  const phone = n % 5 === 4 ? '' : `+1${2_000_000_000 + n}`;
  const created = new Date(EPOCH_MS + n * 1000).toISOString();
  const custom = JSON.stringify({ plan: n % 3 === 0 ? 'pro' : 'free', score: n % 100 });
  return [
    n + 1,
    tenant,
    `customer${n}@example.com`,
    phone,
    FIRST_NAMES[n % FIRST_NAMES.length],
    LAST_NAMES[Math.floor(n / FIRST_NAMES.length) % LAST_NAMES.length],
    quote(TAG_SETS[n % TAG_SETS.length]!),
    STATUSES[n % STATUSES.length],
    quote(custom),
    created,
    created,
  ].join(',');
}

/** A CSV stream of `rows` customers (header optional), generated chunk by chunk as it is read. */
export function customerCsvStream(rows: number, options: { header?: boolean } = {}): Readable {
  function* chunks(): Generator<string> {
    if (options.header) yield `${CUSTOMER_COLUMNS.join(',')}\n`;
    for (let start = 0; start < rows; start += ROWS_PER_CHUNK) {
      const end = Math.min(rows, start + ROWS_PER_CHUNK);
      const lines: string[] = [];
      for (let n = start; n < end; n++) lines.push(customerCsvLine(n));
      yield `${lines.join('\n')}\n`;
    }
  }
  return Readable.from(chunks(), { objectMode: false });
}
