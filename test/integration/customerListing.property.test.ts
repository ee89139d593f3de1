import fc from 'fast-check';
import type { Knex } from 'knex';
import { SEGMENT_LABELS, SORT_FIELDS, SOURCES, STATUSES, TIERS } from '../../domain/customers/types';
import { buildTenant, testDb } from '../support/factories';
import { propertySeed } from '../support/propertySeed';
import { startTestServer, type TestServer } from '../support/testServer';

/**
 * The customer list (filters, sorting, page and cursor pagination) against a plain in-memory
 * reference, on random data and random queries (fast-check). The reference implements the
 * documented semantics on its own — it never calls Herald's code:
 *
 * - filters: enum lists in any letter case (`status=vip` means tier vip; seed 004's
 *   `status_customer=A,I,F` adds active/inactive/suspended), `externalId` exact, tags `any` = overlap and
 *   `all` = contains (case-sensitive), city/country equal ignoring case, ranges with
 *   gte/lte/gt/lt (a NULL never matches), `fromDate`/`toDate` whole UTC days, `search` a
 *   case-insensitive substring of "full_name email phone" (empty strings for NULLs, LIKE
 *   wildcards taken literally), soft-deleted customers never listed;
 * - order: the non-null sort expressions of the migration (`lower(coalesce(full_name, ''))`,
 *   `coalesce(email, '')`, `coalesce(last_order_at, '-infinity')`…) compared as the database
 *   does — the cluster's locale is C, so strings compare by bytes and lower() folds ASCII only —
 *   with ties broken by id in the same direction; timestamps to the microsecond;
 * - pages: walking every page by number, or following nextCursor until null, yields exactly the
 *   reference, with no gap or repeat, the right total and the right hasNext/hasPrevious.
 *
 * Three data sets (one tenant each) share the property: plain ASCII data with millisecond
 * timestamps, then two traits real data has — timestamps with microseconds (every `now()` has
 * them) and names and cities beyond ASCII.
 */

/**
 * Seeds, to replay a failure: the data seed is in the describe title; fast-check prints the
 * query seed (and path) with the counterexample.
 */
const DATA_SEED = propertySeed();
const QUERY_SEED = process.env.HERALD_PROPERTY_QUERY_SEED === undefined ? undefined : Number(process.env.HERALD_PROPERTY_QUERY_SEED);
const NUM_RUNS = 60;

/** A customer as the reference sees it: stored values, timestamps in microseconds since the epoch. */
interface RefRow {
  id: string;
  status: string;
  tier: string;
  segment: string | null;
  source: string;
  isBlocked: boolean;
  tags: string[];
  city: string | null;
  country: string | null;
  fullName: string | null;
  email: string | null;
  phone: string | null;
  externalId: string | null;
  spentCents: number;
  orders: number;
  createdUs: number;
  updatedUs: number;
  lastOrderUs: number | null;
  lastInteractionUs: number | null;
  deleted: boolean;
}

interface Range<T> {
  gte?: T;
  lte?: T;
  gt?: T;
  lt?: T;
}
const OPS = ['gte', 'lte', 'gt', 'lt'] as const;

/** A list request as sent: raw query values (any letter case, seed aliases) and the page size. */
interface ListQuery {
  status?: string[];
  /** Seed 004's one-letter statuses: A(ctive), I(nactive), F(rozen = suspended). */
  statusCustomer?: string[];
  externalId?: string;
  tier?: string[];
  customerType?: string[];
  segment?: string[];
  source?: string[];
  tags?: string[];
  tagsMatch?: 'any' | 'all';
  city?: string;
  country?: string;
  isBlocked?: boolean;
  search?: string;
  totalSpent?: Range<number>;
  orderCount?: Range<number>;
  createdAt?: Range<string>;
  lastOrderAt?: Range<string>;
  fromDate?: string;
  toDate?: string;
  sort?: { param: 'sortBy' | 'orderByField'; field: string };
  order?: { param: 'sortOrder' | 'orderBy'; value: 'asc' | 'desc' };
  limit?: number;
  /** Send the search as GET /customers/search?q= (needs 2+ characters) instead of ?search=. */
  searchEndpoint: boolean;
  /** Whether the cursor walk asks for totals (the page walk always does). */
  cursorTotals: boolean;
}

