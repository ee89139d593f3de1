import type { Knex } from 'knex';
import type { EventNode, RuleNode } from '../../rules/ast';
import { eventConditionsOf } from '../../rules/catalogue';
import { eventFilterSql } from '../../rules/compile';
import { eventConditionKey, eventWindow } from '../../rules/events';
import { Sql, joinSql, sql } from '../../rules/sql';

/** Most counts one statement computes (a statement may return at most 1,664 columns). */
const COUNTS_PER_STATEMENT = 200;

/** The distinct event conditions of some rules, by eventConditionKey (the count each needs). */
export function eventConditionsByKey(rules: readonly RuleNode[]): Map<string, EventNode> {
  const byKey = new Map<string, EventNode>();
  for (const rule of rules) for (const node of eventConditionsOf(rule)) byKey.set(eventConditionKey(node), node);
  return byKey;
}

/**
 * One customer's event counts for exactly the event conditions of `rules`, at `now`, keyed by
 * eventConditionKey: what the one-customer evaluator (json-rules-engine) compares with each
 * condition's count. See {@link loadEventCountsOf}.
 */
export async function loadEventCounts(db: Knex, tenantId: string, customerId: string, rules: readonly RuleNode[], now: Date): Promise<Map<string, number>> {
  return (await loadEventCountsOf(db, tenantId, [customerId], rules, now)).get(customerId)!;
}

/**
 * Several customers' event counts (a batch of tracked events re-evaluates each of its customers):
 * per customer, a map from eventConditionKey to the number of their events that condition counts.
 * Every count is a `count(*) FILTER (…)` of ONE scan of those customers' events with those names
 * (the (tenant_id, customer_id, name, occurred_at) index, bounded by the widest window when every
 * condition has one), filtered by the same predicate the SQL compiler counts with
 * (eventFilterSql), so the two evaluators count the same events. Read-only over customer_events.
 */
export async function loadEventCountsOf(
  db: Knex,
  tenantId: string,
  customerIds: readonly string[],
  rules: readonly RuleNode[],
  now: Date,
): Promise<Map<string, Map<string, number>>> {
  const conditions = [...eventConditionsByKey(rules)];
  const counts = new Map(customerIds.map((id) => [id, new Map<string, number>()]));
  for (let i = 0; i < conditions.length && customerIds.length > 0; i += COUNTS_PER_STATEMENT) {
    const chunk = conditions.slice(i, i + COUNTS_PER_STATEMENT);
    const query = countsQuery(
      tenantId,
      customerIds,
      chunk.map(([, node]) => node),
      now.getTime(),
    );
    const rows = (await db.raw(query.text, [...query.bindings])).rows as Array<Record<string, string | number>>;
    for (const row of rows) chunk.forEach(([key], j) => counts.get(row.customer_id as string)?.set(key, Number(row[`c${j}`])));
    // Customers without any of these events have no row: every count is zero.
    for (const perCustomer of counts.values()) for (const [key] of chunk) if (!perCustomer.has(key)) perCustomer.set(key, 0);
  }
  return counts;
}

/** `SELECT customer_id, count(*) FILTER (WHERE …) AS c0, … FROM customer_events e WHERE <these customers, names, the widest window> GROUP BY customer_id`. */
function countsQuery(tenantId: string, customerIds: readonly string[], nodes: EventNode[], now: number): Sql {
  const e = sql`e`;
  const columns = joinSql(
    nodes.map((node, j) => sql`count(*) FILTER (WHERE ${eventFilterSql(node, e, now)}) AS ${new Sql(`c${j}`, [])}`),
    ', ',
  );
  const windows = nodes.map((node) => eventWindow(node, now));
  const iso = (ms: number) => new Date(ms).toISOString();
  const bounded = windows.every((w) => w !== undefined)
    ? sql` AND e.occurred_at >= CAST(${iso(Math.min(...windows.map((w) => w!.from)))} AS timestamptz) AND e.occurred_at < CAST(${iso(Math.max(...windows.map((w) => w!.to)) + 1)} AS timestamptz)`
    : sql``;
  const names = [...new Set(nodes.map((node) => node.event))];
  return sql`SELECT e.customer_id, ${columns} FROM customer_events e
    WHERE e.tenant_id = CAST(${tenantId} AS uuid) AND e.customer_id = ANY(CAST(${[...customerIds]} AS uuid[])) AND e.name = ANY(CAST(${names} AS text[]))${bounded}
    GROUP BY e.customer_id`;
}
