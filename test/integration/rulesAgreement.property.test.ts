import fc from 'fast-check';
import { Worker } from 'node:worker_threads';
import type { Knex } from 'knex';
import type { RuleNode, RuleValue } from '../../rules/ast';
import { FIELDS, type FieldDefinition, eventConditionsOf, fieldByName, fieldsOf } from '../../rules/catalogue';
import { compileRuleToSql } from '../../rules/compile';
import { createRuleEvaluator } from '../../rules/evaluate';
import { parseRules } from '../../rules/parse';
import { withConversationFactsOf } from '../../domain/segments/conversationFacts';
import { loadEventCountsOf } from '../../domain/segments/eventCounts';
import { eventConditionArb, historyArb, insertHistories } from '../support/eventRules';
import { testDb, uniqueSuffix } from '../support/factories';
import { propertySeed } from '../support/propertySeed';

/**
 * One rule language, two evaluators: for random rules over random customers, the customers the
 * compiled SQL predicate selects are exactly those json-rules-engine accepts, with one injected
 * clock. Customers come from small pools so rules hit boundaries: equal values, nulls, empty
 * strings and tags, ASCII and non-ASCII case variants, dates exactly N days before now (and one
 * millisecond or microsecond either side), custom fields holding non-strings. Rule values are
 * drawn from the customers' own values. Every generated rule is also checked to be canonical
 * (parseRules returns it unchanged), which keeps the generator honest about what is valid.
 *
 * Event conditions (issue 16): every customer gets a random event history (test/support/eventRules.ts)
 * and rules mix event conditions in. The SQL side counts inside the compiled predicate; the
 * json-rules-engine side gets each customer's counts from the real loader (loadEventCountsOf, which
 * the membership path calls for one customer).
 */

const SEED = propertySeed();
const NUM_RULES = 1000;
const NUM_CUSTOMERS = 200;
const NOW = new Date('2026-03-15T12:00:00.000Z');
const DAY = 86_400_000;

const WORDS = [
  'Ana',
  'ana',
  'ANA',
  'Anabel',
  'bob smith',
  'Élodie',
  'élodie',
  'ÉLODIE',
  'x%y',
  'a_b',
  "O'Brien",
  '',
  ' ',
  'New York',
  'york',
  'Zürich',
  'straße',
];
const PIECES = ['an', 'AN', 'York', 'él', 'ÉL', '%', '_', "'", 'b', 'ich', 'E', 'ß', 'x%'];
const TAGS = ['vip', 'VIP', 'new', 'churn-risk', 'a b', 'x'];
const CUSTOM_KEYS = ['plan', 'a.b', 'x-y', 'n', 'nested'];
const CUSTOM_VALUES: unknown[] = ['pro', 'Pro', 'free', '', 5, true, null, { x: 1 }, ['pro']];
const NUMBERS = [0, 0.01, 10.1, 99.99, 100, 500, 1234.56];
const OFFSETS = [0, -1, 1, -DAY, -DAY + 1, -DAY - 1, -7 * DAY, -30 * DAY, -30 * DAY - 1, -30 * DAY + 1, -365 * DAY, DAY];
const DAYS = [1, 7, 30, 365, 36500];

/** A stored timestamp: NOW plus an offset, sometimes with microseconds beyond the millisecond. */
const timestamp = fc
  .record({ offset: fc.constantFrom(...OFFSETS), micros: fc.constantFrom(0, 0, 1, 500, 999) })
  .map(({ offset, micros }) => new Date(NOW.getTime() + offset).toISOString().replace('Z', `${String(micros).padStart(3, '0')}Z`));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 4 });

