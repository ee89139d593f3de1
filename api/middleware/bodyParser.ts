import { bodyParser as koaBodyParser } from '@koa/bodyparser';
import type { Middleware } from 'koa';

/**
 * Parses JSON request bodies up to the configured limit (413 beyond it, 400 for malformed JSON).
 * Other content types are left unread so streaming routes (imports) can consume the raw request.
 */
export function bodyParser(limit: string): Middleware {
  return koaBodyParser({ enableTypes: ['json'], jsonLimit: limit, jsonStrict: true, encoding: 'utf-8' }) as unknown as Middleware;
}
