import Koa from 'koa';
import { errorHandler } from '../../api/middleware/errorHandler';
import { requestId } from '../../api/middleware/requestId';
import { startServer, type RunningServer } from '../../api/server';
import { conflict } from '../../lib/errors';
import { createLogger } from '../../lib/logger';

/**
 * The error handler alone: known errors keep their status and shape; unknown ones become a
 * generic 500 that quotes the request id and leaks nothing of the failure.
 */
describe('errorHandler', () => {
  let server: RunningServer;
  const logged: unknown[] = [];

  beforeAll(async () => {
    const logger = createLogger('error');
    const spy = { ...logger, child: () => ({ error: (o: unknown) => logged.push(o), warn: () => undefined }) } as unknown as typeof logger;
    const app = new Koa();
    app.silent = true;
    app.context.config = { BODY_LIMIT: '1mb' };
    app.use(requestId(spy) as Koa.Middleware);
    app.use(errorHandler() as Koa.Middleware);
    app.use((ctx) => {
      if (ctx.path === '/bug') throw new TypeError('secret internals: password=hunter2 at /srv/app.ts:12');
      if (ctx.path === '/conflict') throw conflict('Already exists', { field: 'email' });
      if (ctx.path === '/pg')
        throw Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505', constraint: 'customers_tenant_email_unique' });
      if (ctx.path === '/parser')
        throw Object.assign(new SyntaxError('Object contains forbidden prototype property'), { status: 400, body: '{"__proto__":1}' });
      if (ctx.path === '/ok') ctx.body = { ok: true };
    });
    server = await startServer(app, '127.0.0.1', 0);
  });
  afterAll(() => server.close());

  it('answers an unknown error with a generic 500 and logs it with the request id', async () => {
    const res = await fetch(`${server.url}/bug`, { headers: { 'X-Request-Id': 'req-1' } });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toMatch(/hunter2|internals|app\.ts|TypeError/);
    expect(JSON.parse(text)).toEqual({ error: { code: 'internal_error', message: expect.stringContaining('req-1') } });
    expect(logged).toHaveLength(1);
  });

  it('keeps the status, code and details of known errors', async () => {
    const res = await fetch(`${server.url}/conflict`);
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({ error: { code: 'conflict', message: 'Already exists', details: { field: 'email' } } });
  });

  it('maps a unique violation from Postgres to 409 without the SQL message', async () => {
    const res = await fetch(`${server.url}/pg`);
    expect(res.status).toBe(409);
    expect(await res.text()).not.toContain('duplicate key value');
  });

  it('answers unmatched paths with a 404 in the same shape', async () => {
    const res = await fetch(`${server.url}/missing`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'No route for GET /missing' } });
  });

  it('answers a framework error that carries a 4xx status but no safe message with that status, never a 500', async () => {
    const res = await fetch(`${server.url}/parser`);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body).toEqual({ error: { code: 'bad_request', message: expect.any(String) } });
    expect(JSON.stringify(body)).not.toContain('prototype');
  });
});
