import { Command } from 'commander';
import dotenv from 'dotenv';
import path from 'node:path';
import { ConfigError } from '../lib/config';
import { projectRoot } from '../lib/paths';
import { registerBackup } from './commands/backup';
import { registerDev } from './commands/dev';
import { registerExport } from './commands/export';
import { registerImport } from './commands/import';
import { registerMigrate } from './commands/migrate';
import { registerRestore } from './commands/restore';
import { registerSecrets } from './commands/secrets';
import { registerServe } from './commands/serve';
import { registerServices } from './commands/services';
import { registerTenants } from './commands/tenants';
import { registerUsers } from './commands/users';
import { registerWorker } from './commands/worker';

// A local .env fills in what the environment leaves unset; the real environment always wins.
dotenv.config({ path: path.join(projectRoot, '.env'), quiet: true });

const program = new Command('herald').description('Herald: customers, segments, campaigns and webhooks').showHelpAfterError();
registerDev(program);
registerServe(program);
registerWorker(program);
registerMigrate(program);
registerTenants(program);
registerUsers(program);
registerServices(program);
registerSecrets(program);
registerImport(program);
registerExport(program);
registerBackup(program);
registerRestore(program);

/** Reports a failed command in one line (configuration errors name the variable) and exits non-zero. */
function fail(err: unknown): never {
  const message = err instanceof ConfigError || err instanceof Error ? err.message : String(err);
  console.error(err instanceof ConfigError ? message : `herald: ${message}`);
  process.exit(1);
}

program.parseAsync(process.argv).catch(fail);
