import type { Knex } from 'knex';
import { NON_SPENDING_STATUSES } from '../orders/types';

/** Whether the refresh also counts as the customer interacting with the tenant. */
export interface RefreshOptions {
  /** True when the customer acted (placed an order); staff moving an order along is not an interaction. */
  interaction?: boolean;
}

/**
 * Recomputes a customer's cached order statistics from their orders, in the caller's
 * transaction, so the statistics and the order change that moved them commit together.
 *
 * total_orders counts every order whatever its status (seed 002: the sum of ordersByStatus).
 * The money figures count paid orders only, those not cancelled or refunded: paid_orders is their
 * number, total_spent the sum of their totals, average_order_value total_spent / paid_orders
 * rounded to the cent (0 with none), first_order_at / last_order_at the earliest and latest
 * placed_at among them (null with none). A cancel or a refund therefore takes the order's money
 * back out but leaves total_orders alone. With `interaction`, last_interaction_at moves forward to
 * now (never backwards).
 *
 * The customer's row is locked first, as its own statement: under READ COMMITTED each statement
 * reads a snapshot taken when it starts, so the aggregate below must start after every other
 * order writer of this customer has committed, or concurrent orders would overwrite each
 * other's totals. Callers that locked the row already pay nothing for the second lock.
 * updated_at is left alone: it records edits to the customer, and these figures are derived.
 */
export async function refreshCustomerStatistics(trx: Knex.Transaction, tenantId: string, customerId: string, options: RefreshOptions = {}): Promise<void> {
  await trx('customers').select('id').where({ tenant_id: tenantId, id: customerId }).forUpdate();
  await trx.raw(
    `UPDATE customers c SET
       total_orders = s.orders,
       paid_orders = s.paid,
       total_spent = s.spent,
       average_order_value = CASE WHEN s.paid = 0 THEN 0 ELSE round(s.spent / s.paid, 2) END,
       first_order_at = s.first_at,
       last_order_at = s.last_at,
       last_interaction_at = CASE WHEN ?::boolean THEN greatest(c.last_interaction_at, now()) ELSE c.last_interaction_at END
     FROM (
       SELECT count(*)::int AS orders, count(*) FILTER (WHERE paid)::int AS paid, coalesce(sum(total) FILTER (WHERE paid), 0) AS spent,
              min(placed_at) FILTER (WHERE paid) AS first_at, max(placed_at) FILTER (WHERE paid) AS last_at
       FROM (SELECT total, placed_at, status <> ALL (?::text[]) AS paid FROM orders WHERE tenant_id = ? AND customer_id = ?) o
     ) s
     WHERE c.tenant_id = ? AND c.id = ?`,
    [options.interaction === true, [...NON_SPENDING_STATUSES], tenantId, customerId, tenantId, customerId],
  );
}
