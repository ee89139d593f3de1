import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import pino from 'pino';
import { checkSendChannels } from '../../bin/workerProcess';
import { loadConfig } from '../../lib/config';
import { buildCustomer, buildTenant } from '../support/factories';
import { startTestServer, type TestServer } from '../support/testServer';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.runtime.close();
  await server?.server.close();
});

/** A production configuration on the suite's database and Temporal, with `extra` settings. */
const production = (extra: Record<string, string> = {}) =>
  loadConfig({
    ...process.env,
    NODE_ENV: 'production',
    PUBLIC_URL: 'https://herald.example.com',
    JWT_SECRET: randomBytes(32).toString('hex'),
    TRACKING_SECRET: randomBytes(32).toString('hex'),
    WEBHOOK_SECRETS_KEY: randomBytes(32).toString('hex'),
    SMTP_URL: 'smtp://smtp.example.com:587',
    ...extra,
  });
const twilio = { TWILIO_ACCOUNT_SID: `AC${'1f'.repeat(16)}`, TWILIO_AUTH_TOKEN: randomBytes(16).toString('hex'), TWILIO_FROM: '+15005550006' };

/** Runs the start check with a logger whose lines are kept. */
async function check(config: ReturnType<typeof loadConfig>) {
  const lines: Array<{ level: number; msg: string }> = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString()) as { level: number; msg: string });
      done();
    },
  });
  const logger = pino({ level: 'info' }, sink);
  const outcome = await checkSendChannels({ config, db: server.runtime.db, logger }).then(
    () => 'started',
    (err: Error) => err.message,
  );
  return { outcome, lines };
}

/**
 * A production worker never hands waiting messages to a development catcher or outbox: it refuses
 * to start while campaigns or conversations wait on a channel it cannot send on, naming the channel
 * and the setting; with nothing waiting it starts and says which channels are off.
 */
describe('the worker checks its channels at start', () => {
  it('starts without Twilio while no SMS work waits, saying SMS go to the outbox; refuses once an SMS campaign is scheduled', async () => {
    const t = await buildTenant(server.runtime.db, 'Channel check');
    const api = (p: string, init: { method?: string; body?: unknown } = {}) => server.request(p, { key: t.adminKey, ...init });

    // A draft SMS campaign is not waiting to be sent.
    const draft = await api('/api/v1/campaigns', { method: 'POST', body: { name: 'Draft', channel: 'sms', body: 'Hi', audience: { type: 'all' } } });
    expect(draft.status).toBe(201);
    const quiet = await check(production());
    expect(quiet.outcome).toBe('started');
    expect(quiet.lines).toEqual([
      expect.objectContaining({
        level: 40,
        msg: expect.stringMatching(/email → SMTP_URL; sms → the development outbox .*not sent; whatsapp → the development outbox/),
      }),
    ]);

    const at = new Date(Date.now() + 86_400_000).toISOString();
    const created = await api('/api/v1/campaigns', { method: 'POST', body: { name: 'Tomorrow', channel: 'sms', body: 'Hi', audience: { type: 'all' } } });
    const scheduled = await api(`/api/v1/campaigns/${created.body.data.id}/schedule`, { method: 'POST', body: { scheduledAt: at } });
    expect(scheduled.body.data.status).toBe('scheduled');

    const refused = await check(production());
    expect(refused.outcome).toMatch(/^This worker cannot send sms \(1 campaign\(s\)\) that wait to be sent: .*TWILIO_ACCOUNT_SID/);
    // E-mail has SMTP_URL here, so an e-mail campaign would not count; without SMTP_URL the same check names both.
    expect((await check(production({ ...twilio }))).outcome).toBe('started');
    // Outside production the development outbox is the point: the worker starts and says so.
    expect((await check(loadConfig({ ...process.env, NODE_ENV: 'development' }))).outcome).toBe('started');

    expect((await api(`/api/v1/campaigns/${created.body.data.id}/cancel`, { method: 'POST' })).status).toBe(200);
    expect((await check(production())).outcome).toBe('started');
  });

  it('counts the SMS steps of a live journey, and no longer once it is archived', async () => {
    const t = await buildTenant(server.runtime.db, 'Channel check 3');
    const api = (p: string, init: { method?: string; body?: unknown } = {}) => server.request(p, { key: t.adminKey, ...init });
    const journey = await api('/api/v1/journeys', {
      method: 'POST',
      body: {
        name: 'SMS thanks',
        entry: { type: 'event', event: 'Signed Up', policy: { mode: 'once' } },
        start: 'thanks',
        nodes: [{ id: 'thanks', type: 'send', channel: 'sms', body: 'Thanks for signing up' }],
      },
    });
    expect(journey.status).toBe(201);
    expect((await check(production())).outcome).toBe('started');
    expect((await api(`/api/v1/journeys/${journey.body.data.id}/publish`, { method: 'POST' })).body.data).toMatchObject({ status: 'active' });
    expect((await check(production())).outcome).toMatch(/^This worker cannot send sms \(1 send step\(s\) of live journeys\) that wait/);
    expect((await api(`/api/v1/journeys/${journey.body.data.id}/archive`, { method: 'POST' })).status).toBe(200);
    expect((await check(production())).outcome).toBe('started');
  });

  it('refuses while an SMS conversation is open without Twilio, names e-mail without SMTP_URL, and says a WhatsApp sender is missing', async () => {
    const t = await buildTenant(server.runtime.db, 'Channel check 2');
    const customerId = await buildCustomer(server.runtime.db, t.tenantId, { phone: '+14155550123' });
    const opened = await server.request('/api/v1/conversations', {
      key: t.adminKey,
      method: 'POST',
      body: { customerId, channel: 'sms', type: 'conversation', message: 'Hello' },
    });
    expect(opened.status).toBe(201);
    const email = await server.request('/api/v1/campaigns', {
      key: t.adminKey,
      method: 'POST',
      body: { name: 'Mail', channel: 'email', subject: 'S', body: 'B', audience: { type: 'all' } },
    });
    await server.request(`/api/v1/campaigns/${email.body.data.id}/schedule`, {
      key: t.adminKey,
      method: 'POST',
      body: { scheduledAt: new Date(Date.now() + 86_400_000).toISOString() },
    });

    expect((await check(production())).outcome).toMatch(/^This worker cannot send sms \(1 open conversation\(s\)\) that wait/);
    expect((await check(production({ SMTP_URL: '' }))).outcome).toMatch(
      /^This worker cannot send email \(1 campaign\(s\)\) or sms \(1 open conversation\(s\)\) that wait/,
    );
    const noWhatsApp = await check(production({ ...twilio }));
    expect(noWhatsApp.outcome).toBe('started');
    expect(noWhatsApp.lines).toEqual([
      expect.objectContaining({ level: 40, msg: 'channels: email → SMTP_URL; sms → Twilio; whatsapp → nowhere: each message fails (no TWILIO_WHATSAPP_FROM)' }),
    ]);
    const ready = await check(production({ ...twilio, TWILIO_WHATSAPP_FROM: 'whatsapp:+14155238886' }));
    expect(ready.outcome).toBe('started');
    expect(ready.lines).toEqual([expect.objectContaining({ level: 30, msg: 'channels: email → SMTP_URL; sms → Twilio; whatsapp → Twilio' })]);
  });
});
