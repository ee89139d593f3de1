import { createSegmentReevaluator } from '../../domain/segments/reevaluator';
import { createRuleEvaluator } from '../../rules/evaluate';
import { segmentRefreshWorkflowId } from '../../workflows/segmentRefresh';
import { buildTenant } from '../support/factories';
import { startCampaignStack, waitFor, type CampaignStack } from './campaignHarness';

/**
 * Segment membership follows the changes no customer command makes through the customers API:
 * an unsubscribe through a message's link turns `preferences.email` off, a segment field, and the
 * customer leaves a segment on it right away (no refresh, no wait). And when a re-evaluation
 * fails, the change still stands and the tenant's segments are left to the scheduled refresh.
 * All real: API, worker, SMTP server, Postgres, Temporal.
 */

let stack: CampaignStack;

beforeAll(async () => {
  stack = await startCampaignStack();
}, 60_000);
afterAll(async () => {
  await stack?.close();
});

type Tenant = { tenantId: string; adminKey: string };

const ok = async (t: Tenant, method: string, url: string, body?: unknown) => {
  const res = await stack.server.request(url, { method, key: t.adminKey, body });
  if (res.status < 200 || res.status >= 300) throw new Error(`${method} ${url} -> ${res.status} ${JSON.stringify(res.body)}`);
  return res.body?.data;
};

/** Creates a segment through the API and waits for the refresh its creation started. */
async function segment(t: Tenant, name: string, rules: unknown): Promise<string> {
  const created = await ok(t, 'POST', '/api/v1/segments', { name, rules });
  const client = await stack.server.runtime.temporal.client();
  await client.workflow.getHandle(segmentRefreshWorkflowId(t.tenantId, created.id)).result();
  return created.id as string;
}

const stays = (segmentId: string, customerId: string) =>
  stack.db('segment_memberships').where({ segment_id: segmentId, customer_id: customerId }).orderBy('id').select('exited_at');
const segmentEvents = async (segmentId: string, customerId: string) =>
  (
    await stack
      .db('events')
      .where({ subject_type: 'segment', subject_id: segmentId })
      .whereRaw("payload->'data'->>'customerId' = ?", [customerId])
      .orderBy('seq')
      .select('type')
  ).map((e) => e.type as string);

describe('unsubscribing', () => {
  it('takes the customer out of a segment on preferences.email at once, with segment.exited', async () => {
    const t = await buildTenant(stack.db, 'Unsubscribe leaves segments');
    const emailable = await segment(t, 'E-mail consent', { field: 'preferences.email', operator: 'equal', value: true });
    const customer = await ok(t, 'POST', '/api/v1/customers', {
      firstName: 'Ada',
      lastName: 'Leaves',
      email: 'ada.leaves@example.com',
      preferences: { email: true },
    });
    expect(await stays(emailable, customer.id)).toEqual([{ exited_at: null }]);
    expect((await ok(t, 'GET', `/api/v1/segments/${emailable}`)).memberCount).toBe(1);

    const sent = await stack.server.request(`/api/v1/customers/${customer.id}/message`, {
      method: 'POST',
      key: t.adminKey,
      body: { channel: 'email', subject: 'News', message: 'Hello {{ firstName }}' },
    });
    expect(sent).toMatchObject({ status: 200, body: { success: true, campaignId: expect.any(String) } });
    const message = await waitFor(
      async () => stack.sink.messages.find((m) => m.headers['x-herald-tenant'] === t.tenantId),
      60_000,
      100,
      'the direct message at the SMTP server',
    );
    const unsubscribeUrl = message.headers['list-unsubscribe']!.slice(1, -1);
    const res = await fetch(unsubscribeUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(res.status).toBe(200);

    // Read as soon as the answer is in: the re-evaluation ran before the route answered.
    const [stay] = await stays(emailable, customer.id);
    expect(stay!.exited_at).toBeInstanceOf(Date);
    expect(await segmentEvents(emailable, customer.id)).toEqual(['segment.entered', 'segment.exited']);
    expect((await ok(t, 'GET', `/api/v1/segments/${emailable}`)).memberCount).toBe(0);
    expect((await ok(t, 'GET', `/api/v1/customers/${customer.id}`)).preferences.email).toBe(false);
    const updated = await stack.db('events').where({ tenant_id: t.tenantId, type: 'customer.updated', subject_id: customer.id }).select('payload');
    expect(updated.map((e) => e.payload.data)).toEqual([
      expect.objectContaining({ changed: ['preferences.email'], reason: 'unsubscribed', campaignId: sent.body.campaignId }),
    ]);

    // A repeat changes nothing: no second customer.updated, no new stay or event.
    expect((await fetch(unsubscribeUrl, { method: 'POST' })).status).toBe(200);
    expect(
      await stack.db('events').where({ tenant_id: t.tenantId, type: 'customer.updated', subject_id: customer.id }).count<{ n: number }[]>({ n: '*' }),
    ).toEqual([{ n: 1 }]);
    expect(await segmentEvents(emailable, customer.id)).toEqual(['segment.entered', 'segment.exited']);
  });
});

describe('a failed re-evaluation', () => {
  it('lets the change stand, marks the tenant’s segments pending and reports the error', async () => {
    const t = await buildTenant(stack.db, 'Re-evaluation fails');
    const tagged = await segment(t, 'Tagged', { field: 'tags', operator: 'contains', value: 'gold' });
    const customer = await ok(t, 'POST', '/api/v1/customers', { firstName: 'Grace', lastName: 'Fails', tags: ['gold'] });
    expect(await stays(tagged, customer.id)).toEqual([{ exited_at: null }]);
    // A stored rule naming a field the catalogue does not have (say, one removed since) cannot be
    // evaluated; the API never stores one, so it is written directly.
    const [broken] = await stack
      .db('segments')
      .insert({
        tenant_id: t.tenantId,
        name: 'Stale field',
        rules: JSON.stringify({ kind: 'condition', field: 'noLongerAField', operator: 'equal', value: 1 }),
        refreshed_at: new Date(),
      })
      .returning('id');
    try {
      const changed = await ok(t, 'PATCH', `/api/v1/customers/${customer.id}/tags`, { action: 'remove', tags: ['gold'] });
      expect(changed.tags).toEqual([]);
      expect((await ok(t, 'GET', `/api/v1/customers/${customer.id}`)).tags).toEqual([]);
      const pending = await stack.db('segments').where({ tenant_id: t.tenantId }).orderBy('name').select('name', 'refreshed_at');
      expect(pending).toEqual([
        { name: 'Stale field', refreshed_at: null },
        { name: 'Tagged', refreshed_at: null },
      ]);
      // Membership waits for the refresh: the customer is still in, with no exit written.
      expect(await stays(tagged, customer.id)).toEqual([{ exited_at: null }]);

      const reported: Array<{ err: unknown; customerId: string }> = [];
      const reevaluator = createSegmentReevaluator({
        db: stack.db,
        matcher: createRuleEvaluator(),
        report: (err, customerId) => reported.push({ err, customerId }),
      });
      await expect(
        reevaluator.customerChanged({ principal: { tenantId: t.tenantId, role: 'admin', actorType: 'api_key', actorId: 'test' } }, customer.id),
      ).resolves.toBeUndefined();
      expect(reported).toEqual([{ err: expect.objectContaining({ message: expect.stringContaining('noLongerAField') }), customerId: customer.id }]);
    } finally {
      await stack.db('segments').where({ id: broken.id }).delete();
    }
  });
});
