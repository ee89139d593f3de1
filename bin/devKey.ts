import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { TenantService } from '../domain/tenants/service';
import { dataDir } from '../lib/paths';

/** What `herald dev` keeps between runs so the printed key stays the same. */
interface DevState {
  tenantId: string;
  key: string;
  jwtSecret: string;
}

const readState = (file: string): Partial<DevState> => {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<DevState>;
  } catch {
    return {};
  }
};

/**
 * The development tenant's admin key, kept in an untracked file (mode 600). Reused while it
 * still authenticates; recreated when the database was reset. Also holds a generated JWT secret
 * so development tokens work without configuration.
 */
export async function ensureDevKey(tenants: TenantService, file = path.join(dataDir(), 'dev-key.json')): Promise<DevState> {
  const state = readState(file);
  const jwtSecret = state.jwtSecret ?? randomBytes(32).toString('base64url');
  if (state.key && state.tenantId) {
    const principal = await tenants.authenticate(state.key);
    if (principal?.tenantId === state.tenantId && principal.role === 'admin') return { tenantId: state.tenantId, key: state.key, jwtSecret };
  }
  const { tenant, adminKey } = await tenants.createTenant('Development');
  const fresh = { tenantId: tenant.id, key: adminKey.key, jwtSecret };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(fresh, null, 2), { mode: 0o600 });
  return fresh;
}
