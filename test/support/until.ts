/** How long and how often {@link until} polls, and what to call the condition when it gives up. */
export interface UntilOptions {
  /** Give up (and throw) after this long; default 20 s. */
  timeoutMs?: number;
  /** Pause between probes; default 50 ms. */
  everyMs?: number;
  /** What the test waits for, for the timeout error; default the source of the condition. */
  label?: string;
}

const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

/** A readable rendering of a probe's value for an error message (Sets and Maps as arrays, long text cut). */
function describe(value: unknown): string {
  try {
    const json = JSON.stringify(value, (_k, v: unknown) => (v instanceof Set ? [...v] : v instanceof Map ? [...v.entries()] : v));
    return shorten(json ?? String(value), 500);
  } catch {
    return shorten(String(value), 500);
  }
}

/**
 * Polls `probe` until `ok` holds and returns that value; throws if the deadline passes first,
 * naming what it waited for, after how long, and the probe's last value. The one wait helper of
 * the test suite: a wait that ends silently on timeout lets a test go on to assert against a
 * state it never reached, or pass without the racing state it claims to have set up.
 */
export async function until<T>(probe: () => T | Promise<T>, ok: (v: T) => boolean, options: number | UntilOptions = {}): Promise<T> {
  const { timeoutMs = 20_000, everyMs = 50, label } = typeof options === 'number' ? { timeoutMs: options } : options;
  const started = Date.now();
  let value = await probe();
  while (!ok(value)) {
    if (Date.now() - started > timeoutMs) {
      const what = label ?? shorten(String(ok).replace(/\s+/g, ' '), 300);
      throw new Error(`Timed out after ${Date.now() - started} ms (limit ${timeoutMs} ms) waiting for ${what}; last value: ${describe(value)}`);
    }
    await new Promise((r) => setTimeout(r, everyMs));
    value = await probe();
  }
  return value;
}

/**
 * Polls `fn` until it returns a truthy value and returns it; throws on timeout like {@link until}
 * (the label defaults to the source of `fn`).
 */
export async function waitFor<T>(fn: () => Promise<T | undefined | null | false>, timeoutMs = 30_000, everyMs = 100, label?: string): Promise<T> {
  return (await until(fn, Boolean, { timeoutMs, everyMs, label: label ?? shorten(String(fn).replace(/\s+/g, ' '), 300) })) as T;
}
