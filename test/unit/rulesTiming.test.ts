import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { createRuleEvaluator } from '../../rules/evaluate';
import { parseRules } from '../../rules/parse';

/**
 * Measures (does not assert) how long json-rules-engine takes to decide 50 segments for one
 * customer, the work of every customer write. Printed twice: in a plain worker thread, which is
 * what the API and the worker pay, and inside jest, whose per-test AsyncLocalStorage makes every
 * promise (json-rules-engine creates several per condition) several times dearer.
 */

const NOW = new Date('2026-03-15T12:00:00.000Z');
const ITERATIONS = 2000;
const WARMUP = 500;

/** 50 segments of 1 to 5 conditions (3 on average) over every kind of field. */
const SEGMENTS = Array.from({ length: 50 }, (_, i) => {
  const conditions = [
    { fact: 'totalSpent', operator: 'greaterThan', value: i * 10 },
    { fact: 'status', operator: 'in', value: ['active', 'inactive'] },
    { any: [{ fact: 'tags', operator: 'hasAny', value: ['vip', `t${i}`] }, { fact: 'lastOrderAt', operator: 'withinLastDays', value: 30 + i }] },
    { fact: 'address.city', operator: 'contains', value: 'york' },
    { not: { fact: 'customFields', path: '$.plan', operator: 'equal', value: 'free' } },
  ];
  return { id: `segment-${i}`, input: { all: conditions.slice(0, 1 + (i % 5)) } };
});

const ROW = {
  id: 'c1', first_name: 'Ana', address_city: 'New York', custom_fields: { plan: 'pro' }, last_order_at: new Date('2026-03-01T00:00:00Z'),
  tags: ['vip'], total_spent: 600, status: 'active', tier: 'regular', source: 'api', total_orders: 3, average_order_value: 200,
  created_at: new Date('2025-01-01T00:00:00Z'), is_blocked: false, consent_email: true, consent_sms: true, consent_newsletter: false,
};

type Figures = { p50: number; p99: number; max: number; matched: number };

/** The measuring loop. Self-contained: the worker thread runs its source text. */
async function measure(
  createEvaluator: typeof createRuleEvaluator,
  parse: typeof parseRules,
  segments: typeof SEGMENTS,
  row: Record<string, unknown>,
  now: Date,
  iterations: number,
  warmup: number,
  fresh: boolean,
): Promise<Figures> {
  const evaluator = createEvaluator({ now: () => now });
  const rules = segments.map((s) => ({ id: s.id, rule: parse(s.input) }));
  // Fresh copies stand for segments re-read from the database on every write (same content, new objects).
  const inputs = Array.from({ length: iterations + warmup }, () => (fresh ? (JSON.parse(JSON.stringify(rules)) as typeof rules) : rules));
  const times: number[] = [];
  let matched = 0;
  for (let i = 0; i < iterations + warmup; i++) {
    const start = process.hrtime.bigint();
    matched = (await evaluator.matchingIds(inputs[i]!, row)).length;
    if (i >= warmup) times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(times.length * q))]!;
  return { p50: at(0.5), p99: at(0.99), max: at(1), matched };
}

function measureInWorker(fresh: boolean): Promise<Figures> {
  const rules = path.resolve(__dirname, '../../rules');
  const source = `
    require('tsx/cjs');
    const { parentPort, workerData: d } = require('node:worker_threads');
    const { createRuleEvaluator } = require(${JSON.stringify(`${rules}/evaluate`)});
    const { parseRules } = require(${JSON.stringify(`${rules}/parse`)});
    ${measure.toString()}
    measure(createRuleEvaluator, parseRules, d.segments, d.row, d.now, d.iterations, d.warmup, d.fresh).then((r) => parentPort.postMessage(r));`;
  const worker = new Worker(source, { eval: true, workerData: { segments: SEGMENTS, row: ROW, now: NOW, iterations: ITERATIONS, warmup: WARMUP, fresh } });
  return new Promise((resolve, reject) => {
    worker.once('message', (figures: Figures) => void worker.terminate().then(() => resolve(figures)));
    worker.once('error', reject);
  });
}

const show = (where: string, f: Figures) => `${where}: p50 ${f.p50.toFixed(3)} ms, p99 ${f.p99.toFixed(3)} ms, max ${f.max.toFixed(3)} ms`;

describe('evaluation time of 50 segments for one customer (reported, not asserted)', () => {
  it('measures matchingIds in a plain worker thread and inside jest', async () => {
    const plain = await measureInWorker(false);
    const reread = await measureInWorker(true);
    const jest = await measure(createRuleEvaluator, parseRules, SEGMENTS, ROW, NOW, ITERATIONS / 20, WARMUP / 20, false);
    console.log(
      `50 segments (${ITERATIONS} runs in a worker thread, ${ITERATIONS / 20} in jest)\n${show('worker thread', plain)}\n` +
        `${show('worker thread, ASTs re-read each time', reread)}\n${show('inside jest', jest)}`,
    );
    expect(reread.matched).toBe(plain.matched);
    expect(plain.matched).toBe(jest.matched);
    expect(plain.matched).toBeGreaterThan(0);
  });
});
