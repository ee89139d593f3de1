import type { Command } from 'commander';
import { createDb } from '../../db/knex';
import { createTenantService } from '../../domain/tenants/service';
import { loadConfig } from '../../lib/config';
import { ensurePostgres } from '../../scripts/services/postgres';

/** `herald tenants create <name>`: a new tenant and its first admin key, printed once. */
export function registerTenants(program: Command): void {
  const tenants = program.command('tenants').description('manage tenants');
  tenants
    .command('create')
    .description('create a tenant and print its admin API key (shown once)')
    .argument('<name>', 'display name of the tenant')
    .option('--json', 'print the result as JSON')
    .action(async (name: string, options: { json?: boolean }) => {
      const config = loadConfig();
      const { url } = await ensurePostgres({ databaseUrl: config.DATABASE_URL, port: config.HERALD_PG_PORT });
      const db = createDb({ url, poolMax: 2 });
      try {
        const { tenant, adminKey } = await createTenantService({ db }).createTenant(name);
        if (options.json) console.log(JSON.stringify({ tenantId: tenant.id, name: tenant.name, slug: tenant.slug, adminKey: adminKey.key }));
        else console.log(`Tenant:    ${tenant.name} (${tenant.id})\nAdmin key: ${adminKey.key}\nStore the key now: it is not shown again.`);
      } finally {
        await db.destroy();
      }
    });
}
