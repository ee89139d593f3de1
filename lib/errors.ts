/**
 * Herald's error vocabulary. Domain and API code throw these; the API's error handler maps
 * them to `{ error: { code, message, details? } }` with the status below. Anything else is a bug
 * and is answered as a generic 500 without its message.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** 400: the request is malformed (bad JSON, bad parameters). */
export const badRequest = (message: string, details?: unknown) => new AppError(400, 'bad_request', message, details);

/** 401: no credential, or one Herald does not accept. */
export const unauthorized = (message = 'A valid API key or token is required') =>
  new AppError(401, 'unauthorized', message, undefined, { 'WWW-Authenticate': 'Bearer' });

/** 403: the credential is valid but its role may not do this. */
export const forbidden = (message = 'Your role does not allow this action') => new AppError(403, 'forbidden', message);

/** 404: no such record in the caller's tenant (other tenants' records are indistinguishable from missing). */
export const notFound = (what = 'Resource') => new AppError(404, 'not_found', `${what} not found`);

/** 409: the change conflicts with existing state (duplicate, in use). */
export const conflict = (message: string, details?: unknown) => new AppError(409, 'conflict', message, details);

/** 422: well-formed input that fails validation; details list the failing fields. */
export const validationFailed = (details: unknown, message = 'The request did not pass validation') => new AppError(422, 'validation_failed', message, details);

/** 429: a rate limit is exhausted; the headers say when to come back. */
export const tooManyRequests = (retryAfterSeconds: number, headers: Record<string, string>) =>
  new AppError(429, 'rate_limited', `Too many requests; retry after ${retryAfterSeconds} s`, undefined, {
    ...headers,
    'Retry-After': String(retryAfterSeconds),
  });

/** 503: a dependency Herald needs is down. */
export const unavailable = (message: string, details?: unknown) => new AppError(503, 'unavailable', message, details);
