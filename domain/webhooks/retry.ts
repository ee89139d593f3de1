/**
 * When a failed attempt is tried again: the configured schedule (5 s, 5 min, 30 min, … by
 * default) with ±10 % jitter so endpoints that failed together do not retry in lockstep, or the
 * receiver's Retry-After on 429/503 (capped at a day). Null when the schedule is exhausted.
 */
export function nextAttemptDelayMs(
  schedule: readonly number[],
  attemptsMade: number,
  retryAfterMs: number | null,
  random: () => number = Math.random,
): number | null {
  const planned = schedule[attemptsMade - 1];
  if (planned === undefined) return null;
  if (retryAfterMs !== null) return Math.min(retryAfterMs, 86_400_000);
  return Math.round(planned * (0.9 + 0.2 * random()));
}

/**
 * Parses a Retry-After header (seconds or an HTTP date) into milliseconds from now; null when
 * absent or unreadable.
 */
export function parseRetryAfter(value: string | string[] | undefined, now = Date.now()): number | null {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text) return null;
  if (/^\d+$/.test(text.trim())) return Number(text.trim()) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
