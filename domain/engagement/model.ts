/**
 * The best-hour model, as pure functions: a customer's (or a segment's) opens counted by hour of
 * day in each customer's own timezone, and the rule that decides whether one hour stands out.
 *
 * The rule, documented in docs/insights.md ("Best send time"):
 * - history is the opens of the last {@link HISTORY_DAYS} days (a click always sets the open, so
 *   clicks count through it), at most {@link MAX_OPENS_PER_CUSTOMER} per customer, the latest;
 * - a customer needs at least {@link MIN_CUSTOMER_OPENS} opens, a segment
 *   {@link MIN_SEGMENT_OPENS} opens from at least {@link MIN_SEGMENT_CUSTOMERS} members;
 * - the peak is the hour with the most opens (the earliest hour on a tie); it is the best hour only
 *   when it could not plausibly come from opens spread evenly: the binomial chance of that many
 *   opens or more in one hour, times 24 (one test per hour, Bonferroni), is at most
 *   {@link SIGNIFICANCE}, and the peak holds at least {@link MIN_LIFT} times an even share.
 * The campaign snapshot applies the same rule in SQL through {@link minimumPeakTable}, so the API's
 * answer and the time a campaign picks never disagree.
 */

/** Days of opens the model reads. */
export const HISTORY_DAYS = 180;
/** Opens a customer needs before their own hour is used. */
export const MIN_CUSTOMER_OPENS = 5;
/** Opens a segment needs (pooled over its members) before its hour is used. */
export const MIN_SEGMENT_OPENS = 20;
/** Members with at least one open a segment needs, so one heavy opener cannot be the segment. */
export const MIN_SEGMENT_CUSTOMERS = 5;
/** The latest opens read per customer: bounds the work per recipient, far above real habits (11 a day). */
export const MAX_OPENS_PER_CUSTOMER = 2000;
/** Family-wise false-positive rate of the peak test over the 24 hours. */
export const SIGNIFICANCE = 0.05;
/** The peak must hold at least this many times an even share (1/24) of the opens. */
export const MIN_LIFT = 1.5;

const HOURS = 24;
const P_HOUR = 1 / HOURS;

/** ln Γ(x) for x > 0 (Lanczos, g = 7, 9 terms; ~15 significant digits). */
function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
    9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = c[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** P(X ≥ k) for X ~ Binomial(n, p): summed upwards from k until the terms no longer matter. */
export function binomialUpperTail(n: number, k: number, p = P_HOUR): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  const logTerm = logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1) + k * Math.log(p) + (n - k) * Math.log(1 - p);
  let term = Math.exp(logTerm);
  let sum = 0;
  for (let i = k; i <= n && term > 0; i++) {
    sum += term;
    if (term < sum * 1e-15) break;
    term *= ((n - i) / (i + 1)) * (p / (1 - p));
  }
  return Math.min(1, sum);
}

/** The test's p-value for a peak of `peak` opens among `n`: the chance that some hour gets that many, were opens even. */
export function peakPValue(n: number, peak: number): number {
  return Math.min(1, HOURS * binomialUpperTail(n, peak));
}

/** The fewest opens the peak hour needs among `n` for it to be a best hour (both the test and the lift). */
export function minimumPeak(n: number): number {
  let k = Math.max(1, Math.ceil((n * MIN_LIFT) / HOURS));
  while (k <= n && peakPValue(n, k) > SIGNIFICANCE) k++;
  return k;
}

let table: number[] | undefined;
/**
 * {@link minimumPeak} for n = 1 … {@link MAX_OPENS_PER_CUSTOMER}, as the SQL twin of the rule
 * reads it (`table[n]`, 1-based in Postgres). Computed once per process.
 */
export function minimumPeakTable(): number[] {
  if (!table) {
    table = [];
    // The threshold never decreases with n, so each search starts from the previous answer.
    let k = 1;
    for (let n = 1; n <= MAX_OPENS_PER_CUSTOMER; n++) {
      k = Math.max(k, Math.ceil((n * MIN_LIFT) / HOURS));
      while (k <= n && peakPValue(n, k) > SIGNIFICANCE) k++;
      table.push(k);
    }
  }
  return table;
}

/** Why there is no best hour. */
export type NoBestHourReason = 'too_little_history' | 'no_clear_peak';

/** The model's answer for a histogram of opens by local hour. */
export interface BestHourDecision {
  /** The best local hour (0–23), or null. */
  hour: number | null;
  /** Why there is none (null when there is one). */
  reason: NoBestHourReason | null;
  /** Opens counted (the sample size). */
  opens: number;
  /** Opens in the peak hour (the earliest of equal peaks). */
  peakOpens: number;
  /** The peak's share of the opens (0–1). */
  peakShare: number;
  /** 1 − the test's p-value: how unlikely the peak is under evenly spread opens (0–1). */
  confidence: number;
}

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * Decides the best hour of a 24-slot histogram of opens. `minimumOpens` is the history the subject
 * needs ({@link MIN_CUSTOMER_OPENS} or {@link MIN_SEGMENT_OPENS}); `enoughSubjects` is false when a
 * segment has too few members with opens.
 */
export function decideBestHour(histogram: readonly number[], minimumOpens: number, enoughSubjects = true): BestHourDecision {
  const opens = histogram.reduce((a, b) => a + b, 0);
  let peakHour = 0;
  for (let h = 1; h < HOURS; h++) if ((histogram[h] ?? 0) > (histogram[peakHour] ?? 0)) peakHour = h;
  const peakOpens = histogram[peakHour] ?? 0;
  const base = { opens, peakOpens, peakShare: opens ? round(peakOpens / opens) : 0 };
  if (opens < minimumOpens || !enoughSubjects) return { hour: null, reason: 'too_little_history', ...base, confidence: 0 };
  const pValue = peakPValue(opens, peakOpens);
  const confidence = round(1 - pValue);
  // The same as peakOpens >= minimumPeak(opens): the p-value only falls as the peak grows.
  if (peakOpens < Math.ceil((opens * MIN_LIFT) / HOURS) || pValue > SIGNIFICANCE) return { hour: null, reason: 'no_clear_peak', ...base, confidence };
  return { hour: peakHour, reason: null, ...base, confidence };
}
