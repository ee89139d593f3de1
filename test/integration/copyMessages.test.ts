import type { Knex } from 'knex';
import { Herald } from '../../sdk/src';
import { buildCustomer, buildTenant, testDb } from '../support/factories';
import { startTestServer, type TestServer } from '../support/testServer';

/**
 * POST /ai/message-suggestions and /ai/message-check through the real API: goals in English and
 * Spanish, copy that uses only the fields a segment's members have, rendering for a real member,
 * the WhatsApp window from conversation stats, the tenant's SMS price, and clear 4xx for bad input.
 */
describe('message suggestions and checks', () => {
  let server: TestServer;
  let db: Knex;
  let tenant: { tenantId: string; adminKey: string };
  const segments: Record<string, string> = {};
  let newestCity: string;

  const post = (path: string, body: unknown, key = tenant.adminKey) => server.request(path, { method: 'POST', key, body });
  const suggest = (body: unknown) => post('/api/v1/ai/message-suggestions', body);
  const check = (body: unknown) => post('/api/v1/ai/message-check', body);

  async function segment(name: string, tag: string): Promise<string> {
    const res = await post('/api/v1/segments', { name, rules: { kind: 'condition', field: 'tags', operator: 'hasAny', value: [tag] } });
    expect(res.status).toBe(201);
    return res.body.data.id as string;
  }

  beforeAll(async () => {
    db = testDb();
    server = await startTestServer({ RATE_LIMIT_GENERAL_PER_MINUTE: '100000', RATE_LIMIT_IP_PER_MINUTE: '100000', RATE_LIMIT_AI_PER_MINUTE: '100000' });
    tenant = await buildTenant(db, 'copy');
    const base = Date.parse('2026-11-01T00:00:00Z');
    // Five members with a city (Spanish speakers), the newest in Guadalajara; five of whom one has a city.
    for (let i = 0; i < 5; i++) {
      await buildCustomer(db, tenant.tenantId, {
        tags: ['with-city'],
        address_city: i === 4 ? 'Guadalajara' : 'Monterrey',
        language: 'es-MX',
        first_name: `Ana${i}`,
        created_at: new Date(base + i * 60_000),
      });
    }
    newestCity = 'Guadalajara';
    for (let i = 0; i < 5; i++) {
      const id = await buildCustomer(db, tenant.tenantId, {
        tags: ['no-city'],
        address_city: i === 0 ? 'Pune' : null,
        created_at: new Date(base + i * 60_000),
      });
      // Two of them wrote on WhatsApp an hour ago; the other three never did or long ago.
      if (i >= 2) {
        await db('customer_conversation_stats').insert({
          customer_id: id,
          tenant_id: tenant.tenantId,
          last_inbound_at: new Date(Date.now() - (i >= 3 ? 3_600_000 : 3 * 86_400_000)),
        });
      }
    }
    segments.city = await segment('copy with city', 'with-city');
    segments.noCity = await segment('copy without city', 'no-city');
  });
  afterAll(async () => {
    await server.close();
    await db.destroy();
  });

  it('an English goal without audience: 4 promotion emails, ranked by score, firstName with a default only, the same answer every time', async () => {
    const body = { type: 'email', goal: 'Promote summer sale', audience: 'High-value customers', tone: 'friendly' };
    const res = await suggest(body);
    expect(res.status).toBe(200);
    expect(res.body.family).toMatchObject({ id: 'promotion', matchedKeywords: ['sale', 'promo*'] });
    expect(res.body.language.code).toBe('en');
    expect(res.body.fields.used).toEqual(['firstName']);
    expect(res.body.audience).toBeNull();
    const list = res.body.suggestions as Array<{ subject: string; body: string; tone: string; score: number; checks: Array<{ id: string; weight: number }> }>;
    expect(list).toHaveLength(4);
    expect(new Set(list.map((s) => s.tone))).toEqual(new Set(['friendly', 'formal', 'urgent', 'playful']));
    expect(list.map((s) => s.score)).toEqual([...list.map((s) => s.score)].sort((a, b) => b - a));
    for (const s of list) {
      expect(s.subject.length).toBeGreaterThanOrEqual(30);
      expect(s.body).toContain('{{ firstName | default:');
      expect(s.body).not.toContain('address.city');
      expect(s.body).toContain('{{ unsubscribeUrl }}');
      expect(s.checks.map((c) => c.id)).toEqual(['subject_length', 'spam_words', 'call_to_action', 'personalisation', 'liquid_renders', 'unsubscribe_link']);
    }
    expect(res.body.weights).toEqual({ subject_length: 15, spam_words: 15, call_to_action: 20, personalisation: 15, liquid_renders: 20, unsubscribe_link: 15 });
    expect((await suggest(body)).body).toEqual(res.body);
  });

  it('a Spanish goal gives Spanish SMS copy with the segment count and cost; the link is used', async () => {
    const res = await suggest({ type: 'sms', goal: 'Promocionar las rebajas de verano', tone: 'urgent', url: 'https://tienda.example/rebajas' });
    expect(res.status).toBe(200);
    expect(res.body.language).toMatchObject({ code: 'es' });
    expect(res.body.family.id).toBe('promotion');
    const urgent = res.body.suggestions.find((s: { tone: string }) => s.tone === 'urgent');
    expect(urgent.body).toContain('rebajas');
    expect(urgent.body).toContain('https://tienda.example/rebajas');
    expect(urgent.subject).toBeUndefined();
    const segmentsCheck = urgent.checks.find((c: { id: string }) => c.id === 'sms_segments');
    expect(segmentsCheck.details).toMatchObject({ encoding: 'GSM-7', segments: 1, pricePerSegment: 0.0083, currency: 'USD', priceSource: 'default' });
  });

  it("a segment whose members have cities gets copy with the city, rendered for its newest member, in the members' language", async () => {
    const res = await suggest({ type: 'whatsapp', goal: 'Q3 2026', segmentId: segments.city });
    expect(res.status).toBe(200);
    expect(res.body.language).toMatchObject({ code: 'es', reason: expect.stringContaining('audience') });
    expect(res.body.fields.used).toEqual(['firstName', 'address.city']);
    expect(res.body.audience).toMatchObject({ type: 'segment', id: segments.city, sampled: 5, language: 'es' });
    expect(res.body.audience.fields).toContainEqual({ field: 'address.city', filledShare: 1, used: true });
    const first = res.body.suggestions[0];
    expect(first.body).toContain('{{ address.city }}');
    expect(first.preview.body).toContain(newestCity);
    expect(first.preview.body).toContain('Ana4');
    const member = await db('customers').where({ tenant_id: tenant.tenantId, first_name: 'Ana4' }).first('id');
    expect(first.preview.customerId).toBe(member.id);
  });

  it('a segment whose members lack cities gets no city; its WhatsApp window counts the members who have not written within 24 hours', async () => {
    const res = await suggest({ type: 'whatsapp', goal: 'Welcome new customers', segmentId: segments.noCity });
    expect(res.status).toBe(200);
    expect(res.body.family.id).toBe('welcome');
    expect(res.body.audience.fields).toContainEqual({ field: 'address.city', filledShare: 0.2, used: false });
    for (const s of res.body.suggestions) expect(s.body).not.toContain('address.city');
    const window = res.body.suggestions[0].checks.find((c: { id: string }) => c.id === 'whatsapp_window');
    // Never wrote (2) + wrote three days ago (1) = 3 of 5: a majority, so a template is needed.
    expect(window).toMatchObject({ status: 'fail', details: { sampled: 5, outsideWindow: 3 } });
  });

  it("checks a draft for a campaign's audience, rendering it for a real member", async () => {
    const created = await post('/api/v1/campaigns', {
      name: 'copy check',
      channel: 'email',
      subject: 'S',
      body: 'B',
      audience: { type: 'segment', segmentId: segments.city },
    });
    expect(created.status).toBe(201);
    const res = await check({
      type: 'email',
      subject: 'Hola {{ firstName }}, las rebajas de {{ address.city }}',
      body: '<p>{{ campaign.name }}: visita la tienda.</p><a href="{{ unsubscribeUrl }}">Baja</a>',
      campaignId: created.body.data.id,
    });
    expect(res.status).toBe(200);
    expect(res.body.data.preview).toMatchObject({ subject: `Hola Ana4, las rebajas de ${newestCity}`, body: expect.stringContaining('copy check: visita') });
    expect(res.body.data.audience).toMatchObject({ type: 'campaign', sampled: 5 });
    expect(res.body.data.score).toBe(100);
  });

  it('a poor draft scores low and says why; the SMS price comes from the messaging settings', async () => {
    const put = await server.request('/api/v1/messaging/settings', {
      method: 'PUT',
      key: tenant.adminKey,
      body: { smsSegmentPrice: { amount: 0.05, currency: 'MXN' } },
    });
    expect(put.status).toBe(200);
    const res = await check({ type: 'sms', body: `FREE entry, you are a WINNER!! ${'€'.repeat(80)}` });
    expect(res.status).toBe(200);
    const byId = Object.fromEntries(res.body.data.checks.map((c: { id: string }) => [c.id, c]));
    expect(byId.sms_segments).toMatchObject({ status: 'warn', details: { segments: 2, costPerMessage: 0.1, currency: 'MXN', priceSource: 'settings' } });
    expect(byId.spam_words).toMatchObject({ status: 'fail' });
    expect(byId.call_to_action.status).toBe('fail');
    expect(byId.personalisation.status).toBe('fail');
    expect(res.body.data.score).toBeLessThan(50);
    expect(res.body.data.preview).toMatchObject({ customerId: null });
  });

  it('the SDK wraps both calls (herald.ai)', async () => {
    const herald = new Herald({ baseUrl: server.url, apiKey: tenant.adminKey });
    const suggested = await herald.ai.messageSuggestions({ type: 'email', goal: 'Recover abandoned carts', segmentId: segments.city });
    expect(suggested.family.id).toBe('abandoned_cart');
    expect(suggested.suggestions.length).toBeGreaterThanOrEqual(3);
    const verdict = await herald.ai.checkMessage({ type: 'sms', body: 'Hi {{ firstName }}, shop the sale now.' });
    expect(verdict.checks.find((c) => c.id === 'sms_segments')).toMatchObject({ status: 'pass', details: { segments: 1 } });
  });

  it('bad input is a clear 4xx: unknown type, unknown segment or campaign, two audiences, a body over the channel limit, a subject on SMS', async () => {
    const unknownType = await suggest({ type: 'fax', goal: 'Promote summer sale' });
    expect(unknownType.status).toBe(422);
    expect(unknownType.body.error.details[0]).toMatchObject({ path: 'type' });
    const missingSegment = await suggest({ type: 'email', goal: 'Promote summer sale', segmentId: '00000000-0000-4000-8000-000000000001' });
    expect(missingSegment.status).toBe(404);
    expect(missingSegment.body.error.message).toBe('Segment not found');
    expect((await check({ type: 'sms', body: 'x', campaignId: '00000000-0000-4000-8000-000000000001' })).status).toBe(404);
    const both = await check({ type: 'sms', body: 'x', segmentId: segments.city, campaignId: segments.city });
    expect(both.status).toBe(422);
    expect(both.body.error.details[0]).toMatchObject({ path: 'campaignId' });
    const long = await check({ type: 'sms', body: 'a'.repeat(1601) });
    expect(long.status).toBe(422);
    expect(long.body.error.details[0]).toMatchObject({ path: 'body' });
    expect((await check({ type: 'whatsapp', body: 'a'.repeat(4096) })).status).toBe(200);
    expect((await check({ type: 'sms', subject: 'Hi', body: 'x' })).status).toBe(422);
    expect((await suggest({ type: 'email', goal: 'Promote summer sale', url: 'javascript:alert(1)' })).status).toBe(422);
    const other = await buildTenant(db, 'copy other');
    expect((await post('/api/v1/ai/message-check', { type: 'sms', body: 'x', segmentId: segments.city }, other.adminKey)).status).toBe(404);
  });
});

