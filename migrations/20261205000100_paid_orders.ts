import type { Knex } from 'knex';

/**
 * Seed 002 counts every order in `totalOrders` (its example 15 = 2 placed + 1 processing + 3
 * shipped + 8 delivered + 1 cancelled). Herald's cached `total_orders` counted only orders that
 * were not cancelled or refunded. That count keeps its meaning under a name that says it,
 * `paid_orders`, and `total_orders` takes the seed's meaning: every order, whatever its status.
 *
 * Stored segment rules and campaign audiences that read the old `totalOrders` field are rewritten
 * to `paidOrders`, so every existing definition selects exactly the customers it selected before;
 * new rules may use either field. Only conditions are rewritten: `"field": "totalOrders"` is the
 * AST's spelling of a condition on that field (a string value containing it would be escaped).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE customers ADD COLUMN paid_orders integer NOT NULL DEFAULT 0');
  // Only customers with orders can have either count above zero.
  await knex.raw(`
    UPDATE customers c SET paid_orders = c.total_orders, total_orders = s.orders
    FROM (SELECT tenant_id, customer_id, count(*)::int AS orders FROM orders GROUP BY tenant_id, customer_id) s
    WHERE c.tenant_id = s.tenant_id AND c.id = s.customer_id`);
  await renameRuleField(knex, 'totalOrders', 'paidOrders');
}

/**
 * Back to one count of paid orders. Rules written with `paidOrders` go back to `totalOrders`
 * (which meant paid orders before); rules written with the new `totalOrders` (every order) after
 * `up` cannot be told apart and will count paid orders again.
 */
export async function down(knex: Knex): Promise<void> {
  await renameRuleField(knex, 'paidOrders', 'totalOrders');
  await knex.raw('UPDATE customers SET total_orders = paid_orders WHERE total_orders <> paid_orders');
  await knex.raw('ALTER TABLE customers DROP COLUMN paid_orders');
}

/** Renames a field in every stored rule AST: segments' rules and campaigns' inline audiences. */
async function renameRuleField(knex: Knex, from: string, to: string): Promise<void> {
  const [a, b] = [`"field": "${from}"`, `"field": "${to}"`];
  await knex.raw('UPDATE segments SET rules = replace(rules::text, ?, ?)::jsonb WHERE strpos(rules::text, ?) > 0', [a, b, a]);
  await knex.raw('UPDATE campaigns SET audience = replace(audience::text, ?, ?)::jsonb WHERE strpos(audience::text, ?) > 0', [a, b, a]);
}