/** What the data of one tenant is made of. */
interface Flavor {
  label: string;
  firstNames: string[];
  lastNames: string[];
  cities: string[];
  countries: string[];
  /** Timestamps with random microseconds, and updated_at left to the database's now(). */
  micro: boolean;
}

const PLAIN: Flavor = {
  label: 'plain ASCII data, millisecond timestamps',
  firstNames: ['ann', 'Ann', 'ANN', 'bob', 'Bob', 'cara', 'Cara', 'dan', 'Eve', 'eve', 'zed', 'Zed', '_x', '9lives'],
  lastNames: ['smith', 'Smith', 'SMITH', "o'neil", 'Ann_Marie', '100% Pure', 'back\\slash', 'Zulu', 'a', 'Ab'],
  cities: ['Paris', 'paris', 'PARIS', 'Lyon', 'New York', 'new york'],
  countries: ['FR', 'fr', 'US', 'us', 'De'],
  micro: false,
};
const MICRO: Flavor = { ...PLAIN, label: 'timestamps with microseconds (updated_at from now())', micro: true };
const UNICODE: Flavor = {
  label: 'names and cities beyond ASCII',
  firstNames: ['Élodie', 'élodie', 'ÉLODIE', 'Øyvind', 'øyvind', 'Zoë', 'ZOË', 'Ängel', 'ängel', 'emile', 'Emile', 'zed'],
  lastNames: ['Dürr', 'DÜRR', 'dürr', 'Muñoz', 'MUÑOZ', 'Smith', 'smith', 'Ōta'],
  cities: ['Zürich', 'ZÜRICH', 'zürich', 'São Paulo', 'SÃO PAULO', 'Paris', 'paris'],
  countries: ['CH', 'ch', 'BR', 'Br', 'Österreich', 'ÖSTERREICH'],
  micro: false,
};

const TAGS = ['alpha', 'beta', 'Beta', 'gamma', 'x-1'];
const SORT_ALIASES: Record<string, string> = {
  name: 'fullName',
  orderCount: 'totalOrders',
  lastInteraction: 'lastInteractionAt',
  lastOrderDate: 'lastOrderAt',
};
const ROWS = 300;

/** mulberry32: a small seeded generator, so a data set can be rebuilt from its seed. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[int(0, list.length - 1)]!;
  const chance = (p: number) => next() < p;
  return { int, pick, chance };
}

/** An ISO timestamp with six fractional digits, for microseconds since the epoch. */
const isoMicro = (us: number) => `${new Date(Math.floor(us / 1000)).toISOString().slice(0, 23)}${String(us % 1000).padStart(3, '0')}Z`;

