import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../../lib/config';
import { restoreDatabases } from '../../scripts/services/backup';
import { databaseTargets, type DatabaseTargetOptions } from '../connections';

/**
 * `herald restore <dir>`: restores a `herald backup` folder into new databases — DATABASE_URL's
 * and Temporal's (TEMPORAL_CLUSTER_DATABASE) — with nothing running on them yet.
 */
export function registerRestore(program: Command): void {
  program
    .command('restore <dir>')
    .description("restore a `herald backup` folder into new, empty databases: DATABASE_URL's and Temporal's two; start Temporal, then Herald, afterwards")
    .option('--temporal-database <name>', "restore Temporal's main database under this name on DATABASE_URL's server (default TEMPORAL_CLUSTER_DATABASE)")
    .option('--temporal-url <url>', "restore Temporal's main database into this postgres:// URL, on another server")
    .option('--no-temporal', "restore Herald's database only")
    .action(async (dir: string, options: DatabaseTargetOptions) => {
      const config = loadConfig();
      const { herald, temporal } = databaseTargets(config, options);
      const restored = await restoreDatabases(path.resolve(dir), { herald, temporal }, console.log, config.PG_BIN_DIR);
      console.log(`Restored ${restored.map((d) => d.file).join(', ')}; start the Temporal server on them, then \`herald worker\` and \`herald serve\``);
    });
}