describe('the AI rate limit', () => {
  let server: TestServer;
  let db: Knex;

  beforeAll(async () => {
    db = testDb();
    server = await startTestServer({ RATE_LIMIT_GENERAL_PER_MINUTE: '1000', RATE_LIMIT_IP_PER_MINUTE: '1000' });
  });
  afterAll(async () => {
    await server.close();
    await db.destroy();
  });

  it('allows 20 AI calls a minute per user by default (segment suggestions included), the 21st is a 429 with Retry-After; other routes are unaffected', async () => {
    const t = await buildTenant(db, 'copy limits');
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 21; i++) {
      last =
        i % 2
          ? await server.request('/api/v1/ai/message-check', { method: 'POST', key: t.adminKey, body: { type: 'sms', body: 'Hi {{ firstName }}, shop now' } })
          : await server.request('/api/v1/ai/segment-suggestions', { method: 'POST', key: t.adminKey, body: { query: 'vip customers' } });
      statuses.push(last.status);
      if (i === 0) {
        expect(last.headers.get('x-ratelimit-limit')).toBe('20');
        expect(last.headers.get('x-ratelimit-remaining')).toBe('19');
      }
    }
    expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true);
    expect(statuses[20]).toBe(429);
    expect(last!.body.error.code).toBe('rate_limited');
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(last!.headers.get('x-ratelimit-limit')).toBe('20');
    expect(last!.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(last!.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
    expect((await server.request('/api/v1/segments/suggestions', { method: 'POST', key: t.adminKey, body: { query: 'vip customers' } })).status).toBe(429);
    expect((await server.request('/api/v1/tenant', { key: t.adminKey })).status).toBe(200);
    const other = await buildTenant(db, 'copy limits other');
    expect((await server.request('/api/v1/ai/message-check', { method: 'POST', key: other.adminKey, body: { type: 'sms', body: 'x' } })).status).toBe(200);
  });
});
