import type { Knex } from 'knex';
import { notFound } from '../../lib/errors';
import { recordAudit } from '../audit/repo';
import { findTenantById } from '../tenants/repo';
import { hashPassword } from './passwords';
import * as repo from './repo';
import type { MemberRole } from './types';

/** A person added from the command line (`herald users create`, `herald dev`). */
export interface NewPerson {
  email: string;
  tenantId: string;
  role: MemberRole;
  password: string;
}

/**
 * Adds a person to a tenant. A new account gets the password given (answered `created: true`);
 * an existing one keeps its password and gains (or changes) the membership.
 */
export async function createUser(db: Knex, input: NewPerson): Promise<{ userId: string; created: boolean }> {
  if (!(await findTenantById(db, input.tenantId))) throw notFound('Tenant');
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (trx) => {
    const existing = await repo.findUserByEmail(trx, input.email);
    const user = existing ?? (await repo.insertUser(trx, input.email, passwordHash));
    await repo.upsertMembership(trx, user.id, input.tenantId, input.role);
    await recordAudit(trx, 'system', input.tenantId, { action: 'user.added', subjectType: 'user', subjectId: user.id, changes: { role: input.role } });
    return { userId: user.id, created: !existing };
  });
}

/** Sets a person's password directly (the development admin, whose printed password was lost) and lifts any lockout. */
export async function setPasswordOf(db: Knex, userId: string, password: string): Promise<void> {
  await repo.setPassword(db, userId, await hashPassword(password));
}
