import { bodyParser as koaBodyParser } from '@koa/bodyparser';
import type { Middleware } from 'koa';
import type { IncomingMessage } from 'node:http';
import { AppError } from '../../lib/errors';
import { jsonDepthExceeds, MAX_JSON_DEPTH } from '../../lib/unsafeInput';

/** Routes that take customers in bulk: an oversized JSON body there gets advice on what to send instead. */
const IMPORT_PATHS = /^\/api\/v1\/(imports|customers\/bulk\/import|customers\/import)\/?$/;

/** The 400 for a body that is not JSON Herald accepts; `why` is shown to the client. */
const invalidJson = (why: string) => new AppError(400, 'invalid_json', `The request body is not valid JSON: ${why}`);

/**
 * Watches the bytes of a body as the parser reads them (a second 'data' listener sees the same
 * chunks) and reports whether they were UTF-8. The parser itself decodes with replacement
 * characters, so without this an invalid byte would silently become U+FFFD.
 */
function watchUtf8(req: IncomingMessage): () => boolean {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let valid = true;
  const onData = (chunk: Buffer) => {
    if (!valid) return;
    try {
      decoder.decode(chunk, { stream: true });
    } catch {
      valid = false;
    }
  };
  req.on('data', onData);
  return () => {
    req.off('data', onData);
    if (valid) {
      try {
        decoder.decode();
      } catch {
        valid = false;
      }
    }
    return valid;
  };
}

/**
 * Turns a parser failure into Herald's answer. co-body marks its own failures 400 (syntax,
 * a `__proto__` key refused by @hapi/bourne, a scalar where an
 * object or array is required), 413 (limit) or 415 (content encoding); anything else thrown
 * while reading (a corrupt gzip stream) is also the client's body, never a 500.
 */
function parseFailure(err: unknown, path: string, limit: string): unknown {
  const status = (err as { status?: number }).status;
  const message = err instanceof Error ? err.message : '';
  if (status === 413 && IMPORT_PATHS.test(path)) {
    return new AppError(
      413,
      'payload_too_large',
      `The JSON body exceeds the ${limit} limit. Send large imports as CSV (text/csv or multipart/form-data) or NDJSON (application/x-ndjson) to POST /api/v1/imports: those stream without a size limit`,
    );
  }
  if (status === 413 || status === 415) return err;
  if (/forbidden prototype property/.test(message)) return invalidJson('keys named "__proto__" are not accepted');
  if (/only supports object and array/.test(message)) return invalidJson('the body must be a JSON object or array');
  if ((err as { type?: string }).type === 'request.aborted') return new AppError(400, 'bad_request', 'The request was aborted before its body arrived');
  return invalidJson('check the syntax (RFC 8259) and the Content-Encoding');
}

/**
 * Parses JSON request bodies up to the configured limit (413 beyond it, 400 `invalid_json` for
 * anything unparsable, for prototype keys and for nesting deeper than MAX_JSON_DEPTH, which is
 * refused here before any recursive code — validation, hashing, logging — walks the value).
 * Other content types are left unread so streaming routes (imports) can consume the raw request.
 */
export function bodyParser(limit: string): Middleware {
  const parse = koaBodyParser({ enableTypes: ['json'], jsonLimit: limit, jsonStrict: true, encoding: 'utf-8' }) as unknown as Middleware;
  return async (ctx, next) => {
    let parsed = false;
    const encoding = ctx.get('Content-Encoding').toLowerCase();
    const wasUtf8 =
      ['POST', 'PUT', 'PATCH'].includes(ctx.method) && ctx.is('json') && (encoding === '' || encoding === 'identity') ? watchUtf8(ctx.req) : () => true;
    let failure: unknown;
    try {
      await parse(ctx, async () => {
        parsed = true;
      });
    } catch (err) {
      failure = parseFailure(err, ctx.path, limit);
    }
    // The parser pauses a body it refuses half-read (413); drain it, or the next request on this
    // keep-alive connection would wait behind the unread rest forever.
    if (failure && !ctx.req.complete) ctx.req.resume();
    // Bytes that are not UTF-8 explain a syntax error better than the syntax error does.
    if (!wasUtf8() && !(failure instanceof Error && (failure as { status?: number }).status === 413))
      throw invalidJson('the body must be UTF-8 (RFC 8259 §8.1); it holds bytes that are not');
    if (failure) throw failure;
    // The parser answers a request whose client already hung up itself (499) without going on.
    if (!parsed) return;
    if (jsonDepthExceeds((ctx.request as { body?: unknown }).body, MAX_JSON_DEPTH)) {
      throw invalidJson(`objects and arrays may nest at most ${MAX_JSON_DEPTH} levels deep`);
    }
    await next();
  };
}
