import { randomUUID } from 'node:crypto';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import type { Knex } from 'knex';
import { buildRouter } from '../../api/routes';
import { createActivities } from '../../activities';
import type { MessagingDeps } from '../../domain/campaigns/pageSender';
import { createEmailChannel } from '../../channels/email';
import { createLogSmsChannel } from '../../channels/sms';
import type { Channel, OutgoingEmail } from '../../channels/types';
import { snapshotAudience } from '../../domain/campaigns/audience';
import { recordCaughtMessage } from '../../domain/messaging/devOutbox';
import { insertUserToken } from '../../domain/users/repo';
import { sha256 } from '../../domain/users/secrets';
import { createLogger } from '../../lib/logger';
import { createHeraldWorker } from '../../temporal/worker';
import { buildTenant, testDb, uniqueSuffix } from '../support/factories';
import { insertRun } from '../support/journeysInsight';
import { startSmtpSink, type SmtpSink } from '../support/smtpSink';
import { startTestServer, type TestServer } from '../support/testServer';

/**
 * Tenant isolation, proved by walking the real router: every route is taken from
 * `buildRouter().router.stack`, so a route added tomorrow is walked tomorrow without editing
 * this file — or makes it fail loudly until its parameter kind, body or check is declared here.
 *
 * Tenant B's ADMIN key is aimed at tenant A's records: every `:param` route must answer 404 (or
 * 403) with a body that is valid (proved by sending the very same request against B's own
 * records, which must succeed), lists and exports must never show A's records, and ids named
 * in a body must be refused. Afterwards nothing of A has changed, in the API or in the database.
 */

type Kind =
  | 'customer'
  | 'order'
  | 'apiKey'
  | 'segment'
  | 'webhook'
  | 'delivery'
  | 'replay'
  | 'import'
  | 'campaign'
  | 'journey'
  | 'run'
  | 'version'
  | 'conversation'
  | 'user'
  | 'invitation';
type Records = Record<Kind, string>;
interface Route {
  method: string;
  path: string;
}
interface Tenant {
  tenantId: string;
  adminKey: string;
}
interface Seeded extends Records {
  noteId: string;
  orderNumber: string;
  segmentName: string;
  webhookSecret: string;
  campaignName: string;
}

/** The record kind a `:param` names, from the path segment before it. A new resource must be added here. */
const PARAM_KINDS: Record<string, Kind> = {
  customers: 'customer',
  orders: 'order',
  'api-keys': 'apiKey',
  segments: 'segment',
  webhooks: 'webhook',
  deliveries: 'delivery',
  replays: 'replay',
  imports: 'import',
  campaigns: 'campaign',
  journeys: 'journey',
  runs: 'run',
  versions: 'version',
  conversations: 'conversation',
  users: 'user',
  invitations: 'invitation',
};

/** Routes outside tenant data: public ones, which take no credential at all. */
const isPublic = (path: string) => ['/healthz', '/readyz', '/api/v1/openapi.json', '/docs'].includes(path) || path.startsWith('/docs/');
/**
 * Self-service routes for customer-role credentials: they take no id (the customer comes from
 * the credential) and answer 403 to the admin key this walk uses, so they prove nothing here.
 */
const isSelfService = (path: string) => /^\/api\/v1\/customers\/me(\/|$)/.test(path);
/**
 * Sign-in routes: public ones (login, resets, invitations, OpenID) and those of a session (me,
 * csrf, switch-tenant), which answer 403 to the API key this walk uses. A session's isolation is
 * proved in signIn.test.ts, with a signed-in person of one tenant aimed at another's records.
 */
const isSignIn = (path: string) => path.startsWith('/api/v1/auth/');
/**
 * Routes recipients and providers reach without any tenant credential: unsubscribe, open and click
 * tracking take an HMAC-signed ledger token, and Twilio's status callback is checked against
 * X-Twilio-Signature. Isolation there is by signature (a token names one ledger row and cannot be
 * forged), tested in the campaign suites; below this file only checks that unsigned ones are refused.
 */
const isSigned = (path: string) =>
  /^\/api\/v1\/messaging\/(unsubscribe|open|click)\/:token$/.test(path) ||
  ['/api/v1/messaging/twilio/status', '/api/v1/messaging/twilio/inbound'].includes(path);

/** A time to schedule a campaign at: far enough ahead that nothing is sent while this file runs. */
const LATER = new Date(Date.now() + 7 * 24 * 3_600_000).toISOString();
/** Where the control walk's test send of an e-mail campaign goes (the SMTP sink must receive it). */
const TEST_ADDRESS = 'walk@control.example';
/** Tenant B's messaging defaults (A's are set likewise, with A's own address). */
const SETTINGS_OF_B = { fromEmail: 'Brutus Shop <news@brutus-b.example>', communicationHours: { start: '08:00', end: '20:00' }, timezone: 'Europe/Paris' };

/** Minimal valid bodies of the writes that take a `:param` (anything else gets `{}`, which must then be valid). */
/** The definition of the seeded journeys: a tracked event no suite sends, then an exit. */
const ISOLATION_JOURNEY = { entry: { type: 'event', event: 'Isolated' }, start: 'end', nodes: [{ id: 'end', type: 'exit' }] };

const BODIES: Record<string, unknown> = {
  'PUT /api/v1/customers/:id': { email: 'x@y.zz' },
  'PATCH /api/v1/customers/:id': { firstName: 'Mallory' },
  'PATCH /api/v1/customers/:id/tags': { tags: ['x'], action: 'add' },
  'PATCH /api/v1/customers/:id/block': { isBlocked: true },
  'PATCH /api/v1/customers/:id/status': { status: 'suspended' },
  'PATCH /api/v1/customers/:id/type': { customerType: 'vip' },
  'POST /api/v1/customers/:id/notes': { content: 'a long enough note' },
  'PUT /api/v1/customers/:id/config': { k: 'v' },
  'PATCH /api/v1/orders/:id/status': { status: 'cancelled' },
  'POST /api/v1/conversations/:id/messages': { body: 'An internal note', internal: true },
  'PATCH /api/v1/conversations/:id': { assignee: 'isolation-agent' },
  'PATCH /api/v1/segments/:id': { description: 'changed by the walk' },
  'PUT /api/v1/segments/:id': { rules: { all: [{ fact: 'tags', operator: 'hasAll', value: ['isolation', 'walked'] }] } },
  'PATCH /api/v1/webhooks/:id': { description: 'changed by the walk' },
  'PATCH /api/v1/campaigns/:id': { name: 'changed by the walk' },
  'PUT /api/v1/campaigns/:id': { name: 'replaced by the walk', channel: 'sms', body: 'Replaced {{ firstName }}' },
  'POST /api/v1/campaigns/:id/schedule': { schedule: { type: 'at', at: LATER } },
  // Cancelling is the one status change a draft takes without a workflow (seed 003's form of POST /cancel).
  'PATCH /api/v1/campaigns/:id/status': { status: 'cancelled' },
  'POST /api/v1/campaigns/:id/preview': {},
  // The seeded campaigns are e-mail: the worker sends them through Herald's real e-mail channel to this file's SMTP server.
  'POST /api/v1/campaigns/:id/test': { addresses: [TEST_ADDRESS] },
  'POST /api/v1/customers/:id/message': { message: 'Hello from the walk', channel: 'email' },
  'PUT /api/v1/journeys/:id': { name: 'replaced by the walk', ...ISOLATION_JOURNEY },
  'PATCH /api/v1/users/:id': { role: 'readonly' },
};

/** The rule of the seeded segments: it selects both tenants' seeded customers (both are tagged `isolation`). */
const ISOLATION_RULE = { all: [{ fact: 'tags', operator: 'hasAny', value: ['isolation'] }] };
const ISOLATION_AST = { kind: 'condition', field: 'tags', operator: 'hasAny', value: ['isolation'] };

/** Extra query strings a route is walked with (each variant is a separate request). */
const QUERY_VARIANTS: Record<string, string[]> = {
  'DELETE /api/v1/customers/:id': ['', '?permanent=true'],
};

