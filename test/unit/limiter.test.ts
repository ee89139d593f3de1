import { createLimiter, createSemaphore } from '../../lib/limiter';

/** Resolves after the current macrotask queue has run. */
const tick = () => new Promise((r) => setImmediate(r));

describe('lib/limiter', () => {
  it('never runs more than `max` calls at once and runs queued calls in order', async () => {
    const limit = createLimiter(3);
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        limit(async () => {
          running++;
          peak = Math.max(peak, running);
          order.push(i);
          await tick();
          running--;
        }),
      ),
    );
    expect(peak).toBe(3);
    expect(order).toEqual([...Array(20).keys()]);
  });

  it('gives a call that threw its permit back', async () => {
    const limit = createLimiter(1);
    await expect(limit(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limit(async () => 'next')).resolves.toBe('next');
  });

  it('hands a released permit to the first waiter, not to a newcomer', async () => {
    const permits = createSemaphore(1);
    await permits.acquire();
    const got: string[] = [];
    const waiter = permits.acquire().then(() => got.push('waiter'));
    permits.release();
    const newcomer = permits.acquire().then(() => got.push('newcomer'));
    await waiter;
    await tick();
    expect(got).toEqual(['waiter']);
    permits.release();
    await newcomer;
    expect(got).toEqual(['waiter', 'newcomer']);
  });
});
