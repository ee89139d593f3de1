import os from 'node:os';
import { performance } from 'node:perf_hooks';

/**
 * Every benchmark prints through these helpers so each line has the same shape,
 * `{"bench":…,"figure":…,…}`, and a run's output can be appended to a file and compared
 * with `jq` later without knowing which benchmark wrote it.
 */
export type Fields = Record<string, string | number | boolean | null>;

/** Prints one figure as one JSON line; the only place a benchmark writes to stdout. */
export function printFigure(bench: string, figure: string, fields: Fields): void {
  process.stdout.write(`${JSON.stringify({ bench, figure, ...fields })}\n`);
}

/**
 * Describes the machine once per run, because a figure means nothing without the cores,
 * CPU and Node version that produced it.
 */
export function printMeta(bench: string): void {
  const cpus = os.cpus();
  printFigure(bench, 'meta', {
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus.length,
    cpu_model: cpus[0]?.model.trim() ?? 'unknown',
    mem_gb: round(os.totalmem() / 2 ** 30, 1),
    platform: `${os.platform()}-${os.arch()}`,
  });
}

/**
 * Prints how a Herald path compares with the raw baseline measured in the same run,
 * so the goal (for example imports ≥ 0.5× raw COPY) is read off one number.
 */
export function printRatio(bench: string, figure: string, numerator: number, denominator: number): void {
  printFigure(bench, figure, { ratio: denominator > 0 ? round(numerator / denominator, 3) : null });
}

/** Runs `work` and returns its result with the wall-clock seconds it took. */
export async function timed<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number }> {
  const start = performance.now();
  const result = await work();
  return { result, seconds: (performance.now() - start) / 1000 };
}

/** Rounds for printing: figures carry a few significant digits, not float noise. */
export function round(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/**
 * Reads a positive integer knob such as BENCH_ROWS, so a slow machine can run a smaller
 * load without editing code; a malformed value stops the run instead of silently measuring the default.
 */
export function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${name} must be a positive integer, got ${JSON.stringify(raw)}`);
  }
  return value;
}
