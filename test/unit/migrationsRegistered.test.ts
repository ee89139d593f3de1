import fs from 'node:fs';
import path from 'node:path';
import { migrationSource } from '../../migrations';

/**
 * Migrations are a static list (migrations/index.ts) so builds and bundles need no directory
 * scan; a file left out of the list would silently never run. Every migration file is listed,
 * once, in file-name order.
 */
describe('migration registry', () => {
  it('lists every migration file under its own name, in order', async () => {
    const dir = path.join(__dirname, '..', '..', 'migrations');
    const files = fs
      .readdirSync(dir)
      .filter((f) => /^\d{14}_.+\.ts$/.test(f))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    const listed = (await migrationSource.getMigrations([])).map((m) => migrationSource.getMigrationName(m));
    expect(listed).toEqual(files);
  });
});
