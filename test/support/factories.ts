import { createDb, type Knex } from '../../db/knex';
import { createTenantService } from '../../domain/tenants/service';

/** A knex instance on the run's own database (created by the global setup). */
export function testDb(): Knex {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run tests through jest (its global setup creates the database)');
  return createDb({ url, poolMax: 5 });
}

/** A fresh tenant with its admin key; every test builds its own so tests never share data. */
export async function buildTenant(db: Knex, name = 'Test tenant'): Promise<{ tenantId: string; adminKey: string }> {
  const { tenant, adminKey } = await createTenantService({ db }).createTenant(name);
  return { tenantId: tenant.id, adminKey: adminKey.key };
}

let serial = 0;

/**
 * A short name part unique within the test file (a counter: each file has a database of its
 * own), so a test's data is the same on every run; not random, so nothing needs a seed to replay.
 */
export function uniqueSuffix(): string {
  serial += 1;
  return serial.toString(36).padStart(6, '0');
}

/** Inserts a customer row directly; enough for tests that only need records to exist. */
export async function buildCustomer(db: Knex, tenantId: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const n = uniqueSuffix();
  const [row] = await db('customers')
    .insert({ tenant_id: tenantId, first_name: 'Test', last_name: n, full_name: `Test ${n}`, email: `test-${n}@example.com`, ...overrides })
    .returning('id');
  return (row as { id: string }).id;
}
