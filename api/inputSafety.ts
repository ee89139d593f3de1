import type { Middleware } from 'koa';
import { AppError } from '../lib/errors';
import { unsafeInputIssues } from '../lib/unsafeInput';
import type { HeraldContext, HeraldCustom, HeraldState } from './context';

/** Whether percent-decoding the text gives UTF-8 (`%FF` or an encoded surrogate does not). */
function decodesAsUtf8(text: string): boolean {
  try {
    decodeURIComponent(text.replace(/\+/g, ' '));
    return true;
  } catch {
    return false;
  }
}

/**
 * Refuses a URL or header holding what PostgreSQL cannot store, with 400 `bad_request` and details
 * naming it, on every path, before authentication, routing or any query: percent-encoding that
 * does not decode to UTF-8 (decoders elsewhere would keep it raw or turn it into U+FFFD), and
 * query values or headers with U+0000 or a lone surrogate. Node's parser already refuses NUL in
 * raw headers; the header check guards whatever decodes them later.
 */
export function refuseUnsafeUrlAndHeaders(): Middleware<HeraldState, HeraldCustom> {
  return async (ctx, next) => {
    if (!decodesAsUtf8(ctx.path))
      throw new AppError(400, 'bad_request', 'Invalid path', [{ location: 'path', path: '', message: 'must be percent-encoded UTF-8' }]);
    if (!decodesAsUtf8(ctx.querystring))
      throw new AppError(400, 'bad_request', 'Invalid query parameter', [{ location: 'query', path: '', message: 'must be percent-encoded UTF-8' }]);
    const query = unsafeInputIssues(ctx.query, 'query');
    if (query.length) throw new AppError(400, 'bad_request', 'Invalid query parameter', query);
    const headers = unsafeInputIssues(ctx.headers, 'header');
    if (headers.length) throw new AppError(400, 'bad_request', 'Invalid header', headers);
    await next();
  };
}

/**
 * Refuses path parameters (400 `bad_request`) and a parsed body (422 `validation_failed`) that
 * hold NUL, a lone surrogate or a number that is not finite, with details naming the field as
 * schema failures do. Every route added with `addRoute` runs it before its schemas, so no such
 * value reaches a handler whatever the route's schemas say.
 */
export function assertSafeInput(ctx: HeraldContext, params: unknown, readsBody: boolean): void {
  const inParams = unsafeInputIssues(params, 'params');
  if (inParams.length) throw new AppError(400, 'bad_request', 'Invalid path parameter', inParams);
  // A route without a body schema never reads one (a JSON body sent there is ignored).
  if (!readsBody) return;
  const inBody = unsafeInputIssues((ctx.request as { body?: unknown }).body, 'body');
  if (inBody.length) throw new AppError(422, 'validation_failed', 'The request body did not pass validation', inBody);
}
