import type { Knex } from 'knex';
import { migrationSource } from '../migrations';

/** Applies every pending migration; returns the names applied. */
export async function migrateLatest(db: Knex): Promise<string[]> {
  const [, applied] = (await db.migrate.latest({ migrationSource })) as [number, string[]];
  return applied;
}

/** Reverts the last batch of migrations; returns the names reverted. */
export async function migrateRollback(db: Knex, all = false): Promise<string[]> {
  const [, reverted] = (await db.migrate.rollback({ migrationSource }, all)) as [number, string[]];
  return reverted;
}

/** Lists applied and pending migrations. */
export async function migrationStatus(db: Knex): Promise<{ completed: string[]; pending: string[] }> {
  const [completed, pending] = (await db.migrate.list({ migrationSource })) as [Array<{ name: string }>, Array<[string, unknown]>];
  return { completed: completed.map((m) => m.name), pending: pending.map(([name]) => name) };
}