/** Builds and inserts a tenant's random customers; returns them as the reference sees them. */
async function insertCustomers(db: Knex, tenantId: string, flavor: Flavor, seed: number): Promise<RefRow[]> {
  const r = prng(seed);
  const start = Date.UTC(2024, 0, 1);
  const span = Date.UTC(2026, 0, 1) - start;
  // A small pool of instants so equal timestamps are common (ties broken by id); in the micro
  // flavour, some instants share their millisecond and differ only in microseconds.
  const pool: number[] = [];
  for (let i = 0; i < 40; i++) {
    const ms = start + r.int(0, span);
    pool.push(ms * 1000 + (flavor.micro ? r.int(0, 999) : 0));
    if (flavor.micro) pool.push(ms * 1000 + r.int(0, 999));
  }
  const stamp = () => isoMicro(r.pick(pool));
  const spentPool = Array.from({ length: 25 }, () => r.int(0, 500000));
  const rows: Array<Record<string, unknown>> = [];
  for (let i = 0; i < ROWS; i++) {
    const name = r.chance(0.12)
      ? null
      : r.chance(0.04)
        ? ''
        : r.chance(0.15)
          ? r.pick(flavor.firstNames)
          : `${r.pick(flavor.firstNames)} ${r.pick(flavor.lastNames)}`;
    const tags = TAGS.filter(() => r.chance(0.3));
    rows.push({
      tenant_id: tenantId,
      full_name: name,
      email: r.chance(0.1) ? null : `${r.pick(['ann', 'bob', 'x_y', 'z%z', 'eve'])}.${i}@${r.pick(['example.com', 'mail.test', 'b.org'])}`,
      phone: r.chance(0.3) ? null : `+1415${String(1000000 + i * 37).slice(0, 7)}`,
      external_id: r.chance(0.5) ? null : `${r.pick(['EXT', 'ext', 'crm'])}-${i}`,
      status: r.pick(STATUSES),
      tier: r.pick(TIERS),
      segment_label: r.chance(0.2) ? null : r.pick(SEGMENT_LABELS),
      source: r.pick(SOURCES),
      is_blocked: r.chance(0.15),
      tags,
      address_city: r.chance(0.2) ? null : r.pick(flavor.cities),
      address_country: r.chance(0.2) ? null : r.pick(flavor.countries),
      total_spent: (r.chance(0.5) ? r.pick(spentPool) : r.int(0, 500000)) / 100,
      total_orders: r.int(0, 12),
      created_at: stamp(),
      ...(flavor.micro ? {} : { updated_at: stamp() }),
      last_order_at: r.chance(0.3) ? null : stamp(),
      last_interaction_at: r.chance(0.4) ? null : stamp(),
      deleted_at: r.chance(0.05) ? stamp() : null,
    });
  }
  for (let i = 0; i < rows.length; i += 100) await db('customers').insert(rows.slice(i, i + 100));
  const us = (column: string) => db.raw(`(extract(epoch from ${column}) * 1000000)::bigint AS ${column}_us`);
  const stored = await db('customers')
    .where({ tenant_id: tenantId })
    .select(
      'id',
      'status',
      'tier',
      'segment_label',
      'source',
      'is_blocked',
      'tags',
      'address_city',
      'address_country',
      'full_name',
      'email',
      'phone',
      'external_id',
      'total_orders',
      'deleted_at',
    )
    .select(db.raw('(total_spent * 100)::bigint AS spent_cents'), us('created_at'), us('updated_at'), us('last_order_at'), us('last_interaction_at'));
  return stored.map((s) => ({
    id: s.id,
    status: s.status,
    tier: s.tier,
    segment: s.segment_label,
    source: s.source,
    isBlocked: s.is_blocked,
    tags: s.tags,
    city: s.address_city,
    country: s.address_country,
    fullName: s.full_name,
    email: s.email,
    phone: s.phone,
    externalId: s.external_id,
    spentCents: Number(s.spent_cents),
    orders: s.total_orders,
    createdUs: Number(s.created_at_us),
    updatedUs: Number(s.updated_at_us),
    lastOrderUs: s.last_order_at_us === null ? null : Number(s.last_order_at_us),
    lastInteractionUs: s.last_interaction_at_us === null ? null : Number(s.last_interaction_at_us),
    deleted: s.deleted_at !== null,
  }));
}

// ---------------------------------------------------------------------------------------------
// The reference
// ---------------------------------------------------------------------------------------------

/**
 * How case is folded, by the filters (search, city, country) and by the name sort: for every
 * letter ("ÉLODIE" finds "Élodie"), as lower() does on Herald's cluster (ctype C.UTF-8).
 */
const foldCase = (s: string) => s.toLowerCase();
/** Byte order of UTF-8 (the C collation), which is code-point order, not UTF-16 code-unit order. */
const compareBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
const parseList = (values: string[] | undefined) => values?.map((v) => v.trim().toLowerCase()).filter(Boolean);
const inRange = (value: number | null, range: Range<number> | undefined) =>
  !range ||
  (value !== null &&
    (range.gte === undefined || value >= range.gte) &&
    (range.lte === undefined || value <= range.lte) &&
    (range.gt === undefined || value > range.gt) &&
    (range.lt === undefined || value < range.lt));
const mapRange = <T, U>(range: Range<T> | undefined, f: (v: T) => U): Range<U> | undefined =>
  range && Object.fromEntries(Object.entries(range).map(([op, v]) => [op, f(v as T)]));
/** Microseconds since the epoch of an ISO date or date-time (a date is its UTC midnight). */
const isoToUs = (iso: string) => new Date(iso).getTime() * 1000;
const DAY_US = 86400000 * 1000;

/** The sort value of a row: the migration's non-null sort expression, evaluated as Postgres would. */
function sortValue(row: RefRow, field: string): number | string {
  switch (field) {
    case 'createdAt':
      return row.createdUs;
    case 'updatedAt':
      return row.updatedUs;
    case 'fullName':
      return foldCase(row.fullName ?? '');
    case 'email':
      return row.email ?? '';
    case 'totalSpent':
      return row.spentCents;
    case 'totalOrders':
      return row.orders;
    case 'lastOrderAt':
      return row.lastOrderUs ?? -Infinity;
    case 'lastInteractionAt':
      return row.lastInteractionUs ?? -Infinity;
    default:
      throw new Error(`unknown sort field ${field}`);
  }
}

