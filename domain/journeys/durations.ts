/**
 * Journey durations (`30m`, `4h`, `2d`, `-3d`): one reading for validation, the schema and the
 * runner, so a duration the API accepts is one the runner can wait for.
 */

/** Milliseconds per unit: seconds, minutes, hours, days, weeks. */
const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** A duration's text: an optional minus (offsets only), a whole number of at most 6 digits, a unit. */
export const DURATION_PATTERN = /^(-?)(\d{1,6})([smhdw])$/;

/** The longest duration a journey may wait, hold a goal window or a cooldown: one year. */
export const MAX_DURATION_MS = 366 * 86_400_000;

/** A duration in milliseconds (negative for `-3d`), or undefined when the text is not a duration. */
export function durationMs(text: string): number | undefined {
  const m = DURATION_PATTERN.exec(text);
  if (!m) return undefined;
  const ms = Number(m[2]) * UNIT_MS[m[3]!]!;
  return m[1] === '-' ? -ms : ms;
}

/**
 * Why a duration is not acceptable, or undefined when it is: it must parse, lie within a year
 * either way, and be positive unless `allowNegative` (date offsets) — then zero is fine too.
 */
export function durationProblem(text: string, allowNegative = false): string | undefined {
  const ms = durationMs(text);
  const shape = allowNegative ? 'like "-3d", "0h" or "2w"' : 'like "30m", "4h" or "2d"';
  if (ms === undefined) return `must be a duration ${shape}: a whole number and s, m, h, d or w`;
  if (!allowNegative && ms <= 0) return 'must be longer than zero';
  if (Math.abs(ms) > MAX_DURATION_MS) return 'must be at most 366 days';
  return undefined;
}

/** A validated definition's duration in milliseconds; throws on text that is not one (runners only see published versions). */
export function requiredDurationMs(text: string): number {
  const ms = durationMs(text);
  if (ms === undefined) throw new Error(`"${text}" is not a duration`);
  return ms;
}
