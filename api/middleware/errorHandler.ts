import type { Middleware } from 'koa';
import { translateDbError } from '../../domain/errors';
import { AppError } from '../../lib/errors';
import type { HeraldCustom, HeraldState } from '../context';

/** Errors thrown by Koa's ecosystem (http-errors): a status and whether the message is safe to show. */
interface HttpLikeError {
  status?: number;
  statusCode?: number;
  expose?: boolean;
  type?: string;
  message?: string;
  headers?: Record<string, string>;
}

const CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'validation_failed',
  429: 'rate_limited',
  501: 'not_implemented',
};

/** Maps framework errors (body parser, router) to Herald's vocabulary; undefined when unknown. */
function fromHttpError(err: HttpLikeError, bodyLimit: string): AppError | undefined {
  const status = err.status ?? err.statusCode;
  if (!status || status < 400 || status >= 600) return undefined;
  if (status === 413) return new AppError(413, 'payload_too_large', `The request body exceeds the ${bodyLimit} limit`);
  if (status === 400 && (err.type === 'entity.parse.failed' || /JSON/i.test(err.message ?? '')))
    return new AppError(400, 'invalid_json', 'The request body is not valid JSON');
  if (status === 415) return new AppError(415, 'unsupported_media_type', 'Unsupported content type');
  if (status < 500 && err.expose) return new AppError(status, CODES[status] ?? 'bad_request', err.message ?? 'Bad request', undefined, err.headers);
  // A 4xx whose message is not marked safe (e.g. a parser's SyntaxError given status 400) is
  // still the client's mistake: answer its status with a generic message, never a 500.
  if (status < 500 && status !== 405) return new AppError(status, CODES[status] ?? 'bad_request', 'The request could not be processed as sent');
  if (status === 405 || status === 501)
    return new AppError(status, CODES[status]!, status === 405 ? 'Method not allowed on this path' : 'Not implemented', undefined, err.headers);
  return undefined;
}

/**
 * The one place errors become responses: `{ error: { code, message, details? } }`. Known errors
 * keep their status; anything else is logged with the request id and answered as a generic 500
 * that reveals nothing of the internals. Unmatched routes get the same shape as a 404.
 */
export function errorHandler(): Middleware<HeraldState, HeraldCustom> {
  return async (ctx, next) => {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined) {
        throw new AppError(404, 'not_found', `No route for ${ctx.method} ${ctx.path}`);
      }
    } catch (err) {
      const known = err instanceof AppError ? err : (translateDbError(err) ?? fromHttpError(err as HttpLikeError, ctx.config.BODY_LIMIT));
      if (!known || known.status >= 500) {
        if (known) ctx.state.log.warn({ err }, 'dependency unavailable');
        else ctx.state.log.error({ err }, 'unhandled error');
      }
      const answer = known ?? new AppError(500, 'internal_error', `Something went wrong; quote request id ${ctx.state.requestId} when reporting it`);
      ctx.status = answer.status;
      if (answer.headers) ctx.set(answer.headers);
      ctx.body = { error: { code: answer.code, message: answer.message, ...(answer.details === undefined ? {} : { details: answer.details }) } };
    }
  };
}