const sortFieldOf = (q: ListQuery) => (q.sort ? (SORT_ALIASES[q.sort.field] ?? q.sort.field) : 'createdAt');
const sortOrderOf = (q: ListQuery) => q.order?.value ?? 'desc';
const limitOf = (q: ListQuery) => q.limit ?? 20;

/** The ids the list must return, in order. */
function reference(rows: RefRow[], q: ListQuery): string[] {
  const status = parseList(q.status);
  const SEED_004: Record<string, string> = { a: 'active', i: 'inactive', f: 'suspended' };
  const statuses = [...(status?.filter((s) => s !== 'vip') ?? []), ...(parseList(q.statusCustomer)?.map((c) => SEED_004[c]!) ?? [])];
  const externalId = q.externalId?.trim();
  const tiers = [...(parseList(q.tier) ?? []), ...(parseList(q.customerType) ?? []), ...(status?.includes('vip') ? ['vip'] : [])];
  const segments = parseList(q.segment);
  const sources = parseList(q.source);
  const tags = q.tags?.map((t) => t.trim()).filter(Boolean);
  const search = q.search === undefined ? undefined : foldCase(q.search.trim());
  const city = q.city === undefined ? undefined : foldCase(q.city.trim());
  const country = q.country === undefined ? undefined : foldCase(q.country.trim());
  const created: Range<number> = mapRange(q.createdAt, isoToUs) ?? {};
  if (q.fromDate) created.gte = isoToUs(q.fromDate);
  if (q.toDate) created.lt = isoToUs(q.toDate) + DAY_US;
  const spent = mapRange(q.totalSpent, (v) => Math.round(v * 100));
  const lastOrder = mapRange(q.lastOrderAt, isoToUs);

  const kept = rows.filter((row) => {
    if (row.deleted) return false;
    if (statuses.length && !statuses.includes(row.status)) return false;
    if (externalId && row.externalId !== externalId) return false;
    if (tiers.length && !tiers.includes(row.tier)) return false;
    if (segments?.length && (row.segment === null || !segments.includes(row.segment))) return false;
    if (sources?.length && !sources.includes(row.source)) return false;
    if (q.isBlocked !== undefined && row.isBlocked !== q.isBlocked) return false;
    if (tags?.length) {
      const match = q.tagsMatch === 'all' ? tags.every((t) => row.tags.includes(t)) : tags.some((t) => row.tags.includes(t));
      if (!match) return false;
    }
    if (city && (row.city === null || foldCase(row.city) !== city)) return false;
    if (country && (row.country === null || foldCase(row.country) !== country)) return false;
    if (search && !foldCase(`${row.fullName ?? ''} ${row.email ?? ''} ${row.phone ?? ''}`).includes(search)) return false;
    return inRange(row.spentCents, spent) && inRange(row.orders, q.orderCount) && inRange(row.createdUs, created) && inRange(row.lastOrderUs, lastOrder);
  });

  const field = sortFieldOf(q);
  const dir = sortOrderOf(q) === 'asc' ? 1 : -1;
  return kept
    .map((row) => ({ id: row.id, key: sortValue(row, field) }))
    .sort((x, y) => {
      const byKey = typeof x.key === 'string' ? compareBytes(x.key, y.key as string) : x.key < (y.key as number) ? -1 : x.key > (y.key as number) ? 1 : 0;
      return dir * (byKey || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    })
    .map((x) => x.id);
}

// ---------------------------------------------------------------------------------------------
// Random queries
// ---------------------------------------------------------------------------------------------

/** Present in about `percent` % of queries. */
const sometimes = <T>(arb: fc.Arbitrary<T>, percent = 15): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: 100 - percent, arbitrary: fc.constant(undefined) }, { weight: percent, arbitrary: arb });
/** A value as a client may spell it: as is, upper case or capitalised. */
const anyCase = (v: string) => fc.constantFrom(v, v.toUpperCase(), v.charAt(0).toUpperCase() + v.slice(1));
const enumList = (values: readonly string[]) =>
  fc.uniqueArray(fc.constantFrom(...values), { minLength: 1, maxLength: 3 }).chain((list) => fc.tuple(...list.map(anyCase)));