const word = maybe(fc.constantFrom(...WORDS));
const date = maybe(timestamp);
const customerArb = fc.record({
  first_name: word,
  last_name: word,
  full_name: word,
  address_street: word,
  address_city: word,
  address_state: word,
  address_postal_code: maybe(fc.constantFrom('10001', '75001', '')),
  address_country: maybe(fc.constantFrom('US', 'us', 'FR')),
  language: maybe(fc.constantFrom('en', 'fr')),
  timezone: maybe(fc.constantFrom('UTC', 'Europe/Paris')),
  status: fc.constantFrom('active', 'inactive', 'blocked', 'suspended'),
  tier: fc.constantFrom('regular', 'premium', 'vip'),
  segment_label: maybe(fc.constantFrom('vip', 'regular', 'new', 'inactive')),
  source: fc.constantFrom('whatsapp', 'sms', 'referral', 'website', 'api'),
  tags: fc.subarray(TAGS),
  is_blocked: fc.boolean(),
  consent_email: fc.boolean(),
  consent_sms: fc.boolean(),
  consent_newsletter: fc.boolean(),
  custom_fields: fc.dictionary(fc.constantFrom(...CUSTOM_KEYS), fc.constantFrom(...CUSTOM_VALUES), { maxKeys: 3 }),
  total_orders: fc.constantFrom(0, 1, 2, 5, 10),
  paid_orders: fc.constantFrom(0, 1, 2, 5),
  total_spent: fc.constantFrom(...NUMBERS),
  average_order_value: fc.constantFrom(...NUMBERS),
  first_order_at: date,
  last_order_at: date,
  last_interaction_at: date,
  created_at: timestamp,
  emailLocal: maybe(fc.constantFrom('ana', 'bob', 'x.y')),
  hasPhone: fc.boolean(),
  // The customer's customer_conversation_stats row (issue 18), or none (no conversations).
  conversations: fc.option(
    fc.record({ open_conversations: fc.constantFrom(0, 1, 2, 5), total_complaints: fc.constantFrom(0, 1, 3), last_inbound_at: date, last_complaint_at: date }),
    {
      nil: null,
      freq: 3,
    },
  ),
});

type Customer = typeof customerArb extends fc.Arbitrary<infer T> ? T : never;

/** Inserts the customers into a fresh tenant (inserted directly) and returns the rows as knex reads them. */
async function seed(db: Knex, customers: Customer[]) {
  const slug = `rules-agreement-${uniqueSuffix()}`;
  const [tenant] = await db('tenants').insert({ name: 'Rules agreement', slug }).returning('id');
  const tenantId = (tenant as { id: string }).id;
  const rows = customers.map(({ emailLocal, hasPhone, custom_fields, conversations: _conversations, ...c }, i) => ({
    ...c,
    tenant_id: tenantId,
    email: emailLocal === null ? null : `${emailLocal}${i}@example.com`,
    phone: hasPhone ? `+1555000${String(i).padStart(4, '0')}` : null,
    custom_fields: JSON.stringify(custom_fields),
  }));
  // One INSERT … VALUES: RETURNING gives the ids in the order of the rows.
  const inserted = (await db('customers').insert(rows).returning('id')) as Array<{ id: string }>;
  const stats = customers.flatMap((c, i) => (c.conversations ? [{ ...c.conversations, customer_id: inserted[i]!.id, tenant_id: tenantId }] : []));
  await db.batchInsert('customer_conversation_stats', stats, 100);
  // The one-customer path attaches the statistics to the row, as membership and journey branches do.
  const stored = await withConversationFactsOf(db, tenantId, await db('customers').where({ tenant_id: tenantId }).orderBy('id').select('*'));
  const histories = fc.sample(historyArb, { numRuns: stored.length, seed: SEED + 2 });
  await insertHistories(
    db,
    tenantId,
    stored.map((c, i) => ({ customerId: c.id as string, events: histories[i]! })),
    NOW,
  );
  return { tenantId, stored: stored as Array<Record<string, unknown>> };
}

const CUSTOM_FIELDS = [...CUSTOM_KEYS, 'missing'].map((k) => fieldByName(`customFields.${k}`)!);

