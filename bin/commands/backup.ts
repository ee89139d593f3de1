import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../../lib/config';
import { backupDatabases } from '../../scripts/services/backup';
import { databaseTargets, type DatabaseTargetOptions } from '../connections';

/**
 * `herald backup <dir>`: dumps Temporal's two databases and Herald's into a new folder while
 * everything runs (docs/operations.md, "Backup and restore").
 */
export function registerBackup(program: Command): void {
  program
    .command('backup <dir>')
    .description("dump Herald's database and Temporal's two (pg_dump, custom format) into a new folder, while everything runs")
    .option('--temporal-database <name>', "Temporal's main database on DATABASE_URL's server (default TEMPORAL_CLUSTER_DATABASE)")
    .option('--temporal-url <url>', "Temporal's main database as a postgres:// URL, when it is on another server")
    .option('--no-temporal', "back up Herald's database only (Temporal keeps its state elsewhere, e.g. the dev server or Temporal Cloud)")
    .action(async (dir: string, options: DatabaseTargetOptions) => {
      const config = loadConfig();
      const { herald, temporal } = databaseTargets(config, options);
      const manifest = await backupDatabases({ herald, temporal }, path.resolve(dir), console.log, config.PG_BIN_DIR);
      console.log(`Backed up ${manifest.databases.map((d) => d.database).join(', ')} into ${path.resolve(dir)}`);
    });
}