const range = <T>(value: fc.Arbitrary<T>) =>
  fc.record({ gte: value, lte: value, gt: value, lt: value }, { requiredKeys: [] }).filter((r) => Object.keys(r).length > 0) as fc.Arbitrary<Range<T>>;

/** Queries over a data set: bounds and search terms are often taken from the data so they hit. */
function queryArbitrary(rows: RefRow[], flavor: Flavor): fc.Arbitrary<ListQuery> {
  const live = rows.filter((r) => !r.deleted);
  const instantsUs = live.flatMap((r) => [r.createdUs, r.lastOrderUs]).filter((v): v is number => v !== null);
  const instant = fc.oneof(
    fc.constantFrom(...instantsUs).map((us) => Math.floor(us / 1000)),
    fc.integer({ min: Date.UTC(2023, 11, 1), max: Date.UTC(2026, 1, 1) }),
  );
  const isoBound = fc.tuple(instant, fc.constantFrom('Z', '+05:30', 'date')).map(([ms, form]) => {
    if (form === 'date') return new Date(ms).toISOString().slice(0, 10);
    if (form === 'Z') return new Date(ms).toISOString();
    return `${new Date(ms + 5.5 * 3600000).toISOString().slice(0, 23)}+05:30`;
  });
  const day = instant.map((ms) => new Date(ms).toISOString().slice(0, 10));
  const spent = fc.oneof(fc.constantFrom(...live.map((r) => r.spentCents)), fc.integer({ min: 0, max: 500000 })).map((c) => c / 100);
  const haystacks = live.map((r) => `${r.fullName ?? ''} ${r.email ?? ''} ${r.phone ?? ''}`);
  const substring = fc
    .tuple(fc.constantFrom(...haystacks), fc.nat(), fc.integer({ min: 1, max: 6 }), fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }))
    .map(([text, at, length, upper]) => {
      const start = at % text.length;
      return [...text.slice(start, start + length)].map((c, i) => (upper[i] ? c.toUpperCase() : c.toLowerCase())).join('');
    });
  const nameTerm = fc.constantFrom(...flavor.firstNames, ...flavor.lastNames).chain((v) => fc.constantFrom(v, v.toUpperCase(), v.toLowerCase()));
  const oddTerm = fc.constantFrom('%', '_', '\\', '50%', 'x_y', 'z%z', 'Ann_', '@', '.test', 'nobody-matches');
  const search = fc.oneof(substring, nameTerm, oddTerm).filter((s) => s.trim().length > 0);
  const place = (values: string[]) => fc.constantFrom(...values).chain((v) => fc.constantFrom(v, v.toUpperCase(), v.toLowerCase(), ` ${v} `));
  const sortNames = [...SORT_FIELDS, ...Object.keys(SORT_ALIASES)];

  return fc.record({
    status: sometimes(enumList([...STATUSES, 'vip'])),
    statusCustomer: sometimes(enumList(['a', 'i', 'f']), 8),
    externalId: sometimes(
      fc.oneof(fc.constantFrom(...live.map((r) => r.externalId).filter((v): v is string => v !== null)), fc.constantFrom('EXT-missing', ' crm-1 ')),
      5,
    ),
    tier: sometimes(enumList(TIERS), 10),
    customerType: sometimes(enumList(TIERS), 10),
    segment: sometimes(enumList(SEGMENT_LABELS)),
    source: sometimes(enumList(SOURCES)),
    tags: sometimes(fc.uniqueArray(fc.constantFrom(...TAGS, 'missing'), { minLength: 1, maxLength: 3 })),
    tagsMatch: sometimes(fc.constantFrom('any' as const, 'all' as const), 50),
    city: sometimes(place(flavor.cities)),
    country: sometimes(place(flavor.countries)),
    isBlocked: sometimes(fc.boolean(), 10),
    search: sometimes(search, 25),
    totalSpent: sometimes(range(spent)),
    orderCount: sometimes(range(fc.integer({ min: 0, max: 12 }))),
    createdAt: sometimes(range(isoBound)),
    lastOrderAt: sometimes(range(isoBound)),
    fromDate: sometimes(day, 8),
    toDate: sometimes(day, 8),
    sort: sometimes(fc.record({ param: fc.constantFrom('sortBy' as const, 'orderByField' as const), field: fc.constantFrom(...sortNames) }), 90),
    order: sometimes(
      fc.record({ param: fc.constantFrom('sortOrder' as const, 'orderBy' as const), value: fc.constantFrom('asc' as const, 'desc' as const) }),
      85,
    ),
    limit: sometimes(fc.integer({ min: 1, max: 100 }), 90),
    searchEndpoint: fc.boolean(),
    cursorTotals: fc.boolean(),
  });
}

