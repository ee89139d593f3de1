import createClient, { type Client } from 'openapi-fetch';
import { connectionError, errorFromResponse, HeraldError, retryAfterMs } from './errors';
import type { paths } from './generated/openapi';

/** Options of {@link Herald}. */
export interface HeraldOptions {
  /** Herald's origin, e.g. `https://herald.example.com` (a trailing `/api/v1` is accepted). */
  baseUrl: string;
  /** An API key (`hk_…`) or a JWT, sent as `Authorization: Bearer …`. Leave it out with `session`. */
  apiKey?: string;
  /**
   * Browser sign-in instead of a key: requests carry the session cookie Herald set at
   * `POST /api/v1/auth/login` (same origin), and every write carries the session's CSRF token
   * (`X-CSRF-Token`), which `csrfToken()` returns (from `GET /api/v1/auth/me`). Herald's console
   * uses this; a machine uses `apiKey`.
   */
  session?: { csrfToken: () => string | undefined };
  /** A fetch implementation (default: the global fetch). It is called with a `Request`. */
  fetch?: (input: Request) => Promise<Response>;
  /** How many times a failed call is retried (429, 503, network errors when safe). Default 2. */
  maxRetries?: number;
  /** Time limit of one attempt, in milliseconds; 0 for none. Default 30,000 (uploads: none). */
  timeoutMs?: number;
  /** The longest wait before a retry, in milliseconds; a longer Retry-After is not waited out. Default 60,000. */
  maxRetryDelayMs?: number;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
}

/** How a call may be retried. */
export interface RetryPolicy {
  /**
   * Sending it twice has the effect of sending it once (GET, PUT, DELETE, or a create carrying
   * an Idempotency-Key that the route honours), so it may be retried after a network error,
   * when Herald may or may not have received it.
   */
  idempotent: boolean;
  /** The body can be sent again (false for a stream that is read once). */
  replayable: boolean;
}

/** Per-call options every method accepts. */
export interface RequestOptions {
  /** Overrides the client's maxRetries for this call. */
  maxRetries?: number;
  /** Overrides the client's timeoutMs for this call (0: no limit). */
  timeoutMs?: number;
}

/** Options of creating calls: an Idempotency-Key to use instead of a generated one. */
export interface CreateOptions extends RequestOptions {
  idempotencyKey?: string;
}

/** What openapi-fetch resolves with: data on success, error otherwise, and the response. */
export type FetchResult = { data?: unknown; error?: unknown; response: Response };
/** The success data of an openapi-fetch result. */
export type Success<R extends FetchResult> = Exclude<R['data'], undefined>;

const BASE_DELAY_MS = 500;
const MAX_BACKOFF_MS = 8000;
const RETRY_STATUSES = new Set([429, 503]);
/** Methods that change nothing, so they need no CSRF token. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Capped exponential backoff with jitter: 0.5–1 × min(8 s, 0.5 s × 2^attempt). */
export const backoffMs = (attempt: number, random = Math.random): number => {
  const ceiling = Math.min(MAX_BACKOFF_MS, BASE_DELAY_MS * 2 ** attempt);
  return Math.round(ceiling * (0.5 + random() / 2));
};

/**
 * What every resource shares: the typed openapi-fetch client and the retry loop around it.
 * Resources call `core.run(policy, (signal) => core.api.GET(...))`: the attempt is re-invoked
 * per retry, so a retried create sends the same Idempotency-Key it was given the first time.
 */
export class Core {
  /** The typed openapi-fetch client for Herald's paths. */
  readonly api: Client<paths>;
  private readonly maxRetries: number;
  private readonly timeoutMs: number;
  private readonly maxRetryDelayMs: number;

  constructor(options: HeraldOptions) {
    if (!options.baseUrl) throw new TypeError('Herald: baseUrl is required');
    if (!options.apiKey && !options.session) throw new TypeError('Herald: apiKey (or session) is required');
    this.maxRetries = options.maxRetries ?? 2;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.maxRetryDelayMs = options.maxRetryDelayMs ?? 60_000;
    this.api = createClient<paths>({
      baseUrl: options.baseUrl.replace(/\/+$/, '').replace(/\/api\/v1$/, ''),
      fetch: options.fetch,
      headers: options.apiKey ? { ...options.headers, Authorization: `Bearer ${options.apiKey}` } : options.headers,
      credentials: options.apiKey ? undefined : 'same-origin',
    });
    const session = options.session;
    if (session && !options.apiKey) {
      this.api.use({
        onRequest({ request }) {
          const token = session.csrfToken();
          if (token && !SAFE_METHODS.has(request.method)) request.headers.set('X-CSRF-Token', token);
          return request;
        },
      });
    }
  }

  /** An Idempotency-Key: the caller's, or a new random one. */
  idempotencyKey(given?: string): string {
    return given ?? globalThis.crypto.randomUUID();
  }

  /** Runs a read (GET): retried on 429, 503 and network errors. */
  read<R extends FetchResult>(attempt: (signal: AbortSignal | undefined) => Promise<R>, options?: RequestOptions): Promise<Success<R>> {
    return this.run({ idempotent: true, replayable: true }, attempt, options);
  }

  /**
   * Runs one call with retries: on 429 and 503 (waiting what Retry-After says, or a capped
   * exponential backoff with jitter) and, when the policy says sending twice is safe, on network
   * errors and timeouts. Non-2xx answers become {@link HeraldError}s.
   */
  async run<R extends FetchResult>(
    policy: RetryPolicy,
    attempt: (signal: AbortSignal | undefined) => Promise<R>,
    options: RequestOptions = {},
  ): Promise<Success<R>> {
    const maxRetries = policy.replayable ? (options.maxRetries ?? this.maxRetries) : 0;
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    for (let n = 0; ; n++) {
      let result: R;
      try {
        result = await attempt(timeoutMs > 0 ? AbortSignal.timeout(timeoutMs) : undefined);
      } catch (err) {
        if (err instanceof HeraldError) throw err;
        if (policy.idempotent && n < maxRetries) {
          await sleep(backoffMs(n));
          continue;
        }
        throw connectionError(err);
      }
      if (result.response.ok) return result.data as Success<R>;
      const error = errorFromResponse(result.response, result.error);
      if (n < maxRetries && RETRY_STATUSES.has(result.response.status)) {
        const wait = retryAfterMs(result.response.headers) ?? backoffMs(n);
        if (wait <= this.maxRetryDelayMs) {
          await sleep(wait);
          continue;
        }
      }
      throw error;
    }
  }
}
