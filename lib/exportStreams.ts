import { stringify } from 'csv-stringify';
import { pipeline, Transform, type Readable } from 'node:stream';

/** The export formats every streaming export offers. */
export type ExportFormat = 'csv' | 'json' | 'ndjson';

/** Content type of each format. */
export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
};

/**
 * Neutralises spreadsheet formulas: a cell starting with = + - @ (or a tab / carriage return,
 * which some spreadsheets skip) gets a leading apostrophe, as OWASP advises against CSV injection.
 */
export function csvSafeCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text =
    value instanceof Date
      ? value.toISOString()
      : Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)
        ? value.join(';')
        : typeof value === 'object'
          ? JSON.stringify(value)
          : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Maps each row object through `view` in a streaming transform (object mode in and out). */
const mapRows = (view: (row: Record<string, unknown>) => Record<string, unknown>) =>
  new Transform({
    objectMode: true,
    transform(row: Record<string, unknown>, _enc, done) {
      done(null, view(row));
    },
  });

/** The serialiser of one format: CSV via csv-stringify, JSON as one array, NDJSON as lines. */
function serialiser(format: ExportFormat, columns: string[]): Transform {
  if (format === 'csv') {
    return stringify({
      header: true,
      columns,
      cast: { boolean: (v) => String(v), date: (v) => v.toISOString(), object: (v) => csvSafeCell(v), string: (v) => csvSafeCell(v), number: (v) => String(v) },
    });
  }
  let first = true;
  return new Transform({
    writableObjectMode: true,
    transform(item: Record<string, unknown>, _enc, done) {
      const json = JSON.stringify(item);
      if (format === 'ndjson') return done(null, `${json}\n`);
      const chunk = `${first ? '[' : ','}\n${json}`;
      first = false;
      done(null, chunk);
    },
    flush(done) {
      done(null, format === 'json' ? (first ? '[]\n' : '\n]\n') : undefined);
    },
  });
}

/**
 * Turns a stream of database rows into an export body in the given format, with constant memory
 * whatever the row count: rows flow through with backpressure, nothing is collected. The stages
 * are joined with `pipeline`, so when the client goes away (Koa destroys the body) or any stage
 * fails, every stage is destroyed and the database cursor and its connection are released.
 */
export function exportStream(
  rows: Readable,
  format: ExportFormat,
  view: (row: Record<string, unknown>) => Record<string, unknown>,
  columns: string[],
): Readable {
  const out = serialiser(format, columns);
  pipeline(rows, mapRows(view), out, () => undefined);
  return out;
}