type Call = (method: string, url: string, body?: unknown) => Promise<{ status: number; body: any }>;
/**
 * What a control request against B's own fresh records needs first, keyed by method, path and
 * query (it may replace a record the request then names): a permanent delete is refused (409)
 * while the customer has an active order or an open complaint; only a sending campaign can be paused, only a paused one
 * resumed (no worker runs during the control walk, so a sent campaign stays `sending`); the seeded
 * import has completed (the synchronous form), so cancel is tried on a queued one; and a direct
 * e-mail needs a customer with an address (422 otherwise).
 */
const CONTROL_SETUP: Record<string, (call: Call, records: Records) => Promise<void>> = {
  // Only a draft or archived journey can be deleted, and only a paused one resumed.
  'DELETE /api/v1/journeys/:id': async (call, records) => {
    expect((await call('POST', `/api/v1/journeys/${records.journey}/archive`)).status).toBe(200);
  },
  'POST /api/v1/journeys/:id/resume': async (call, records) => {
    expect((await call('POST', `/api/v1/journeys/${records.journey}/pause`)).status).toBe(200);
  },
  'DELETE /api/v1/customers/:id?permanent=true': async (call, records) => {
    expect((await call('PATCH', `/api/v1/orders/${records.order}/status`, { status: 'cancelled' })).status).toBe(200);
    // Seed 002's guard: an open complaint also blocks a permanent delete.
    expect((await call('PATCH', `/api/v1/conversations/${records.conversation}`, { status: 'resolved' })).status).toBe(200);
  },
  'POST /api/v1/campaigns/:id/pause': async (call, records) => {
    expect((await call('POST', `/api/v1/campaigns/${records.campaign}/send`)).status).toBe(202);
  },
  'POST /api/v1/campaigns/:id/resume': async (call, records) => {
    expect((await call('POST', `/api/v1/campaigns/${records.campaign}/send`)).status).toBe(202);
    expect((await call('POST', `/api/v1/campaigns/${records.campaign}/pause`)).status).toBe(200);
  },
  'POST /api/v1/imports/:id/cancel': async (call, records) => {
    // Queued until a worker takes it (none runs during the control walk); once cancelled, its workflow ends at its first step.
    const queued = await call('POST', '/api/v1/imports', [{ firstName: 'Queued', lastName: 'Import' }]);
    expect(queued.status).toBe(202);
    records.import = queued.body.data.id;
  },
  'POST /api/v1/customers/:id/message': async (call, records) => {
    expect((await call('PATCH', `/api/v1/customers/${records.customer}`, { email: `carla.${uniqueSuffix()}@control.example` })).status).toBe(200);
  },
};
/**
 * Control requests that wait for Herald's worker: a test send runs in a workflow and answers with
 * its outcome. A worker (with the real e-mail channel) runs for that request alone.
 */
const CONTROL_NEEDS_WORKER = new Set(['POST /api/v1/campaigns/:id/test']);

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH']);
const routeKey = (r: Route) => `${r.method} ${r.path}`;

/** Every (method, path) the router serves, HEAD included, in registration order. */
function routerRoutes(): Route[] {
  const { router } = buildRouter();
  const seen = new Set<string>();
  const out: Route[] = [];
  for (const layer of router.stack as unknown as Array<{ path: string; methods: string[] }>) {
    for (const method of layer.methods) {
      const route = { method, path: layer.path };
      if (seen.has(routeKey(route))) continue;
      seen.add(routeKey(route));
      out.push(route);
    }
  }
  return out;
}

/** Puts the right record id in every `:param`; throws for a parameter whose kind is unknown. */
function fillPath(path: string, records: Records): string {
  const segments = path.split('/');
  return segments
    .map((segment, i) => {
      if (!segment.startsWith(':')) return segment;
      const kind = PARAM_KINDS[segments[i - 1] ?? ''];
      if (!kind)
        throw new Error(`No record kind for "${segment}" in ${path} (after "${segments[i - 1]}"): add it to PARAM_KINDS and seed a record of that kind`);
      return records[kind];
    })
    .join('/');
}

/** The requests a `:param` route is walked with: every variant, with its body. */
function requestsFor(route: Route, records: Records) {
  const key = routeKey(route);
  return (QUERY_VARIANTS[key] ?? ['']).map((query) => ({
    key: key + query,
    method: route.method,
    url: fillPath(route.path, records) + query,
    body: WRITE_METHODS.has(route.method) ? (BODIES[key] ?? {}) : undefined,
  }));
}

