import type { Knex } from 'knex';
import { detailWithoutConversations } from '../support/conversationsStats';
import { buildTenant, testDb } from '../support/factories';
import { startTestServer, type TestServer } from '../support/testServer';

/** Customer CRUD over HTTP on the real database: normalisation, seed bodies, validation, duplicates, delete, outbox, idempotency. */
describe('customers CRUD', () => {
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

  type Init = { method?: string; body?: unknown; headers?: Record<string, string>; key?: string };

  /** A fresh tenant, its admin key's id, and a request function that uses its key. */
  async function tenant() {
    const t = await buildTenant(db);
    const keyId = ((await db('api_keys').where({ tenant_id: t.tenantId }).first()) as { id: string }).id;
    const api = (path: string, init: Init = {}) => server.request(`/api/v1${path}`, { key: t.adminKey, ...init });
    const create = async (body: Record<string, unknown>) => {
      const res = await api('/customers', { method: 'POST', body });
      expect(res.status).toBe(201);
      return res.body.data as Record<string, any>;
    };
    const count = async (table = 'customers') => Number(((await db(table).where({ tenant_id: t.tenantId }).count({ n: '*' })) as Array<{ n: number }>)[0]!.n);
    return { ...t, keyId, api, create, count };
  }

  describe('create', () => {
    it('normalises email, phone, names and tags, and stores what it returns', async () => {
      const t = await tenant();
      const res = await t.api('/customers', {
        method: 'POST',
        body: { firstName: 'Ada', lastName: 'Lovelace', email: 'Ada.Lovelace@Example.COM', phone: '(202) 555-0123', tags: ['vip', 'vip', 'early', ' early '] },
      });
      expect(res.status).toBe(201);
      expect(res.body.data).toMatchObject({
        firstName: 'Ada',
        lastName: 'Lovelace',
        fullName: 'Ada Lovelace',
        email: 'ada.lovelace@example.com',
        phone: '+12025550123',
        tags: ['vip', 'early'],
        status: 'active',
        tier: 'regular',
        source: 'api',
      });
      const row = await db('customers').where({ id: res.body.data.id }).first();
      expect(row).toMatchObject({
        tenant_id: t.tenantId,
        email: 'ada.lovelace@example.com',
        phone: '+12025550123',
        full_name: 'Ada Lovelace',
        tags: ['vip', 'early'],
        created_by: `api_key:${t.keyId}`,
      });
      const got = await t.api(`/customers/${res.body.data.id}`);
      expect(got.status).toBe(200);
      expect(got.body.data).toMatchObject({ ...res.body.data, recentOrders: [] });
    });

    it('returns, stores and announces the same customer, every field set', async () => {
      const t = await tenant();
      const res = await t.api('/customers', {
        method: 'POST',
        body: {
          firstName: 'Zoë',
          lastName: "D'Arcy",
          email: 'zoe@example.com',
          phone: '+442079460958',
          alternativePhones: ['+12025550188'],
          externalId: 'ext-1',
          avatar: 'https://example.com/a.png',
          address: { street: '1 Main St', city: 'London', state: 'LDN', country: 'UK', postalCode: 'N1', coordinates: { latitude: 51.5, longitude: -0.12 } },
          tags: ['vip'],
          status: 'inactive',
          tier: 'premium',
          segment: 'new',
          source: 'referral',
          notes: 'n',
          preferences: {
            language: 'en',
            timezone: 'Europe/London',
            email: false,
            sms: true,
            newsletter: true,
            communicationHours: { start: '08:00', end: '20:00' },
          },
          customFields: { plan: 'gold' },
        },
      });
      expect(res.status).toBe(201);
      const created = res.body.data as Record<string, unknown>;
      const got = await t.api(`/customers/${created.id as string}`);
      expect(got.body.data).toEqual(detailWithoutConversations(created));
      const event = await db('events').where({ tenant_id: t.tenantId, subject_id: created.id, type: 'customer.created' }).first();
      expect(event.payload.data.customer).toEqual(created);
      expect(await db('audit_log').where({ tenant_id: t.tenantId, subject_id: created.id, action: 'customer.created' }).count({ n: '*' })).toEqual([{ n: 1 }]);
    });

    it('writes no event or audit row when a create is refused as a duplicate', async () => {
      const t = await tenant();
      await t.create({ name: 'First One', email: 'dup@example.com' });
      const [events, audits] = [await t.count('events'), await t.count('audit_log')];
      expect((await t.api('/customers', { method: 'POST', body: { name: 'Second One', email: 'DUP@example.com' } })).status).toBe(409);
      expect([await t.count('customers'), await t.count('events'), await t.count('audit_log')]).toEqual([1, events, audits]);
    });

    it('splits `name` into first and last name', async () => {
      const t = await tenant();
      expect(await t.create({ name: 'Grace Brewster Hopper', email: 'grace@example.com' })).toMatchObject({
        firstName: 'Grace',
        lastName: 'Brewster Hopper',
        fullName: 'Grace Brewster Hopper',
      });
    });

    it("accepts seed 001's body as written", async () => {
      const t = await tenant();
      const c = await t.create({
        phoneNumber: '529991234567',
        firstName: 'María',
        lastName: 'González',
        email: 'maria.gonzalez@example.com',
        tags: ['frequent', 'coffee'],
        segment: 'vip',
        source: 'whatsapp',
        address: { street: 'Calle 60 #123', city: 'Mérida', state: 'Yucatán', country: 'México', postalCode: '97000' },
        notes: 'Prefers morning deliveries',
        customFields: { favoriteProduct: 'coffee' },
        preferences: { language: 'es', communicationHours: { start: '09:00', end: '18:00' } },
      });
      expect(c).toMatchObject({
        phone: '+529991234567',
        fullName: 'María González',
        email: 'maria.gonzalez@example.com',
        tags: ['frequent', 'coffee'],
        segment: 'vip',
        source: 'whatsapp',
        address: { street: 'Calle 60 #123', city: 'Mérida', state: 'Yucatán', country: 'México', postalCode: '97000', coordinates: null },
        notes: 'Prefers morning deliveries',
        customFields: { favoriteProduct: 'coffee' },
        preferences: { language: 'es', communicationHours: { start: '09:00', end: '18:00' } },
      });
    });

    it("accepts seed 000's body { name, email, phone, notes }", async () => {
      const t = await tenant();
      expect(await t.create({ name: 'John Smith', email: 'john@example.com', phone: '+1 415 555 2671', notes: 'Met at the fair' })).toMatchObject({
        firstName: 'John',
        lastName: 'Smith',
        email: 'john@example.com',
        phone: '+14155552671',
        notes: 'Met at the fair',
      });
    });

    it("accepts seed 002's fields (fullName, contactNumber, customerType, preferences)", async () => {
      const t = await tenant();
      const c = await t.create({
        fullName: 'Lin Wei',
        email: 'lin@example.com',
        contactNumber: '202-555-0188',
        customerType: 'Premium',
        preferences: { newsletter: true, smsNotifications: false },
      });
      expect(c).toMatchObject({
        firstName: 'Lin',
        lastName: 'Wei',
        phone: '+12025550188',
        tier: 'premium',
        preferences: { newsletter: true, sms: false, email: true },
      });
    });

    it("accepts seed 003's location and channel preferences", async () => {
      const t = await tenant();
      const c = await t.create({
        name: 'Olu Ade',
        email: 'olu@example.com',
        phone: '(312) 555-0147',
        location: { street: '1 Main St', city: 'Chicago', state: 'IL', country: 'US', zipCode: '60601' },
        preferences: { channel: 'email', frequency: 'weekly' },
      });
      expect(c).toMatchObject({
        phone: '+13125550147',
        address: { street: '1 Main St', city: 'Chicago', state: 'IL', country: 'US', postalCode: '60601' },
        preferences: { email: true },
        customFields: { preferredFrequency: 'weekly' },
      });
    });

    it("accepts seed 004's body with contact_name and billing_address", async () => {
      const t = await tenant();
      const c = await t.create({
        name: 'Acme Corp',
        email: 'billing@acme.example',
        contact_name: 'Wile E.',
        phone: '+1 212 555 0199',
        billing_address: { address_street_1: '5 Desert Rd', city: 'Phoenix', zip: '85001', state_id: 3, country_id: 1 },
      });
      expect(c).toMatchObject({
        fullName: 'Acme Corp',
        phone: '+12125550199',
        customFields: { contactName: 'Wile E.' },
        address: { street: '5 Desert Rd', city: 'Phoenix', postalCode: '85001' },
      });
    });
  });

  describe('phones as people write them', () => {
    it('accepts spaces, dashes, dots and parentheses in every phone field and stores E.164', async () => {
      const t = await tenant();
      expect(
        await t.create({ name: 'Mara Pech', phone: '+52 999 123 4567', alternativePhones: ['+52 (999) 123-45-68', '212.555.0100', '+44 20 7946 0958'] }),
      ).toMatchObject({ phone: '+529991234567', alternativePhones: ['+529991234568', '+12125550100', '+442079460958'] });
      expect(await t.create({ name: 'Ana Uc', phoneNumber: '+52 (999) 765-4321' })).toMatchObject({ phone: '+529997654321' });
      const c = await t.create({ name: 'Leo Ku', contactNumber: '212.555.0177' });
      expect(c).toMatchObject({ phone: '+12125550177' });
      const patched = await t.api(`/customers/${c.id}`, { method: 'PATCH', body: { phone: '+1 (212) 555-0178' } });
      expect(patched).toMatchObject({ status: 200, body: { data: { phone: '+12125550178' } } });
      const doc = await t.api('/openapi.json');
      const phone = doc.body.components.schemas.CustomerInput.properties.phone;
      const schema = phone.anyOf?.find((s: { type?: string }) => s.type === 'string') ?? phone;
      expect(new RegExp(schema.pattern).test('+52 (999) 123-45.67')).toBe(true);
      expect(schema.description).toContain('E.164');
    });
  });

  describe('validation', () => {
    it.each([
      ['fullName of 1 character', { fullName: 'A', email: 'a@example.com' }, 'fullName'],
      ['phone with letters', { name: 'Al Bo', phone: '202-555-CALL' }, 'phone'],
      ['phone of 9 characters', { name: 'Al Bo', phone: '202555012' }, 'phone'],
      ['phone that is no real number', { name: 'Al Bo', phone: '(000) 000-0000' }, 'phone'],
      ['phoneNumber that is no real number', { name: 'Al Bo', phoneNumber: '+52 000 000' }, 'phoneNumber'],
      ['contactNumber with a slash', { name: 'Al Bo', contactNumber: '212/555/0100' }, 'contactNumber'],
      ['alternative phone that is no real number', { name: 'Al Bo', alternativePhones: ['+1 212 555 0100', '123'] }, 'alternativePhones.1'],
      ['phone of 33 characters', { name: 'Al Bo', phone: '+1 212 555 0100'.padEnd(33, ' ') + '1' }, 'phone'],
      ['tag of 51 characters', { name: 'Al Bo', tags: ['ok', 'x'.repeat(51)] }, 'tags.1'],
      ['bad email', { name: 'Al Bo', email: 'not-an-email' }, 'email'],
      ['unknown field', { name: 'Al Bo', favouriteColour: 'blue' }, 'favouriteColour'],
      [
        'communicationHours 25:00',
        { name: 'Al Bo', preferences: { communicationHours: { start: '25:00', end: '18:00' } } },
        'preferences.communicationHours.start',
      ],
    ])('answers 422 naming the field for a %s, writing nothing', async (_label, body, path) => {
      const t = await tenant();
      const res = await t.api('/customers', { method: 'POST', body });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
      expect(await t.count('customers')).toBe(0);
      expect(await t.count('events')).toBe(0);
    });
  });

  describe('duplicates', () => {
    it('answers 409 with the field and the existing id for a taken email or phone, in any spelling', async () => {
      const t = await tenant();
      const first = await t.create({ name: 'Dee Dup', email: 'dup@example.com', phone: '(202) 555-0123' });
      const byEmail = await t.api('/customers', { method: 'POST', body: { name: 'Other', email: 'DUP@Example.com' } });
      expect(byEmail).toMatchObject({ status: 409, body: { error: { code: 'conflict', details: { field: 'email', existingId: first.id } } } });
      const byPhone = await t.api('/customers', { method: 'POST', body: { name: 'Other', email: 'other@example.com', phone: '+1 202 555 0123' } });
      expect(byPhone).toMatchObject({ status: 409, body: { error: { details: { field: 'phone', existingId: first.id } } } });
      expect(await t.count()).toBe(1);
      const elsewhere = await tenant();
      await elsewhere.create({ name: 'Dee Dup', email: 'dup@example.com', phone: '(202) 555-0123' });
    });

    it('lets exactly one of several concurrent creates with the same email win', async () => {
      const t = await tenant();
      const results = await Promise.all(
        Array.from({ length: 5 }, (_, i) => t.api('/customers', { method: 'POST', body: { name: `Racer ${i}`, email: 'race@example.com' } })),
      );
      const winners = results.filter((r) => r.status === 201);
      expect(winners).toHaveLength(1);
      for (const r of results.filter((x) => x.status !== 201))
        expect(r).toMatchObject({ status: 409, body: { error: { details: { field: 'email', existingId: winners[0]!.body.data.id } } } });
      expect(await t.count()).toBe(1);
    });

    it('answers 409 with the field and the existing id when an update takes a used email', async () => {
      const t = await tenant();
      const first = await t.create({ name: 'Dee Dup', email: 'dup@example.com' });
      const second = await t.create({ name: 'Sam Two', email: 'two@example.com' });
      const res = await t.api(`/customers/${second.id}`, { method: 'PATCH', body: { email: 'Dup@Example.com' } });
      expect(res).toMatchObject({ status: 409, body: { error: { details: { field: 'email', existingId: first.id } } } });
      expect((await t.api(`/customers/${second.id}`)).body.data.email).toBe('two@example.com');
    });
  });

  describe('read, replace and update', () => {
    it("answers 404 for a missing id, another tenant's customer and a deleted one, and 400 for a malformed id", async () => {
      const t = await tenant();
      const other = await tenant();
      const theirs = await other.create({ name: 'Their Customer' });
      const mine = await t.create({ name: 'Gone Soon' });
      expect((await t.api(`/customers/${mine.id}`, { method: 'DELETE' })).status).toBe(204);
      for (const id of ['00000000-0000-4000-8000-000000000000', theirs.id, mine.id]) {
        expect(await t.api(`/customers/${id}`)).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
      }
      expect(await t.api('/customers/not-a-uuid')).toMatchObject({ status: 400, body: { error: { code: 'bad_request' } } });
      expect((await t.api(`/customers/${theirs.id}`, { method: 'PATCH', body: { notes: 'hijack' } })).status).toBe(404);
      expect((await other.api(`/customers/${theirs.id}`)).body.data.notes).toBeNull();
    });

    it('PUT resets every omitted optional field; PATCH changes only the fields sent', async () => {
      const t = await tenant();
      const c = await t.create({
        firstName: 'Ada',
        lastName: 'Lovelace',
        email: 'ada@example.com',
        phone: '(202) 555-0123',
        tags: ['vip'],
        segment: 'vip',
        notes: 'Keep me?',
        customerType: 'vip',
        address: { city: 'London' },
        customFields: { a: '1' },
      });

      const patched = await t.api(`/customers/${c.id}`, { method: 'PATCH', body: { lastName: 'King', notes: 'Patched' } });
      expect(patched.status).toBe(200);
      expect(patched.body.data).toMatchObject({
        firstName: 'Ada',
        lastName: 'King',
        fullName: 'Ada King',
        notes: 'Patched',
        tags: ['vip'],
        segment: 'vip',
        tier: 'vip',
        email: 'ada@example.com',
        phone: '+12025550123',
        address: { city: 'London' },
        customFields: { a: '1' },
      });

      const put = await t.api(`/customers/${c.id}`, { method: 'PUT', body: { firstName: 'Augusta', email: 'ada@example.com' } });
      expect(put.status).toBe(200);
      expect(put.body.data).toMatchObject({
        firstName: 'Augusta',
        lastName: null,
        fullName: 'Augusta',
        email: 'ada@example.com',
        phone: null,
        tags: [],
        segment: null,
        notes: null,
        tier: 'regular',
        address: { city: null },
        customFields: {},
      });
      expect((await t.api(`/customers/${c.id}`)).body.data).toMatchObject({ tags: [], notes: null, phone: null });
      expect((await t.api(`/customers/${c.id}`, { method: 'PUT', body: {} })).status).toBe(422);
    });
  });

  describe('delete', () => {
    it('soft delete hides the customer from get, list and search and frees its email', async () => {
      const t = await tenant();
      const c = await t.create({ name: 'Soft Delete', email: 'soft@example.com', phone: '(202) 555-0144' });
      expect((await t.api(`/customers/${c.id}`, { method: 'DELETE' })).status).toBe(204);
      expect((await t.api(`/customers/${c.id}`)).status).toBe(404);
      expect((await t.api('/customers')).body).toMatchObject({ data: [], pagination: { total: 0 } });
      expect((await t.api('/customers/search?q=soft')).body.data).toEqual([]);
      expect((await t.api(`/customers/${c.id}`, { method: 'DELETE' })).status).toBe(404);
      expect((await t.api(`/customers/${c.id}`, { method: 'PATCH', body: { notes: 'ghost' } })).status).toBe(404);
      expect((await t.api(`/customers/${c.id}/block`, { method: 'PATCH', body: { isBlocked: true } })).status).toBe(404);
      expect((await db('customers').where({ id: c.id }).first()).deleted_at).not.toBeNull();
      const again = await t.create({ name: 'Soft Again', email: 'soft@example.com', phone: '(202) 555-0144' });
      expect(again.id).not.toBe(c.id);
    });

    it('?permanent=true removes the row', async () => {
      const t = await tenant();
      const c = await t.create({ name: 'Hard Delete' });
      expect((await t.api(`/customers/${c.id}/notes`, { method: 'POST', body: { content: 'a note that goes with it' } })).status).toBe(201);
      expect((await t.api(`/customers/${c.id}/config`, { method: 'PUT', body: { theme: 'dark' } })).status).toBe(200);
      expect((await t.api(`/customers/${c.id}?permanent=true`, { method: 'DELETE' })).status).toBe(204);
      expect(await db('customers').where({ id: c.id }).first()).toBeUndefined();
      expect(await db('customer_notes').where({ customer_id: c.id }).first()).toBeUndefined();
      const deleted = await db('events').where({ tenant_id: t.tenantId, subject_id: c.id, type: 'customer.deleted' });
      expect(deleted.map((e) => e.payload.data)).toEqual([{ customerId: c.id, permanent: true }]);
      expect((await t.api(`/customers/${c.id}`)).status).toBe(404);
    });

    it('refuses a permanent delete while an order is active, and allows it once the order is cancelled', async () => {
      const t = await tenant();
      const c = await t.create({ name: 'Has Orders' });
      const order = await t.api('/orders', { method: 'POST', body: { customerId: c.id, items: [{ name: 'x', price: 10, quantity: 1 }] } });
      expect(order.status).toBe(201);
      const refused = await t.api(`/customers/${c.id}?permanent=true`, { method: 'DELETE' });
      expect(refused).toMatchObject({ status: 409, body: { error: { code: 'conflict', details: { activeOrders: 1 } } } });
      expect(await db('customers').where({ id: c.id }).first()).toBeDefined();
      expect((await t.api(`/orders/${order.body.data.id}/status`, { method: 'PATCH', body: { status: 'cancelled' } })).status).toBe(200);
      expect((await t.api(`/customers/${c.id}?permanent=true`, { method: 'DELETE' })).status).toBe(204);
      expect(await db('customers').where({ id: c.id }).first()).toBeUndefined();
      expect(await db('orders').where({ id: order.body.data.id }).first()).toBeUndefined();
    });
  });

  describe('outbox and audit', () => {
    it('writes an event and an audit row for every change, naming the key as actor', async () => {
      const t = await tenant();
      const created = await t.api('/customers', { method: 'POST', body: { name: 'Event Source', email: 'events@example.com' } });
      const c = created.body.data;
      const requestId = created.headers.get('x-request-id');
      const steps: Array<[string, string, unknown]> = [
        ['PATCH', '', { notes: 'Changed notes' }],
        ['PATCH', '/block', { isBlocked: true, blockReason: 'fraud' }],
        ['PATCH', '/block', { isBlocked: false }],
        ['PATCH', '/status', { status: 'inactive', reason: 'quiet' }],
        ['PATCH', '/tags', { action: 'add', tags: ['loyal'] }],
      ];
      for (const [method, suffix, body] of steps) expect((await t.api(`/customers/${c.id}${suffix}`, { method, body })).status).toBe(200);
      expect((await t.api(`/customers/${c.id}`, { method: 'DELETE' })).status).toBe(204);

      const events = await db('events').where({ tenant_id: t.tenantId, subject_id: c.id }).orderBy('seq');
      expect(events.map((e) => e.type)).toEqual([
        'customer.created',
        'customer.updated',
        'customer.blocked',
        'customer.unblocked',
        'customer.status_changed',
        'customer.tags_changed',
        'customer.deleted',
      ]);
      for (const e of events) expect(e.payload.actor).toEqual({ type: 'api_key', id: t.keyId });
      expect(events[0].payload).toMatchObject({ requestId, data: { customer: { id: c.id, email: 'events@example.com' } } });
      expect(events[1].payload.data.changed).toEqual(['notes']);
      expect(events[4].payload.data).toMatchObject({ from: 'active', to: 'inactive', reason: 'quiet' });
      expect(events[5].payload.data).toMatchObject({ from: [], to: ['loyal'] });
      expect(events[6].payload.data).toMatchObject({ customerId: c.id, permanent: false });

      const audit = await db('audit_log').where({ tenant_id: t.tenantId, subject_id: c.id }).orderBy('id');
      expect(audit.map((a) => a.action)).toEqual([
        'customer.created',
        'customer.updated',
        'customer.blocked',
        'customer.unblocked',
        'customer.status_changed',
        'customer.tags_changed',
        'customer.deleted',
      ]);
      expect(audit.every((a) => a.actor_type === 'api_key' && a.actor_id === t.keyId)).toBe(true);
      expect(audit[0].request_id).toBe(requestId);
    });

    it('a PATCH reports every changed field, a status or tags change also emits its own event, and a no-op PATCH emits nothing', async () => {
      const t = await tenant();
      const c = await t.create({ name: 'Multi Change' });
      expect((await t.api(`/customers/${c.id}`, { method: 'PATCH', body: { status: 'suspended', tags: ['x'], notes: 'n' } })).status).toBe(200);
      const events = await db('events').where({ tenant_id: t.tenantId, subject_id: c.id }).orderBy('seq');
      expect(events.map((e) => e.type)).toEqual(['customer.created', 'customer.updated', 'customer.status_changed', 'customer.tags_changed']);
      expect([...events[1].payload.data.changed].sort()).toEqual(['notes', 'status', 'tags']);
      expect((await t.api(`/customers/${c.id}`, { method: 'PATCH', body: { status: 'suspended', notes: 'n' } })).status).toBe(200);
      expect(await db('events').where({ tenant_id: t.tenantId, subject_id: c.id }).count({ n: '*' })).toEqual([{ n: 4 }]);
    });
  });

  describe('Idempotency-Key', () => {
    it('replays the first response for the same key and body, creating one row', async () => {
      const t = await tenant();
      const body = { name: 'Idem Potent', email: 'idem@example.com' };
      const headers = { 'Idempotency-Key': 'create-idem-1' };
      const first = await t.api('/customers', { method: 'POST', body, headers });
      expect(first.status).toBe(201);
      expect(first.headers.get('idempotent-replayed')).toBeNull();
      const second = await t.api('/customers', { method: 'POST', body, headers });
      expect(second.status).toBe(201);
      expect(second.headers.get('idempotent-replayed')).toBe('true');
      expect(second.body).toEqual(first.body);
      expect(await t.count()).toBe(1);
      expect(await db('events').where({ tenant_id: t.tenantId, type: 'customer.created' }).count({ n: '*' })).toEqual([{ n: 1 }]);

      const reused = await t.api('/customers', { method: 'POST', body: { ...body, notes: 'different' }, headers });
      expect(reused).toMatchObject({ status: 422, body: { error: { code: 'idempotency_key_reused' } } });
      expect(await t.count()).toBe(1);

      const other = await tenant();
      const theirs = await other.api('/customers', { method: 'POST', body, headers });
      expect(theirs.status).toBe(201);
      expect(theirs.headers.get('idempotent-replayed')).toBeNull();
      expect(theirs.body.data.id).not.toBe(first.body.data.id);
    });

    it('replays a 422 for the same key (a value that cannot be normalised)', async () => {
      const t = await tenant();
      const headers = { 'Idempotency-Key': 'create-invalid-1' };
      const body = { fullName: 'A', email: 'short@example.com' };
      const first = await t.api('/customers', { method: 'POST', body, headers });
      expect(first.status).toBe(422);
      const second = await t.api('/customers', { method: 'POST', body, headers });
      expect(second.status).toBe(422);
      expect(second.headers.get('idempotent-replayed')).toBe('true');
      expect(second.body).toEqual(first.body);
      expect(await t.count()).toBe(0);
    });

    it('replays a 422 from body validation for the same key, so the key stays bound to that request', async () => {
      const t = await tenant();
      const headers = { 'Idempotency-Key': 'create-invalid-2' };
      const body = { name: 'Bad Email', email: 'not-an-email' };
      const first = await t.api('/customers', { method: 'POST', body, headers });
      expect(first.status).toBe(422);
      const second = await t.api('/customers', { method: 'POST', body, headers });
      expect(second.status).toBe(422);
      expect(second.headers.get('idempotent-replayed')).toBe('true');
      const fixed = await t.api('/customers', { method: 'POST', body: { ...body, email: 'good@example.com' }, headers });
      expect(fixed).toMatchObject({ status: 422, body: { error: { code: 'idempotency_key_reused' } } });
      expect(await t.count()).toBe(0);
    });
  });
});