/** Rule values for a field, drawn from what the customers hold plus near misses. */
function valueArb(field: FieldDefinition, op: string, rows: Array<Record<string, unknown>>): fc.Arbitrary<RuleValue | undefined> {
  const held = (f: FieldDefinition) => rows.map((r) => f.read(r)).filter((v) => v !== null);
  switch (field.type) {
    case 'string': {
      const whole = [...new Set([...held(field), ...WORDS].map(String))].map((s) => (field.lowerCaseValues ? s.toLowerCase() : s));
      const parts = field.name === 'phone' ? ['555', '+1555', '0001', '0'] : field.name === 'email' ? ['ana', 'example.com', '@', 'y0@'] : PIECES;
      if (['contains', 'doesNotContain', 'startsWith', 'endsWith'].includes(op)) return fc.constantFrom(...parts, ...whole.filter((s) => s !== ''));
      if (op === 'in' || op === 'notIn') return fc.uniqueArray(fc.constantFrom(...whole), { minLength: 1, maxLength: 3 });
      return fc.constantFrom(...whole);
    }
    case 'enum':
      return op === 'in' || op === 'notIn'
        ? fc.uniqueArray(fc.constantFrom(...field.values!), { minLength: 1, maxLength: 3 })
        : fc.constantFrom(...field.values!);
    case 'boolean':
      return fc.boolean();
    case 'number': {
      const n = fc.constantFrom(...NUMBERS, 0.005, 10.105, -1, 1, 2, 5, 10, 100.01);
      if (op === 'between') return fc.tuple(n, n).map(([a, b]) => [Math.min(a, b), Math.max(a, b)]);
      return op === 'in' || op === 'notIn' ? fc.uniqueArray(n, { minLength: 1, maxLength: 3 }) : n;
    }
    case 'date': {
      if (op === 'withinLastDays' || op === 'notWithinLastDays') return fc.constantFrom(...DAYS);
      const t = fc.tuple(fc.constantFrom(...OFFSETS), fc.constantFrom(0, 0, 1, -1)).map(([o, d]) => NOW.getTime() + o + d);
      if (op === 'between') return fc.tuple(t, t).map(([a, b]) => [new Date(Math.min(a, b)).toISOString(), new Date(Math.max(a, b)).toISOString()]);
      return t.map((ms) => new Date(ms).toISOString());
    }
    case 'tags':
      return op === 'contains' ? fc.constantFrom(...TAGS, 'missing') : fc.uniqueArray(fc.constantFrom(...TAGS, 'missing'), { minLength: 1, maxLength: 3 });
  }
}

/** Random canonical rules: conditions on every field and operator, nested all/any/not up to depth 4. */
function ruleArb(rows: Array<Record<string, unknown>>): fc.Arbitrary<RuleNode> {
  const fieldCondition = fc
    .constantFrom(...FIELDS, ...CUSTOM_FIELDS)
    .chain((field) =>
      fc
        .constantFrom(...field.operators)
        .chain((operator) =>
          valueArb(field, operator, rows).map((value): RuleNode =>
            operator === 'exists' || operator === 'isEmpty'
              ? { kind: 'condition', field: field.name, operator }
              : { kind: 'condition', field: field.name, operator, value },
          ),
        ),
    );
  const condition = fc.oneof({ arbitrary: fieldCondition, weight: 3 }, { arbitrary: eventConditionArb(NOW) as fc.Arbitrary<RuleNode>, weight: 1 });
  const node = (depth: number): fc.Arbitrary<RuleNode> =>
    depth >= 4
      ? condition
      : fc.oneof(
          { arbitrary: condition, weight: 3 },
          {
            arbitrary: fc
              .record({ combinator: fc.constantFrom('all' as const, 'any' as const), children: fc.array(node(depth + 1), { minLength: 2, maxLength: 3 }) })
              .map((g): RuleNode => ({ kind: 'group', ...g })),
            weight: 2,
          },
          { arbitrary: node(depth + 1).map((child): RuleNode => ({ kind: 'not', child })), weight: 1 },
        );
  return node(1);
}

/** Runs rules as one SQL query (`SELECT c.id, (pred1) AS r0, …`): per rule, the ids it selects. */
async function selectBySql(db: Knex, tenantId: string, rules: RuleNode[]): Promise<string[][]> {
  const compiled = rules.map((rule) => compileRuleToSql(rule, { now: NOW, alias: 'c', tenantId }));
  const columns = compiled.map((c, i) => `${c.sql} AS r${i}`).join(', ');
  const result = await db.raw(`SELECT c.id, ${columns} FROM customers c WHERE c.tenant_id = ?`, [...compiled.flatMap((c) => c.bindings), tenantId]);
  const selected = result.rows as Array<Record<string, unknown>>;
  return rules.map((_, i) => {
    const values = selected.map((r) => r[`r${i}`]);
    if (values.some((v) => typeof v !== 'boolean')) throw new Error(`rule ${i} compiled to a NULL for some customer`);
    return selected
      .filter((r) => r[`r${i}`] === true)
      .map((r) => r.id as string)
      .sort();
  });
}

