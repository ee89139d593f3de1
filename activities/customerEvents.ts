import type { Knex } from 'knex';
import { maintainCustomerEventPartitions, type PartitionPass } from '../domain/customerEvents/partitions';

/** Activities of customer events: the daily partition upkeep, decided in domain/customerEvents. */
export function createCustomerEventActivities(deps: { db: Knex; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());
  return {
    /** Creates the coming months' partitions and applies retention (idempotent: safe to retry). */
    async maintainCustomerEventPartitions(): Promise<PartitionPass> {
      return maintainCustomerEventPartitions(deps.db, now());
    },
  };
}
