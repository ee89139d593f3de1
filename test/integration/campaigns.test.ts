import { startDevSmtpCatcher } from '../../channels/devCatcher';
import { createChannels } from '../../channels/fromConfig';
import { recordCaughtMessage } from '../../domain/messaging/devOutbox';
import { loadConfig } from '../../lib/config';
import { buildTenant } from '../support/factories';
import { seedCustomers, startCampaignStack, waitFor, type CampaignStack } from './campaignHarness';

let stack: CampaignStack;
let tenant: { tenantId: string; adminKey: string };

beforeAll(async () => {
  stack = await startCampaignStack();
  tenant = await buildTenant(stack.db, 'Campaign tenant');
}, 60_000);
afterAll(async () => {
  await stack?.close();
});

const api = (path: string, init: { method?: string; body?: unknown; key?: string } = {}) => stack.server.request(path, { key: tenant.adminKey, ...init });

describe('campaign definitions', () => {
  it("accepts seed 003's body as written and stores it in Herald's form", async () => {
    const r = await api('/api/v1/campaigns', {
      method: 'POST',
      body: {
        name: 'Welcome Email Campaign',
        type: 'email',
        subject: 'Welcome to Our Store!',
        content: 'Hi {{firstName}}, welcome to our store!',
        audienceType: 'segment',
        segmentRules: { id: 'root', logic: 'AND', rules: [{ id: 'rule1', field: 'totalSpent', operator: 'greater_than', value: 100, type: 'number' }] },
        schedulingType: 'immediate',
      },
    });
    expect(r.status).toBe(201);
    expect(r.body.data).toMatchObject({
      name: 'Welcome Email Campaign',
      channel: 'email',
      body: 'Hi {{firstName}}, welcome to our store!',
      status: 'draft',
      audience: { type: 'rules' },
      schedule: { type: 'now' },
    });
    const list = await api('/api/v1/campaigns?type=email&status=draft');
    expect(list.body.data.map((c: { id: string }) => c.id)).toContain(r.body.data.id);
  });

  it('refuses a template syntax error with 422 naming the field, line and column, and stores nothing', async () => {
    const before = await stack.db('campaigns').where({ tenant_id: tenant.tenantId }).count<{ n: string }[]>({ n: '*' });
    const r = await api('/api/v1/campaigns', {
      method: 'POST',
      body: { name: 'Broken', channel: 'email', subject: 'Hi', body: 'Hello\n{{ firstName | nosuchfilter }}', audience: { type: 'all' } },
    });
    expect(r.status).toBe(422);
    expect(r.body.error.details[0]).toMatchObject({ path: 'body', line: 2 });
    const after = await stack.db('campaigns').where({ tenant_id: tenant.tenantId }).count<{ n: string }[]>({ n: '*' });
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('names missing fields, refuses unknown segments and bad rules with 422', async () => {
    const missing = await api('/api/v1/campaigns', { method: 'POST', body: { name: 'x' } });
    expect(missing.status).toBe(422);
    expect(missing.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['audience', 'body', 'channel']);
    const segment = await api('/api/v1/campaigns', {
      method: 'POST',
      body: { name: 'x', channel: 'sms', body: 'hi', audience: { type: 'segment', segmentId: '00000000-0000-4000-8000-000000000001' } },
    });
    expect(segment.status).toBe(422);
    expect(segment.body.error.details[0].path).toBe('audience.segmentId');
    const rules = await api('/api/v1/campaigns', {
      method: 'POST',
      body: { name: 'x', channel: 'sms', body: 'hi', audience: { type: 'rules', rules: { field: 'nope', operator: 'equals', value: 1 } } },
    });
    expect(rules.status).toBe(422);
  });

  it('refuses a customer list naming customers the tenant does not have, and stores repeats once', async () => {
    const [known] = await stack
      .db('customers')
      .insert({ tenant_id: tenant.tenantId, first_name: 'Known', full_name: 'Known One', phone: '+15550009999' })
      .returning('id');
    const otherTenant = await buildTenant(stack.db, 'Other');
    const [foreign] = await stack.db('customers').insert({ tenant_id: otherTenant.tenantId, first_name: 'Foreign', full_name: 'Foreign One' }).returning('id');
    const unknown = '00000000-0000-4000-8000-000000000002';
    const before = await stack.db('campaigns').where({ tenant_id: tenant.tenantId }).count().first();
    for (const customerIds of [[known.id, unknown], [foreign.id], [known.id, foreign.id]]) {
      const res = await api('/api/v1/campaigns', {
        method: 'POST',
        body: { name: 'x', channel: 'sms', body: 'hi', audience: { type: 'customers', customerIds } },
      });
      expect(res.status).toBe(422);
      expect(res.body.error.details).toEqual([
        expect.objectContaining({ path: 'audience.customerIds', message: expect.stringMatching(/do not exist in this tenant/) }),
      ]);
      expect(res.body.error.details[0].message).not.toContain(known.id);
    }
    expect(await stack.db('campaigns').where({ tenant_id: tenant.tenantId }).count().first()).toEqual(before);
    const ok = await api('/api/v1/campaigns', {
      method: 'POST',
      body: { name: 'x', channel: 'sms', body: 'hi', audience: { type: 'customers', customerIds: [known.id, known.id] } },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.data.audience).toEqual({ type: 'customers', customerIds: [known.id] });
  });

  it('previews the message for one customer with both variable styles', async () => {
    const [c] = await stack
      .db('customers')
      .insert({ tenant_id: tenant.tenantId, first_name: 'Grace', last_name: 'Hopper', full_name: 'Grace Hopper', email: 'grace@example.com' })
      .returning('id');
    const created = await api('/api/v1/campaigns', {
      method: 'POST',
      body: {
        name: 'Preview',
        channel: 'email',
        subject: 'For {{ customer.firstName }}',
        body: 'Hi {{firstName}} {{ customer.lastName }}',
        audience: { type: 'all' },
      },
    });
    const r = await api(`/api/v1/campaigns/${created.body.data.id}/preview`, { method: 'POST', body: { customerId: c.id } });
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({ subject: 'For Grace', body: 'Hi Grace Hopper', customerId: c.id });
  });

  it('answers 404 for another tenant’s campaign', async () => {
    const other = await buildTenant(stack.db, 'Other');
    const created = await api('/api/v1/campaigns', { method: 'POST', body: { name: 'Mine', channel: 'sms', body: 'hi', audience: { type: 'all' } } });
    const r = await stack.server.request(`/api/v1/campaigns/${created.body.data.id}`, { key: other.adminKey });
    expect(r.status).toBe(404);
  });
});

describe('sending', () => {
  it('sends an e-mail campaign to its segment with exact analytics, unsubscribe headers and a settled ledger', async () => {
    const t = await buildTenant(stack.db, 'Email tenant');
    const key = t.adminKey;
    await seedCustomers(stack.db, t.tenantId, 60, 'mail');
    // 5 without consent, 3 blocked, 2 without e-mail and 1 suppressed are skipped; 2 are refused by the SMTP server (550).
    const ids = (await stack.db('customers').where({ tenant_id: t.tenantId }).orderBy('email').select('id', 'email')) as Array<{ id: string; email: string }>;
    stack.rejectEmails.add(ids[20]!.email).add(ids[21]!.email);
    await stack
      .db('customers')
      .whereIn(
        'id',
        ids.slice(0, 5).map((c) => c.id),
      )
      .update({ consent_email: false });
    await stack
      .db('customers')
      .whereIn(
        'id',
        ids.slice(5, 8).map((c) => c.id),
      )
      .update({ is_blocked: true });
    await stack
      .db('customers')
      .whereIn(
        'id',
        ids.slice(8, 10).map((c) => c.id),
      )
      .update({ email: null });
    await stack.db('message_suppressions').insert({ tenant_id: t.tenantId, channel: 'email', address: ids[10]!.email, reason: 'bounced' });
    expect((await stack.server.request('/api/v1/messaging/settings', { key, method: 'PUT', body: { fromEmail: 'Shop <news@shop.example>' } })).status).toBe(
      200,
    );
    const created = await stack.server.request('/api/v1/campaigns', {
      key,
      method: 'POST',
      body: {
        name: 'Mail',
        channel: 'email',
        subject: 'Hello {{ firstName }}',
        body: '<p>Hi {{ customer.firstName }}, see <a href="https://shop.example.com/sale">the sale</a></p>',
        audience: { type: 'rules', rules: { field: 'tags', operator: 'contains', value: 'mail' } },
      },
    });
    expect(created.status).toBe(201);
    const id = created.body.data.id;
    const sent = await stack.server.request(`/api/v1/campaigns/${id}/send`, { key, method: 'POST' });
    expect(sent.status).toBe(202);
    await waitFor(async () => (await stack.server.request(`/api/v1/campaigns/${id}`, { key })).body.data.status === 'completed', 60_000, 200);

    const a = (await stack.server.request(`/api/v1/campaigns/${id}/analytics`, { key })).body.data;
    expect(a).toMatchObject({
      recipients: 60,
      sent: 47,
      failed: 2,
      queued: 0,
      skipped: 11,
      skippedByReason: { no_consent: 5, blocked: 3, no_address: 2, suppressed: 1 },
    });
    const failed = await stack
      .db('campaign_recipients')
      .where({ campaign_id: id, state: 'failed' })
      .orderBy('address')
      .select('address', 'error_kind', 'attempts');
    expect(failed).toEqual([
      { address: ids[20]!.email, error_kind: 'permanent', attempts: 1 },
      { address: ids[21]!.email, error_kind: 'permanent', attempts: 1 },
    ]);
    const unsettled = await stack
      .db('campaign_recipients')
      .where({ campaign_id: id })
      .whereIn('state', ['pending', 'sending'])
      .count<{ n: string }[]>({ n: '*' });
    expect(Number(unsettled[0]!.n)).toBe(0);

    const mine = stack.sink.messages.filter((m) => m.headers['x-herald-tenant'] === t.tenantId);
    expect(mine).toHaveLength(47);
    const m = mine[0]!;
    expect(m.headers['list-unsubscribe']).toMatch(/^<http:\/\/127\.0\.0\.1:\d+\/api\/v1\/messaging\/unsubscribe\/[^>]+>$/);
    expect(m.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect(m.headers.from).toBe('Shop <news@shop.example>');
    const row = await stack.db('campaign_recipients').where({ campaign_id: id, address: m.to[0] }).first();
    expect(m.messageId).toBe(`<${row.id}@herald.local>`);
    expect(m.headers.subject).toMatch(/^Hello Cust\d+$/);

    // Tracking: the pixel and the rewritten link are signed; a tampered target is refused.
    const html = m.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    const pixel = /src="(http[^"]+\/open\/[^"]+)"/.exec(html)![1]!;
    const click = /href="(http[^"]+\/click\/[^"]+)"/.exec(html)![1]!.replace(/&amp;/g, '&');
    expect((await fetch(pixel)).status).toBe(200);
    const redirect = await fetch(click, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe('https://shop.example.com/sale');
    expect((await fetch(click.replace(/url=[^&]+/, `url=${encodeURIComponent('https://evil.example.com')}`), { redirect: 'manual' })).status).toBe(404);

    // One-click unsubscribe: consent off, address suppressed, counted in analytics.
    const unsubscribeUrl = m.headers['list-unsubscribe']!.slice(1, -1);
    const u = await fetch(unsubscribeUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(u.status).toBe(200);
    const customer = await stack.db('customers').where({ id: row.customer_id }).first();
    expect(customer.consent_email).toBe(false);
    expect(await stack.db('message_suppressions').where({ tenant_id: t.tenantId, channel: 'email', address: row.address }).first()).toBeTruthy();
    expect(
      (
        await fetch(
          unsubscribeUrl.replace(/.$/, (ch) => (ch === 'A' ? 'B' : 'A')),
          { method: 'POST' },
        )
      ).status,
    ).toBe(404);
    const after = (await stack.server.request(`/api/v1/campaigns/${id}/analytics`, { key })).body.data;
    expect(after).toMatchObject({ opened: 1, clicked: 1, unsubscribed: 1 });

    const csv = await stack.server.request(`/api/v1/campaigns/${id}/export?format=csv`, { key });
    expect(csv.status).toBe(200);
    const lines = (csv.body as string).trim().split('\n');
    expect(lines[0]).toBe(
      'recipientId,customerId,address,state,skipReason,providerId,error,errorKind,attempts,sentAt,deliveredAt,openedAt,clickedAt,unsubscribedAt',
    );
    expect(lines).toHaveLength(61);
    const events = await stack.db('events').where({ tenant_id: t.tenantId, subject_id: id }).orderBy('seq').pluck('type');
    expect(events).toEqual(['campaign.sent', 'campaign.started', 'campaign.completed']);
  });

  it('sends an SMS campaign through the twilio client; signed status callbacks mark rows delivered; invalid numbers fail permanently', async () => {
    const t = await buildTenant(stack.db, 'SMS tenant');
    await seedCustomers(stack.db, t.tenantId, 30, 'sms');
    const phones = await stack.db('customers').where({ tenant_id: t.tenantId }).orderBy('phone').limit(2).pluck('phone');
    for (const p of phones) stack.invalidPhones.add(p);
    stack.twilioApi.messages.length = 0;
    const created = await stack.server.request('/api/v1/campaigns', {
      key: t.adminKey,
      method: 'POST',
      body: { name: 'Texts', channel: 'sms', body: 'Hi {{ firstName }}, 20% off today', audience: { type: 'all' } },
    });
    await stack.server.request(`/api/v1/campaigns/${created.body.data.id}/send`, { key: t.adminKey, method: 'POST' });
    const id = created.body.data.id;
    await waitFor(async () => (await stack.server.request(`/api/v1/campaigns/${id}`, { key: t.adminKey })).body.data.status === 'completed', 60_000, 200);
    const statuses = await stack.twilioApi.callbackStatuses();
    expect([...new Set(statuses)]).toEqual([204]);
    const a = (await stack.server.request(`/api/v1/campaigns/${id}/analytics`, { key: t.adminKey })).body.data;
    expect(a).toMatchObject({ recipients: 30, sent: 28, delivered: 28, failed: 2 });
    expect(stack.twilioApi.messages).toHaveLength(28);
    expect(stack.twilioApi.messages[0]!.body).toMatch(/^Hi Cust\d+, 20% off today$/);
    const failed = await stack.db('campaign_recipients').where({ campaign_id: id, state: 'failed' }).orderBy('address').select('address', 'error_kind');
    expect(failed).toEqual(phones.map((address) => ({ address, error_kind: 'permanent' })));

    // A forged callback is refused and changes nothing.
    const row = await stack.db('campaign_recipients').where({ campaign_id: id, state: 'delivered' }).first();
    const forged = await fetch(`${stack.server.url}/api/v1/messaging/twilio/status?ledgerId=${row.id}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': 'bm9wZQ==' },
      body: 'MessageStatus=failed',
    });
    expect(forged.status).toBe(403);
    expect((await stack.db('campaign_recipients').where({ id: row.id }).first()).state).toBe('delivered');
    stack.invalidPhones.clear();
  });
});

describe('messaging', () => {
  it("seed 000's direct messages go through the ledger, consent and audit log", async () => {
    const t = await buildTenant(stack.db, 'Direct');
    const key = t.adminKey;
    const rows = await stack
      .db('customers')
      .insert([
        { tenant_id: t.tenantId, first_name: 'A', phone: '+15550001001' },
        { tenant_id: t.tenantId, first_name: 'B', phone: '+15550001002' },
        { tenant_id: t.tenantId, first_name: 'C', phone: '+15550001003', consent_sms: false },
      ])
      .returning('id');
    const one = await stack.server.request(`/api/v1/customers/${rows[0].id}/message`, {
      key,
      method: 'POST',
      body: { message: 'Your order shipped, {{ firstName }}' },
    });
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ success: true });
    const many = await stack.server.request('/api/v1/customers/message', {
      key,
      method: 'POST',
      body: { customerIds: rows.map((r: { id: string }) => r.id), message: 'Store closes early today' },
    });
    expect(many.status).toBe(200);
    expect(many.body).toMatchObject({ success: true, sent: 2, skipped: [{ customerId: rows[2].id, reason: 'no_consent' }] });
    const refused = await stack.server.request(`/api/v1/customers/${rows[2].id}/message`, { key, method: 'POST', body: { message: 'hi' } });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details[0].message).toBe('no_consent');
    const missing = await stack.server.request('/api/v1/customers/00000000-0000-4000-8000-00000000abcd/message', {
      key,
      method: 'POST',
      body: { message: 'hi' },
    });
    expect(missing.status).toBe(404);
    await waitFor(async () => stack.twilioApi.messages.filter((m) => m.body === 'Store closes early today').length === 2, 30_000, 100);
    expect(stack.twilioApi.messages.find((m) => m.to === '+15550001001' && m.body.startsWith('Your order shipped'))?.body).toBe('Your order shipped, A');
    const audit = await stack.db('audit_log').where({ tenant_id: t.tenantId, action: 'campaign.sent' }).count<{ n: string }[]>({ n: '*' });
    expect(Number(audit[0]!.n)).toBe(2);
    // Direct messages are not listed among campaigns.
    expect((await stack.server.request('/api/v1/campaigns', { key })).body.data).toHaveLength(0);
  });

  it('sends test messages to given addresses through the real transport, and refuses addresses of the wrong kind', async () => {
    const created = await api('/api/v1/campaigns', {
      method: 'POST',
      body: { name: 'Tested', channel: 'email', subject: 'Hello {{ firstName }}', body: 'Body for {{ customer.firstName }}', audience: { type: 'all' } },
    });
    const r = await api(`/api/v1/campaigns/${created.body.data.id}/test`, { method: 'POST', body: { addresses: ['qa1@example.com', 'qa2@example.com'] } });
    expect(r.status).toBe(200);
    expect(r.body.data.map((x: { ok: boolean }) => x.ok)).toEqual([true, true]);
    const got = stack.sink.messages.filter((m) => m.to[0] === 'qa1@example.com' || m.to[0] === 'qa2@example.com');
    expect(got.map((m) => m.headers.subject)).toEqual(['[TEST] Hello Ada', '[TEST] Hello Ada']);
    const bad = await api(`/api/v1/campaigns/${created.body.data.id}/test`, { method: 'POST', body: { addresses: ['+15550001001'] } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details[0].path).toBe('addresses.0');
    // SMS test addresses are written as people write phones and sent to their E.164 form.
    const sms = await api('/api/v1/campaigns', { method: 'POST', body: { name: 'Tested SMS', channel: 'sms', body: 'Test text', audience: { type: 'all' } } });
    const badPhone = await api(`/api/v1/campaigns/${sms.body.data.id}/test`, { method: 'POST', body: { addresses: ['+1 (212) 555-0123', '+52 000'] } });
    expect(badPhone).toMatchObject({
      status: 422,
      body: { error: { details: [{ path: 'addresses.1', message: expect.stringContaining('not a valid phone number') }] } },
    });
    const texted = await api(`/api/v1/campaigns/${sms.body.data.id}/test`, { method: 'POST', body: { addresses: ['+1 (212) 555-0123'] } });
    expect(texted.status).toBe(200);
    expect(stack.twilioApi.messages.some((m) => m.to === '+12125550123')).toBe(true);
  });

  it('runs a recurring campaign from its Temporal Schedule: each occurrence is a child campaign with its own ledger', async () => {
    const t = await buildTenant(stack.db, 'Recurring');
    await seedCustomers(stack.db, t.tenantId, 4, 'weekly');
    const key = t.adminKey;
    const created = await stack.server.request('/api/v1/campaigns', {
      key,
      method: 'POST',
      body: {
        name: 'Weekly',
        channel: 'sms',
        body: 'Weekly news',
        audience: { type: 'all' },
        schedule: { type: 'recurring', cron: '0 9 * * 1', timezone: 'Europe/Paris' },
      },
    });
    const id = created.body.data.id;
    expect((await stack.server.request(`/api/v1/campaigns/${id}/schedule`, { key, method: 'POST', body: {} })).body.data.status).toBe('scheduled');
    const client = await stack.server.runtime.temporal.client();
    const handle = client.schedule.getHandle(`campaign-schedule-${t.tenantId}-${id}`);
    const description = await handle.describe();
    expect(description.spec.timezone).toBe('Europe/Paris');
    await handle.trigger();
    const child = await waitFor(async () => stack.db('campaigns').where({ tenant_id: t.tenantId, parent_id: id, status: 'completed' }).first(), 30_000, 200);
    expect((await stack.server.request(`/api/v1/campaigns/${child.id}/analytics`, { key })).body.data).toMatchObject({ recipients: 4, sent: 4 });
    expect((await stack.server.request(`/api/v1/campaigns/${id}/cancel`, { key, method: 'POST' })).body.data.status).toBe('cancelled');
    await expect(handle.describe()).rejects.toThrow();

    const bad = await stack.server.request('/api/v1/campaigns', {
      key,
      method: 'POST',
      body: { name: 'Bad cron', channel: 'sms', body: 'x', audience: { type: 'all' }, schedule: { type: 'recurring', cron: '99 99 * * *', timezone: 'UTC' } },
    });
    const refused = await stack.server.request(`/api/v1/campaigns/${bad.body.data.id}/schedule`, { key, method: 'POST', body: {} });
    expect(refused.status).toBe(422);
    expect((await stack.server.request(`/api/v1/campaigns/${bad.body.data.id}`, { key })).body.data.status).toBe('draft');
  });

  it('catches development mail and SMS without provider settings and lists them per tenant at GET /dev/outbox', async () => {
    const t = await buildTenant(stack.db, 'Dev outbox');
    const catcher = await startDevSmtpCatcher(0, (m) => recordCaughtMessage(stack.db, { ...m, channel: 'email' }));
    const channels = createChannels(loadConfig({ NODE_ENV: 'development', SMTP_URL: catcher.url }), (m) =>
      recordCaughtMessage(stack.db, { tenantId: m.tenantId, channel: 'sms', to: m.to, body: m.body, messageId: m.ledgerId }),
    );
    try {
      await channels.email.send({
        ledgerId: '11111111-1111-4111-8111-111111111111',
        tenantId: t.tenantId,
        to: 'dev@example.com',
        subject: 'Dev subject',
        html: '<p>dev</p>',
      });
      const sms = await channels.sms.send({ ledgerId: '22222222-2222-4222-8222-222222222222', tenantId: t.tenantId, to: '+15550009999', body: 'dev text' });
      expect(sms.providerId).toBe('log-22222222-2222-4222-8222-222222222222');
    } finally {
      await channels.email.close();
      await catcher.close();
    }
    const r = await stack.server.request('/api/v1/dev/outbox', { key: t.adminKey });
    expect(r.status).toBe(200);
    expect(r.body.data.map((m: { channel: string; to: string }) => [m.channel, m.to])).toEqual([
      ['sms', '+15550009999'],
      ['email', 'dev@example.com'],
    ]);
    expect(r.body.data[1]).toMatchObject({ subject: 'Dev subject', messageId: '<11111111-1111-4111-8111-111111111111@herald.local>' });
    expect((await api('/api/v1/dev/outbox')).body.data.some((m: { to: string }) => m.to === 'dev@example.com')).toBe(false);
  });
});
