import { bodyParser as koaBodyParser } from '@koa/bodyparser';
import type { Middleware } from 'koa';
import { AppError } from '../../lib/errors';

/** Routes that take customers in bulk: an oversized JSON body there gets advice on what to send instead. */
const IMPORT_PATHS = /^\/api\/v1\/(imports|customers\/bulk\/import|customers\/import)\/?$/;

/**
 * Parses JSON request bodies up to the configured limit (413 beyond it, 400 for malformed JSON).
 * Other content types are left unread so streaming routes (imports) can consume the raw request.
 */
export function bodyParser(limit: string): Middleware {
  const parse = koaBodyParser({ enableTypes: ['json'], jsonLimit: limit, jsonStrict: true, encoding: 'utf-8' }) as unknown as Middleware;
  return async (ctx, next) => {
    let parsed = false;
    try {
      await parse(ctx, async () => {
        parsed = true;
        await next();
      });
    } catch (err) {
      if (!parsed && (err as { status?: number }).status === 413 && IMPORT_PATHS.test(ctx.path)) {
        throw new AppError(413, 'payload_too_large', `The JSON body exceeds the ${limit} limit. Send large imports as CSV (text/csv or multipart/form-data) or NDJSON (application/x-ndjson) to POST /api/v1/imports: those stream without a size limit`);
      }
      throw err;
    }
  };
}
