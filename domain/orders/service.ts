import type { Knex } from 'knex';

/** Placeholder until the orders module lands. */
export function createOrderService(_deps: { db: Knex }) {
  return {};
}

/** The order service's interface. */
export type OrderService = ReturnType<typeof createOrderService>;
