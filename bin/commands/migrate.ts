import type { Command } from 'commander';
import { createDb } from '../../db/knex';
import { migrateLatest, migrateRollback, migrationStatus } from '../../db/migrate';
import { loadConfig } from '../../lib/config';
import { ensurePostgres } from '../../scripts/services/postgres';

/** `herald migrate latest|rollback|status`: schema changes (starts the local Postgres if needed). */
export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('apply (latest), revert (rollback) or list (status) database migrations')
    .argument('[action]', 'latest | rollback | status', 'latest')
    .option('--all', 'with rollback: revert every migration, not just the last batch')
    .action(async (action: string, options: { all?: boolean }) => {
      if (!['latest', 'rollback', 'status'].includes(action)) throw new Error(`Unknown migrate action "${action}": use latest, rollback or status`);
      const config = loadConfig();
      const { url } = await ensurePostgres({ databaseUrl: config.DATABASE_URL, port: config.HERALD_PG_PORT, log: console.log });
      const db = createDb({ url, poolMax: 2 });
      try {
        if (action === 'latest') {
          const applied = await migrateLatest(db);
          console.log(applied.length ? `Applied ${applied.length} migration(s):\n  ${applied.join('\n  ')}` : 'Already up to date');
        } else if (action === 'rollback') {
          const reverted = await migrateRollback(db, options.all);
          console.log(reverted.length ? `Reverted ${reverted.length} migration(s):\n  ${reverted.join('\n  ')}` : 'Nothing to revert');
        } else {
          const { completed, pending } = await migrationStatus(db);
          console.log(`Applied: ${completed.length}\nPending: ${pending.length}${pending.length ? `\n  ${pending.join('\n  ')}` : ''}`);
        }
      } finally {
        await db.destroy();
      }
    });
}
