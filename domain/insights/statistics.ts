/**
 * The significance tests and thresholds every insight type uses, written once (issue 19: statistics,
 * not hunches). Each test answers a z score; a finding is reported when |z| reaches
 * {@link Z_CRITICAL} and its relative change reaches the type's own minimum.
 */

/**
 * |z| ≥ 3 (two-sided p ≈ 0.0027). Stricter than the usual 1.96 because one request tests many
 * subjects at once (every category, segment, channel): at 1.96 one test in twenty would report noise.
 */
export const Z_CRITICAL = 3;

/**
 * Compares two sums of a compound Poisson process over windows of equal length (orders arriving
 * at random, each carrying an amount): under "same rate in both windows" the difference of the
 * sums has variance Σx² of both windows, so z = (sumA − sumB) / √(sumSqA + sumSqB). Counting events
 * is the case x = 1 (sum = sumSq = count), which gives the classic Poisson rate test
 * (a − b) / √(a + b). 0 when nothing was seen.
 */
export function compoundPoissonZ(a: { sum: number; sumSq: number }, b: { sum: number; sumSq: number }): number {
  const variance = a.sumSq + b.sumSq;
  return variance > 0 ? (a.sum - b.sum) / Math.sqrt(variance) : 0;
}

/** The Poisson rate test of two counts over windows of equal length: (a − b) / √(a + b). */
export function poissonCountZ(a: number, b: number): number {
  return compoundPoissonZ({ sum: a, sumSq: a }, { sum: b, sumSq: b });
}

/**
 * The pooled two-proportion z test: successes x of n trials in window A against window B.
 * z = (pA − pB) / √(p(1 − p)(1/nA + 1/nB)) with p = (xA + xB) / (nA + nB). 0 when either window has
 * no trials or the pooled rate is 0 or 1 (no variance: nothing to tell apart).
 */
export function twoProportionZ(a: { successes: number; trials: number }, b: { successes: number; trials: number }): number {
  if (a.trials <= 0 || b.trials <= 0) return 0;
  const pooled = (a.successes + b.successes) / (a.trials + b.trials);
  const variance = pooled * (1 - pooled) * (1 / a.trials + 1 / b.trials);
  return variance > 0 ? (a.successes / a.trials - b.successes / b.trials) / Math.sqrt(variance) : 0;
}

/** (current − previous) / previous rounded to 4 places, or null when there is no previous value to divide by. */
export function relativeChange(current: number, previous: number | null): number | null {
  if (previous === null || previous === 0) return null;
  return round((current - previous) / previous, 4);
}

/** Rounds to `places` decimals (half away from zero), so answers do not carry floating-point noise. */
export function round(value: number, places = 2): number {
  const f = 10 ** places;
  return Math.sign(value) * (Math.round(Math.abs(value) * f) / f);
}

/** A relative change as a whole percentage for titles: 0.4213 → "42 %". */
export const percent = (change: number): string => `${Math.round(Math.abs(change) * 100)} %`;