/**
 * json-rules-engine runs in a worker thread for the random rules: jest wraps every test in an
 * AsyncLocalStorage, which makes each promise several times dearer, and json-rules-engine makes
 * several per condition — 200,000 rule × customer decisions would take most of a minute here.
 */
function startEngineWorker(rows: Array<Record<string, unknown>>) {
  const source = `
    require('tsx/cjs');
    const { parentPort, workerData } = require('node:worker_threads');
    const { createRuleEvaluator } = require(${JSON.stringify(require.resolve('../../rules/evaluate'))});
    const evaluator = createRuleEvaluator({ now: () => workerData.now });
    parentPort.on('message', async ({ rules, via, counts }) => {
      try {
        const selected = rules.map(() => []);
        const named = rules.map((rule, i) => ({ id: String(i), rule }));
        for (const row of workerData.rows) {
          const context = { eventCounts: counts[row.id] };
          if (via === 'matchingIds') for (const i of await evaluator.matchingIds(named, row, context)) selected[Number(i)].push(row.id);
          else for (const [i, rule] of rules.entries()) if (await evaluator.matches(rule, row, context)) selected[i].push(row.id);
        }
        parentPort.postMessage({ selected: selected.map((ids) => ids.sort()) });
      } catch (err) {
        parentPort.postMessage({ error: String((err && err.stack) || err) });
      }
    });`;
  const worker = new Worker(source, { eval: true, workerData: { rows, now: NOW } });
  let queue = Promise.resolve<unknown>(undefined);
  const ask = (rules: RuleNode[], via: 'matchingIds' | 'matches', counts: Record<string, Map<string, number>>) =>
    new Promise<string[][]>((resolve, reject) => {
      worker.once('message', (m: { selected?: string[][]; error?: string }) => (m.selected ? resolve(m.selected) : reject(new Error(m.error))));
      worker.postMessage({ rules, via, counts });
    });
  return {
    /**
     * Per rule, the ids of the customers json-rules-engine accepts (one request at a time), each
     * customer with the event counts the loader finds for these rules.
     */
    async select(db: Knex, tenantId: string, rules: RuleNode[], via: 'matchingIds' | 'matches'): Promise<string[][]> {
      const counts = Object.fromEntries(
        await loadEventCountsOf(
          db,
          tenantId,
          rows.map((r) => r.id as string),
          rules,
          NOW,
        ),
      );
      const answer = queue.then(() => ask(rules, via, counts));
      queue = answer.catch(() => undefined);
      return answer;
    },
    close: () => worker.terminate(),
  };
}

const RULES_PER_RUN = 20;

/** The rule fields read from customer_conversation_stats (issue 18). */
const CONVERSATION_FIELDS = ['openConversations', 'lastInboundMessageAt', 'totalComplaints', 'lastComplaintAt'];

