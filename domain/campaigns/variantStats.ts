/**
 * The statistics of campaign A/B tests, written once and tested against known values: the normal
 * distribution, Wilson score intervals for a rate, the pooled two-proportion z-test, and the rule
 * that turns a test's numbers into a decision. Pure functions: the same numbers always give the
 * same decision.
 */

/** z for a two-sided 95 % interval (Φ⁻¹(0.975)). */
export const Z_95 = 1.959963984540054;

/** Significance level of the decision before the correction for several comparisons. */
export const ALPHA = 0.05;

/** Fewest measured sends a variant needs before any difference counts (normal approximation's floor). */
export const MIN_SAMPLE = 10;

/**
 * The complementary error function, W. J. Cody's rational Chebyshev approximation as given in
 * Numerical Recipes (`erfcc`): fractional error below 1.2e-7 everywhere, ample for p-values.
 */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** Φ(x): the standard normal distribution function. */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

/** A closed interval of a rate. */
export interface Interval {
  lower: number;
  upper: number;
}

/**
 * Wilson score interval of `successes` out of `n` (two-sided, `z` = 1.96 for 95 %). Unlike the
 * plain normal interval it stays inside [0, 1] and is honest for rates near 0 or 1 and small n.
 * An empty sample knows nothing: [0, 1].
 */
export function wilsonInterval(successes: number, n: number, z = Z_95): Interval {
  if (n <= 0) return { lower: 0, upper: 1 };
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { lower: Math.max(0, centre - half), upper: Math.min(1, centre + half) };
}

/** Two-sided pooled two-proportion z-test of x1/n1 against x2/n2: the z statistic and its p-value. */
export function twoProportionTest(x1: number, n1: number, x2: number, n2: number): { z: number; pValue: number } {
  if (n1 <= 0 || n2 <= 0) return { z: 0, pValue: 1 };
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  // Both rates 0 or both 1: no difference to measure.
  if (se === 0) return { z: 0, pValue: 1 };
  const z = (x1 / n1 - x2 / n2) / se;
  return { z, pValue: Math.min(1, 2 * (1 - normalCdf(Math.abs(z)))) };
}

/** One variant's measured numbers. */
export interface VariantSample {
  key: string;
  /** Measured sends: messages the provider accepted. */
  sample: number;
  /** Sends that led to the metric (an open, a click, the conversion event in its window). */
  successes: number;
}

/** One variant in a decision: its numbers, rate, interval and p-value against the leader. */
export interface VariantResult extends VariantSample {
  rate: number;
  interval: Interval;
  /** Two-sided p-value of the test against the leader; null for the leader itself. */
  pValue: number | null;
}

/** How a test was decided. */
export type DecisionOutcome = 'winner' | 'no_significant_difference' | 'insufficient_sample';

/** The rule's verdict on a test's numbers. */
export interface Verdict {
  outcome: DecisionOutcome;
  /** The variant the rest of the audience gets. */
  winner: string;
  /** The variant with the highest rate (first in order on a tie). */
  leader: string;
  /** The significance every comparison had to reach (ALPHA over the number of comparisons). */
  adjustedAlpha: number;
  reason: string;
  variants: VariantResult[];
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * Decides a test. The leader (highest rate; on a tie the earlier variant) wins when every variant
 * has at least MIN_SAMPLE measured sends and the leader's rate is higher than each other
 * variant's by a two-sided pooled two-proportion z-test at ALPHA / (k − 1) (Bonferroni: with
 * k variants the leader is compared k − 1 times). Otherwise nothing is shown to be better and the
 * first variant, the control, goes to the rest. Flat data therefore never crowns a winner.
 */
export function decideVariants(samples: VariantSample[]): Verdict {
  const leaderIndex = samples.reduce((best, s, i) => (rateOf(s) > rateOf(samples[best]!) ? i : best), 0);
  const leader = samples[leaderIndex]!;
  const adjustedAlpha = ALPHA / Math.max(1, samples.length - 1);
  const variants: VariantResult[] = samples.map((s) => ({
    ...s,
    rate: round(rateOf(s)),
    interval: roundInterval(wilsonInterval(s.successes, s.sample)),
    pValue: s === leader ? null : round(twoProportionTest(leader.successes, leader.sample, s.successes, s.sample).pValue),
  }));
  const control = samples[0]!.key;
  const small = samples.filter((s) => s.sample < MIN_SAMPLE);
  if (small.length) {
    return {
      outcome: 'insufficient_sample',
      winner: control,
      leader: leader.key,
      adjustedAlpha,
      reason: `fewer than ${MIN_SAMPLE} measured sends for ${small.map((s) => s.key).join(', ')} → the first variant (${control})`,
      variants,
    };
  }
  const beaten = variants.filter((v) => v.key !== leader.key);
  // The leader's rate is at least every other's, so a small two-sided p-value means it is higher.
  const significant = beaten.every((v) => v.pValue !== null && v.pValue < adjustedAlpha);
  if (significant) {
    const worst = Math.max(...beaten.map((v) => v.pValue!));
    return {
      outcome: 'winner',
      winner: leader.key,
      leader: leader.key,
      adjustedAlpha,
      reason: `${leader.key} has the highest rate and beats every other variant (largest p = ${worst.toPrecision(3)} < ${adjustedAlpha.toPrecision(3)}) → winner`,
      variants,
    };
  }
  return {
    outcome: 'no_significant_difference',
    winner: control,
    leader: leader.key,
    adjustedAlpha,
    reason: `no significant difference (the leader ${leader.key} is not better than every other variant at p < ${adjustedAlpha.toPrecision(3)}) → the first variant (${control})`,
    variants,
  };
}

function rateOf(s: VariantSample): number {
  return s.sample > 0 ? s.successes / s.sample : 0;
}

function roundInterval(i: Interval): Interval {
  return { lower: round(i.lower), upper: round(i.upper) };
}
