import { messageLinks } from '../../domain/campaigns/tracking';
import { splitHash } from '../../domain/campaigns/variants';
import { buildTenant } from '../support/factories';
import { until } from '../support/until';
import { seedCustomers, startCampaignStack, waitFor, type CampaignStack } from './campaignHarness';

/**
 * Campaign A/B tests end to end (issue 19): the real API, worker, Temporal timer, SMTP server and
 * fake Twilio. Opens come through Herald's own tracking pixel, conversions through POST /track.
 * Test windows are seconds long: the workflow's timer takes the duration from the campaign.
 */

let stack: CampaignStack;

beforeAll(async () => {
  stack = await startCampaignStack();
}, 60_000);
afterAll(async () => {
  await stack?.close();
});

type Tenant = { tenantId: string; adminKey: string };
const api = (t: Tenant, path: string, init: { method?: string; body?: unknown } = {}) => stack.server.request(path, { key: t.adminKey, ...init });

/** The campaign's test rows (variant, phase, state, customer) read from the ledger. */
const ledger = (campaignId: string) =>
  stack.db('campaign_recipients').where({ campaign_id: campaignId }).orderBy('id').select('id', 'customer_id', 'variant', 'variant_phase', 'state', 'address');

/** Waits until the test group's messages are all accepted (SMS may already be delivered). */
const testRowsSent = (campaignId: string, n: number) =>
  until(
    () => ledger(campaignId),
    (rows) => rows.filter((r) => r.variant_phase === 'test' && ['sent', 'delivered'].includes(r.state)).length === n,
    { timeoutMs: 30_000, label: `${n} test messages sent` },
  );

const completed = (t: Tenant, id: string) =>
  waitFor(async () => {
    const r = await api(t, `/api/v1/campaigns/${id}`);
    return r.body.data.status === 'completed' ? r.body.data : null;
  }, 60_000);

