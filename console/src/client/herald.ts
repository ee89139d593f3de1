import { Herald, HeraldError } from '@herald/sdk';

let csrfToken: string | undefined;

/** Remembers the session's CSRF token (from `GET /auth/me`), which every write must carry. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/**
 * The console's one API client: Herald's typed SDK in session mode. Calls carry the session
 * cookie and, for writes, the CSRF token; the console never sees or stores an API key.
 */
export const herald = new Herald({
  baseUrl: window.location.origin,
  session: { csrfToken: () => csrfToken },
  maxRetries: 1,
  // A person waits for no long Retry-After: beyond 5 s the refusal shows at once, with its message.
  maxRetryDelayMs: 5_000,
});

/** The typed raw client, for operations the SDK's namespaces do not wrap; pair it with `herald.call`. */
export const api = herald.api;

/** A message fit to show a marketer for any failure (Herald's own message, or a network failure). */
export function errorMessage(error: unknown): string {
  if (error instanceof HeraldError) return error.message;
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}

/** True when the failure means the session is gone (expired, signed out elsewhere). */
export const isSignedOut = (error: unknown): boolean => error instanceof HeraldError && error.status === 401;
