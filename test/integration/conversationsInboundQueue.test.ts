import twilio from 'twilio';
import type { Knex } from 'knex';
import { ensureConversationInbound } from '../../domain/conversations/lifecycle';
import {
  applyInboundBatch,
  applyInboundIsolated,
  createInboundProcessor,
  MAX_ATTEMPTS,
  type InboundProcessorDeps,
} from '../../domain/conversations/inboundProcessor';
import { createLogger } from '../../lib/logger';
import { buildTenant, testDb } from '../support/factories';
import { startTestServer, type TestServer } from '../support/testServer';
import { startTestWorker } from '../support/testWorker';
import { until } from '../support/until';

/**
 * The inbound webhook's queue (accept-then-process): the route stores each signed post in one
 * statement and the inbound processor applies it later. A MessageSid is stored once; one sender's
 * burst lands in order on one thread, also with two processors claiming at once; a pass that dies
 * between claim and commit leaves its rows to be applied again, exactly once; a row that fails on
 * its own is retried, then kept aside, holding back only its sender; and with the real
 * worker workflow a post is visible on its thread within seconds.
 */
const TOKEN = 'inbound-queue-token';
const NUMBER = '+15005550100';
let server: TestServer;
let db: Knex;
let tenant: { tenantId: string; adminKey: string };
let processor: InboundProcessorDeps;
let sid = 0;

beforeAll(async () => {
  server = await startTestServer({ TWILIO_AUTH_TOKEN: TOKEN });
  db = testDb();
  tenant = await buildTenant(db, 'Inbound queue');
  const put = await server.request('/api/v1/messaging/settings', { method: 'PUT', key: tenant.adminKey, body: { inboundNumbers: [NUMBER] } });
  expect(put.status).toBe(200);
  processor = createInboundProcessor({ db, logger: createLogger('silent') }).deps;
}, 60_000);
afterAll(async () => {
  await server?.close();
  await db?.destroy();
});

/** Posts an inbound message as Twilio does (form-encoded, signed); answers the status and the MessageSid. */
async function post(params: Record<string, string>) {
  const url = `${server.url}/api/v1/messaging/twilio/inbound`;
  const form = { MessageSid: `SM${(++sid).toString().padStart(32, '0')}`, To: NUMBER, ...params };
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': twilio.getExpectedTwilioSignature(TOKEN, url, form) },
    body: new URLSearchParams(form).toString(),
  });
  expect(await res.text()).toContain('<Response/>');
  return { status: res.status, sid: form.MessageSid };
}

const queued = async () => Number((await db('conversation_inbound_queue').whereNull('failed_at').count<{ n: number }[]>({ n: '*' }))[0]!.n);
const messagesWith = (sids: string[]) => db('conversation_messages').whereIn('provider_id', sids).orderBy('created_at').select('provider_id', 'body');
const customersWith = (phone: string) => db('customers').where({ tenant_id: tenant.tenantId, phone });
const threadsOf = (address: string) => db('conversations').where({ tenant_id: tenant.tenantId, address });
/** The bodies of a thread's message.received events in the order they were written (the processing order). */
const receivedInOrder = async (conversationId: string) =>
  (
    (await db('events')
      .where({ tenant_id: tenant.tenantId, type: 'message.received' })
      .whereRaw("payload->'data'->>'conversationId' = ?", [conversationId])
      .orderBy('seq')
      .select(db.raw("payload->'data'->>'body' AS body"))) as Array<{ body: string }>
  ).map((e) => e.body);

/** Applies passes of `batch` rows until the queue is empty. */
async function drain(batch = 200) {
  while ((await queued()) > 0) await applyInboundBatch(processor, batch);
}