describe('A/B test definitions', () => {
  let t: Tenant;
  beforeAll(async () => {
    t = await buildTenant(stack.db, 'Variants validation');
    await seedCustomers(stack.db, t.tenantId, 3, 'v');
  });
  const base = { name: 'AB', channel: 'email', subject: 'Hello', body: 'Hi {{firstName}}', audience: { type: 'all' } };
  const variants = [
    { key: 'A', name: 'Control', subject: 'Hello' },
    { key: 'B', name: 'Bold', subject: 'HELLO {{firstName}}' },
  ];
  const test = { share: 0.2, metric: 'opens', duration: '4h' };

  it('stores variants and the test, and shows them on the campaign', async () => {
    const r = await api(t, '/api/v1/campaigns', { method: 'POST', body: { ...base, variants, test } });
    expect(r.status).toBe(201);
    expect(r.body.data).toMatchObject({ variants, test, testDecision: null });
  });

  it.each([
    ['one variant', { variants: variants.slice(0, 1), test }, 'variants'],
    ['six variants', { variants: Array.from({ length: 6 }, (_, i) => ({ key: `v${i}`, name: `V${i}`, body: 'x' })), test }, 'variants'],
    ['a share of 1', { variants, test: { ...test, share: 1 } }, 'test.share'],
    ['a share of 0', { variants, test: { ...test, share: 0 } }, 'test.share'],
    ['a duration without a unit', { variants, test: { ...test, duration: '10' } }, 'test.duration'],
    ['a duration under 5 seconds', { variants, test: { ...test, duration: '2s' } }, 'test.duration'],
    ['a duration over 30 days', { variants, test: { ...test, duration: '31d' } }, 'test.duration'],
    ['an empty event name', { variants, test: { ...test, metric: { event: ' ', within: '1h' } } }, 'test.metric'],
    ['a conversion window longer than the test', { variants, test: { ...test, metric: { event: 'Paid', within: '5h' } } }, 'test.metric.within'],
    ['repeated keys', { variants: [variants[0], { ...variants[1], key: 'A' }], test }, 'variants.1.key'],
    ['a variant overriding nothing', { variants: [variants[0], { key: 'B', name: 'B' }], test }, 'variants.1'],
    ['variants without a test', { variants }, 'test'],
    ['a test without variants', { test }, 'variants'],
    ['a variant template that does not parse', { variants: [variants[0], { key: 'B', name: 'B', body: '{{ x | nosuch }}' }], test }, 'variants.1.body'],
  ])('refuses %s with a 422 naming the field, and stores nothing', async (_what, extra, path) => {
    const before = await stack.db('campaigns').where({ tenant_id: t.tenantId }).count<{ n: string }[]>({ n: '*' });
    const r = await api(t, '/api/v1/campaigns', { method: 'POST', body: { ...base, ...extra } });
    expect(r.status).toBe(422);
    expect(r.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    const after = await stack.db('campaigns').where({ tenant_id: t.tenantId }).count<{ n: string }[]>({ n: '*' });
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('refuses an SMS variant with a subject', async () => {
    const r = await api(t, '/api/v1/campaigns', {
      method: 'POST',
      body: {
        ...base,
        channel: 'sms',
        subject: undefined,
        variants: [
          { key: 'A', name: 'A', body: 'a' },
          { key: 'B', name: 'B', subject: 'no' },
        ],
        test,
      },
    });
    expect(r.status).toBe(422);
    expect(r.body.error.details.map((d: { path: string }) => d.path)).toContain('variants.1.subject');
  });

  it('edits variants of a draft, and refuses (409) once the test has started, changing nothing', async () => {
    const created = await api(t, '/api/v1/campaigns', { method: 'POST', body: { ...base, variants, test: { ...test, duration: '1h' } } });
    const id = created.body.data.id as string;
    const edited = await api(t, `/api/v1/campaigns/${id}`, { method: 'PATCH', body: { variants: [...variants, { key: 'C', name: 'Third', body: 'Hey' }] } });
    expect(edited.status).toBe(200);
    expect(edited.body.data.variants).toHaveLength(3);
    expect((await api(t, `/api/v1/campaigns/${id}/send`, { method: 'POST' })).status).toBe(202);
    const refused = await api(t, `/api/v1/campaigns/${id}`, { method: 'PATCH', body: { variants } });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('conflict');
    const stored = await stack.db('campaigns').where({ id }).first('variants');
    expect(stored.variants).toHaveLength(3);
    expect((await api(t, `/api/v1/campaigns/${id}/cancel`, { method: 'POST' })).status).toBe(200);
    const rows = await ledger(id);
    expect(rows.every((r) => ['cancelled', 'sent', 'skipped'].includes(r.state))).toBe(true);
  });
});

describe('a planted effect: variant B is opened far more often', () => {
  it('splits the test share deterministically, decides B after the window with its numbers, and sends B to the rest', async () => {
    const t = await buildTenant(stack.db, 'Variants planted');
    await seedCustomers(stack.db, t.tenantId, 200, 'ab');
    const created = await api(t, '/api/v1/campaigns', {
      method: 'POST',
      body: {
        name: 'Spring sale',
        channel: 'email',
        subject: 'Our spring sale',
        body: '<p>Hi {{firstName}}, the sale is on.</p>',
        audience: { type: 'all' },
        variants: [
          { key: 'A', name: 'Control', subject: 'Our spring sale' },
          { key: 'B', name: 'Urgent', subject: 'Last hours: spring sale for {{firstName}}' },
        ],
        test: { share: 0.5, metric: 'opens', duration: '12s' },
      },
    });
    expect(created.status).toBe(201);
    const id = created.body.data.id as string;
    expect((await api(t, `/api/v1/campaigns/${id}/send`, { method: 'POST' })).status).toBe(202);
    const rows = await testRowsSent(id, 100);

    // The split: the 100 first recipients by md5("campaign:customer") test, dealt A, B, A, B… in that order; the rest are held.
    const ordered = [...rows].sort((a, b) => (splitHash(id, a.customer_id) < splitHash(id, b.customer_id) ? -1 : 1));
    expect(ordered.map((r) => r.variant_phase)).toEqual([...Array(100).fill('test'), ...Array(100).fill('rest')]);
    expect(ordered.slice(0, 100).map((r) => r.variant)).toEqual(Array.from({ length: 100 }, (_, i) => (i % 2 ? 'B' : 'A')));
    expect(ordered.slice(100).every((r) => r.state === 'held' && r.variant === null)).toBe(true);

    // Opens through the real tracking pixel: 45 of B's 50, 5 of A's 50.
    const secret = stack.server.runtime.config.TRACKING_SECRET;
    const opens = (variant: string, n: number) => ordered.filter((r) => r.variant === variant).slice(0, n);
    for (const r of [...opens('B', 45), ...opens('A', 5)]) {
      expect((await fetch(messageLinks(stack.server.url, secret, r.id).openPixelUrl)).status).toBe(200);
    }

    // Before the window ends there is no decision and the rest waits.
    const during = (await api(t, `/api/v1/campaigns/${id}/analytics`)).body.data;
    expect(during).toMatchObject({ held: 100, sent: 100, opened: 50, abTest: { status: 'testing', decision: null, leader: 'B' } });
    expect((await api(t, `/api/v1/campaigns/${id}`)).body.data).toMatchObject({ status: 'sending', testDecision: null });
    expect(stack.sink.messages.filter((m) => m.headers['x-herald-tenant'] === t.tenantId)).toHaveLength(100);

    const done = await completed(t, id);
    const decision = done.testDecision;
    expect(decision).toMatchObject({ outcome: 'winner', winner: 'B', leader: 'B', released: 100, metric: 'opens' });
    expect(decision.variants).toEqual([
      expect.objectContaining({ key: 'A', name: 'Control', sample: 50, successes: 5, rate: 0.1 }),
      expect.objectContaining({ key: 'B', name: 'Urgent', sample: 50, successes: 45, rate: 0.9, pValue: null }),
    ]);
    expect(decision.variants[0].pValue).toBeLessThan(1e-6);
    expect(decision.reason).toMatch(/winner$/);
    expect(Date.parse(decision.decidedAt) - Date.parse(done.startedAt)).toBeGreaterThanOrEqual(12_000);

    // The rest got B: ledger rows and the messages themselves.
    const after = await ledger(id);
    const rest = after.filter((r) => r.variant_phase === 'rest');
    expect(rest).toHaveLength(100);
    expect(rest.every((r) => r.variant === 'B' && r.state === 'sent')).toBe(true);
    const restAddresses = new Set(rest.map((r) => r.address));
    const mail = stack.sink.messages.filter((m) => m.headers['x-herald-tenant'] === t.tenantId);
    expect(mail).toHaveLength(200);
    const restMail = mail.filter((m) => restAddresses.has(m.to[0]!));
    expect(restMail).toHaveLength(100);
    expect(restMail.every((m) => /^Last hours: spring sale for Cust\d+$/.test(m.headers.subject!))).toBe(true);

    // Analytics: every variant with its rate and a 95 % interval around it, and the recorded decision.
    const analytics = (await api(t, `/api/v1/campaigns/${id}/analytics`)).body.data;
    expect(analytics.abTest).toMatchObject({ status: 'decided', decision: { winner: 'B' } });
    const [a, b] = analytics.abTest.variants;
    expect(a).toMatchObject({ key: 'A', sent: 50, rate: 0.1 });
    expect(b).toMatchObject({ key: 'B', sent: 150, rate: 0.9 });
    for (const v of [a, b]) expect(v.interval.lower < v.rate && v.rate < v.interval.upper).toBe(true);
    expect(a.interval.upper).toBeLessThan(b.interval.lower);
  }, 90_000);
});

describe('flat data: the same conversion rate in both variants', () => {
  it('shows no winner before the window ends, then records "no significant difference" and sends the control to the rest', async () => {
    const t = await buildTenant(stack.db, 'Variants flat');
    await seedCustomers(stack.db, t.tenantId, 120, 'flat');
    const created = await api(t, '/api/v1/campaigns', {
      method: 'POST',
      body: {
        name: 'SMS sale',
        channel: 'sms',
        body: 'Sale today',
        audience: { type: 'all' },
        variants: [
          { key: 'A', name: 'Short', body: 'Sale today' },
          { key: 'B', name: 'Personal', body: '{{firstName}}, our sale is on today' },
        ],
        test: { share: 0.5, metric: { event: 'Purchased', within: '10s' }, duration: '10s' },
      },
    });
    expect(created.status).toBe(201);
    const id = created.body.data.id as string;
    expect((await api(t, `/api/v1/campaigns/${id}/send`, { method: 'POST' })).status).toBe(202);
    const rows = await testRowsSent(id, 60);
    const customers = await stack.db('customers').where({ tenant_id: t.tenantId }).select('id', 'email');
    const emailOf = new Map(customers.map((c) => [c.id as string, c.email as string]));
    // Six conversions in each variant's thirty, tracked through the API after the sends.
    for (const variant of ['A', 'B']) {
      for (const r of rows.filter((x) => x.variant === variant).slice(0, 6)) {
        const tracked = await api(t, '/api/v1/track', { method: 'POST', body: { email: emailOf.get(r.customer_id), event: 'Purchased' } });
        expect(tracked.status).toBeLessThan(300);
      }
    }
    // An event of another name is not a conversion.
    await api(t, '/api/v1/track', {
      method: 'POST',
      body: { email: emailOf.get(rows.find((x) => x.variant === 'A' && x.variant_phase === 'test')!.customer_id), event: 'Viewed' },
    });

    const during = (await api(t, `/api/v1/campaigns/${id}/analytics`)).body.data;
    expect(during).toMatchObject({ held: 60, abTest: { status: 'testing', decision: null } });
    expect(during.abTest.variants.map((v: { successes: number; sample: number }) => [v.sample, v.successes])).toEqual([
      [30, 6],
      [30, 6],
    ]);
    const mine = () => stack.twilioApi.messages.filter((m) => rows.some((r) => r.address === m.to));
    expect(mine()).toHaveLength(60);

    const done = await completed(t, id);
    expect(done.testDecision).toMatchObject({ outcome: 'no_significant_difference', winner: 'A', released: 60 });
    expect(done.testDecision.reason).toMatch(/no significant difference .*→ the first variant \(A\)/);
    expect(done.testDecision.variants.map((v: { pValue: number | null }) => v.pValue)).toEqual([null, 1]);
    const rest = (await ledger(id)).filter((r) => r.variant_phase === 'rest');
    expect(rest.every((r) => r.variant === 'A' && ['sent', 'delivered'].includes(r.state))).toBe(true);
    const restAddresses = new Set(rest.map((r) => r.address));
    const restSms = stack.twilioApi.messages.filter((m) => restAddresses.has(m.to));
    expect(restSms).toHaveLength(60);
    expect(restSms.every((m) => m.body === 'Sale today')).toBe(true);
  }, 90_000);
});
