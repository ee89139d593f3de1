import busboy from 'busboy';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import { ImportOptionsInput, withDefaults } from '../../../domain/imports/options';
import type { Upload } from '../../../domain/imports/service';
import { AppError, badRequest } from '../../../lib/errors';
import type { HeraldContext } from '../../context';

/** Options with per-field 422 details naming where they came from. */
function parseOptions(raw: Record<string, unknown>, location: string, region: string) {
  const result = ImportOptionsInput.safeParse(raw);
  if (!result.success) {
    throw new AppError(
      422,
      'validation_failed',
      'The import options did not pass validation',
      result.error.issues.map((i) => ({
        location,
        path: i.code === 'unrecognized_keys' ? i.keys.join(',') : i.path.join('.'),
        message: i.code === 'unrecognized_keys' ? 'is not a known option' : i.message,
      })),
    );
  }
  return withDefaults(result.data, region);
}

/**
 * The first file of a multipart upload, as a stream, with the form fields sent before it (the
 * import's options). The request is piped through busboy, so nothing is buffered.
 */
function multipartFile(ctx: HeraldContext): Promise<{ file: Readable; fileName?: string; fields: Record<string, string> }> {
  return new Promise((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({ headers: ctx.req.headers, limits: { files: 1, fields: 20, fieldSize: 64 * 1024 } });
    } catch (err) {
      reject(badRequest(`The multipart body could not be read: ${(err as Error).message}`));
      return;
    }
    const fields: Record<string, string> = {};
    let found = false;
    bb.on('field', (name, value) => (fields[name] = value));
    bb.on('file', (_name, file, info) => {
      found = true;
      resolve({ file, fileName: info.filename, fields });
    });
    bb.on('error', (err) => reject(badRequest(`The multipart body could not be read: ${(err as Error).message}`)));
    bb.on('close', () => {
      if (!found) reject(badRequest('The multipart body holds no file: send the CSV as a file field'));
    });
    ctx.req.pipe(bb);
  });
}

const asJsonRows = z.union([
  z.array(z.unknown()),
  z.object({ customers: z.array(z.unknown()), options: z.record(z.string(), z.unknown()).optional() }).strict(),
]);

/**
 * Reads an upload from the request by content type: CSV (text/csv, or a file in
 * multipart/form-data) and NDJSON stream straight from the socket; JSON (an array, or
 * `{ customers, options }` as seed 001 sends it) arrives already parsed within the body limit.
 * Options come from the query string, multipart fields or the JSON body's `options`.
 */
export async function readUpload(ctx: HeraldContext): Promise<Upload> {
  const region = ctx.config.DEFAULT_PHONE_REGION;
  const { fileName: namedFile, ...query } = ctx.query as Record<string, unknown>;
  const type = ctx.request.type;
  if (type === 'application/json') {
    const parsed = asJsonRows.safeParse((ctx.request as { body?: unknown }).body);
    if (!parsed.success)
      throw new AppError(422, 'validation_failed', 'Send a JSON array of customers or { "customers": [...] }', [
        { location: 'body', path: '', message: 'expected an array or { customers: [...] }' },
      ]);
    const rows = Array.isArray(parsed.data) ? parsed.data : parsed.data.customers;
    const options = Array.isArray(parsed.data) ? {} : (parsed.data.options ?? {});
    return { format: 'json', source: rows, options: parseOptions({ ...query, ...options }, 'body', region) };
  }
  if (type === 'text/csv' || type === 'application/csv')
    return { format: 'csv', source: ctx.req, fileName: typeof namedFile === 'string' ? namedFile : undefined, options: parseOptions(query, 'query', region) };
  if (type === 'application/x-ndjson' || type === 'application/ndjson' || type === 'application/jsonl')
    return { format: 'ndjson', source: ctx.req, options: parseOptions(query, 'query', region) };
  if (type === 'multipart/form-data') {
    const { file, fileName, fields } = await multipartFile(ctx);
    let options;
    try {
      options = parseOptions({ ...query, ...fields }, 'form', region);
    } catch (err) {
      file.resume();
      throw err;
    }
    const format = /\.(ndjson|jsonl)$/i.test(fileName ?? '') ? 'ndjson' : 'csv';
    return { format, source: file, fileName, options };
  }
  throw new AppError(415, 'unsupported_media_type', 'Send customers as text/csv, multipart/form-data (a CSV file), application/json or application/x-ndjson');
}
