import type { Knex } from 'knex';

/**
 * Runs `work` in one transaction: every write inside commits together or not at all, which is
 * what keeps a record and its outbox event in step.
 */
export function withTransaction<T>(db: Knex, work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
  return db.transaction(work);
}