describe(`rules: SQL and json-rules-engine agree (seed ${SEED})`, () => {
  let db: Knex;
  let tenantId: string;
  let rows: Array<Record<string, unknown>>;
  let engine: ReturnType<typeof startEngineWorker>;

  beforeAll(async () => {
    db = testDb();
    ({ tenantId, stored: rows } = await seed(db, fc.sample(customerArb, { numRuns: NUM_CUSTOMERS, seed: SEED })));
    engine = startEngineWorker(rows);
  });
  afterAll(async () => {
    await engine.close();
    await db('tenants').where({ id: tenantId }).delete();
    await db.destroy();
  });

  it(`selects the same customers for ${NUM_RULES} random rules (matchingIds per customer, one SQL query per ${RULES_PER_RUN} rules)`, async () => {
    const sizes: number[] = [];
    const eventSizes: number[] = [];
    const conversationSizes: number[] = [];
    await fc.assert(
      fc.asyncProperty(fc.array(ruleArb(rows), { minLength: RULES_PER_RUN, maxLength: RULES_PER_RUN }), async (rules) => {
        for (const rule of rules) expect(parseRules(rule)).toEqual(rule);
        const [bySql, byEngine] = await Promise.all([selectBySql(db, tenantId, rules), engine.select(db, tenantId, rules, 'matchingIds')]);
        rules.forEach((rule, i) => expect({ rule, ids: byEngine[i] }).toEqual({ rule, ids: bySql[i] }));
        sizes.push(...bySql.map((ids) => ids.length));
        eventSizes.push(...bySql.filter((_, i) => eventConditionsOf(rules[i]!).length > 0).map((ids) => ids.length));
        conversationSizes.push(...bySql.filter((_, i) => fieldsOf(rules[i]!).some((f) => CONVERSATION_FIELDS.includes(f))).map((ids) => ids.length));
      }),
      { numRuns: NUM_RULES / RULES_PER_RUN, seed: SEED },
    );
    // The generator must produce discriminating rules, not just ones that select everyone or no one.
    expect(sizes.filter((n) => n > 0 && n < rows.length).length).toBeGreaterThan(sizes.length / 3);
    expect(eventSizes.length).toBeGreaterThan(NUM_RULES / 5);
    expect(eventSizes.filter((n) => n > 0 && n < rows.length).length).toBeGreaterThan(eventSizes.length / 3);
    // The conversation statistics fields (issue 18) are drawn too, and discriminate.
    expect(conversationSizes.length).toBeGreaterThan(NUM_RULES / 10);
    expect(conversationSizes.filter((n) => n > 0 && n < rows.length).length).toBeGreaterThan(conversationSizes.length / 3);
  });

  it('agrees rule by rule through matches() for 200 more rules', async () => {
    const rules = fc.sample(ruleArb(rows), { numRuns: 200, seed: SEED + 1 });
    const [bySql, byEngine] = await Promise.all([selectBySql(db, tenantId, rules), engine.select(db, tenantId, rules, 'matches')]);
    rules.forEach((rule, i) => expect({ rule, ids: byEngine[i] }).toEqual({ rule, ids: bySql[i] }));
  });
});

