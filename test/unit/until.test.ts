import { until, waitFor } from '../support/until';

/** The suite's wait helper: a wait that times out must fail the test, saying what it waited for. */
describe('until', () => {
  it('returns the first value the condition accepts', async () => {
    let n = 0;
    await expect(
      until(
        () => ++n,
        (v) => v >= 3,
        { timeoutMs: 1000, everyMs: 1 },
      ),
    ).resolves.toBe(3);
  });

  it('throws on timeout, naming the label, the time waited and the last value', async () => {
    const err = await until(
      () => new Set(['a']),
      (s) => s.size > 1,
      { timeoutMs: 50, everyMs: 10, label: 'two ids' },
    ).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/^Timed out after \d+ ms \(limit 50 ms\) waiting for two ids; last value: \["a"\]$/);
  });

  it('names the condition by its source when no label is given, and accepts a bare timeout', async () => {
    const err = await until(
      () => 1,
      (v) => v === 2,
      20,
    ).catch((e: Error) => e);
    expect((err as Error).message).toMatch(/waiting for .*v === 2.*; last value: 1$/);
  });

  it('waitFor returns the first truthy value and throws when none comes', async () => {
    await expect(waitFor(async () => 'done', 100, 1)).resolves.toBe('done');
    await expect(waitFor(async () => null, 30, 5, 'the import')).rejects.toThrow(/waiting for the import; last value: null$/);
  });
});
