import fs from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import { generatePassword } from '../domain/users/passwords';
import { createUser, setPasswordOf } from '../domain/users/provisioning';
import { dataDir } from '../lib/paths';

/** The development tenant's first admin, as `herald dev` prints it. */
export const DEV_ADMIN_EMAIL = 'admin@herald.local';

/**
 * The development tenant's first person, an admin who signs in to the console. The password is
 * kept in an untracked file (mode 600) beside the dev key (`devKeyFile`), so it stays the same
 * between runs and survives a database reset; it is set again when the account exists but the
 * file was lost.
 */
export async function ensureDevUser(db: Knex, tenantId: string, devKeyFile?: string): Promise<{ email: string; password: string }> {
  const file = path.join(devKeyFile ? path.dirname(devKeyFile) : dataDir(), 'dev-user.json');
  let stored: string | undefined;
  try {
    stored = (JSON.parse(fs.readFileSync(file, 'utf8')) as { password?: string }).password;
  } catch {
    stored = undefined;
  }
  const password = stored ?? generatePassword();
  const { userId, created } = await createUser(db, { email: DEV_ADMIN_EMAIL, tenantId, role: 'admin', password });
  if (!created && !stored) await setPasswordOf(db, userId, password);
  if (!stored) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify({ email: DEV_ADMIN_EMAIL, password }, null, 2), { mode: 0o600 });
  }
  return { email: DEV_ADMIN_EMAIL, password };
}
