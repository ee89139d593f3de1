import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * The customers the import benchmarks write, generated from the row number alone: unique emails,
 * valid and unique E.164 phones, every third row with two tags. Two renderings of the same rows:
 * the CSV a client uploads to Herald, and the same rows already in the customers table's column
 * form, which is what a raw COPY into an indexed copy of `customers` needs (a raw COPY can neither
 * split tags nor compose a full name, so the file hands it finished values).
 */

/** The columns of the upload, in file order. */
export const UPLOAD_COLUMNS = 'email,first_name,last_name,phone,tags';

/** The customers-table columns of the COPY-ready rendering, in file order. */
export const TABLE_COLUMNS = 'tenant_id,email,first_name,last_name,full_name,phone,tags,source';

/** One generated customer. */
interface GeneratedRow {
  email: string;
  first: string;
  last: string;
  phone: string;
  tags: string[];
}

function rowAt(i: number): GeneratedRow {
  const area = [212, 310, 415, 617, 713][Math.floor(i / 8_000_000) % 5];
  const exchange = 200 + (Math.floor(i / 10_000) % 800);
  return {
    email: `person${i}@example.com`,
    first: `First${i % 997}`,
    last: `Last${i % 991}`,
    phone: `+1${area}${exchange}${String(i % 10_000).padStart(4, '0')}`,
    tags: i % 3 === 0 ? ['vip', 'north'] : [],
  };
}

/** The upload line of row i (CSV, tags separated by `;` as Herald's importer reads them). */
const uploadLine = (r: GeneratedRow) => `${r.email},${r.first},${r.last},${r.phone},${r.tags.join(';')}`;

/** The table line of row i for `tenantId` (CSV, tags as a Postgres array literal). */
const tableLine = (r: GeneratedRow, tenantId: string) =>
  `${tenantId},${r.email},${r.first},${r.last},${r.first} ${r.last},${r.phone},"{${r.tags.join(',')}}",import`;

/**
 * Streams `rows` generated rows as CSV lines in 10,000-row pieces (memory stays flat), with the
 * header of the form when `header` is given.
 */
function csvStream(rows: number, line: (r: GeneratedRow) => string, header?: string): Readable {
  let start = 0;
  let headerSent = header === undefined;
  return new Readable({
    read() {
      if (!headerSent) {
        headerSent = true;
        this.push(`${header}\n`);
        return;
      }
      if (start >= rows) {
        this.push(null);
        return;
      }
      const lines: string[] = [];
      for (let i = start; i < Math.min(rows, start + 10_000); i++) lines.push(line(rowAt(i)));
      start += 10_000;
      this.push(`${lines.join('\n')}\n`);
    },
  });
}

/** The upload CSV (with its header) of `rows` rows. */
export const uploadCsv = (rows: number): Readable => csvStream(rows, uploadLine, UPLOAD_COLUMNS);

/** The same rows in the customers table's form for `tenantId`, without a header (COPY … FORMAT csv). */
export const tableCsv = (rows: number, tenantId: string): Readable => csvStream(rows, (r) => tableLine(r, tenantId));

/** Writes a stream to a file and returns the file's size in bytes. */
export async function writeFile(file: string, stream: Readable): Promise<number> {
  await pipeline(stream, fs.createWriteStream(file));
  return fs.statSync(file).size;
}
