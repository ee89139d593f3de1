import { parse, CsvError } from 'csv-parse';
import type { Knex } from 'knex';
import { Readable, Transform, type Writable, type TransformCallback } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { AppError, badRequest } from '../../lib/errors';
import { stringProblem } from '../../lib/unsafeInput';
import type { ImportFormat } from './types';

/** Largest CSV header Herald accepts, and the largest single row (a sign of a broken file). */
const MAX_COLUMNS = 200;
const MAX_RECORD_BYTES = 1_000_000;
/** COPY lines are batched into chunks of about this size before they reach the socket. */
const BATCH_BYTES = 256 * 1024;

/**
 * Escapes a value for COPY's text format (backslash, tab, newline, carriage return). COPY cannot
 * carry U+0000, so a raw NUL (only an NDJSON line can hold one; JSON.stringify escapes it) is
 * written as the JSON escape `\u0000`: the row then fails validation by name instead of
 * failing the whole COPY.
 */
const copyText = (s: string) => {
  const safe = s.includes('\0') ? s.replace(/\0/g, '\\u0000') : s;
  return /[\\\t\n\r]/.test(safe) ? safe.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : safe;
};

/**
 * Turns staged records (already serialised, one string each) into COPY text lines
 * `import_id \t row_number \t data`, numbering rows from 1 and batching lines into large writes.
 */
class CopyLines extends Transform {
  rows = 0;
  private batch: string[] = [];
  private size = 0;
  constructor(private readonly importId: string) {
    super({ writableObjectMode: true, readableObjectMode: false, writableHighWaterMark: 1024 });
  }
  override _transform(data: string, _enc: BufferEncoding, done: TransformCallback): void {
    this.rows += 1;
    const line = `${this.importId}\t${this.rows}\t${copyText(data)}\n`;
    this.batch.push(line);
    this.size += line.length;
    if (this.size >= BATCH_BYTES) this.flushBatch();
    done();
  }
  override _flush(done: TransformCallback): void {
    this.flushBatch();
    done();
  }
  private flushBatch(): void {
    if (!this.batch.length) return;
    this.push(this.batch.join(''));
    this.batch = [];
    this.size = 0;
  }
}

/** What staging learned about the upload. */
export interface StagedUpload {
  rows: number;
  /** The CSV header (undefined for JSON and NDJSON, whose rows name their fields). */
  columns?: string[];
}

/** CSV records → JSON arrays of cells; the first record is the header and is captured, not staged. */
function csvRecords(onHeader: (columns: string[]) => void): Transform[] {
  let header: string[] | undefined;
  const parser = parse({ bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, max_record_size: MAX_RECORD_BYTES });
  const toJson = new Transform({
    objectMode: true,
    transform(record: string[], _enc, done) {
      if (!header) {
        header = record.map((h) => h.trim());
        if (header.length > MAX_COLUMNS) return done(badRequest(`The CSV header has ${header.length} columns; at most ${MAX_COLUMNS} are accepted`));
        if (!header.some(Boolean)) return done(badRequest('The first line of the CSV must be a header naming its columns'));
        const bad = header.findIndex((h) => stringProblem(h));
        if (bad >= 0)
          return done(
            badRequest(`Column ${bad + 1} of the CSV header ${stringProblem(header[bad]!)}`, [
              { location: 'body', path: `header.${bad}`, message: stringProblem(header[bad]!) },
            ]),
          );
        onHeader(header);
        return done();
      }
      done(null, JSON.stringify(record));
    },
  });
  return [parser, toJson];
}

/** NDJSON lines → staged as they are (the worker parses them and reports bad JSON per row). */
function ndjsonLines(): Transform {
  let rest = '';
  // A character split across two chunks must not become two replacement characters.
  const decoder = new StringDecoder('utf8');
  const push = (stream: Transform, line: string) => {
    const trimmed = line.trim();
    if (trimmed) stream.push(trimmed);
  };
  return new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _enc, done) {
      const text = rest + decoder.write(chunk);
      const lines = text.split('\n');
      rest = lines.pop() ?? '';
      if (rest.length > MAX_RECORD_BYTES) return done(badRequest(`An NDJSON line is longer than ${MAX_RECORD_BYTES} bytes`));
      for (const line of lines) push(this, line);
      done();
    },
    flush(done) {
      push(this, rest + decoder.end());
      done();
    },
  });
}

/**
 * Passes the upload's bytes through unchanged while checking they are UTF-8, so a file saved in
 * another encoding (a Latin-1 spreadsheet export) is refused with its byte offset instead of
 * having its accented letters silently replaced by U+FFFD.
 */
function utf8Only(): Transform {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let offset = 0;
  const refuse = () => badRequest(`The upload is not UTF-8 (invalid bytes near byte ${offset}); save the file as UTF-8 and send it again`);
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      try {
        decoder.decode(chunk, { stream: true });
      } catch {
        return done(refuse());
      }
      offset += chunk.length;
      done(null, chunk);
    },
    flush(done) {
      try {
        decoder.decode();
      } catch {
        return done(refuse());
      }
      done();
    },
  });
}

/** Rewrites parser errors (a broken quote, an oversized record) as a 400 naming the line. */
function uploadError(err: unknown): unknown {
  if (err instanceof CsvError) {
    const line = (err as CsvError & { lines?: number }).lines;
    return badRequest(`The CSV could not be read${line ? ` at line ${line}` : ''}: ${err.message}`, { code: err.code });
  }
  if (err instanceof AppError) return err;
  const code = (err as { code?: string }).code;
  if (code === 'ECONNRESET' || code === 'ERR_STREAM_PREMATURE_CLOSE' || (err as Error).message === 'aborted')
    return badRequest('The upload was interrupted before it finished');
  return err;
}

/**
 * Streams an upload into `import_rows` with one COPY: memory stays flat whatever the size, and
 * the rows become visible only if the whole upload arrived (COPY is one statement). Runs on its
 * own connection without the statement timeout, since a large upload takes minutes.
 */
export async function stageUpload(db: Knex, importId: string, format: ImportFormat, source: Readable | unknown[]): Promise<StagedUpload> {
  let columns: string[] | undefined;
  const lines = new CopyLines(importId);
  const stages: Array<Readable | Transform> = Array.isArray(source)
    ? [Readable.from(source.map((r) => JSON.stringify(r)))]
    : format === 'csv'
      ? [source, utf8Only(), ...csvRecords((h) => (columns = h))]
      : [source, utf8Only(), ndjsonLines()];
  const connection = (await db.client.acquireConnection()) as { query(sql: string): Promise<unknown> & unknown };
  try {
    await connection.query('SET statement_timeout = 0');
    const copy = (connection as unknown as { query<T>(stream: T): T }).query(copyFrom('COPY import_rows (import_id, row_number, data) FROM STDIN'));
    await pipeline([...stages, lines, copy as unknown as Writable]);
  } catch (err) {
    throw uploadError(err);
  } finally {
    await Promise.resolve(connection.query('RESET statement_timeout')).catch(() => undefined);
    await db.client.releaseConnection(connection);
  }
  if (format === 'csv' && !columns) throw badRequest('The CSV is empty: it needs a header line and at least one row');
  return { rows: lines.rows, columns };
}
