import { performance } from 'node:perf_hooks';
import { type CustomerRow, type RuleNode, createRuleEvaluator, parseRules } from '../rules';
import { percentile } from './load';
import { envInt, printFigure, round } from './report';

/**
 * segments-evaluate: what one customer write costs in real-time segment membership: a tenant's 50
 * segments (realistic rules of 1–5 conditions, some nested) evaluated for the written customer in
 * one createRuleEvaluator().matchingIds call. BENCH_WARMUP (500) calls first, then
 * BENCH_ITERATIONS (5,000) measured, each on the next of 256 generated customers rows shaped as
 * knex returns them. For comparison the same 50 segments are also run as 50 matches() calls.
 * No database: this is CPU in the Node process. Goal: p99 < 2 ms per write.
 */

const BENCH = 'segments-evaluate';
const SEGMENTS = 50;
const ROWS = 256;
const GOAL_MS = 2;
const DAY = 86_400_000;

/** mulberry32, so every run evaluates the same segments and rows. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const cond = (field: string, operator: string, value?: unknown) => ({ kind: 'condition', field, operator, ...(value === undefined ? {} : { value }) });

type Pick = <T>(list: readonly T[]) => T;

/** Conditions a marketer writes, each drawn with its own plausible values. */
const CONDITIONS: ReadonlyArray<(pick: Pick) => unknown> = [
  (pick) => cond('totalSpent', pick(['greaterThan', 'greaterThanInclusive', 'lessThan']), pick([100, 250, 500, 1000, 2500])),
  (pick) => cond('totalOrders', pick(['greaterThan', 'lessThanInclusive', 'equal']), pick([0, 1, 3, 5, 10])),
  (pick) =>
    cond(
      'averageOrderValue',
      'between',
      pick([
        [20, 80],
        [50, 150],
        [100, 400],
      ]),
    ),
  (pick) => cond('tier', pick(['equal', 'notEqual']), pick(['regular', 'premium', 'vip'])),
  (pick) =>
    cond(
      'tier',
      'in',
      pick([
        ['premium', 'vip'],
        ['regular', 'premium'],
      ]),
    ),
  (pick) => cond('status', pick(['equal', 'notEqual']), pick(['active', 'inactive'])),
  (pick) => cond('source', pick(['in', 'notIn']), pick([['website', 'referral'], ['import'], ['social_media', 'whatsapp']])),
  (pick) => cond('segment', pick(['equal', 'exists']), pick(['vip', 'new', 'regular'])),
  (pick) => cond('tags', pick(['hasAny', 'hasAll', 'hasNone']), pick([['vip'], ['newsletter', 'returning'], ['churn-risk'], ['b2b', 'wholesale']])),
  (pick) => cond('tags', 'contains', pick(['newsletter', 'spring-sale', 'trial'])),
  (pick) => cond('address.city', pick(['equal', 'in']), pick([['Berlin', 'Munich'], ['London'], ['New York', 'Chicago', 'Austin']])),
  (pick) => cond('address.country', pick(['equal', 'notEqual']), pick(['Germany', 'United States', 'Spain'])),
  (pick) => cond('email', pick(['endsWith', 'contains']), pick(['@gmail.com', 'acme', '.de'])),
  (pick) => cond('firstName', 'startsWith', pick(['Ma', 'Jo', 'A'])),
  (pick) => cond('preferences.language', 'in', pick([['de'], ['es', 'pt'], ['en']])),
  (pick) => cond('preferences.newsletter', 'equal', pick([true, false])),
  (pick) => cond('lastOrderAt', pick(['withinLastDays', 'notWithinLastDays']), pick([7, 30, 90, 180])),
  (pick) => cond('lastInteractionAt', 'withinLastDays', pick([14, 60])),
  (pick) => cond('createdAt', pick(['after', 'before']), pick(['2025-06-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'])),
  () => cond('firstOrderAt', 'exists'),
  (pick) => cond('customFields.plan', pick(['equal', 'in']), pick([['pro', 'enterprise'], ['free']])),
];

/** 50 segments: 1–5 conditions each, mostly `all`, some `any`, a nested group or a `not` now and then. */
function segments(random: () => number): Array<{ id: string; rule: RuleNode }> {
  const pick: Pick = (list) => list[Math.floor(random() * list.length)]!;
  const leaf = () => {
    const made = pick(CONDITIONS)(pick) as { operator: string; value?: unknown };
    // `equal` takes one value: unwrap a list drawn for `in`.
    if ((made.operator === 'equal' || made.operator === 'notEqual') && Array.isArray(made.value)) made.value = made.value[0];
    if (made.operator === 'exists') delete made.value;
    return made;
  };
  return Array.from({ length: SEGMENTS }, (_, i) => {
    const size = 1 + Math.floor(random() * 5);
    const leaves = Array.from({ length: size }, leaf);
    let node: unknown;
    if (size === 1) node = leaves[0];
    else if (size >= 4 && random() < 0.4)
      node = { kind: 'group', combinator: 'all', children: [...leaves.slice(0, 2), { kind: 'group', combinator: 'any', children: leaves.slice(2) }] };
    else if (random() < 0.2) node = { kind: 'group', combinator: 'any', children: leaves };
    else node = { kind: 'group', combinator: 'all', children: leaves.map((l, j) => (j === size - 1 && random() < 0.2 ? { kind: 'not', child: l } : l)) };
    return { id: `seg-${String(i + 1).padStart(2, '0')}`, rule: parseRules(node) };
  });
}

