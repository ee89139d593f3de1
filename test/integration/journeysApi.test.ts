import type { Knex } from 'knex';
import { buildCustomer, buildTenant, testDb } from '../support/factories';
import { insertOpenRun, runPosition } from '../support/journeysDefinition';
import { startTestServer, type TestServer } from '../support/testServer';

/**
 * The journey definition API over a real server and database: the documented examples published
 * as written, CRUD, validation with paths into the journey, immutable versions, status
 * transitions, resume with rescheduled timers, migration maps over open runs (inserted directly:
 * no router or runner here), and tenant isolation.
 */

type Tenant = { tenantId: string; adminKey: string };
type Res = { status: number; body: any };

const email = (id: string, next?: string) => ({
  id,
  type: 'send',
  channel: 'email',
  subject: 'Hi',
  body: 'Hello {{ customer.firstName }}',
  ...(next ? { next } : {}),
});
const delay = (id: string, next?: string) => ({ id, type: 'delay', duration: '1d', ...(next ? { next } : {}) });
const journey = (nodes: unknown[], extra: Record<string, unknown> = {}) => ({
  name: 'Test journey',
  entry: { type: 'event', event: 'Signed Up' },
  start: (nodes[0] as { id: string } | undefined)?.id ?? 'a',
  nodes,
  ...extra,
});