describe('the queue and its processor (no worker running)', () => {
  it('a repeated MessageSid is queued once, and a retry after processing stores nothing more', async () => {
    const first = await post({ From: '+14155550101', Body: 'once' });
    const url = `${server.url}/api/v1/messaging/twilio/inbound`;
    const form = { MessageSid: first.sid, From: '+14155550101', To: NUMBER, Body: 'once' };
    const again = () =>
      fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': twilio.getExpectedTwilioSignature(TOKEN, url, form) },
        body: new URLSearchParams(form).toString(),
      });
    expect((await again()).status).toBe(200);
    expect(await db('conversation_inbound_queue').where({ message_sid: first.sid }).count<{ n: number }[]>({ n: '*' })).toEqual([{ n: 1 }]);
    await drain();
    expect((await again()).status).toBe(200);
    expect(await queued()).toBe(1);
    await drain();
    expect(await messagesWith([first.sid])).toEqual([{ provider_id: first.sid, body: 'once' }]);
    const [thread] = await threadsOf('+14155550101');
    expect(thread).toMatchObject({ message_count: 1 });
  });

  it('a pass that dies between claim and commit applies nothing; the rows are applied again, exactly once', async () => {
    const sids: string[] = [];
    for (const [from, body] of [
      ['+14155550111', 'a1'],
      ['+14155550112', 'b1'],
      ['+14155550111', 'STOP'],
      ['+14155550112', 'b2'],
      ['+14155550111', 'a3'],
    ] as const)
      sids.push((await post({ From: from, Body: body })).sid);
    const events = () => db('events').where({ tenant_id: tenant.tenantId, type: 'message.received' }).count<{ n: string }[]>({ n: '*' });
    const eventsBefore = Number((await events())[0]!.n);
    // A run cancelled after three rows: the signal reads aborted from the fourth row on.
    let checks = 0;
    const dying = {
      get aborted() {
        checks += 1;
        return checks > 3;
      },
    } as AbortSignal;
    await expect(applyInboundBatch(processor, 200, dying)).rejects.toThrow('cancelled');
    expect(checks).toBe(4);
    expect(await queued()).toBe(5);
    expect(await messagesWith(sids)).toEqual([]);
    expect(Number((await events())[0]!.n)).toBe(eventsBefore);

    await drain();
    expect(await queued()).toBe(0);
    expect((await messagesWith(sids)).map((m: { body: string }) => m.body)).toEqual(['a1', 'b1', 'STOP', 'b2', 'a3']);
    expect(Number((await events())[0]!.n)).toBe(eventsBefore + 5);
    // The dead pass's customers went with its rollback: one customer per sender.
    for (const phone of ['+14155550111', '+14155550112']) expect(await customersWith(phone)).toHaveLength(1);
    expect((await customersWith('+14155550111'))[0]).toMatchObject({ consent_sms: false });
    expect((await threadsOf('+14155550111')).map((t: { message_count: number }) => t.message_count)).toEqual([3]);
    expect((await threadsOf('+14155550112')).map((t: { message_count: number }) => t.message_count)).toEqual([2]);
  });

  it('two processors claiming small batches at once: each sender’s messages in order on one thread, each once', async () => {
    const senders = ['+14155550121', '+14155550122', '+14155550123'];
    const sids: string[] = [];
    for (let i = 0; i < 10; i++) for (const from of senders) sids.push((await post({ From: from, Body: `${from} #${i}` })).sid);
    await Promise.all([drain(4), drain(4)]);
    expect(await db('conversation_inbound_queue').where('attempts', '>', 0)).toEqual([]);
    const stored = await messagesWith(sids);
    expect(stored).toHaveLength(30);
    for (const from of senders) {
      const threads = await threadsOf(from);
      expect(threads).toHaveLength(1);
      expect(threads[0]).toMatchObject({ message_count: 10 });
      const bodies = await db('conversation_messages')
        .where({ conversation_id: threads[0].id })
        .orderBy([{ column: 'created_at' }, { column: 'id' }])
        .pluck('body');
      expect(bodies).toEqual(Array.from({ length: 10 }, (_, i) => `${from} #${i}`));
      expect(await receivedInOrder(threads[0].id)).toEqual(bodies);
    }
  });

  it('a row that fails on its own is retried later, then kept aside; its sender waits for it, other senders do not', async () => {
    // No route stores such parameters (From is not text): a stand-in for a message the processor cannot apply.
    await db('conversation_inbound_queue').insert({ message_sid: 'SMpoison', to_number: NUMBER, sender: '+14155550161', params: { From: 5, To: NUMBER } });
    const later = await post({ From: '+14155550161', Body: 'after the poison' });
    const other = await post({ From: '+14155550162', Body: 'unrelated' });
    await expect(applyInboundBatch(processor, 200)).rejects.toThrow();
    expect(await queued()).toBe(3);
    const first = await applyInboundIsolated(processor, 200);
    expect(first).toEqual({ claimed: 2, applied: 1, failed: 1 });
    expect(await messagesWith([other.sid])).toHaveLength(1);
    expect(await messagesWith([later.sid])).toEqual([]);
    const poison = () => db('conversation_inbound_queue').where({ message_sid: 'SMpoison' }).first();
    expect(await poison()).toMatchObject({ attempts: 1, failed_at: null, last_error: expect.any(String) });
    expect((await poison()).retry_at.getTime()).toBeGreaterThan(Date.now());
    // Not due yet: nothing of that sender is claimed.
    expect(await applyInboundBatch(processor, 200)).toEqual({ claimed: 0, applied: 0, failed: 0 });
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      await db('conversation_inbound_queue').where({ message_sid: 'SMpoison' }).update({ retry_at: null });
      await applyInboundIsolated(processor, 1);
    }
    expect(await poison()).toMatchObject({ attempts: MAX_ATTEMPTS, failed_at: expect.any(Date) });
    await drain();
    expect(await messagesWith([later.sid])).toHaveLength(1);
    await db('conversation_inbound_queue').where({ message_sid: 'SMpoison' }).delete();
  });

  it('a post to a number no tenant lists is answered 200, queued, and dropped by the processor', async () => {
    const res = await post({ From: '+14155550131', To: '+15005550999', Body: 'nobody' });
    expect(res.status).toBe(200);
    expect(await queued()).toBe(1);
    await drain();
    expect(await queued()).toBe(0);
    expect(await messagesWith([res.sid])).toEqual([]);
    expect(await customersWith('+14155550131')).toEqual([]);
  });
});