/** Customers rows as knex reads them from `customers` (numeric as numbers, timestamps as Dates, tags as arrays). */
function customerRows(random: () => number, now: number): CustomerRow[] {
  const pick: Pick = (list) => list[Math.floor(random() * list.length)]!;
  const maybeDate = (odds: number, days: number) => (random() < odds ? new Date(now - random() * days * DAY) : null);
  return Array.from({ length: ROWS }, (_, i) => {
    const orders = random() < 0.3 ? 0 : 1 + Math.floor(random() * 12);
    const aov = 12 + Math.round(random() * 30000) / 100;
    const [city, country] = pick([
      ['Berlin', 'Germany'],
      ['Munich', 'Germany'],
      ['London', 'United Kingdom'],
      ['New York', 'United States'],
      ['Madrid', 'Spain'],
      ['Lisbon', 'Portugal'],
    ] as const);
    const created = new Date(now - random() * 730 * DAY);
    return {
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      tenant_id: '00000000-0000-4000-8000-000000000000',
      first_name: pick(['Maria', 'John', 'Ana', 'Lars', 'Mila', 'Joseph']),
      last_name: 'Andersson',
      full_name: 'Someone Andersson',
      email: `person${i}@${pick(['gmail.com', 'acme.io', 'web.de', 'outlook.com'])}`,
      phone: `+1212${2_000_000 + i}`,
      address_street: null,
      address_city: city,
      address_state: null,
      address_country: country,
      address_postal_code: null,
      tags: ['newsletter', 'returning', 'vip', 'spring-sale', 'churn-risk', 'b2b'].filter(() => random() < 0.25),
      status: pick(['active', 'active', 'active', 'inactive', 'suspended']),
      is_blocked: false,
      tier: pick(['regular', 'regular', 'regular', 'premium', 'vip']),
      segment_label: pick([null, 'regular', 'new', 'vip']),
      source: pick(['website', 'import', 'api', 'referral', 'social_media', 'whatsapp']),
      language: pick(['en', 'de', 'es', 'pt']),
      timezone: null,
      consent_email: random() < 0.7,
      consent_sms: random() < 0.3,
      consent_newsletter: random() < 0.5,
      custom_fields: random() < 0.3 ? { plan: pick(['free', 'pro', 'enterprise']) } : {},
      notes: null,
      total_orders: orders,
      total_spent: Math.round(orders * aov * 100) / 100,
      average_order_value: orders ? aov : 0,
      first_order_at: orders ? maybeDate(1, 700) : null,
      last_order_at: orders ? maybeDate(1, 200) : null,
      last_interaction_at: maybeDate(0.8, 120),
      created_at: created,
      updated_at: created,
      deleted_at: null,
    };
  });
}

/** Percentiles and rate of a list of per-call milliseconds. */
function summary(times: Float64Array) {
  const sorted = times.slice().sort();
  const total = times.reduce((s, t) => s + t, 0);
  return {
    iterations: times.length,
    p50_ms: round(percentile(sorted, 0.5), 4),
    p99_ms: round(percentile(sorted, 0.99), 4),
    max_ms: round(sorted[sorted.length - 1] ?? 0, 3),
    mean_ms: round(total / times.length, 4),
    writes_per_s: Math.round(times.length / (total / 1000)),
  };
}

/** Runs the benchmark: BENCH_WARMUP (500) and BENCH_ITERATIONS (5,000) calls per variant. */
export async function run(): Promise<void> {
  const warmup = envInt('BENCH_WARMUP', 500);
  const iterations = envInt('BENCH_ITERATIONS', 5000);
  const random = prng(20261122);
  const now = Date.now();
  const rules = segments(random);
  const rows = customerRows(random, now);
  const evaluator = createRuleEvaluator({ now: () => new Date(now) });
  const conditions = rules.reduce((sum, r) => sum + JSON.stringify(r.rule).split('"condition"').length - 1, 0);

  // matchingIds: the whole tenant's segments in one call per write.
  let matched = 0;
  for (let i = 0; i < warmup; i++) await evaluator.matchingIds(rules, rows[i % ROWS]!);
  const batched = new Float64Array(iterations);
  for (let i = 0; i < iterations; i++) {
    const began = performance.now();
    const ids = await evaluator.matchingIds(rules, rows[i % ROWS]!);
    batched[i] = performance.now() - began;
    matched += ids.length;
  }
  const s = summary(batched);
  printFigure(BENCH, 'matching_ids_50_segments', {
    segments: SEGMENTS,
    conditions,
    rows: ROWS,
    ...s,
    mean_segments_matched: round(matched / iterations, 2),
    p99_lt_2ms: s.p99_ms < GOAL_MS,
    p50_lt_2ms: s.p50_ms < GOAL_MS,
  });

  // The same work as 50 matches() calls, for comparison.
  let matchedOne = 0;
  for (let i = 0; i < warmup; i++) for (const r of rules) await evaluator.matches(r.rule, rows[i % ROWS]!);
  const single = new Float64Array(iterations);
  for (let i = 0; i < iterations; i++) {
    const began = performance.now();
    for (const r of rules) if (await evaluator.matches(r.rule, rows[i % ROWS]!)) matchedOne++;
    single[i] = performance.now() - began;
  }
  if (matchedOne !== matched) throw new Error(`matches() found ${matchedOne} memberships, matchingIds ${matched}`);
  printFigure(BENCH, 'matches_x50', { segments: SEGMENTS, ...summary(single) });
}