describe('journeys API', () => {
  let server: TestServer;
  let db: Knex;
  let tenant: Tenant;
  let other: Tenant;

  const call = (method: string, url: string, body?: unknown, t: Tenant = tenant): Promise<Res> => server.request(url, { method, key: t.adminKey, body });
  const ok = async (method: string, url: string, body?: unknown, t: Tenant = tenant): Promise<any> => {
    const res = await call(method, url, body, t);
    if (res.status < 200 || res.status >= 300) throw new Error(`${method} ${url} -> ${res.status} ${JSON.stringify(res.body)}`);
    return res.body?.data;
  };
  const create = (body: unknown, t: Tenant = tenant) => ok('POST', '/api/v1/journeys', body, t);
  const publish = (id: string, body?: unknown) => call('POST', `/api/v1/journeys/${id}/publish`, body);
  const versionRow = (journeyId: string, version: number) => db('journey_versions').where({ journey_id: journeyId, version }).first();

  beforeAll(async () => {
    db = testDb();
    server = await startTestServer();
    tenant = await buildTenant(db, 'Journeys');
    other = await buildTenant(db, 'Other journeys');
  });
  afterAll(async () => {
    await server.close();
    await db.destroy();
  });

  describe('the documented examples', () => {
    let examples: Record<string, { value: Record<string, any> }>;
    beforeAll(async () => {
      const doc = await server.request('/api/v1/openapi.json');
      examples = doc.body.paths['/api/v1/journeys'].post.requestBody.content['application/json'].examples;
    });

    it('publish as written in a fresh tenant: the abandoned cart and the one-step journey', async () => {
      const fresh = await buildTenant(db, 'Examples');
      for (const name of ['abandonedCart', 'oneStep']) {
        const created = await call('POST', '/api/v1/journeys', examples[name]!.value, fresh);
        expect({ name, status: created.status, problems: created.body.data?.problems }).toEqual({ name, status: 201, problems: [] });
        const published = await server.request(`/api/v1/journeys/${created.body.data.id}/publish`, { method: 'POST', key: fresh.adminKey });
        expect(published.status).toBe(200);
        expect(published.body.data).toMatchObject({ status: 'active', currentVersion: 1 });
      }
      const cart = await db('journeys').where({ tenant_id: fresh.tenantId, name: 'Abandoned cart' }).first();
      expect(cart.draft.nodes[1].body).toContain('{% for item in event.items %}<li>{{ item.name }}</li>{% endfor %}');
      const version = await versionRow(cart.id, 1);
      const campaign = await db('campaigns').where({ id: version.send_campaigns.reminder }).first();
      expect(campaign).toMatchObject({ kind: 'journey', status: 'sending', channel: 'email', subject: 'You left something in your cart' });
      expect(campaign.audience).toEqual({ type: 'journey', journeyId: cart.id, versionId: version.id, nodeId: 'reminder' });
      // Hidden: the campaign list shows none of them.
      const listed = await server.request('/api/v1/campaigns', { key: fresh.adminKey });
      expect(listed.body.data).toEqual([]);
    });

    it('the welcome series names its segment as a problem until the segment is the tenant’s own, then publishes', async () => {
      const fresh = await buildTenant(db, 'Welcome');
      const body = examples.welcomeSeries!.value;
      const created = await call('POST', '/api/v1/journeys', body, fresh);
      expect(created.status).toBe(201);
      expect(created.body.data.problems).toEqual([{ path: 'entry.segmentId', message: 'no such segment in this tenant' }]);
      const refused = await server.request(`/api/v1/journeys/${created.body.data.id}/publish`, { method: 'POST', key: fresh.adminKey });
      expect(refused.status).toBe(422);
      expect(refused.body.error.details).toEqual([{ location: 'draft', path: 'entry.segmentId', message: 'no such segment in this tenant' }]);
      const segment = await call(
        'POST',
        '/api/v1/segments',
        { name: 'New members', rules: { all: [{ fact: 'totalOrders', operator: 'equal', value: 0 }] } },
        fresh,
      );
      const fixed = await call(
        'PUT',
        `/api/v1/journeys/${created.body.data.id}`,
        { ...body, entry: { ...body.entry, segmentId: segment.body.data.id } },
        fresh,
      );
      expect(fixed.body.data.problems).toEqual([]);
      const published = await server.request(`/api/v1/journeys/${created.body.data.id}/publish`, { method: 'POST', key: fresh.adminKey });
      expect(published.body.data).toMatchObject({ status: 'active', currentVersion: 1 });
    });

    it('are offered by the docs page, which reads the document', async () => {
      expect(Object.keys(examples).sort()).toEqual(['abandonedCart', 'oneStep', 'welcomeSeries']);
      for (const e of Object.values(examples)) expect(e).toEqual({ summary: expect.any(String), description: expect.any(String), value: expect.any(Object) });
      const page = await server.request('/docs');
      expect(page.status).toBe(200);
      const init = await server.request('/docs/assets/init.js');
      expect(init.body).toContain("url: '/api/v1/openapi.json'");
    });
  });

  it('creates, reads, lists, replaces and deletes drafts', async () => {
    const a = await create(journey([email('a')], { name: 'First', description: 'One email' }));
    expect(a).toMatchObject({ name: 'First', description: 'One email', status: 'draft', currentVersion: null, problems: [] });
    expect(a.draft).toEqual({ entry: { type: 'event', event: 'Signed Up' }, start: 'a', nodes: [email('a')] });
    const b = await create(journey([email('b')], { name: 'Second' }));
    expect(await ok('GET', `/api/v1/journeys/${a.id}`)).toEqual(a);
    const page = await call('GET', '/api/v1/journeys?limit=1');
    expect(page.body.data.map((j: { id: string }) => j.id)).toEqual([b.id]);
    expect(page.body.pagination).toMatchObject({ hasNext: true, limit: 1 });
    const next = await call('GET', `/api/v1/journeys?limit=1&cursor=${page.body.pagination.nextCursor}`);
    expect(next.body.data[0].id).toBe(a.id);
    const replaced = await ok('PUT', `/api/v1/journeys/${a.id}`, journey([delay('w', 'a'), email('a')], { name: 'First, renamed' }));
    expect(replaced).toMatchObject({ name: 'First, renamed', description: null, draft: { start: 'w' } });
    expect((await call('DELETE', `/api/v1/journeys/${a.id}`)).status).toBe(204);
    expect((await call('GET', `/api/v1/journeys/${a.id}`)).status).toBe(404);
  });

  it('refuses malformed bodies with paths into the journey, and lists graph problems without refusing the draft', async () => {
    const shape = await call('POST', '/api/v1/journeys', journey([email('a', 'b'), { id: 'b', type: 'delay', duration: 'two days', bogus: 1 }]));
    expect(shape.status).toBe(422);
    expect(shape.body.error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'nodes[1].duration' }),
        { location: 'body', path: 'nodes[1].bogus', message: 'is not a known field' },
      ]),
    );
    const rule = await call(
      'POST',
      '/api/v1/journeys',
      journey([{ id: 'a', type: 'branch', branches: [{ rule: { all: [{ fact: 'totalSpent', operator: 'contains', value: 'x' }] }, next: 'b' }] }, email('b')]),
    );
    expect(rule.status).toBe(422);
    expect(rule.body.error.details).toEqual([expect.objectContaining({ location: 'body', path: 'nodes[0].branches[0].rule.all[0].operator' })]);

    const draft = await create(
      journey([
        { id: 'a', type: 'send', channel: 'email', body: 'Hi {{ customer.firstName | nope }}', next: 'ghost' },
        email('b', 'c'),
        { id: 'c', type: 'update_customer', addTags: ['x'], next: 'b' },
        { id: 'd', type: 'webhook', endpointId: '44444444-4444-4444-8444-444444444444' },
      ]),
    );
    const expected = ['nodes[0].next', 'nodes[1]', 'nodes[2]', 'nodes[3]', 'nodes[1]', 'nodes[0].subject', 'nodes[0].body', 'nodes[3].endpointId'];
    expect(draft.problems.map((p: { path: string }) => p.path)).toEqual(expected);
    const refused = await publish(draft.id);
    expect(refused.status).toBe(422);
    expect(refused.body.error.details.map((p: { path: string }) => p.path)).toEqual(expected);
    expect((await ok('GET', `/api/v1/journeys/${draft.id}`)).status).toBe('draft');
  });

  it('publishes immutable versions: editing the draft afterwards changes none', async () => {
    const j = await create(journey([email('a')]));
    expect((await publish(j.id)).body.data).toMatchObject({ status: 'active', currentVersion: 1 });
    await ok('PUT', `/api/v1/journeys/${j.id}`, journey([delay('w', 'a'), { ...email('a'), subject: 'Changed' }]));
    const v1 = await ok('GET', `/api/v1/journeys/${j.id}/versions/1`);
    expect(v1).toMatchObject({ version: 1, journeyId: j.id, definition: { start: 'a', nodes: [email('a')] }, migration: null });
    expect(Object.keys(v1.sendCampaigns)).toEqual(['a']);
    expect((await publish(j.id)).body.data.currentVersion).toBe(2);
    const versions = await call('GET', `/api/v1/journeys/${j.id}/versions`);
    expect(versions.body.data.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions.body.data[0].definition.start).toBe('w');
    expect(await ok('GET', `/api/v1/journeys/${j.id}/versions/1`)).toEqual(v1);
    expect((await call('GET', `/api/v1/journeys/${j.id}/versions/3`)).status).toBe(404);
  });

  it('allows only the status transitions that make sense (409 otherwise)', async () => {
    const j = await create(journey([email('a')]));
    const action = (name: string, body?: unknown) => call('POST', `/api/v1/journeys/${j.id}/${name}`, body);
    for (const name of ['pause', 'resume', 'archive']) expect((await action(name)).status).toBe(409);
    expect((await publish(j.id)).status).toBe(200);
    expect((await action('resume')).status).toBe(409);
    expect((await call('DELETE', `/api/v1/journeys/${j.id}`)).status).toBe(409);
    expect((await action('pause')).body.data).toMatchObject({ status: 'paused', pausedAt: expect.any(String) });
    expect((await action('pause')).status).toBe(409);
    // Publishing a paused journey keeps it paused, with the new version current.
    expect((await publish(j.id)).body.data).toMatchObject({ status: 'paused', currentVersion: 2 });
    expect((await call('DELETE', `/api/v1/journeys/${j.id}`)).status).toBe(409);
    expect((await action('resume', { timers: 'fire' })).body.data).toMatchObject({ status: 'active', pausedAt: null });
    expect((await action('archive')).body.data).toMatchObject({ status: 'archived', archivedAt: expect.any(String) });
    for (const name of ['pause', 'resume', 'archive', 'publish']) expect((await action(name)).status).toBe(409);
    const customerId = await buildCustomer(db, tenant.tenantId);
    const version = await versionRow(j.id, 2);
    await insertOpenRun(db, { tenantId: tenant.tenantId, journeyId: j.id, versionId: version.id, customerId, nodeId: 'a' });
    expect((await call('DELETE', `/api/v1/journeys/${j.id}`)).status).toBe(204);
    expect(await db('journey_runs').where({ journey_id: j.id }).count<{ count: number }[]>({ count: '*' })).toEqual([{ count: 0 }]);
    expect(await db('campaigns').whereRaw("audience ->> 'journeyId' = ?", [j.id])).toEqual([]);
  });

  it('resume with reschedule moves the timers that fell due while paused later by the paused time, in one statement', async () => {
    const j = await create(journey([delay('w', 'a'), email('a')]));
    await publish(j.id);
    const version = await versionRow(j.id, 1);
    await ok('POST', `/api/v1/journeys/${j.id}/pause`);
    // Paused an hour ago (test support writes the row: no one waits an hour).
    const pausedAt = new Date(Date.now() - 3_600_000);
    await db('journeys').where({ id: j.id }).update({ paused_at: pausedAt });
    const customerId = await buildCustomer(db, tenant.tenantId);
    const run = (dueAt: Date) => insertOpenRun(db, { tenantId: tenant.tenantId, journeyId: j.id, versionId: version.id, customerId, nodeId: 'w', dueAt });
    const before = new Date(pausedAt.getTime() - 300_000);
    const during = new Date(pausedAt.getTime() + 600_000);
    const later = new Date(Date.now() + 7_200_000);
    const [beforeRun, duringRun, laterRun] = [await run(before), await run(during), await run(later)];
    const started = Date.now();
    expect((await ok('POST', `/api/v1/journeys/${j.id}/resume`, { timers: 'reschedule' })).status).toBe('active');
    const shift = (await runPosition(db, duringRun)).due_at!.getTime() - during.getTime();
    expect(shift).toBeGreaterThanOrEqual(started - pausedAt.getTime());
    expect(shift).toBeLessThanOrEqual(Date.now() - pausedAt.getTime());
    expect((await runPosition(db, beforeRun)).due_at).toEqual(before);
    expect((await runPosition(db, laterRun)).due_at).toEqual(later);
    expect(await db('journeys').where({ id: j.id }).first('resume_mode')).toEqual({ resume_mode: 'reschedule' });

    // fire (the default) leaves due times alone: what expired is due at once.
    await ok('POST', `/api/v1/journeys/${j.id}/pause`);
    await db('journeys').where({ id: j.id }).update({ paused_at: pausedAt });
    const due = (await runPosition(db, duringRun)).due_at;
    await ok('POST', `/api/v1/journeys/${j.id}/resume`);
    expect((await runPosition(db, duringRun)).due_at).toEqual(due);
  });

  describe('migration maps', () => {
    let j: { id: string };
    let v1: { id: string };
    const runs: Record<string, string[]> = { a: [], b: [] };
    const v2 = journey([delay('a', 'd'), delay('d', 'c'), email('c')]);

    beforeAll(async () => {
      j = await create(journey([delay('a', 'b'), delay('b', 'c'), email('c')]));
      await publish(j.id);
      v1 = await versionRow(j.id, 1);
      const customerId = await buildCustomer(db, tenant.tenantId);
      for (const [node, count] of [
        ['a', 1],
        ['b', 2],
      ] as const) {
        for (let i = 0; i < count; i++)
          runs[node]!.push(await insertOpenRun(db, { tenantId: tenant.tenantId, journeyId: j.id, versionId: v1.id, customerId, nodeId: node }));
      }
      await ok('PUT', `/api/v1/journeys/${j.id}`, v2);
    });

    const unchanged = async () => {
      expect(await db('journey_versions').where({ journey_id: j.id }).count<{ count: number }[]>({ count: '*' })).toEqual([{ count: 1 }]);
      expect(await db('journey_runs').where({ journey_id: j.id }).whereNotNull('migrate_to_version_id')).toEqual([]);
      expect((await ok('GET', `/api/v1/journeys/${j.id}`)).currentVersion).toBe(1);
    };

    it('refuses a map that strands runs in a removed node, naming it and its run count, and changes nothing', async () => {
      const res = await publish(j.id, { migrate: { map: {} } });
      expect(res.status).toBe(422);
      expect(res.body.error.details).toEqual([{ location: 'body', path: 'migrate.map.b', message: expect.stringContaining('2 open runs'), runs: 2 }]);
      await unchanged();
    });

    it('refuses a map target that is not a node of the new version', async () => {
      const res = await publish(j.id, { migrate: { map: { b: 'b' } } });
      expect(res.status).toBe(422);
      expect(res.body.error.details).toEqual([{ location: 'body', path: 'migrate.map.b', message: expect.stringContaining('not a node of the new version') }]);
      await unchanged();
    });

    it('moves every open run where the map says, kept nodes to themselves', async () => {
      const res = await publish(j.id, { migrate: { map: { b: 'd' } } });
      expect(res.body.data.currentVersion).toBe(2);
      const version2 = await versionRow(j.id, 2);
      expect(version2.migration).toEqual({ map: { b: 'd' } });
      for (const id of runs.b!)
        expect(await runPosition(db, id)).toMatchObject({ node_id: 'b', version_id: v1.id, migrate_to_version_id: version2.id, migrate_to_node_id: 'd' });
      expect(await runPosition(db, runs.a![0]!)).toMatchObject({ node_id: 'a', migrate_to_version_id: version2.id, migrate_to_node_id: 'a' });

      // Runs pending a migration are mapped from where they are headed; "exit" ends them.
      await ok('PUT', `/api/v1/journeys/${j.id}`, journey([email('c')]));
      const exited = await publish(j.id, { migrate: { map: { d: 'exit', a: 'c' } } });
      expect(exited.status).toBe(200);
      const version3 = await versionRow(j.id, 3);
      for (const id of runs.b!) expect(await runPosition(db, id)).toMatchObject({ migrate_to_version_id: version3.id, migrate_to_node_id: null });
      expect(await runPosition(db, runs.a![0]!)).toMatchObject({ migrate_to_version_id: version3.id, migrate_to_node_id: 'c' });

      // Without a map, running customers stay where they are.
      expect((await publish(j.id)).body.data.currentVersion).toBe(4);
      expect(await runPosition(db, runs.a![0]!)).toMatchObject({ migrate_to_version_id: version3.id, migrate_to_node_id: 'c' });
    });
  });

  it("keeps tenants apart: another tenant's journey is 404 everywhere", async () => {
    const mine = await create(journey([email('a')]));
    for (const [method, suffix, body] of [
      ['GET', '', undefined],
      ['PUT', '', journey([email('a')])],
      ['DELETE', '', undefined],
      ['POST', '/publish', undefined],
      ['POST', '/pause', undefined],
      ['GET', '/versions', undefined],
      ['GET', '/versions/1', undefined],
    ] as const) {
      expect({ method, suffix, status: (await call(method, `/api/v1/journeys/${mine.id}${suffix}`, body, other)).status }).toEqual({
        method,
        suffix,
        status: 404,
      });
    }
    expect((await call('GET', '/api/v1/journeys', undefined, other)).body.data).toEqual([]);
    expect((await ok('GET', `/api/v1/journeys/${mine.id}`)).status).toBe('draft');
  });
});
