import type { RetryPolicy } from '../core';

/**
 * Retry policies by kind of call. PUT, DELETE and creates with an Idempotency-Key may be sent
 * again after a network error; other writes only on 429/503, which Herald answers before it
 * changes anything.
 */
export const IDEMPOTENT: RetryPolicy = { idempotent: true, replayable: true };
/** A write that must not be repeated blindly (POST actions, PATCH). */
export const WRITE: RetryPolicy = { idempotent: false, replayable: true };
