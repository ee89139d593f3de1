import type { Knex } from 'knex';
import { buildTenant, testDb } from '../support/factories';
import { startTestServer, type TestServer } from '../support/testServer';

/** Focused customer actions over HTTP: tags, block, status, type, notes, config, and who may call them. */
describe('customer actions', () => {
  let server: TestServer;
  let db: Knex;

  beforeAll(async () => {
    db = testDb();
    server = await startTestServer({ RATE_LIMIT_GENERAL_PER_MINUTE: '100000', RATE_LIMIT_IP_PER_MINUTE: '100000' });
  });
  afterAll(async () => {
    await server.close();
    await db.destroy();
  });

  type Init = { method?: string; body?: unknown; key?: string };

  /** A fresh tenant with one customer, and helpers bound to the tenant's admin key. */
  async function setup(customer: Record<string, unknown> = { name: 'Action Hero', email: 'hero@example.com' }) {
    const t = await buildTenant(db);
    const keyId = ((await db('api_keys').where({ tenant_id: t.tenantId }).first()) as { id: string }).id;
    const api = (path: string, init: Init = {}) => server.request(`/api/v1${path}`, { key: t.adminKey, ...init });
    const created = await api('/customers', { method: 'POST', body: customer });
    expect(created.status).toBe(201);
    const id: string = created.body.data.id;
    const events = async (type: string) =>
      (await db('events').where({ tenant_id: t.tenantId, subject_id: id, type }).orderBy('seq')) as Array<{ payload: any }>;
    const order = () => api('/orders', { method: 'POST', body: { customerId: id, items: [{ name: 'x', price: 10, quantity: 1 }] } });
    const newKey = async (role: string) => {
      const res = await api('/api-keys', { method: 'POST', body: { name: `${role} key`, role } });
      expect(res.status).toBe(201);
      return res.body.data.key as string;
    };
    return { ...t, keyId, api, id, events, order, newKey };
  }

  it('sets, adds and removes tags without duplicates, emitting tags_changed only on a change', async () => {
    const s = await setup({ name: 'Tag Me', tags: ['a'] });
    const tags = async (body: unknown) => {
      const res = await s.api(`/customers/${s.id}/tags`, { method: 'PATCH', body });
      expect(res.status).toBe(200);
      return res.body.data.tags as string[];
    };
    expect(await tags({ action: 'add', tags: ['b', 'a', 'b'] })).toEqual(['a', 'b']);
    expect(await tags({ action: 'add', tags: ['a', 'b'] })).toEqual(['a', 'b']);
    expect(await tags({ action: 'remove', tags: ['a', 'zzz'] })).toEqual(['b']);
    expect(await tags({ action: 'remove', tags: ['zzz'] })).toEqual(['b']);
    expect(await tags({ tags: ['x', 'y', 'x'] })).toEqual(['x', 'y']);
    expect(await tags({ action: 'set', tags: ['x', 'y'] })).toEqual(['x', 'y']);

    const changes = await s.events('customer.tags_changed');
    expect(changes.map((e) => [e.payload.data.action, e.payload.data.from, e.payload.data.to])).toEqual([
      ['add', ['a'], ['a', 'b']],
      ['remove', ['a', 'b'], ['b']],
      ['set', ['b'], ['x', 'y']],
    ]);
    expect((await db('customers').where({ id: s.id }).first()).tags).toEqual(['x', 'y']);

    const tooLong = await s.api(`/customers/${s.id}/tags`, { method: 'PATCH', body: { action: 'add', tags: ['t'.repeat(51)] } });
    expect(tooLong).toMatchObject({ status: 422, body: { error: { code: 'validation_failed' } } });
    expect((await s.api(`/customers/${s.id}/tags`, { method: 'PATCH', body: { action: 'merge', tags: ['q'] } })).status).toBe(422);
    expect((await s.api('/customers/00000000-0000-4000-8000-000000000000/tags', { method: 'PATCH', body: { tags: ['q'] } })).status).toBe(404);
  });

  it('blocks with a reason (refusing orders) and unblocks clearing the reason', async () => {
    const s = await setup();
    const blocked = await s.api(`/customers/${s.id}/block`, { method: 'PATCH', body: { isBlocked: true, blockReason: 'Chargeback fraud' } });
    expect(blocked.status).toBe(200);
    expect(blocked.body.data).toMatchObject({ isBlocked: true, blockReason: 'Chargeback fraud' });
    expect(blocked.body.data.blockedAt).not.toBeNull();

    const refused = await s.order();
    expect(refused).toMatchObject({ status: 409, body: { error: { code: 'customer_cannot_order' } } });
    expect(await db('orders').where({ tenant_id: s.tenantId }).count({ n: '*' })).toEqual([{ n: 0 }]);

    const unblocked = await s.api(`/customers/${s.id}/block`, { method: 'PATCH', body: { isBlocked: false } });
    expect(unblocked.body.data).toMatchObject({ isBlocked: false, blockReason: null, blockedAt: null });
    expect((await s.order()).status).toBe(201);

    expect((await s.events('customer.blocked')).map((e) => e.payload.data.reason)).toEqual(['Chargeback fraud']);
    expect(await s.events('customer.unblocked')).toHaveLength(1);
    expect((await s.api(`/customers/${s.id}/block`, { method: 'PATCH', body: { isBlocked: 'yes' } })).status).toBe(422);
  });

  it('changes the status with a reason, in any letter case; a suspended customer cannot order', async () => {
    const s = await setup();
    const res = await s.api(`/customers/${s.id}/status`, { method: 'PATCH', body: { status: 'Suspended', reason: 'Payment dispute' } });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ status: 'suspended', statusReason: 'Payment dispute' });
    expect(await s.order()).toMatchObject({ status: 409, body: { error: { code: 'customer_cannot_order' } } });

    expect((await s.api(`/customers/${s.id}/status`, { method: 'PATCH', body: { status: 'Blocked' } })).body.data.status).toBe('blocked');
    expect(await s.order()).toMatchObject({ status: 409, body: { error: { code: 'customer_cannot_order' } } });
    expect((await s.api(`/customers/${s.id}/status`, { method: 'PATCH', body: { status: 'ACTIVE' } })).body.data).toMatchObject({
      status: 'active',
      statusReason: null,
    });
    expect((await s.order()).status).toBe(201);

    const changes = await s.events('customer.status_changed');
    expect(changes.map((e) => [e.payload.data.from, e.payload.data.to, e.payload.data.reason])).toEqual([
      ['active', 'suspended', 'Payment dispute'],
      ['suspended', 'blocked', null],
      ['blocked', 'active', null],
    ]);
    expect((await s.api(`/customers/${s.id}/status`, { method: 'PATCH', body: { status: 'asleep' } })).status).toBe(422);
  });

  it('changes the type (tier) and puts its note into the notes log', async () => {
    const s = await setup();
    const res = await s.api(`/customers/${s.id}/type`, { method: 'PATCH', body: { customerType: 'VIP', notes: 'Upgraded after the big spring order' } });
    expect(res.status).toBe(200);
    expect(res.body.data.tier).toBe('vip');
    const notes = await s.api(`/customers/${s.id}/notes`);
    expect(notes.body.data).toEqual([expect.objectContaining({ content: 'Upgraded after the big spring order', addedBy: `api_key:${s.keyId}` })]);
    expect((await s.api(`/customers/${s.id}`)).body.data.tier).toBe('vip');
    expect((await s.events('customer.updated')).map((e) => [e.payload.data.changed, e.payload.data.from, e.payload.data.to])).toEqual([
      [['tier'], 'regular', 'vip'],
    ]);

    const short = await s.api(`/customers/${s.id}/type`, { method: 'PATCH', body: { customerType: 'premium', notes: 'too short' } });
    expect(short.status).toBe(422);
    expect((await s.api(`/customers/${s.id}`)).body.data.tier).toBe('vip');
    expect((await s.api(`/customers/${s.id}/type`, { method: 'PATCH', body: { customerType: 'gold' } })).status).toBe(422);
  });

  it('adds notes of at least 10 characters and lists them newest first', async () => {
    const s = await setup();
    const short = await s.api(`/customers/${s.id}/notes`, { method: 'POST', body: { content: 'too short' } });
    expect(short.status).toBe(422);
    expect(short.body.error.details.map((d: { path: string }) => d.path)).toEqual(['content']);

    const contents = ['First note about the customer', 'Second note about the customer', 'Third note about the customer'];
    for (const content of contents) {
      const res = await s.api(`/customers/${s.id}/notes`, { method: 'POST', body: { content } });
      expect(res.status).toBe(201);
      expect(res.body.data).toMatchObject({ content, addedBy: `api_key:${s.keyId}` });
      expect(res.body.data.noteId).toMatch(/^[0-9a-f-]{36}$/);
    }
    const list = await s.api(`/customers/${s.id}/notes`);
    expect(list.body.data.map((n: { content: string }) => n.content)).toEqual([...contents].reverse());
    expect(await db('audit_log').where({ tenant_id: s.tenantId, subject_id: s.id, action: 'customer.note_added' }).count({ n: '*' })).toEqual([{ n: 3 }]);

    expect((await s.api('/customers/00000000-0000-4000-8000-000000000000/notes')).status).toBe(404);
    expect((await s.api('/customers/00000000-0000-4000-8000-000000000000/notes', { method: 'POST', body: { content: contents[0] } })).status).toBe(404);
  });

  it('sets and reads per-customer configuration; null removes a key; seed 004 form works', async () => {
    const s = await setup();
    expect((await s.api(`/customers/${s.id}/config`)).body).toEqual({ data: {} });
    const put = await s.api(`/customers/${s.id}/config`, { method: 'PUT', body: { theme: 'dark', maxOrders: 5, flags: { beta: true } } });
    expect(put).toMatchObject({ status: 200, body: { data: { theme: 'dark', maxOrders: 5, flags: { beta: true } } } });

    const removed = await s.api(`/customers/${s.id}/config`, { method: 'PUT', body: { theme: null, maxOrders: 6 } });
    expect(removed.body.data).toEqual({ maxOrders: 6, flags: { beta: true } });

    const seed = await s.api('/customer/config', { method: 'POST', body: { customer_id: s.id, config_key: 'value' } });
    expect(seed).toMatchObject({ status: 200, body: { data: { config_key: 'value', maxOrders: 6 } } });
    expect((await s.api(`/customers/${s.id}/config`)).body.data).toEqual({ config_key: 'value', maxOrders: 6, flags: { beta: true } });

    expect((await s.api(`/customers/${s.id}/config`, { method: 'PUT', body: { 'bad key!': 1 } })).status).toBe(422);
    expect((await s.api('/customer/config', { method: 'POST', body: { customer_id: 'nope', k: 1 } })).status).toBe(422);
    const other = await setup();
    expect((await other.api(`/customers/${s.id}/config`)).status).toBe(404);
    expect((await other.api('/customer/config', { method: 'POST', body: { customer_id: s.id, k: 1 } })).status).toBe(404);
    expect(await db('customer_config').where({ customer_id: s.id, key: 'k' }).first()).toBeUndefined();
  });

  it('a readonly key gets 403 on every write and 200 on every read', async () => {
    const s = await setup({ name: 'Read Only', email: 'ro@example.com', tags: ['keep'] });
    const readonly = await s.newKey('readonly');
    const id = s.id;
    const writes: Array<[string, string, unknown?]> = [
      ['POST', '/customers', { name: 'Nope Person' }],
      ['PUT', `/customers/${id}`, { name: 'Nope Person' }],
      ['PATCH', `/customers/${id}`, { notes: 'nope' }],
      ['DELETE', `/customers/${id}`],
      ['PATCH', `/customers/${id}/tags`, { tags: [] }],
      ['PATCH', `/customers/${id}/block`, { isBlocked: true }],
      ['PATCH', `/customers/${id}/status`, { status: 'inactive' }],
      ['PATCH', `/customers/${id}/type`, { customerType: 'vip' }],
      ['POST', `/customers/${id}/notes`, { content: 'a note that is long enough' }],
      ['PUT', `/customers/${id}/config`, { a: 1 }],
      ['POST', '/customer/config', { customer_id: id, a: 1 }],
    ];
    for (const [method, path, body] of writes) {
      const res = await s.api(path, { method, body, key: readonly });
      expect([method, path, res.status, res.body?.error?.code]).toEqual([method, path, 403, 'forbidden']);
    }
    const reads = [
      `/customers`,
      `/customers/${id}`,
      `/customers/search?q=read`,
      `/customers/${id}/notes`,
      `/customers/${id}/config`,
      `/customers/${id}/stats`,
      '/customers/stats/summary',
      '/customers/analytics',
      '/customers/export?format=json',
    ];
    for (const path of reads) expect([path, (await s.api(path, { key: readonly })).status]).toEqual([path, 200]);

    expect(await db('customers').where({ tenant_id: s.tenantId }).count({ n: '*' })).toEqual([{ n: 1 }]);
    expect((await s.api(`/customers/${id}`)).body.data).toMatchObject({ tags: ['keep'], notes: null, isBlocked: false, status: 'active', tier: 'regular' });
    expect(await db('customer_config').where({ customer_id: id }).count({ n: '*' })).toEqual([{ n: 0 }]);
  });

  it('a member key may write but not delete', async () => {
    const s = await setup();
    const member = await s.newKey('member');
    expect((await s.api(`/customers/${s.id}`, { method: 'PATCH', body: { notes: 'by member' }, key: member })).status).toBe(200);
    expect((await s.api('/customers', { method: 'POST', body: { name: 'Member Made' }, key: member })).status).toBe(201);
    for (const query of ['', '?permanent=true']) {
      expect(await s.api(`/customers/${s.id}${query}`, { method: 'DELETE', key: member })).toMatchObject({
        status: 403,
        body: { error: { code: 'forbidden' } },
      });
    }
    expect((await s.api(`/customers/${s.id}`)).status).toBe(200);
  });
});