describe('with the worker running the inbound workflow', () => {
  let stopWorker: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    stopWorker = await startTestWorker(db);
    await ensureConversationInbound(server.runtime.temporal);
  }, 60_000);
  afterAll(async () => {
    await stopWorker?.();
  });

  it('a post is on its thread within seconds', async () => {
    const started = Date.now();
    const { sid: posted } = await post({ From: 'whatsapp:+14155550141', To: `whatsapp:${NUMBER}`, Body: 'quick?' });
    await until(
      () => messagesWith([posted]),
      (rows) => rows.length === 1,
      { timeoutMs: 5_000, label: 'the post to be applied' },
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('a burst of twenty posts from one sender lands in order on one thread', async () => {
    const sids: string[] = [];
    for (let i = 0; i < 20; i++) sids.push((await post({ From: '+14155550151', Body: `burst ${i}` })).sid);
    await until(
      () => messagesWith(sids),
      (rows) => rows.length === 20,
      { timeoutMs: 15_000, label: 'the burst to be applied' },
    );
    const threads = await threadsOf('+14155550151');
    expect(threads.map((t: { message_count: number }) => t.message_count)).toEqual([20]);
    const bodies = await db('conversation_messages')
      .where({ conversation_id: threads[0].id })
      .orderBy([{ column: 'created_at' }, { column: 'id' }])
      .pluck('body');
    expect(bodies).toEqual(Array.from({ length: 20 }, (_, i) => `burst ${i}`));
    expect(await receivedInOrder(threads[0].id)).toEqual(bodies);
    expect(await customersWith('+14155550151')).toHaveLength(1);
  });
});
