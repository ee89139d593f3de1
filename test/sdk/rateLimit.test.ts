import type { Knex } from 'knex';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { createApp } from '../../api/app';
import { startServer, type RunningServer } from '../../api/server';
import { createRuntime, type Runtime } from '../../bin/runtime';
import { loadConfig } from '../../lib/config';
import { createLogger } from '../../lib/logger';
import { Herald, HeraldRateLimitError } from '../../sdk/src';
import { buildTenant, testDb } from '../support/factories';

/** A fetch that records when each request went out and what it was answered. */
function recordingFetch() {
  const calls: Array<{ at: number; status: number; retryAfter: string | null; idempotencyKey: string | null }> = [];
  const fetchFn = async (request: Request) => {
    const at = Date.now();
    const key = request.headers.get('idempotency-key');
    const response = await fetch(request);
    calls.push({ at, status: response.status, retryAfter: response.headers.get('retry-after'), idempotencyKey: key });
    return response;
  };
  return { calls, fetch: fetchFn };
}

/**
 * The SDK against a real Herald whose per-key budget is 2 requests per 2-second window (the
 * production limiter and middleware, with a window short enough for a test): a 429 is retried
 * after the Retry-After Herald sends, and only then.
 */
describe('SDK retries on 429 from a real Herald', () => {
  let runtime: Runtime;
  let server: RunningServer;
  let db: Knex;

  beforeAll(async () => {
    db = testDb();
    const config = loadConfig({ ...process.env, PORT: '1' });
    runtime = createRuntime(config, createLogger('silent'), { jwtSecret: config.JWT_SECRET });
    const limiter = (keyPrefix: string, points: number) => new RateLimiterMemory({ keyPrefix, points, duration: 2 });
    const app = createApp({
      config,
      domain: runtime.domain,
      logger: runtime.logger,
      rateLimiters: {
        ip: limiter('ip', 1000),
        general: limiter('general', 2),
        session: limiter('session', 2),
        imports: limiter('imports', 2),
        ai: limiter('ai', 2),
        loginIp: limiter('login-ip', 10),
        loginEmail: limiter('login-email', 10),
      },
    });
    server = await startServer(app, '127.0.0.1', 0);
  });
  afterAll(async () => {
    await server.close();
    await runtime.close();
    await db.destroy();
  });

  it('waits out Retry-After and succeeds, reusing the Idempotency-Key of a create', async () => {
    const { adminKey } = await buildTenant(db);
    const rec = recordingFetch();
    const herald = new Herald({ baseUrl: server.url, apiKey: adminKey, fetch: rec.fetch, maxRetries: 3 });
    await herald.tenant.get();
    await herald.tenant.get();
    const started = Date.now();
    const created = await herald.customers.create({ email: 'limited@example.com' });
    expect(created.email).toBe('limited@example.com');

    expect(rec.calls.map((c) => c.status)).toEqual([200, 200, 429, 201]);
    const [, , limited, retried] = rec.calls;
    const asked = Number(limited!.retryAfter) * 1000;
    expect(asked).toBeGreaterThanOrEqual(1000);
    expect(retried!.at - limited!.at).toBeGreaterThanOrEqual(asked - 20);
    expect(retried!.at - limited!.at).toBeLessThan(asked + 1000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(asked - 20);
    expect(retried!.idempotencyKey).toBe(limited!.idempotencyKey);
    expect(await db('customers').where({ email: 'limited@example.com' }).count<{ count: number }[]>('* as count')).toEqual([{ count: 1 }]);
  });

  it('throws a typed rate-limit error at once when retries are off or the wait is longer than allowed', async () => {
    const { adminKey } = await buildTenant(db);
    const rec = recordingFetch();
    const herald = new Herald({ baseUrl: server.url, apiKey: adminKey, fetch: rec.fetch, maxRetries: 0 });
    await herald.tenant.get();
    await herald.tenant.get();
    const error = await herald.tenant.get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HeraldRateLimitError);
    const limited = error as HeraldRateLimitError;
    expect(limited).toMatchObject({ kind: 'rate_limited', status: 429, code: 'rate_limited' });
    expect(limited.retryAfterMs).toBeGreaterThanOrEqual(1000);
    expect(limited.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(rec.calls).toHaveLength(3);

    const impatient = new Herald({ baseUrl: server.url, apiKey: adminKey, fetch: rec.fetch, maxRetries: 5, maxRetryDelayMs: 100 });
    const started = Date.now();
    await expect(impatient.tenant.get()).rejects.toBeInstanceOf(HeraldRateLimitError);
    expect(Date.now() - started).toBeLessThan(500);
    expect(rec.calls).toHaveLength(4);
  });
});
