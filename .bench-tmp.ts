import { parseRules, createRuleEvaluator } from './rules';
const ev = createRuleEvaluator({ now: () => new Date('2026-01-01T00:00:00Z') });
const leaves = (i: number) => [
  { fact: 'totalSpent', operator: 'greaterThan', value: i * 10 },
  { fact: 'status', operator: 'in', value: ['active', 'inactive'] },
  { fact: 'tags', operator: 'hasAny', value: ['vip', `t${i}`] },
  { fact: 'lastOrderAt', operator: 'withinLastDays', value: 30 + i },
  { fact: 'address.city', operator: 'contains', value: 'york' },
  { not: { fact: 'customFields', path: '$.plan', operator: 'equal', value: 'free' } },
  { fact: 'preferences.email', operator: 'equal', value: true },
];
const row = { id: 'x', first_name: 'A', address_city: 'New York', custom_fields: { plan: 'pro' }, last_order_at: new Date('2025-12-20T00:00:00Z'), tags: ['vip'], total_spent: 600, status: 'active', tier: 'regular', source: 'api', total_orders: 3, average_order_value: 200, created_at: new Date(), is_blocked: false, consent_email: true, consent_sms: true, consent_newsletter: false };
(async () => {
  for (const size of [1, 2, 3, 5, 7]) {
    const segs = Array.from({ length: 50 }, (_, i) => ({ id: `s${size}-${i}`, rule: parseRules({ all: leaves(i).slice(0, size) }) }));
    const times: number[] = [];
    for (let i = 0; i < 4000; i++) {
      const t = process.hrtime.bigint();
      await ev.matchingIds(segs, row);
      if (i >= 1000) times.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    times.sort((a, b) => a - b);
    const q = (p: number) => times[Math.floor(times.length * p)]!.toFixed(3);
    console.log(`50 segments x ${size} conditions: p50 ${q(0.5)} p99 ${q(0.99)} ms`);
  }
})();
