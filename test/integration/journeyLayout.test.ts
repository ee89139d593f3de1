import type { Knex } from 'knex';
import { buildTenant, testDb } from '../support/factories';
import { startTestServer, type TestServer } from '../support/testServer';

/**
 * The canvas layout a journey's draft may carry (`layout`, issue 20): it round-trips through
 * create, read, replace and publish (the version freezes it), and a layout that is not well
 * formed — a key that names no node, a coordinate that is not a number or out of bounds, too many
 * places — is a 422 naming its path that changes nothing.
 */
describe('journey layout', () => {
  let server: TestServer;
  let db: Knex;
  let tenant: { tenantId: string; adminKey: string };

  const call = (method: string, url: string, body?: unknown) => server.request(`/api/v1${url}`, { method, key: tenant.adminKey, body });
  const nodes = [
    { id: 'wait', type: 'delay', duration: '1d', next: 'tag' },
    { id: 'tag', type: 'update_customer', addTags: ['done'] },
  ];
  const journey = (layout?: unknown, extra: Record<string, unknown> = {}) => ({
    name: 'Laid out',
    entry: { type: 'event', event: 'Signed Up' },
    start: 'wait',
    nodes,
    ...(layout === undefined ? {} : { layout }),
    ...extra,
  });
  /** The 422's details as (path, message) pairs, after checking the status and code. */
  const refusal = async (method: string, url: string, body: unknown) => {
    const res = await call(method, url, body);
    expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status: 422, code: 'validation_failed' });
    return (res.body.error.details as Array<{ path: string; message: string }>).map((d) => d.path);
  };

  beforeAll(async () => {
    db = testDb();
    server = await startTestServer();
    tenant = await buildTenant(db, 'Layout');
  });
  afterAll(async () => {
    await server.close();
    await db.destroy();
  });

  it('round-trips a layout through create, read, replace and publish; a draft without one has none', async () => {
    const layout = { $entry: { x: -300, y: 0 }, wait: { x: 0.5, y: 120 }, tag: { x: 420, y: -80.25 } };
    const created = await call('POST', '/journeys', journey(layout));
    expect(created.status).toBe(201);
    expect(created.body.data.draft.layout).toEqual(layout);
    expect(created.body.data.problems).toEqual([]);
    const id = created.body.data.id as string;
    expect((await call('GET', `/journeys/${id}`)).body.data.draft.layout).toEqual(layout);

    // Only some nodes placed: the others are laid out by the client.
    const moved = { tag: { x: 1000, y: 1000 } };
    const replaced = await call('PUT', `/journeys/${id}`, journey(moved));
    expect(replaced.status).toBe(200);
    expect(replaced.body.data.draft.layout).toEqual(moved);
    const row = await db('journeys').where({ id }).first('draft');
    expect(row.draft.layout).toEqual(moved);

    expect((await call('POST', `/journeys/${id}/publish`)).status).toBe(200);
    expect((await call('GET', `/journeys/${id}/versions/1`)).body.data.definition.layout).toEqual(moved);

    // Replacing the draft without a layout drops it; the published version keeps its own.
    const bare = await call('PUT', `/journeys/${id}`, journey());
    expect(bare.body.data.draft).not.toHaveProperty('layout');
    expect((await call('GET', `/journeys/${id}/versions/1`)).body.data.definition.layout).toEqual(moved);
  });

  it('refuses a layout that names no node of the journey, with each key’s path (also after a rename), and changes nothing', async () => {
    const layout = { wait: { x: 1, y: 2 } };
    const id = (await call('POST', '/journeys', journey(layout))).body.data.id as string;
    const before = await db('journeys').where({ id }).first();
    expect(await refusal('PUT', `/journeys/${id}`, journey({ wait: { x: 1, y: 2 }, ghost: { x: 0, y: 0 }, 'entry-card': { x: 0, y: 0 } }))).toEqual([
      'layout.ghost',
      'layout.entry-card',
    ]);
    // A node renamed without moving its position along: the old id is refused.
    const renamed = journey(layout, { start: 'pause', nodes: [{ ...nodes[0], id: 'pause' }, nodes[1]] });
    expect(await refusal('PUT', `/journeys/${id}`, renamed)).toEqual(['layout.wait']);
    expect(await refusal('POST', '/journeys', journey({ nowhere: { x: 0, y: 0 } }))).toEqual(['layout.nowhere']);
    expect(await db('journeys').where({ id }).first()).toEqual(before);
    // The refused POST created nothing: the first test's journey and this one.
    expect(await db('journeys').where({ tenant_id: tenant.tenantId }).count<{ n: number }[]>({ n: '*' })).toEqual([{ n: 2 }]);
  });

  it('refuses coordinates that are not finite numbers within ±1,000,000, places of the wrong shape, bad keys and too many places', async () => {
    const id = (await call('POST', '/journeys', journey())).body.data.id as string;
    const put = (layout: unknown) => refusal('PUT', `/journeys/${id}`, journey(layout));
    expect(await put({ wait: { x: '10', y: 0 } })).toEqual(['layout.wait.x']);
    expect(await put({ wait: { x: 0, y: 1_000_001 } })).toEqual(['layout.wait.y']);
    expect(await put({ wait: { x: -1e7, y: null } })).toEqual(['layout.wait.x', 'layout.wait.y']);
    expect(await put({ wait: { x: 0 } })).toEqual(['layout.wait.y']);
    expect(await put({ wait: { x: 0, y: 0, z: 0 } })).toEqual(['layout.wait.z']);
    expect(await put({ wait: [0, 0] })).toEqual(['layout.wait']);
    expect(await put([{ x: 0, y: 0 }])).toEqual(['layout']);
    expect(await put({ 'not a node': { x: 0, y: 0 } })).toEqual(['layout.not a node']);
    const many = Object.fromEntries(Array.from({ length: 202 }, (_, i) => [`n${i}`, { x: i, y: i }]));
    expect(await put(many)).toEqual(['layout']);

    // 1e400 is Infinity once parsed: refused before any schema, as everywhere.
    const raw = JSON.stringify(journey({ wait: { x: 0, y: 0 } })).replace('"x":0', '"x":1e400');
    const infinite = await server.request(`/api/v1/journeys/${id}`, { method: 'PUT', key: tenant.adminKey, body: raw });
    expect(infinite.status).toBe(422);
    expect((await db('journeys').where({ id }).first('draft')).draft).not.toHaveProperty('layout');
  });
});
