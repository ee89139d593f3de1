import type { Knex } from 'knex';
import net from 'node:net';
import { buildRouter } from '../../api/routes';
import { buildTenant, testDb } from '../support/factories';
import { startTestServer, type TestServer } from '../support/testServer';

/**
 * Every route of the router, sent what a fuzzer or an attacker sends: prototype keys, NUL bytes
 * and lone surrogates (body, query, path), numbers beyond double precision or beyond any column
 * (1e400, -1e309, 2^70), 10,000 levels of nesting, a 10 MB string, bytes that are not UTF-8, and
 * bodies of the wrong type. Every answer must be below 500 and every error Herald's JSON shape;
 * the hostile ones must be refused with a 4xx; and the tenant's rows must be exactly as before.
 */

interface Sent {
  method: string;
  path: string;
  body?: string | Buffer;
  type?: string;
  /** Whether the request must be refused (4xx); otherwise it only must not fail (< 500). */
  refuse: boolean;
}

interface OpenApiOperation {
  parameters?: Array<{ name: string; in: string; schema?: { type?: string | string[] } }>;
  requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, { type?: string | string[] }>; $ref?: string } }> };
}

const TWO_TO_70 = '1180591620717411303424';
/** Hostile bodies that parse as JSON: refused by the value check of operations that read a body. */
const VALUE_CHECKS = new Set(['NUL in a value', 'NUL in a key', 'NUL deep inside', 'lone surrogate', 'lone low surrogate', '1e400', '-1e309']);
const HUGE_NUMBERS = ['1e400', '-1e309'];
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Raw JSON bodies every body-taking route must refuse. */
const HOSTILE_BODIES: Array<[string, string | Buffer]> = [
  ['proto key', '{"__proto__": true}'],
  ['nested proto key', '{"a": {"b": {"__proto__": {"polluted": 1}}}}'],
  ['proto key in an array', '[{"__proto__": {"polluted": 1}}]'],
  ['NUL in a value', '{"name": "a\\u0000b"}'],
  ['NUL in a key', '{"a\\u0000b": "x"}'],
  ['NUL deep inside', '{"a": [{"b": ["ok", "a\\u0000"]}]}'],
  ['lone surrogate', '{"name": "a\\ud800b"}'],
  ['lone low surrogate', '{"name": "\\udc00"}'],
  ['1e400', '{"n": 1e400}'],
  ['-1e309', '{"n": -1e309}'],
  ['10,000 nested arrays', `${'['.repeat(10000)}${']'.repeat(10000)}`],
  ['10,000 nested objects', `${'{"a":'.repeat(10000)}1${'}'.repeat(10000)}`],
  ['65 nested arrays', `{"a":${'['.repeat(65)}${']'.repeat(65)}}`],
  ['a 10 MB string', `{"name": "${'x'.repeat(10 * 1024 * 1024)}"}`],
  ['invalid UTF-8', Buffer.concat([Buffer.from('{"name": "a'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}')])],
  ['UTF-8-encoded surrogate', Buffer.concat([Buffer.from('{"name": "'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')])],
  ['truncated JSON', '{"name": '],
  ['a bare string', '"just a string"'],
];

/** Bodies of types no JSON route takes. */
const WRONG_TYPES: Array<[string, string]> = [
  ['text/plain', 'hello'],
  ['application/xml', '<customer><name>x</name></customer>'],
  ['application/x-www-form-urlencoded', 'name=x&email=a%40b.c'],
];

describe('hostile inputs on every route', () => {
  let server: TestServer;
  let db: Knex;
  let tenantId: string;
  let key: string;
  let spec: {
    paths: Record<string, Record<string, OpenApiOperation>>;
    components: { schemas: Record<string, { properties?: Record<string, { type?: string | string[] }> }> };
  };
  const ids: Record<string, string> = {};
  const baseBodies: Record<string, unknown> = {};

  /** Rows of every table that has a tenant_id, for this tenant. */
  async function footprint(): Promise<Record<string, number>> {
    const tables = (await db.raw(`SELECT table_name FROM information_schema.columns WHERE column_name = 'tenant_id' AND table_schema = 'public' ORDER BY 1`))
      .rows as Array<{ table_name: string }>;
    const out: Record<string, number> = {};
    for (const { table_name } of tables)
      out[table_name] = Number((await db(table_name).where({ tenant_id: tenantId }).count<{ n: string }[]>({ n: '*' }))[0]!.n);
    return out;
  }

  beforeAll(async () => {
    db = testDb();
    server = await startTestServer({
      RATE_LIMIT_GENERAL_PER_MINUTE: '10000000',
      RATE_LIMIT_IP_PER_MINUTE: '10000000',
      RATE_LIMIT_IMPORTS_PER_MINUTE: '10000000',
      RATE_LIMIT_AI_PER_MINUTE: '10000000',
    });
    ({ tenantId, adminKey: key } = await buildTenant(db, 'Hostile tenant'));
    spec = (await server.request('/api/v1/openapi.json')).body;
    const create = async (path: string, body: unknown) => {
      const res = await server.request(path, { method: 'POST', key, body });
      expect({ path, status: res.status }).toEqual({ path, status: 201 });
      return (res.body.data ?? res.body).id as string;
    };
    const customer = {
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.com',
      phone: '+1 212 555 0100',
      tags: ['vip'],
      preferences: { language: 'en' },
      customFields: { plan: 'gold' },
    };
    ids.customers = await create('/api/v1/customers', customer);
    const order = { customerId: ids.customers, items: [{ productId: 'p-1', name: 'Widget', price: 19.99, quantity: 3 }], tax: 1, shipping: 2, discount: 0.5 };
    ids.orders = await create('/api/v1/orders', order);
    const segment = { name: 'VIP', rules: { all: [{ fact: 'tags', operator: 'hasAny', value: ['vip'] }] } };
    ids.segments = await create('/api/v1/segments', segment);
    const campaign = { name: 'Hello', channel: 'email', subject: 'Hi', body: 'Hello {{ firstName }}', audience: { type: 'all' } };
    ids.campaigns = await create('/api/v1/campaigns', campaign);
    const webhook = { url: 'http://127.0.0.1:9/hook', events: ['customer.created'] };
    ids.webhooks = await create('/api/v1/webhooks', webhook);
    Object.assign(baseBodies, {
      'POST /api/v1/customers': { ...customer, email: 'other@example.com', phone: '+1 212 555 0101' },
      'PUT /api/v1/customers/:id': customer,
      'PATCH /api/v1/customers/:id': customer,
      'POST /api/v1/orders': order,
      'POST /api/v1/segments': { ...segment, name: 'VIP 2' },
      'POST /api/v1/segments/preview': segment,
      'POST /api/v1/campaigns': campaign,
      'POST /api/v1/webhooks': webhook,
      'PATCH /api/v1/webhooks/:id': webhook,
      'POST /api/v1/customers/bulk/import': { customers: [{ ...customer, email: 'bulk@example.com', phone: '+1 212 555 0102' }] },
      'POST /api/v1/api-keys': { name: 'k', role: 'readonly' },
      'PATCH /api/v1/orders/:id/status': { status: 'shipped' },
      'PUT /api/v1/messaging/settings': { fromEmail: 'Shop <news@shop.example>', timezone: 'Europe/Madrid' },
      'PATCH /api/v1/customers/:id/tags': { tags: ['a'], action: 'add' },
      'POST /api/v1/customers/:id/notes': { content: 'a note that is long enough' },
    });
  });
  afterAll(async () => {
    await server.close();
    await db.destroy();
  });

  /** Every (method, path) the router serves, from its stack, as the brief of this test asks. */
  function routes(): Array<{ method: string; path: string }> {
    const out: Array<{ method: string; path: string }> = [];
    for (const layer of buildRouter().router.stack) {
      for (const method of layer.methods) if (method !== 'HEAD') out.push({ method, path: String(layer.path) });
    }
    return out;
  }

  /** The path with its parameters filled: real ids where one exists, a random UUID or token otherwise. */
  function concrete(path: string, override?: [string, string]): string {
    return path.replace(/:(\w+)/g, (_m, name: string) => {
      if (override && override[0] === name) return override[1];
      if (name === 'token') return 'hostile-token-0123456789';
      if (name === 'file') return 'swagger-ui.css';
      const resource = /^\/api\/v1\/(\w[\w-]*)/.exec(path)?.[1] ?? '';
      return name === 'id' && ids[resource] && !/api-keys/.test(path) ? ids[resource]! : crypto.randomUUID();
    });
  }

  const operation = (method: string, path: string) => spec.paths[path.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];

  /** Top-level body properties and their types, from the document (following one $ref). */
  function bodyProperties(op: OpenApiOperation | undefined): Record<string, { type?: string | string[] }> {
    const schema = op?.requestBody?.content?.['application/json']?.schema;
    const ref = schema?.$ref?.split('/').pop();
    return (ref ? spec.components.schemas[ref]?.properties : schema?.properties) ?? {};
  }

  /** Every leaf of a value as a path of keys, so nested fields (items.0.price) get hostile values too. */
  function leaves(value: unknown, path: Array<string | number> = []): Array<{ path: Array<string | number>; value: unknown }> {
    if (value !== null && typeof value === 'object')
      return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, Array.isArray(value) ? Number(k) : k]));
    return [{ path, value }];
  }

  /** The base body with `raw` (JSON text) at `path`. */
  function withValue(base: unknown, path: Array<string | number>, raw: string): string {
    const marker = '"__HOSTILE__"';
    const copy = structuredClone(base ?? {}) as Record<string | number, unknown>;
    let node = copy as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
    node[path[path.length - 1]!] = '__HOSTILE__';
    return JSON.stringify(copy).replace(marker, raw);
  }

  function plan(): Sent[] {
    const sent: Sent[] = [];
    for (const { method, path } of routes()) {
      const op = operation(method, path);
      const target = concrete(path);
      // Path parameters: NUL, an encoded surrogate, a 10,000-character value.
      for (const [name] of path.matchAll(/:(\w+)/g)) {
        for (const value of ['%00ab', 'a%ED%A0%80b', 'x'.repeat(10000)]) sent.push({ method, path: concrete(path, [name.slice(1), value]), refuse: true });
      }
      // Query parameters the operation documents, one at a time; NUL must be refused everywhere.
      for (const param of op?.parameters?.filter((p) => p.in === 'query') ?? []) {
        sent.push({ method, path: `${target}?${param.name}=a%00b`, refuse: true });
        for (const value of ['%FF%FE', '%ED%A0%80']) sent.push({ method, path: `${target}?${param.name}=${value}`, refuse: true });
        for (const value of [...HUGE_NUMBERS, TWO_TO_70]) sent.push({ method, path: `${target}?${param.name}=${value}`, refuse: MUTATING.has(method) });
      }
      sent.push({ method, path: `${target}?unknown=%00`, refuse: true });
      if (method === 'GET') continue;
      for (const [type, body] of WRONG_TYPES) {
        // Twilio's callback is form-encoded: its refusal is the signature check (403).
        sent.push({ method, path: target, body, type, refuse: true });
      }
      // Streamed uploads (imports): a NUL in the CSV header, bytes that are not UTF-8.
      if (op?.requestBody?.content?.['text/csv']) {
        sent.push({ method, path: target, body: 'email,na\0me\na@example.com,A\n', type: 'text/csv', refuse: true });
        for (const type of ['text/csv', 'application/x-ndjson'])
          sent.push({ method, path: target, body: Buffer.from('email\nJos\xe9@example.com\n', 'latin1'), type, refuse: true });
      }
      if (method === 'DELETE') continue;
      // The parser refuses what it cannot read on every route; values inside a JSON body are checked
      // where the operation reads a body (elsewhere the body is ignored, as the document says).
      for (const [name, body] of HOSTILE_BODIES) {
        if (op?.requestBody || !VALUE_CHECKS.has(name)) sent.push({ method, path: target, body, type: 'application/json', refuse: true });
      }
      // One field at a time, in a body that is otherwise valid where we have one.
      const base = baseBodies[`${method} ${path}`] ?? {};
      const props = bodyProperties(op);
      const slots = [
        ...leaves(base).filter((l) => l.path.length),
        ...Object.entries(props)
          .filter(([name]) => !(name in (base as object)))
          .map(([name, p]) => ({ path: [name], value: p.type })),
      ];
      for (const slot of slots) {
        const numeric = typeof slot.value === 'number' || slot.value === 'number' || slot.value === 'integer';
        const values = ['"a\\u0000b"', '"\\ud83d"', ...HUGE_NUMBERS, ...(numeric ? [TWO_TO_70, '9007199254740993', '-' + TWO_TO_70] : [])];
        for (const value of values) sent.push({ method, path: target, body: withValue(base, slot.path, value), type: 'application/json', refuse: true });
      }
    }
    return sent;
  }

  it('never answers 5xx, answers every refusal in the error shape and changes nothing', async () => {
    const before = await footprint();
    const failures: string[] = [];
    const requests = plan();
    expect(requests.length).toBeGreaterThan(1000);
    for (const r of requests) {
      const outcome = await fetch(server.url + r.path, {
        method: r.method,
        headers: { Authorization: `Bearer ${key}`, ...(r.type ? { 'Content-Type': r.type } : {}) },
        body: r.body,
      }).then(
        (response) => ({ response }),
        (err: Error) => ({ err }),
      );
      const label = `${r.method} ${r.path.slice(0, 120)} ${typeof r.body === 'string' ? r.body.slice(0, 80) : r.body ? '<bytes>' : ''}`;
      if ('err' in outcome) {
        failures.push(`${label} → ${outcome.err.message} ${String((outcome.err as { cause?: unknown }).cause ?? '')}`);
        continue;
      }
      const res = outcome.response;
      const text = await res.text();
      let json: { error?: { code?: unknown; message?: unknown } } | undefined;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      if (res.status >= 500) failures.push(`${label} → ${res.status} ${text.slice(0, 200)}`);
      else if (r.refuse && res.status < 400) failures.push(`${label} → ${res.status} (should be refused)`);
      else if (res.status >= 400 && (typeof json?.error?.code !== 'string' || typeof json.error.message !== 'string'))
        failures.push(`${label} → ${res.status} without the error shape: ${text.slice(0, 100)}`);
    }
    expect(failures).toEqual([]);
    expect(await footprint()).toEqual(before);
  }, 300000);

  it('answers what Node refuses before Koa (a NUL in a header, a 64 KB URL) in the error shape', async () => {
    const raw = (request: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = net.connect(Number(new URL(server.url).port), '127.0.0.1', () => socket.end(request));
        let text = '';
        socket.on('data', (chunk) => (text += chunk.toString('latin1')));
        socket.on('end', () => resolve(text));
        socket.on('error', reject);
      });
    const nul = await raw('GET /api/v1/customers HTTP/1.1\r\nHost: x\r\nX-Name: a\0b\r\n\r\n');
    expect(nul).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(nul.slice(nul.indexOf('\r\n\r\n') + 4))).toEqual({ error: { code: 'bad_request', message: expect.any(String) } });
    const long = await server.request(`/api/v1/customers/search?q=${'x'.repeat(64 * 1024)}`, { key });
    expect(long).toMatchObject({ status: 431, body: { error: { code: 'header_too_large' } } });
  });
});