describe('tenant isolation across every route', () => {
  let server: TestServer;
  let db: Knex;
  let a: Tenant;
  let b: Tenant;
  /** Runs the control requests against its own records, so B's lists stay as seeded. */
  let c: Tenant;
  let seededA: Seeded;
  let seededB: Seeded;
  /** The SMTP server Herald's real e-mail channel sends to, and that channel (one pool for every worker of the file). */
  let sink: SmtpSink;
  let email: Channel<OutgoingEmail>;
  let createBodyA: Record<string, unknown>;
  const IDEMPOTENCY_KEY = 'tenant-isolation-shared-key';
  const routes = routerRoutes();
  const walked = routes.filter((r) => !isPublic(r.path) && !isSelfService(r.path) && !isSigned(r.path) && !isSignIn(r.path));
  const paramRoutes = walked.filter((r) => r.path.includes('/:'));
  const plainReads = walked.filter((r) => !r.path.includes('/:') && r.method === 'GET');
  const plainWrites = walked.filter((r) => !r.path.includes('/:') && !['GET', 'HEAD'].includes(r.method));

  const call = (tenant: Tenant, method: string, url: string, body?: unknown, headers?: Record<string, string>) =>
    server.request(url, { method, key: tenant.adminKey, body, headers });

  /**
   * Runs `work` while Herald's real worker serves the run's task queue, with e-mail going through
   * Herald's e-mail channel to the file's SMTP sink and SMS to the log channel (nothing leaves the process).
   */
  async function withWorker<T>(work: () => Promise<T>): Promise<T> {
    try {
      Runtime.install({ logger: new DefaultLogger('WARN') });
    } catch {
      // Already installed in this process: keep the runtime (and logger) it has.
    }
    const messaging: MessagingDeps = {
      channels: {
        email,
        sms: createLogSmsChannel(() => Promise.resolve()),
      },
      publicUrl: server.url,
      trackingSecret: server.runtime.config.TRACKING_SECRET,
      pageSize: 100,
      concurrency: 10,
    };
    const { worker, connection } = await createHeraldWorker(
      { address: process.env.TEMPORAL_ADDRESS!, namespace: 'default', taskQueue: process.env.TEMPORAL_TASK_QUEUE! },
      { db, logger: createLogger('silent'), messaging },
    );
    try {
      return await worker.runUntil(work());
    } finally {
      await connection.close();
    }
  }

  /** Creates a customer (with a note and config), an order for it, an extra API key and a segment, through the API. */
  async function seed(tenant: Tenant, label: string, customer: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Seeded> {
    const created = await call(tenant, 'POST', '/api/v1/customers', customer, headers);
    expect(created.status).toBe(201);
    const customerId: string = created.body.data.id;
    const note = await call(tenant, 'POST', `/api/v1/customers/${customerId}/notes`, { content: `A private note about ${label}` });
    expect(note.status).toBe(201);
    expect((await call(tenant, 'PUT', `/api/v1/customers/${customerId}/config`, { tier: 'gold', theme: 'dark' })).status).toBe(200);
    const order = await call(tenant, 'POST', '/api/v1/orders', { customerId, items: [{ name: 'Widget', price: 25, quantity: 2 }] });
    expect(order.status).toBe(201);
    const key = await call(tenant, 'POST', '/api/v1/api-keys', { name: `${label} extra`, role: 'member' });
    expect(key.status).toBe(201);
    // Segment names are unique per tenant, and the control tenant seeds once per request.
    const segment = await call(tenant, 'POST', '/api/v1/segments', { name: `${label} segment ${uniqueSuffix()}`, rules: ISOLATION_RULE });
    expect(segment.status).toBe(201);
    // A disabled endpoint (nothing is sent) subscribed to a type no suite emits (so a relay running for another
    // suite adds no delivery meanwhile), its test delivery marked failed (so it can be retried), and a replay
    // job whose range selects nothing.
    const webhook = await call(tenant, 'POST', '/api/v1/webhooks', { url: 'http://127.0.0.1:9/isolation', events: ['import.failed'], enabled: false });
    expect(webhook.status).toBe(201);
    const delivery = await call(tenant, 'POST', `/api/v1/webhooks/${webhook.body.data.id}/test`);
    expect(delivery.status).toBe(202);
    await db('webhook_deliveries').where({ id: delivery.body.data.id }).update({ status: 'failed' });
    const replay = await call(tenant, 'POST', `/api/v1/webhooks/${webhook.body.data.id}/replay`, { scope: 'failed', to: '2000-01-01T00:00:00Z' });
    expect(replay.status).toBe(202);
    // A completed import, through the synchronous form (no worker needed), whose one row fails: it has an import error
    // and writes no customer.
    const imported = await call(tenant, 'POST', '/api/v1/customers/bulk/import', { customers: [{ firstName: `${label} import`, email: 'not-an-email' }] });
    expect(imported.status).toBe(200);
    expect(imported.body.results).toEqual({ imported: 0, updated: 0, duplicates: 0, failed: 1 });
    // A draft e-mail campaign to the seeded segment.
    const campaign = await call(tenant, 'POST', '/api/v1/campaigns', {
      name: `${label} campaign ${uniqueSuffix()}`,
      channel: 'email',
      subject: `News for ${label}`,
      body: 'Hello {{ firstName }}',
      audience: { type: 'segment', segmentId: segment.body.data.id },
    });
    expect(campaign.status).toBe(201);
    // A journey published through the API, with a run of the customer written directly (no worker runs during the walks).
    const journeyCreated = await call(tenant, 'POST', '/api/v1/journeys', { name: `${label} journey ${uniqueSuffix()}`, ...ISOLATION_JOURNEY });
    expect(journeyCreated.status).toBe(201);
    const journey: string = journeyCreated.body.data.id;
    expect((await call(tenant, 'POST', `/api/v1/journeys/${journey}/publish`)).status).toBe(200);
    const version = (await db('journey_versions').where({ journey_id: journey, version: 1 }).first('id')) as { id: string };
    const run = await insertRun(db, { tenantId: tenant.tenantId, journeyId: journey, versionId: version.id, customerId, nodeId: 'end', enteredAt: new Date() });
    // A complaint logged by an agent (channel note: nothing is sent).
    const complaint = await call(tenant, 'POST', '/api/v1/conversations', {
      customerId,
      type: 'complaint',
      category: 'Isolation',
      message: `A complaint of ${label}`,
    });
    expect(complaint.status).toBe(201);
    // A person who signs in to the console, a member of the tenant (not its admin, so a control removal is allowed).
    const person = await server.runtime.domain.users.accounts.createUser({
      email: `${label.toLowerCase().replace(/\W/g, '')}.${uniqueSuffix()}@people.example`,
      tenantId: tenant.tenantId,
      role: 'member',
      password: 'isolation-walk-password',
    });
    // An open invitation, stored as POST /users/invitations stores it but without its mail workflow: a worker of a later
    // walk would otherwise mail A's invitation, and no mail of A may ever be sent.
    const invitation = randomUUID();
    await insertUserToken(db, {
      id: invitation,
      kind: 'invitation',
      email: `${label.toLowerCase()}.${uniqueSuffix()}@invited.example`,
      user_id: null,
      tenant_id: tenant.tenantId,
      role: 'member',
      token_hash: sha256(invitation),
      created_by: 'system:cli',
      expires_at: new Date(Date.now() + 24 * 3_600_000),
    });
    return {
      user: person.userId,
      invitation,
      conversation: complaint.body.data.id,
      customer: customerId,
      order: order.body.data.id,
      apiKey: key.body.data.id,
      segment: segment.body.data.id,
      noteId: note.body.data.noteId,
      orderNumber: order.body.data.orderNumber,
      segmentName: segment.body.data.name,
      webhook: webhook.body.data.id,
      delivery: delivery.body.data.id,
      replay: replay.body.data.id,
      webhookSecret: webhook.body.data.secret,
      import: imported.body.importId,
      campaign: campaign.body.data.id,
      campaignName: campaign.body.data.name,
      journey,
      run,
      version: '1',
    };
  }

  /** Strings of tenant A that must never reach tenant B: ids, order number and the customer's personal data. */
  const secretsOfA = () => [
    a.tenantId,
    seededA.customer,
    seededA.order,
    seededA.apiKey,
    seededA.segment,
    seededA.noteId,
    seededA.orderNumber,
    seededA.segmentName,
    seededA.webhook,
    seededA.delivery,
    seededA.replay,
    seededA.webhookSecret,
    seededA.import,
    seededA.campaign,
    seededA.campaignName,
    seededA.journey,
    seededA.run,
    seededA.user,
    seededA.invitation,
    'news@isolde-a.example',
    'isolde.a@example.com',
    'Isolde',
    '+14155550101',
    'ext-isolde-a',
  ];
  const leaksIn = (text: string) => secretsOfA().filter((s) => text.includes(s));
  /** Mail the SMTP sink received for tenant A or revealing anything of A: none may ever be sent. */
  const mailOfA = () =>
    sink.messages.filter((m) => m.headers['x-herald-tenant'] === a.tenantId || leaksIn(m.raw).length).map((m) => `${m.to.join(', ')}: ${m.headers.subject}`);
  const textOf = (body: unknown) => (typeof body === 'string' ? body : JSON.stringify(body ?? ''));

  /** Everything of tenant A a request of B could touch, read straight from the database (timestamps to the microsecond). */
  async function snapshotA() {
    const rows = async (sql: string, bindings: readonly Knex.Value[]) => (await db.raw(sql, bindings)).rows as unknown[];
    const ids = [seededA.customer, seededA.order, seededA.apiKey, seededA.noteId, seededA.segment, seededA.import, seededA.campaign];
    return {
      customer: await rows('SELECT to_jsonb(c) AS row FROM customers c WHERE id = ?', [seededA.customer]),
      order: await rows('SELECT to_jsonb(o) AS row FROM orders o WHERE id = ?', [seededA.order]),
      ordersOfCustomer: await rows('SELECT id, tenant_id FROM orders WHERE customer_id = ? ORDER BY id', [seededA.customer]),
      items: await rows('SELECT to_jsonb(i) AS row FROM order_items i WHERE order_id = ? ORDER BY id', [seededA.order]),
      history: await rows('SELECT to_jsonb(h) AS row FROM order_status_history h WHERE order_id = ? ORDER BY id', [seededA.order]),
      apiKey: await rows('SELECT to_jsonb(k) AS row FROM api_keys k WHERE id = ?', [seededA.apiKey]),
      keysForCustomer: await rows('SELECT id, tenant_id FROM api_keys WHERE customer_id = ? ORDER BY id', [seededA.customer]),
      notes: await rows('SELECT to_jsonb(n) AS row FROM customer_notes n WHERE customer_id = ? ORDER BY id', [seededA.customer]),
      config: await rows('SELECT to_jsonb(c) AS row FROM customer_config c WHERE customer_id = ? ORDER BY key', [seededA.customer]),
      // refreshed_at moves whenever a background refresh runs (any worker of this run may run one); nothing else may change.
      segment: await rows("SELECT to_jsonb(s) - 'refreshed_at' AS row FROM segments s WHERE id = ?", [seededA.segment]),
      segmentsOfA: await rows('SELECT id, name FROM segments WHERE tenant_id = ? ORDER BY id', [a.tenantId]),
      memberships: await rows('SELECT to_jsonb(m) AS row FROM segment_memberships m WHERE segment_id = ? OR customer_id = ? ORDER BY id', [
        seededA.segment,
        seededA.customer,
      ]),
      membershipsByOthers: await rows(
        'SELECT tenant_id, segment_id, customer_id FROM segment_memberships WHERE tenant_id <> ? AND (segment_id = ? OR customer_id = ?)',
        [a.tenantId, seededA.segment, seededA.customer],
      ),
      eventsOfA: await rows('SELECT id, type, subject_id FROM events WHERE tenant_id = ? ORDER BY seq', [a.tenantId]),
      auditOfA: await rows('SELECT id, action, subject_id FROM audit_log WHERE tenant_id = ? ORDER BY id', [a.tenantId]),
      eventsByOthers: await rows('SELECT tenant_id, type, subject_id FROM events WHERE tenant_id <> ? AND subject_id = ANY(?::uuid[])', [a.tenantId, ids]),
      auditByOthers: await rows('SELECT tenant_id, action, subject_id FROM audit_log WHERE tenant_id <> ? AND subject_id = ANY(?::text[])', [a.tenantId, ids]),
      webhook: await rows('SELECT to_jsonb(w) AS row FROM webhook_endpoints w WHERE id = ?', [seededA.webhook]),
      webhooksOfA: await rows('SELECT id FROM webhook_endpoints WHERE tenant_id = ? ORDER BY id', [a.tenantId]),
      deliveriesOfA: await rows('SELECT to_jsonb(d) AS row FROM webhook_deliveries d WHERE tenant_id = ? OR endpoint_id = ? ORDER BY id', [
        a.tenantId,
        seededA.webhook,
      ]),
      // A replay job's progress moves when a worker of this run runs it; nothing else may change.
      replay: await rows("SELECT to_jsonb(r) - 'status' - 'total' - 'processed' - 'finished_at' AS row FROM webhook_replays r WHERE id = ?", [seededA.replay]),
      customersOfA: await rows('SELECT id, email, external_id, updated_at FROM customers WHERE tenant_id = ? ORDER BY id', [a.tenantId]),
      import: await rows('SELECT to_jsonb(i) AS row FROM imports i WHERE id = ?', [seededA.import]),
      importsOfA: await rows('SELECT id, status FROM imports WHERE tenant_id = ? ORDER BY id', [a.tenantId]),
      importErrors: await rows('SELECT to_jsonb(e) AS row FROM import_errors e WHERE tenant_id = ? OR import_id = ? ORDER BY id', [a.tenantId, seededA.import]),
      campaign: await rows('SELECT to_jsonb(c) AS row FROM campaigns c WHERE id = ?', [seededA.campaign]),
      campaignsOfA: await rows('SELECT id, kind, status FROM campaigns WHERE tenant_id = ? ORDER BY id', [a.tenantId]),
      // Ledger rows of A's tenant, of A's campaign, or naming A's customer (from any tenant's campaign).
      recipients: await rows('SELECT to_jsonb(r) AS row FROM campaign_recipients r WHERE tenant_id = ? OR campaign_id = ? OR customer_id = ? ORDER BY id', [
        a.tenantId,
        seededA.campaign,
        seededA.customer,
      ]),
      messagingSettings: await rows("SELECT settings -> 'messaging' AS messaging FROM tenants WHERE id = ?", [a.tenantId]),
      suppressionsOfA: await rows('SELECT to_jsonb(s) AS row FROM message_suppressions s WHERE tenant_id = ? ORDER BY address', [a.tenantId]),
      outboxOfA: await rows('SELECT to_jsonb(o) AS row FROM dev_outbox o WHERE tenant_id = ? ORDER BY id', [a.tenantId]),
      peopleOfA: await rows('SELECT to_jsonb(m) AS row FROM memberships m WHERE tenant_id = ? OR user_id = ? ORDER BY user_id, tenant_id', [
        a.tenantId,
        seededA.user,
      ]),
      invitationsOfA: await rows('SELECT to_jsonb(t) AS row FROM user_tokens t WHERE tenant_id = ? OR id = ? ORDER BY id', [a.tenantId, seededA.invitation]),
      tenantA: await rows('SELECT name, slug FROM tenants WHERE id = ?', [a.tenantId]),
      journeyRunsOfA: await rows('SELECT to_jsonb(r) AS row FROM journey_runs r WHERE tenant_id = ? OR customer_id = ? ORDER BY id', [
        a.tenantId,
        seededA.customer,
      ]),
    };
  }

  /** What tenant A itself sees of its records through the API. */
  async function viewOfA() {
    const get = async (url: string) => {
      const res = await call(a, 'GET', url);
      expect(res.status).toBe(200);
      return res.body.data;
    };
    const keys = (await get('/api/v1/api-keys')) as Array<{ id: string; revokedAt: string | null; lastUsedAt: string | null }>;
    return {
      customer: await get(`/api/v1/customers/${seededA.customer}`),
      notes: await get(`/api/v1/customers/${seededA.customer}/notes`),
      config: await get(`/api/v1/customers/${seededA.customer}/config`),
      order: await get(`/api/v1/orders/${seededA.order}`),
      extraKey: keys.find((k) => k.id === seededA.apiKey),
      segment: { ...(await get(`/api/v1/segments/${seededA.segment}`)), refreshedAt: undefined },
      segmentMembers: ((await get(`/api/v1/segments/${seededA.segment}/customers`)) as Array<{ id: string }>).map((x) => x.id),
      import: await get(`/api/v1/imports/${seededA.import}`),
      importErrors: await get(`/api/v1/imports/${seededA.import}/errors`),
      campaign: await get(`/api/v1/campaigns/${seededA.campaign}`),
      messagingSettings: await get('/api/v1/messaging/settings'),
    };
  }

  beforeAll(async () => {
    db = testDb();
    sink = await startSmtpSink();
    email = createEmailChannel({ url: sink.url, from: 'Herald Test <test@herald.local>', poolSize: 2 });
    // The control tenant seeds an import per request: the imports budget is raised with the others.
    server = await startTestServer({
      RATE_LIMIT_GENERAL_PER_MINUTE: '1000000',
      RATE_LIMIT_IP_PER_MINUTE: '1000000',
      RATE_LIMIT_IMPORTS_PER_MINUTE: '1000000',
      RATE_LIMIT_AI_PER_MINUTE: '1000000',
    });
    a = await buildTenant(db, 'Isolation tenant A');
    b = await buildTenant(db, 'Isolation tenant B');
    c = await buildTenant(db, 'Isolation control tenant');
    createBodyA = {
      firstName: 'Isolde',
      lastName: 'Tenant-A',
      email: 'isolde.a@example.com',
      phone: '+14155550101',
      externalId: 'ext-isolde-a',
      tags: ['isolation'],
      address: { city: 'Springfield', country: 'US' },
    };
    seededA = await seed(a, 'Isolde', createBodyA, { 'Idempotency-Key': IDEMPOTENCY_KEY });
    seededB = await seed(b, 'Brutus', {
      firstName: 'Brutus',
      lastName: 'Tenant-B',
      email: 'brutus.b@example.com',
      tags: ['isolation'],
      address: { city: 'Springfield', country: 'US' },
    });
    // Bring the seeded segments' membership up to date now (the refresh the API started waits for a worker), so a refresh
    // run later by any worker of this test run changes nothing the snapshots compare.
    const activities = createActivities({ db, logger: createLogger('silent') });
    for (const [t, s] of [
      [a, seededA],
      [b, seededB],
    ] as const)
      expect(await activities.refreshSegment(t.tenantId, s.segment)).toMatchObject({ members: 1 });
    // Messaging defaults, and a message caught by the development outbox, for each tenant.
    expect(
      (await call(a, 'PUT', '/api/v1/messaging/settings', { ...SETTINGS_OF_B, fromEmail: 'Isolde Shop <news@isolde-a.example>', timezone: 'America/Chicago' }))
        .status,
    ).toBe(200);
    expect((await call(b, 'PUT', '/api/v1/messaging/settings', SETTINGS_OF_B)).status).toBe(200);
    await recordCaughtMessage(db, {
      tenantId: a.tenantId,
      channel: 'email',
      to: 'isolde.a@example.com',
      subject: 'For Isolde',
      body: 'A private message for Isolde',
    });
    await recordCaughtMessage(db, { tenantId: b.tenantId, channel: 'email', to: 'brutus.b@example.com', subject: 'For Brutus', body: 'A message for Brutus' });
  });
  afterAll(async () => {
    await server.close();
    await email.close();
    await sink.close();
    await db.destroy();
  });

  it('finds the routes in the router and knows the record kind of every path parameter', () => {
    expect(paramRoutes.length).toBeGreaterThanOrEqual(15);
    // A sample of routes that must be among those walked (if one disappears, the router changed shape).
    for (const key of [
      'GET /api/v1/customers/:id',
      'PATCH /api/v1/customers/:id/tags',
      'GET /api/v1/orders/:id',
      'DELETE /api/v1/api-keys/:id',
      'GET /api/v1/segments/:id',
      'PATCH /api/v1/segments/:id',
      'DELETE /api/v1/segments/:id',
      'GET /api/v1/segments/:id/customers',
      'GET /api/v1/imports/:id',
      'POST /api/v1/imports/:id/cancel',
      'GET /api/v1/campaigns/:id',
      'PATCH /api/v1/campaigns/:id/status',
      'POST /api/v1/campaigns/:id/send',
      'POST /api/v1/customers/:id/message',
    ]) {
      expect(paramRoutes.map(routeKey)).toContain(key);
    }
    const unknown = paramRoutes.flatMap((r) => {
      try {
        fillPath(r.path, seededA);
        return [];
      } catch (err) {
        return [(err as Error).message];
      }
    });
    expect(unknown).toEqual([]);
  });

  it('refuses tracking tokens and Twilio callbacks that are not signed (those routes take no tenant credential)', async () => {
    const signedRoutes = routes.filter((r) => isSigned(r.path)).map(routeKey);
    expect(signedRoutes).toEqual(
      expect.arrayContaining([
        'POST /api/v1/messaging/unsubscribe/:token',
        'GET /api/v1/messaging/open/:token',
        'GET /api/v1/messaging/click/:token',
        'POST /api/v1/messaging/twilio/status',
        'POST /api/v1/messaging/twilio/inbound',
      ]),
    );
    const inbound = await server.request('/api/v1/messaging/twilio/inbound', {
      method: 'POST',
      body: 'From=%2B14155550101&To=%2B15005550100&Body=hi',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(inbound.status).toBe(403);
    const forged = `${seededA.customer}.${'A'.repeat(32)}`;
    for (const [method, url] of [
      ['POST', `/api/v1/messaging/unsubscribe/${forged}`],
      ['GET', `/api/v1/messaging/open/${forged}`],
      ['GET', `/api/v1/messaging/click/${forged}?url=https%3A%2F%2Fexample.com%2F`],
    ]) {
      const res = await call(b, method!, url!);
      expect({ url, status: res.status }).toEqual({ url, status: 404 });
    }
    const twilio = await server.request(`/api/v1/messaging/twilio/status?ledgerId=${seededA.customer}`, {
      method: 'POST',
      body: 'MessageStatus=delivered',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(twilio.status).toBe(403);
  });

  it("answers 404 (or 403) to B's admin key on every :param route aimed at A's records, and changes nothing of A", async () => {
    const dbBefore = await snapshotA();
    const apiBefore = await viewOfA();
    const violations: string[] = [];
    let sent = 0;
    for (const route of paramRoutes) {
      for (const req of requestsFor(route, seededA)) {
        const res = await call(b, req.method, req.url, req.body);
        sent++;
        if (res.status !== 404 && res.status !== 403) violations.push(`${req.method} ${req.url} -> ${res.status} ${textOf(res.body).slice(0, 200)}`);
        const leaked = leaksIn(textOf(res.body));
        if (leaked.length) violations.push(`${req.method} ${req.url} -> body reveals ${leaked.join(', ')}`);
      }
    }
    expect(violations).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(paramRoutes.length);
    expect(mailOfA()).toEqual([]);
    expect(await snapshotA()).toEqual(dbBefore);
    expect(await viewOfA()).toEqual(apiBefore);
    expect(apiBefore.extraKey).toMatchObject({ id: seededA.apiKey, revokedAt: null });
    expect(apiBefore.order.status).toBe('placed');
    expect(apiBefore.segment).toMatchObject({ id: seededA.segment, name: seededA.segmentName });
    expect(apiBefore.segmentMembers).toEqual([seededA.customer]);
  });

  it("answers 404 to B for A's segment wherever a segment id is accepted, and never lists A's customers through it", async () => {
    for (const url of [
      `/api/v1/customers?segmentId=${seededA.segment}`,
      `/api/v1/segments/${seededA.segment}/customers`,
      `/api/v1/segments/${seededA.segment}/count`,
      `/api/v1/segments/${seededA.segment}`,
    ]) {
      const res = await call(b, 'GET', url);
      expect({ url, status: res.status, leaked: leaksIn(textOf(res.body)) }).toEqual({ url, status: 404, leaked: [] });
    }
    // The same requests with B's own segment work, and show B's customer only.
    const own = await call(b, 'GET', `/api/v1/customers?segmentId=${seededB.segment}`);
    expect(own.status).toBe(200);
    expect(own.body.data.map((x: { id: string }) => x.id)).toEqual([seededB.customer]);
    expect((await call(b, 'GET', `/api/v1/segments/${seededB.segment}/customers`)).body.data.map((x: { id: string }) => x.id)).toEqual([seededB.customer]);
    expect((await call(b, 'GET', `/api/v1/segments/${seededB.segment}/count`)).body.data).toEqual({ count: 1 });
    // Membership is tenant-scoped too: refreshing B's segment (by the activity the workflow runs) takes none of A's customers,
    // and naming B's segment with A's tenant finds nothing.
    const activities = createActivities({ db, logger: createLogger('silent') });
    expect(await activities.refreshSegment(b.tenantId, seededB.segment)).toMatchObject({ members: 1 });
    expect(await activities.refreshSegment(a.tenantId, seededB.segment)).toBeNull();
    const members = await db('segment_memberships').where({ segment_id: seededB.segment }).whereNull('exited_at').select('customer_id', 'tenant_id');
    expect(members).toEqual([{ customer_id: seededB.customer, tenant_id: b.tenantId }]);
  });

  it("accepts the very same requests from an admin key against its own tenant's records (so the 404s above are not validation failures)", async () => {
    const failures: string[] = [];
    for (const route of paramRoutes) {
      const variants = requestsFor(route, seededA).length;
      for (let i = 0; i < variants; i++) {
        // Fresh records for each request: a delete, block or cancel must not spoil the next one.
        const fresh = await seed(c, 'Carla', { firstName: 'Carla', lastName: `Control ${i}` });
        const key = requestsFor(route, fresh)[i]!.key;
        await CONTROL_SETUP[key]?.((method, url, body) => call(c, method, url, body), fresh);
        const req = requestsFor(route, fresh)[i]!;
        const send = () => call(c, req.method, req.url, req.body);
        const res = CONTROL_NEEDS_WORKER.has(req.key) ? await withWorker(send) : await send();
        if (res.status < 200 || res.status >= 300) failures.push(`${req.method} ${req.url} -> ${res.status} ${textOf(res.body).slice(0, 300)}`);
        // A test send answers 200 with the outcome per address: each must have gone out.
        if (req.key === 'POST /api/v1/campaigns/:id/test' && !(res.body.data ?? []).every((x: { ok: boolean }) => x.ok))
          failures.push(`${req.method} ${req.url} -> not sent: ${textOf(res.body).slice(0, 300)}`);
      }
    }
    // The test send went through Herald's e-mail channel to the SMTP server, as the control tenant's.
    expect(sink.messages.filter((m) => m.to.includes(TEST_ADDRESS)).map((m) => m.headers['x-herald-tenant'])).toEqual([c.tenantId]);
    // Leave no control campaign waiting on Temporal: cancel what is still scheduled, sending or paused (a later worker ends
    // the workflows of those that were sending; a delayed start is terminated).
    const open = await db('campaigns').where({ tenant_id: c.tenantId }).whereIn('status', ['scheduled', 'sending', 'paused']).pluck('id');
    for (const id of open) expect((await call(c, 'POST', `/api/v1/campaigns/${id}/cancel`)).status).toBe(200);
    expect(failures).toEqual([]);
  }, 240000);

  it("never shows A's records in B's lists, searches, exports, reports or tenant views", async () => {
    type Variant = { query: string; mustContain?: () => string[] };
    const customerOfB = () => [seededB.customer];
    const VARIANTS: Record<string, Variant[]> = {
      '/api/v1/tenant': [{ query: '', mustContain: () => [b.tenantId] }],
      '/api/v1/tenant/summary': [{ query: '', mustContain: () => [b.tenantId] }],
      '/api/v1/api-keys': [{ query: '', mustContain: () => [seededB.apiKey] }],
      '/api/v1/users': [{ query: '?limit=100', mustContain: () => [seededB.user] }],
      '/api/v1/users/invitations': [{ query: '?limit=100', mustContain: () => [seededB.invitation] }],
      '/api/v1/segments': [{ query: '', mustContain: () => [seededB.segment] }],
      '/api/v1/webhooks': [{ query: '', mustContain: () => [seededB.webhook] }],
      '/api/v1/campaigns': [
        { query: '?limit=100', mustContain: () => [seededB.campaign] },
        { query: '?status=draft&type=email&sortBy=name&limit=100', mustContain: () => [seededB.campaign] },
      ],
      '/api/v1/analytics/campaigns': [{ query: '', mustContain: () => [seededB.campaign] }, { query: '?period=month&timezone=Asia/Kolkata' }],
      '/api/v1/analytics/customers': [{ query: '' }, { query: '?period=week&timezone=America/Mexico_City' }],
      '/api/v1/analytics/revenue': [{ query: '' }, { query: '?period=year' }],
      '/api/v1/analytics/segments': [{ query: '', mustContain: () => [seededB.segment] }],
      '/api/v1/imports': [
        { query: '?limit=100', mustContain: () => [seededB.import] },
        { query: '?status=completed&limit=100', mustContain: () => [seededB.import] },
      ],
      '/api/v1/messaging/settings': [{ query: '', mustContain: () => [SETTINGS_OF_B.fromEmail] }],
      '/api/v1/dev/outbox': [{ query: '?limit=500', mustContain: () => ['brutus.b@example.com'] }],
      '/api/v1/customers': [
        { query: '?limit=100', mustContain: customerOfB },
        { query: '?search=Isolde' },
        { query: '?search=example.com&limit=100', mustContain: customerOfB },
        { query: '?tags=isolation&city=springfield&limit=100', mustContain: customerOfB },
        { query: '?externalId=ext-isolde-a' },
      ],
      '/api/v1/customers/search': [{ query: '?q=Isolde' }, { query: '?q=example.com&limit=100', mustContain: customerOfB }],
      '/api/v1/customers/export': ['ndjson', 'csv', 'json'].map((format) => ({ query: `?format=${format}`, mustContain: customerOfB })),
      '/api/v1/customers/analytics': [{ query: '', mustContain: customerOfB }],
      '/api/v1/orders': [{ query: '?limit=100', mustContain: () => [seededB.order] }, { query: `?customerId=${seededA.customer}` }],
      '/api/v1/orders/export': [
        ...['ndjson', 'csv', 'json'].map((format) => ({ query: `?format=${format}`, mustContain: () => [seededB.order] })),
        { query: `?format=ndjson&customerId=${seededA.customer}` },
      ],
      // Insights are aggregates: A's names (categories, segments) must not appear in B's, over any window.
      '/api/v1/ai/insights': [{ query: '' }, { query: '?period=1d' }, { query: '?period=365d&limit=100' }],
    };
    for (const required of [
      '/api/v1/customers',
      '/api/v1/customers/search',
      '/api/v1/customers/export',
      '/api/v1/orders',
      '/api/v1/orders/export',
      '/api/v1/customers/stats/summary',
      '/api/v1/customers/analytics',
      '/api/v1/api-keys',
      '/api/v1/users',
      '/api/v1/users/invitations',
      '/api/v1/segments',
      '/api/v1/segments/fields',
      '/api/v1/campaigns',
      '/api/v1/analytics/campaigns',
      '/api/v1/analytics/customers',
      '/api/v1/analytics/revenue',
      '/api/v1/analytics/segments',
      '/api/v1/imports',
      '/api/v1/messaging/settings',
      '/api/v1/dev/outbox',
      '/api/v1/ai/insights',
    ]) {
      expect(plainReads.map((r) => r.path)).toContain(required);
    }
    const violations: string[] = [];
    const walk = async () => {
      for (const route of plainReads) {
        for (const variant of VARIANTS[route.path] ?? [{ query: '' }]) {
          const url = route.path + variant.query;
          const res = await call(b, 'GET', url);
          const text = textOf(res.body);
          if (res.status !== 200) violations.push(`GET ${url} -> ${res.status} ${text.slice(0, 200)}`);
          const leaked = leaksIn(text);
          if (leaked.length) violations.push(`GET ${url} reveals ${leaked.join(', ')}`);
          const missing = (variant.mustContain?.() ?? []).filter((s) => !text.includes(s));
          if (missing.length) violations.push(`GET ${url} does not show B's own ${missing.join(', ')} (the check would prove nothing)`);
        }
      }
    };
    // /tenant/summary runs a Temporal workflow: a worker serves it while the walk runs.
    await withWorker(walk);
    expect(violations).toEqual([]);
    expect(mailOfA()).toEqual([]);
  }, 120000);

  it('refuses ids of A named in a body, writes nothing for them, and keeps Idempotency-Keys per tenant', async () => {
    const dbBefore = await snapshotA();
    const refusal = (status: number) => (status >= 400 && status < 500 ? 'refused' : `answered ${status}`);
    const countB = async (table: string) => Number((await db(table).where({ tenant_id: b.tenantId }).count<{ n: number }[]>({ n: '*' }))[0]!.n);
    /** A's customer's unique values (email, phone, external id), in a row of B's import: it must become B's own customer. */
    const rowNamingA = { firstName: 'Mallory', email: 'isolde.a@example.com', phone: '+14155550101', externalId: 'ext-isolde-a' };
    /** After an import of `rowNamingA` by B: B has a customer of its own with A's email (A's is untouched); it is removed again. */
    const expectOwnCopyOfB = async (counts: { imported: number; updated: number }) => {
      expect(counts).toMatchObject({ imported: 1, updated: 0 });
      const holders = await db('customers')
        .where({ email: 'isolde.a@example.com' })
        .whereIn('tenant_id', [a.tenantId, b.tenantId])
        .whereNull('deleted_at')
        .orderBy('tenant_id')
        .select('id', 'tenant_id', 'first_name');
      const copy = holders.find((h) => h.id !== seededA.customer);
      expect(holders).toEqual(
        expect.arrayContaining([
          { id: seededA.customer, tenant_id: a.tenantId, first_name: 'Isolde' },
          { id: copy?.id, tenant_id: b.tenantId, first_name: 'Mallory' },
        ]),
      );
      expect(holders).toHaveLength(2);
      // B's copy carries A's email: remove it so no later check mistakes it for a leak.
      expect((await call(b, 'DELETE', `/api/v1/customers/${copy!.id}?permanent=true`)).status).toBe(204);
    };
    /** Uploads `rowNamingA` to a streaming import route and waits for the worker to finish it. */
    const importThrough = (path: string) => async () => {
      const res = await call(b, 'POST', path, { customers: [rowNamingA], options: { duplicateMode: 'upsert' } });
      expect(res.status).toBe(202);
      expect(await db('imports').where({ id: res.body.data.id }).first('tenant_id')).toEqual({ tenant_id: b.tenantId });
      let job = res.body.data;
      for (const deadline = Date.now() + 60000; ['receiving', 'queued', 'running'].includes(job.status) && Date.now() < deadline;) {
        await new Promise((r) => setTimeout(r, 200));
        job = (await call(b, 'GET', `/api/v1/imports/${job.id}`)).body.data;
      }
      expect(job.status).toBe('completed');
      await expectOwnCopyOfB(job.progress);
    };
    const CHECKS: Record<string, () => Promise<void>> = {
      'POST /api/v1/conversations': async () => {
        const before = await Promise.all(['conversations', 'conversation_messages', 'events'].map(countB));
        const res = await call(b, 'POST', '/api/v1/conversations', { customerId: seededA.customer, type: 'complaint', message: 'cross-tenant' });
        expect(res.status).toBe(404);
        expect(await Promise.all(['conversations', 'conversation_messages', 'events'].map(countB))).toEqual(before);
      },
      'POST /api/v1/orders': async () => {
        const before = await Promise.all(['orders', 'order_items', 'events'].map(countB));
        const res = await call(b, 'POST', '/api/v1/orders', { customerId: seededA.customer, items: [{ name: 'Widget', price: 1, quantity: 1 }] });
        expect(refusal(res.status)).toBe('refused');
        expect(await Promise.all(['orders', 'order_items', 'events'].map(countB))).toEqual(before);
      },
      'POST /api/v1/customer/config': async () => {
        const res = await call(b, 'POST', '/api/v1/customer/config', { customer_id: seededA.customer, k: 'v' });
        expect(res.status).toBe(404);
      },
      'POST /api/v1/api-keys': async () => {
        // A customer-role key of tenant B bound to A's customer would be a cross-tenant reference.
        const res = await call(b, 'POST', '/api/v1/api-keys', { name: 'cross-tenant', role: 'customer', customerId: seededA.customer });
        const bound = await db('api_keys').where({ tenant_id: b.tenantId, customer_id: seededA.customer }).select('id');
        expect({ answer: refusal(res.status), keysOfBBoundToCustomerOfA: bound.length }).toEqual({ answer: 'refused', keysOfBBoundToCustomerOfA: 0 });
      },
      'POST /api/v1/segments/preview': async () => {
        // A rule both tenants' customers satisfy: B's preview counts and samples B's customers only.
        const res = await call(b, 'POST', '/api/v1/segments/preview', { rules: ISOLATION_RULE, limit: 100 });
        expect(res.status).toBe(200);
        expect(res.body.data.sampleCustomers.map((x: { id: string }) => x.id)).toEqual([seededB.customer]);
        expect(res.body.data.count).toBe(1);
        expect(leaksIn(textOf(res.body))).toEqual([]);
      },
      ...Object.fromEntries(
        ['/api/v1/ai/segment-suggestions', '/api/v1/segments/suggestions'].map((path) => [
          `POST ${path}`,
          async () => {
            // Both tenants' customers are tagged `isolation`: B's potential audience counts B's alone.
            const res = await call(b, 'POST', path, { query: 'customers tagged isolation' });
            expect(res.status).toBe(200);
            const ofB = Number(
              (
                await db('customers')
                  .where({ tenant_id: b.tenantId })
                  .whereNull('deleted_at')
                  .whereRaw("'isolation' = ANY(tags)")
                  .count<{ n: number }[]>({ n: '*' })
              )[0]!.n,
            );
            expect(res.body.suggestions[0]).toMatchObject({ rules: ISOLATION_AST, potentialAudience: ofB });
            expect(leaksIn(textOf(res.body))).toEqual([]);
          },
        ]),
      ),
      ...Object.fromEntries(
        [
          ['/api/v1/ai/message-suggestions', { type: 'email', goal: 'Promote summer sale' }],
          ['/api/v1/ai/message-check', { type: 'email', subject: 'Hello {{ firstName }}', body: 'Hi {{ firstName }}' }],
        ].map(([path, body]) => [
          `POST ${path}`,
          async () => {
            // A's segment and campaign are no audience of B's: 404, as if they did not exist.
            for (const ref of [{ segmentId: seededA.segment }, { campaignId: seededA.campaign }]) {
              expect((await call(b, 'POST', path as string, { ...(body as object), ...ref })).status).toBe(404);
            }
            // B's segment (a rule both tenants' customers satisfy) samples and renders for B's customers alone.
            const res = await call(b, 'POST', path as string, { ...(body as object), segmentId: seededB.segment });
            expect(res.status).toBe(200);
            const ofB = await db('customers').where({ tenant_id: b.tenantId }).whereNull('deleted_at').whereRaw("'isolation' = ANY(tags)").pluck('id');
            // The suggestions answer the audience at the top (seed 003's shape), the check under data.
            expect((res.body.data ?? res.body).audience.sampled).toBe(ofB.length);
            expect(leaksIn(textOf(res.body))).toEqual([]);
          },
        ]),
      ),
      'POST /api/v1/users/invitations': async () => {
        // A person of A may be invited to B too (people belong to several tenants): the invitation is B's, A's memberships stay.
        const { email } = (await db('users').where({ id: seededA.user }).first('email')) as { email: string };
        const res = await call(b, 'POST', '/api/v1/users/invitations', { email, role: 'readonly' });
        expect(res.status).toBe(202);
        expect(await db('user_tokens').where({ id: res.body.data.id }).first('tenant_id', 'kind')).toEqual({ tenant_id: b.tenantId, kind: 'invitation' });
      },
      'POST /api/v1/segments': async () => {
        // A's segment name is free in B (names are per tenant); B's segment selects B's customers only.
        const res = await call(b, 'POST', '/api/v1/segments', { name: seededA.segmentName, rules: ISOLATION_RULE });
        expect(res.status).toBe(201);
        expect(res.body.data.id).not.toBe(seededA.segment);
        expect(await db('segments').where({ id: res.body.data.id }).first('tenant_id')).toEqual({ tenant_id: b.tenantId });
        expect((await call(b, 'GET', `/api/v1/segments/${res.body.data.id}/count`)).body.data).toEqual({ count: 1 });
        // B's copy carries A's segment name: remove it so no later check mistakes it for a leak.
        expect((await call(b, 'DELETE', `/api/v1/segments/${res.body.data.id}`)).status).toBe(204);
      },
      'POST /api/v1/webhooks': async () => {
        // B's endpoint for A's URL is B's: it belongs to B and A's endpoints are as they were.
        const res = await call(b, 'POST', '/api/v1/webhooks', { url: 'http://127.0.0.1:9/isolation', events: ['*'], enabled: false });
        expect(res.status).toBe(201);
        expect(await db('webhook_endpoints').where({ id: res.body.data.id }).first('tenant_id')).toEqual({ tenant_id: b.tenantId });
        expect(leaksIn(textOf(res.body))).toEqual([]);
        expect((await call(b, 'DELETE', `/api/v1/webhooks/${res.body.data.id}`)).status).toBe(204);
      },
      'POST /api/v1/imports': importThrough('/api/v1/imports'),
      'POST /api/v1/customers/import': importThrough('/api/v1/customers/import'),
      'POST /api/v1/customers/bulk/import': async () => {
        const res = await call(b, 'POST', '/api/v1/customers/bulk/import', { customers: [rowNamingA], options: { duplicateMode: 'upsert' } });
        expect(res.status).toBe(200);
        expect(await db('imports').where({ id: res.body.importId }).first('tenant_id')).toEqual({ tenant_id: b.tenantId });
        await expectOwnCopyOfB(res.body.results);
      },
      'POST /api/v1/campaigns': async () => {
        const before = await countB('campaigns');
        // A's segment does not exist in B.
        const bySegment = await call(b, 'POST', '/api/v1/campaigns', {
          name: 'cross-tenant segment',
          channel: 'sms',
          body: 'hi',
          audience: { type: 'segment', segmentId: seededA.segment },
        });
        expect({
          status: bySegment.status,
          code: bySegment.body.error?.code,
          paths: bySegment.body.error?.details?.map((d: { path: string }) => d.path),
        }).toEqual({ status: 422, code: 'validation_failed', paths: ['audience.segmentId'] });
        // An audience naming A's customer (with B's) is refused: A's customer reads as one that does not exist in B.
        const byCustomers = await call(b, 'POST', '/api/v1/campaigns', {
          name: 'cross-tenant customers',
          channel: 'sms',
          body: 'hi',
          audience: { type: 'customers', customerIds: [seededA.customer, seededB.customer] },
        });
        expect({
          status: byCustomers.status,
          code: byCustomers.body.error?.code,
          paths: byCustomers.body.error?.details?.map((d: { path: string }) => d.path),
        }).toEqual({ status: 422, code: 'validation_failed', paths: ['audience.customerIds'] });
        expect(JSON.stringify(byCustomers.body)).toContain(seededA.customer);
        // Rules both tenants' customers satisfy, and everyone: B's campaign, whose audience, snapshotted by the function
        // the send workflow runs, holds B's customers only.
        for (const audience of [{ type: 'rules', rules: ISOLATION_RULE }, { type: 'all' }]) {
          const res = await call(b, 'POST', '/api/v1/campaigns', { name: `cross-tenant ${audience.type}`, channel: 'sms', body: 'hi', audience });
          expect(res.status).toBe(201);
          const row = await db('campaigns').where({ id: res.body.data.id }).first();
          expect(row.tenant_id).toBe(b.tenantId);
          await snapshotAudience(db, row, new Date());
          const recipients = await db('campaign_recipients').where({ campaign_id: row.id }).select('customer_id', 'tenant_id');
          expect(recipients).toContainEqual({ customer_id: seededB.customer, tenant_id: b.tenantId });
          expect(recipients.filter((r) => r.tenant_id !== b.tenantId || r.customer_id === seededA.customer)).toEqual([]);
          // Nor does a preview render A's customer.
          expect((await call(b, 'POST', `/api/v1/campaigns/${row.id}/preview`, { customerId: seededA.customer })).status).toBe(404);
          expect((await call(b, 'DELETE', `/api/v1/campaigns/${row.id}`)).status).toBe(204);
        }
        expect(await countB('campaigns')).toBe(before);
      },
      'POST /api/v1/customers/message': async () => {
        // A's customer alone or with B's: 404 before anything is written (no direct campaign, no ledger row).
        const before = await Promise.all(['campaigns', 'campaign_recipients', 'audit_log'].map(countB));
        for (const customerIds of [[seededA.customer], [seededB.customer, seededA.customer]]) {
          const res = await call(b, 'POST', '/api/v1/customers/message', { customerIds, message: 'cross-tenant', channel: 'sms' });
          expect({ customerIds, status: res.status, leaked: leaksIn(textOf(res.body)) }).toEqual({ customerIds, status: 404, leaked: [] });
        }
        expect(await Promise.all(['campaigns', 'campaign_recipients', 'audit_log'].map(countB))).toEqual(before);
      },
      'PUT /api/v1/messaging/settings': async () => {
        const changed = { ...SETTINGS_OF_B, timezone: 'Asia/Tokyo' };
        const res = await call(b, 'PUT', '/api/v1/messaging/settings', changed);
        expect(res.status).toBe(200);
        expect((await call(b, 'GET', '/api/v1/messaging/settings')).body.data).toEqual(changed);
        expect((await call(a, 'GET', '/api/v1/messaging/settings')).body.data).toMatchObject({
          fromEmail: 'Isolde Shop <news@isolde-a.example>',
          timezone: 'America/Chicago',
        });
        expect((await call(b, 'PUT', '/api/v1/messaging/settings', SETTINGS_OF_B)).status).toBe(200);
      },
      'PATCH /api/v1/tenant': async () => {
        // B's settings are B's: the answer is B's tenant, and A's settings are as they were.
        const res = await call(b, 'PATCH', '/api/v1/tenant', { settings: { defaultLanguage: 'es' } });
        expect([res.status, res.body.data.id, res.body.data.settings]).toEqual([
          200,
          b.tenantId,
          { defaultLanguage: 'es', eventRetentionMonths: 13, eventsCreateCustomers: true },
        ]);
        expect((await call(a, 'GET', '/api/v1/tenant')).body.data.settings).toEqual({
          defaultLanguage: null,
          eventRetentionMonths: 13,
          eventsCreateCustomers: true,
        });
        expect((await call(b, 'PATCH', '/api/v1/tenant', { settings: { defaultLanguage: null } })).status).toBe(200);
        // Renaming renames the caller's tenant only.
        const renamed = await call(b, 'PATCH', '/api/v1/tenant', { name: 'Isolation tenant A' });
        expect([renamed.status, renamed.body.data.id, renamed.body.data.name]).toEqual([200, b.tenantId, 'Isolation tenant A']);
        expect((await call(a, 'GET', '/api/v1/tenant')).body.data.name).toBe('Isolation tenant A');
        expect((await db('tenants').where({ name: 'Isolation tenant A' }).pluck('id')).sort()).toEqual([a.tenantId, b.tenantId].sort());
        expect((await call(b, 'PATCH', '/api/v1/tenant', { name: 'Isolation tenant B' })).status).toBe(200);
      },
      ...Object.fromEntries(
        (
          [
            ['POST /api/v1/track', { userId: 'ext-isolde-a', event: 'Isolation Probe', properties: {} }],
            ['POST /api/v1/identify', { userId: 'ext-isolde-a', traits: { firstName: 'Probe' } }],
            ['POST /api/v1/batch', { batch: [{ type: 'track', userId: 'ext-isolde-a', event: 'Isolation Probe', properties: {} }] }],
          ] as const
        ).map(([key, body]) => [
          key,
          async () => {
            // A's customer's externalId sent by B names B's customer of that id (created here), never A's.
            const res = await call(b, 'POST', key.slice(5), body);
            expect(res.status).toBe(200);
            expect(leaksIn(textOf(res.body))).toEqual([]);
            const ofB = await db('customers').where({ tenant_id: b.tenantId, external_id: 'ext-isolde-a' }).first('id');
            expect(ofB?.id).toBeDefined();
            expect(ofB.id).not.toBe(seededA.customer);
            expect(await db('customer_events').where({ customer_id: seededA.customer }).count<{ count: number }[]>('* as count')).toEqual([{ count: 0 }]);
            // B's copy carries A's external id: remove it so no later check mistakes it for a leak.
            expect((await call(b, 'DELETE', `/api/v1/customers/${ofB.id}?permanent=true`)).status).toBe(204);
          },
        ]),
      ),
      'POST /api/v1/journeys': async () => {
        // A journey of B naming A's segment and A's webhook endpoint: saved as a draft whose problems name both
        // references (the ids are B's own input echoed back), and never publishable.
        const body = {
          name: 'Borrowed references',
          entry: { type: 'segment', segmentId: seededA.segment },
          start: 'hook',
          nodes: [{ id: 'hook', type: 'webhook', endpointId: seededA.webhook }],
        };
        const res = await call(b, 'POST', '/api/v1/journeys', body);
        expect(res.status).toBe(201);
        expect(res.body.data.problems.map((p: { path: string }) => p.path).sort()).toEqual(['entry.segmentId', 'nodes[0].endpointId']);
        expect((await call(b, 'POST', `/api/v1/journeys/${res.body.data.id}/publish`)).status).toBe(422);
        expect(await db('journey_versions').where({ journey_id: res.body.data.id }).count<{ count: number }[]>('* as count')).toEqual([{ count: 0 }]);
        expect((await call(b, 'DELETE', `/api/v1/journeys/${res.body.data.id}`)).status).toBe(204);
      },
      'POST /api/v1/customers': async () => {
        // A's exact body under A's Idempotency-Key: B must get a customer of its own, not A's stored response.
        const first = await call(b, 'POST', '/api/v1/customers', createBodyA, { 'Idempotency-Key': IDEMPOTENCY_KEY });
        expect(first.status).toBe(201);
        expect(first.headers.get('idempotent-replayed')).toBeNull();
        expect(first.body.data.id).not.toBe(seededA.customer);
        const ids = [a.tenantId, seededA.customer, seededA.order, seededA.apiKey, seededA.noteId];
        expect(ids.filter((id) => textOf(first.body).includes(id))).toEqual([]);
        expect(await db('customers').where({ id: first.body.data.id }).first()).toMatchObject({ tenant_id: b.tenantId });
        // The key does work within B: a retry replays B's own response.
        const retry = await call(b, 'POST', '/api/v1/customers', createBodyA, { 'Idempotency-Key': IDEMPOTENCY_KEY });
        expect(retry.headers.get('idempotent-replayed')).toBe('true');
        expect(retry.body.data.id).toBe(first.body.data.id);
        // B's copy carries A's name and email: remove it so no later check mistakes it for a leak.
        expect((await call(b, 'DELETE', `/api/v1/customers/${first.body.data.id}?permanent=true`)).status).toBe(204);
      },
    };
    const unchecked = plainWrites.map(routeKey).filter((k) => !CHECKS[k]);
    expect(unchecked).toEqual([]);
    const failures: string[] = [];
    // Imports through POST /imports are processed by the worker: it runs while the checks do.
    await withWorker(async () => {
      for (const route of plainWrites) {
        try {
          await CHECKS[routeKey(route)]!();
        } catch (err) {
          failures.push(`${routeKey(route)}: ${(err as Error).message}`);
        }
      }
    });
    expect(failures).toEqual([]);
    expect(await snapshotA()).toEqual(dbBefore);
    expect(mailOfA()).toEqual([]);
  }, 180000);
});
