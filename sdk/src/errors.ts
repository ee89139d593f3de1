/**
 * Typed errors. Every failed call throws a {@link HeraldError} carrying Herald's error body
 * (`{ error: { code, message, details? } }`), the HTTP status and the request id; a subclass per
 * kind of failure lets callers `catch (e) { if (e instanceof HeraldNotFoundError) … }` or switch
 * on `e.kind`.
 */

/** What went wrong, in one word per class of failure. */
export type HeraldErrorKind =
  'bad_request' | 'authentication' | 'permission' | 'not_found' | 'conflict' | 'validation' | 'rate_limited' | 'server' | 'connection' | 'api';

/** One failing field of a 422, as Herald reports it in `details`. */
export interface ValidationIssue {
  location?: string;
  path: string;
  message: string;
}

/** Fields every error carries. */
export interface HeraldErrorInit {
  status?: number;
  code: string;
  message: string;
  details?: unknown;
  requestId?: string;
  headers?: Headers;
  cause?: unknown;
}

/** Any failed call: an error answer from Herald, or no answer at all (status undefined). */
export class HeraldError extends Error {
  /** The class of failure, for a `switch` instead of `instanceof`. */
  readonly kind: HeraldErrorKind = 'api';
  /** The HTTP status, or undefined when no response arrived. */
  readonly status?: number;
  /** Herald's machine-readable code, e.g. `validation_failed`, `not_found`, `rate_limited`. */
  readonly code: string;
  /** Herald's `details`: the failing fields of a 422, the existing record of a 409, … */
  readonly details?: unknown;
  /** The `X-Request-Id` of the response, to quote when asking about a request. */
  readonly requestId?: string;
  /** The response headers, when a response arrived. */
  readonly headers?: Headers;

  constructor(init: HeraldErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = new.target.name;
    this.status = init.status;
    this.code = init.code;
    this.details = init.details;
    this.requestId = init.requestId;
    this.headers = init.headers;
  }
}

/** 400: the request was malformed (bad JSON, a bad query or path parameter). */
export class HeraldBadRequestError extends HeraldError {
  override readonly kind = 'bad_request';
}

/** 401: no credential, or one Herald does not accept. */
export class HeraldAuthenticationError extends HeraldError {
  override readonly kind = 'authentication';
}

/** 403: the credential's role may not do this. */
export class HeraldPermissionError extends HeraldError {
  override readonly kind = 'permission';
}

/** 404: no such record in this tenant. */
export class HeraldNotFoundError extends HeraldError {
  override readonly kind = 'not_found';
}

/** 409: the change conflicts with the current state (a duplicate, a disallowed transition). */
export class HeraldConflictError extends HeraldError {
  override readonly kind = 'conflict';
}

/** 422: the body did not pass validation; {@link issues} names the failing fields. */
export class HeraldValidationError extends HeraldError {
  override readonly kind = 'validation';

  /** The failing fields from `details`. */
  get issues(): ValidationIssue[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter(
      (d): d is ValidationIssue =>
        typeof d === 'object' && d !== null && typeof (d as ValidationIssue).path === 'string' && typeof (d as ValidationIssue).message === 'string',
    );
  }
}

/** 429: rate limited; thrown once the SDK's own retries are spent. */
export class HeraldRateLimitError extends HeraldError {
  override readonly kind = 'rate_limited';

  /** How long Herald asked to wait (Retry-After), in milliseconds. */
  get retryAfterMs(): number | undefined {
    return this.headers ? retryAfterMs(this.headers) : undefined;
  }
}

/** 5xx: Herald or a service it depends on failed; thrown once the SDK's retries are spent. */
export class HeraldServerError extends HeraldError {
  override readonly kind = 'server';
}

/** No response: the connection failed or the request timed out. */
export class HeraldConnectionError extends HeraldError {
  override readonly kind = 'connection';
}

const BY_STATUS: Record<number, typeof HeraldError> = {
  400: HeraldBadRequestError,
  401: HeraldAuthenticationError,
  403: HeraldPermissionError,
  404: HeraldNotFoundError,
  409: HeraldConflictError,
  422: HeraldValidationError,
  429: HeraldRateLimitError,
};

/** The error for a non-2xx response, from its (already parsed) body. */
export function errorFromResponse(response: Response, body: unknown): HeraldError {
  const error = typeof body === 'object' && body !== null ? (body as { error?: { code?: unknown; message?: unknown; details?: unknown } }).error : undefined;
  const init: HeraldErrorInit = {
    status: response.status,
    code: typeof error?.code === 'string' ? error.code : `http_${response.status}`,
    message: typeof error?.message === 'string' ? error.message : `Herald answered ${response.status} ${response.statusText}`.trim(),
    details: error?.details,
    requestId: response.headers.get('x-request-id') ?? undefined,
    headers: response.headers,
  };
  const Class = BY_STATUS[response.status] ?? (response.status >= 500 ? HeraldServerError : HeraldError);
  return new Class(init);
}

/** The error for a request that got no response. */
export function connectionError(cause: unknown): HeraldConnectionError {
  // Duck-typed: fetch's DOMException may come from another realm, where instanceof Error fails.
  const { name, message } = (typeof cause === 'object' && cause !== null ? cause : {}) as { name?: unknown; message?: unknown };
  const timedOut = name === 'TimeoutError' || name === 'AbortError';
  return new HeraldConnectionError({
    code: timedOut ? 'timeout' : 'connection_failed',
    message: timedOut ? 'The request to Herald timed out' : `Could not reach Herald: ${typeof message === 'string' ? message : String(cause)}`,
    cause,
  });
}

/**
 * The wait a `Retry-After` header asks for, in milliseconds: delay-seconds or an HTTP date
 * (RFC 9110 §10.2.3). Undefined when absent or unreadable.
 */
export function retryAfterMs(headers: Headers, now = Date.now()): number | undefined {
  const value = headers.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
