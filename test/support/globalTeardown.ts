import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import type { TestRunState } from './globalSetup';

/** Drops the run's template and any suite copy a crashed test worker left, and stops the services if this run was the one that started them. */
export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as { __heraldTestRun?: TestRunState }).__heraldTestRun;
  if (!state) return;
  const admin = new Client({ connectionString: state.adminUrl });
  await admin.connect();
  const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $1 || '\\_%'", [state.database]);
  for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  await admin.end();
  if (state.startedServices && process.env.HERALD_TEST_KEEP_SERVICES !== '1') {
    const root = path.resolve(__dirname, '../..');
    execFileSync(process.execPath, [path.join(root, 'bin/herald'), 'services', 'down'], { cwd: root, stdio: 'ignore' });
  }
}