/** Three customers whose values sit on the boundaries semantics.ts defines. */
const PICKED = {
  full: {
    first_name: 'Anabel',
    full_name: 'Anabel Smith',
    email: 'ana@example.com',
    address_city: 'ÉLODIE',
    tags: ['vip', 'new'],
    segment_label: 'vip',
    total_orders: 3,
    paid_orders: 2,
    total_spent: 10.1,
    last_order_at: new Date(NOW.getTime() - 30 * DAY).toISOString(),
    consent_newsletter: true,
    last_interaction_at: new Date(NOW.getTime() - 30 * DAY).toISOString().replace('Z', '500Z'),
    custom_fields: JSON.stringify({ plan: 'pro', 'a.b': 'x', score: 5 }),
  },
  empty: { first_name: null, full_name: '', email: null, tags: [], segment_label: null, total_spent: 0, created_at: NOW.toISOString(), custom_fields: '{}' },
  edge: {
    first_name: 'ANA',
    last_order_at: new Date(NOW.getTime() - 30 * DAY - 1).toISOString(),
    last_interaction_at: new Date(NOW.getTime() + 1).toISOString(),
    tags: ['VIP'],
  },
};
const T30 = new Date(NOW.getTime() - 30 * DAY).toISOString();
const CASES: Array<[unknown, Array<keyof typeof PICKED>]> = [
  [{ fact: 'firstName', operator: 'equal', value: 'Anabel' }, ['full']],
  [{ fact: 'firstName', operator: 'notEqual', value: 'Anabel' }, ['edge', 'empty']],
  [{ fact: 'firstName', operator: 'in', value: ['ANA', 'x'] }, ['edge']],
  [{ fact: 'firstName', operator: 'notIn', value: ['ANA'] }, ['empty', 'full']],
  [{ fact: 'firstName', operator: 'contains', value: 'an' }, ['edge', 'full']],
  [{ fact: 'firstName', operator: 'doesNotContain', value: 'bel' }, ['edge', 'empty']],
  [{ fact: 'address.city', operator: 'contains', value: 'élodie' }, []],
  [{ fact: 'address.city', operator: 'startsWith', value: 'Élo' }, ['full']],
  [{ fact: 'fullName', operator: 'endsWith', value: 'SMITH' }, ['full']],
  [{ fact: 'fullName', operator: 'exists', value: null }, ['full']],
  [{ fact: 'fullName', operator: 'isEmpty', value: null }, ['edge', 'empty']],
  [{ fact: 'email', operator: 'equal', value: 'ANA@example.com' }, ['full']],
  [{ fact: 'segment', operator: 'notEqual', value: 'vip' }, ['edge', 'empty']],
  [{ fact: 'segment', operator: 'exists', value: null }, ['full']],
  [{ fact: 'totalSpent', operator: 'equal', value: '10.10' }, ['full']],
  [{ fact: 'totalSpent', operator: 'between', value: [0, 10.1] }, ['edge', 'empty', 'full']],
  [{ fact: 'totalOrders', operator: 'greaterThanInclusive', value: 3 }, ['full']],
  [{ fact: 'totalOrders', operator: 'notIn', value: [0] }, ['full']],
  [{ fact: 'paidOrders', operator: 'equal', value: 2 }, ['full']],
  [{ fact: 'paidOrders', operator: 'lessThan', value: 3 }, ['edge', 'empty', 'full']],
  [{ fact: 'preferences.newsletter', operator: 'notEqual', value: true }, ['edge', 'empty']],
  [{ fact: 'lastOrderAt', operator: 'withinLastDays', value: 30 }, ['full']],
  [{ fact: 'lastOrderAt', operator: 'notWithinLastDays', value: 30 }, ['edge', 'empty']],
  [{ fact: 'lastInteractionAt', operator: 'after', value: T30 }, ['edge']],
  [{ fact: 'lastInteractionAt', operator: 'between', value: [T30, T30] }, ['full']],
  [{ fact: 'lastInteractionAt', operator: 'withinLastDays', value: 1 }, []],
  [{ fact: 'lastOrderAt', operator: 'before', value: T30 }, ['edge']],
  [{ fact: 'firstOrderAt', operator: 'exists', value: null }, []],
  [{ fact: 'tags', operator: 'hasAny', value: ['vip', 'x'] }, ['full']],
  [{ fact: 'tags', operator: 'hasAll', value: ['vip', 'new'] }, ['full']],
  [{ fact: 'tags', operator: 'hasNone', value: ['vip'] }, ['edge', 'empty']],
  [{ fact: 'tags', operator: 'contains', value: 'VIP' }, ['edge']],
  [{ fact: 'tags', operator: 'isEmpty', value: null }, ['empty']],
  [{ fact: 'customFields', path: "$['a.b']", operator: 'equal', value: 'x' }, ['full']],
  [{ fact: 'customFields.score', operator: 'isEmpty', value: null }, ['edge', 'empty', 'full']],
  [{ not: { fact: 'customFields.plan', operator: 'startsWith', value: 'PR' } }, ['edge', 'empty']],
];

describe('rules: hand-picked boundary cases in both evaluators', () => {
  it('gives the expected customers for every operator', async () => {
    const db = testDb();
    const [tenant] = await db('tenants')
      .insert({ name: 'Rules cases', slug: `rules-cases-${Date.now()}-${process.pid}` })
      .returning('id');
    const tenantId = (tenant as { id: string }).id;
    try {
      await db('customers').insert(Object.entries(PICKED).map(([name, c]) => ({ ...c, tenant_id: tenantId, external_id: name })));
      const stored = (await db('customers').where({ tenant_id: tenantId })) as Array<Record<string, unknown>>;
      const name = (id: string) => stored.find((r) => r.id === id)!.external_id as string;
      const rules = CASES.map(([input]) => parseRules(input));
      const bySql = await selectBySql(db, tenantId, rules);
      const evaluator = createRuleEvaluator({ now: () => NOW });
      for (const [i, [input, expected]] of CASES.entries()) {
        const byEngine: string[] = [];
        for (const row of stored) if (await evaluator.matches(rules[i]!, row)) byEngine.push(row.external_id as string);
        expect({ input, sql: bySql[i]!.map(name).sort(), engine: byEngine.sort() }).toEqual({ input, sql: expected, engine: expected });
      }
    } finally {
      await db('tenants').where({ id: tenantId }).delete();
      await db.destroy();
    }
  });
});