/** The query string of a request (without page or cursor). */
function queryString(q: ListQuery, viaSearchEndpoint: boolean): URLSearchParams {
  const p = new URLSearchParams();
  const list = (name: string, values?: string[]) => values && p.set(name, values.join(','));
  list('status', q.status);
  list('status_customer', q.statusCustomer);
  if (q.externalId !== undefined) p.set('externalId', q.externalId);
  list('tier', q.tier);
  list('customerType', q.customerType);
  list('segment', q.segment);
  list('source', q.source);
  list('tags', q.tags);
  if (q.tagsMatch) p.set('tagsMatch', q.tagsMatch);
  if (q.city !== undefined) p.set('city', q.city);
  if (q.country !== undefined) p.set('country', q.country);
  if (q.isBlocked !== undefined) p.set('isBlocked', String(q.isBlocked));
  if (q.search !== undefined) p.set(viaSearchEndpoint ? 'q' : 'search', q.search);
  const ranges: Array<[string, Range<number | string> | undefined]> = [
    ['totalSpent', q.totalSpent],
    ['orderCount', q.orderCount],
    ['createdAt', q.createdAt],
    ['lastOrderAt', q.lastOrderAt],
  ];
  for (const [name, r] of ranges) for (const op of OPS) if (r?.[op] !== undefined) p.set(`${name}[${op}]`, String(r[op]));
  if (q.fromDate) p.set('fromDate', q.fromDate);
  if (q.toDate) p.set('toDate', q.toDate);
  if (q.sort) p.set(q.sort.param, q.sort.field);
  if (q.order) p.set(q.order.param, q.order.value);
  if (q.limit !== undefined) p.set('limit', String(q.limit));
  return p;
}

// ---------------------------------------------------------------------------------------------
// The property
// ---------------------------------------------------------------------------------------------

interface PageBody {
  data: Array<{ id: string }>;
  pagination: {
    page: number | null;
    limit: number;
    total: number | null;
    totalPages: number | null;
    totalExact: boolean | null;
    hasNext: boolean;
    hasPrevious: boolean;
    nextCursor: string | null;
  };
}

describe(`customer listing against an in-memory reference (data seed ${DATA_SEED})`, () => {
  let server: TestServer;
  let db: Knex;

  beforeAll(async () => {
    db = testDb();
    server = await startTestServer({ RATE_LIMIT_GENERAL_PER_MINUTE: '1000000', RATE_LIMIT_IP_PER_MINUTE: '1000000' });
  });
  afterAll(async () => {
    await server.close();
    await db.destroy();
  });

  /** Fetches one page; anything but a 200 fails the property with the request and the answer. */
  async function fetchPage(key: string, path: string, params: URLSearchParams): Promise<PageBody> {
    const url = `${path}?${params.toString()}`;
    const res = await server.request(url, { key });
    if (res.status !== 200) throw new Error(`GET ${url} -> ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as PageBody;
  }

  /** Checks one query both ways: page numbers and cursors. */
  async function checkQuery(key: string, rows: RefRow[], q: ListQuery): Promise<void> {
    const expected = reference(rows, q);
    const limit = limitOf(q);
    const viaSearch = q.searchEndpoint && (q.search?.trim().length ?? 0) >= 2;
    const path = viaSearch ? '/api/v1/customers/search' : '/api/v1/customers';
    const base = queryString(q, viaSearch);
    const maxPages = Math.ceil(expected.length / limit) + 2;
    const context = `GET ${path}?${base.toString()} (${expected.length} expected)`;

    const byPage = async () => {
      const ids: string[] = [];
      for (let page = 1; ; page++) {
        if (page > maxPages) throw new Error(`${context}: page walk did not end after ${maxPages} pages`);
        const params = new URLSearchParams(base);
        params.set('page', String(page));
        const body = await fetchPage(key, path, params);
        const moreFollow = page * limit < expected.length;
        expect({ context, page, pagination: body.pagination }).toEqual({
          context,
          page,
          pagination: {
            page,
            limit,
            total: expected.length,
            totalPages: Math.ceil(expected.length / limit),
            totalExact: true,
            hasNext: moreFollow,
            hasPrevious: page > 1,
            nextCursor: moreFollow ? expect.any(String) : null,
          },
        });
        ids.push(...body.data.map((c) => c.id));
        if (!body.pagination.hasNext) return ids;
      }
    };

    const byCursor = async () => {
      const ids: string[] = [];
      let cursor: string | null = null;
      for (let n = 1; ; n++) {
        if (n > maxPages) throw new Error(`${context}: cursor walk did not end after ${maxPages} pages (repeats: ${ids.length - new Set(ids).size})`);
        const params = new URLSearchParams(base);
        if (!q.cursorTotals) params.set('includeTotal', 'false');
        if (cursor) params.set('cursor', cursor);
        const body = await fetchPage(key, path, params);
        ids.push(...body.data.map((c) => c.id));
        const total = q.cursorTotals ? expected.length : null;
        expect({ context, n, pagination: body.pagination }).toEqual({
          context,
          n,
          pagination: {
            page: cursor ? null : 1,
            limit,
            total,
            totalPages: total === null ? null : Math.ceil(total / limit),
            totalExact: total === null ? null : true,
            hasNext: ids.length < expected.length,
            hasPrevious: cursor !== null,
            nextCursor: body.pagination.hasNext ? expect.any(String) : null,
          },
        });
        cursor = body.pagination.nextCursor;
        if (!cursor) return ids;
      }
    };

    // Both walks run together; neither is left running when the other fails.
    const [pages = [], cursors = []] = (await Promise.allSettled([byPage(), byCursor()])).map((r) => {
      if (r.status === 'rejected') throw new Error(`${context}\n${(r.reason as Error).message}`);
      return r.value;
    });
    expect({ context, walk: 'page numbers', repeats: pages.length - new Set(pages).size }).toEqual({ context, walk: 'page numbers', repeats: 0 });
    expect({ context, walk: 'page numbers', ids: pages }).toEqual({ context, walk: 'page numbers', ids: expected });
    expect({ context, walk: 'cursor', repeats: cursors.length - new Set(cursors).size }).toEqual({ context, walk: 'cursor', repeats: 0 });
    expect({ context, walk: 'cursor', ids: cursors }).toEqual({ context, walk: 'cursor', ids: expected });
  }

  const runProperty = async (flavor: Flavor, seed: number) => {
    const { tenantId, adminKey } = await buildTenant(db, `Listing property: ${flavor.label}`);
    const rows = await insertCustomers(db, tenantId, flavor, seed);
    // The reference must not be vacuous: most queries of a sane reference return something.
    expect(rows.filter((r) => !r.deleted).length).toBeGreaterThan(ROWS * 0.8);
    let nonEmpty = 0;
    let multiPage = 0;
    await fc.assert(
      fc.asyncProperty(queryArbitrary(rows, flavor), async (q) => {
        const n = reference(rows, q).length;
        if (n > 0) nonEmpty++;
        if (n > limitOf(q)) multiPage++;
        await checkQuery(adminKey, rows, q);
      }),
      { numRuns: NUM_RUNS, interruptAfterTimeLimit: 40000, markInterruptAsFailure: true, ...(QUERY_SEED === undefined ? {} : { seed: QUERY_SEED }) },
    );
    // The random queries did exercise results and pagination (not just empty lists).
    expect(nonEmpty).toBeGreaterThan(NUM_RUNS / 4);
    expect(multiPage).toBeGreaterThan(NUM_RUNS / 10);
  };

  it(`filters, sorts and pages exactly like the reference: ${PLAIN.label}`, () => runProperty(PLAIN, DATA_SEED), 60000);
  it(`filters, sorts and pages exactly like the reference: ${MICRO.label}`, () => runProperty(MICRO, DATA_SEED + 1), 60000);
  it(`filters, sorts and pages exactly like the reference: ${UNICODE.label}`, () => runProperty(UNICODE, DATA_SEED + 2), 60000);
});
