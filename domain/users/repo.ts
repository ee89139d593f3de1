import type { Knex } from 'knex';
import type { MemberRole, Membership, Session, User } from './types';

/**
 * The writer of `users`, `memberships`, `sessions` and `user_tokens` (domain/ownership.ts).
 * Emails are matched case-insensitively through the `lower(email)` indexes.
 */

/** A users row with the sign-in columns the service decides on. */
export interface UserRow {
  id: string;
  email: string;
  password_hash: string | null;
  failed_logins: number;
  locked_until: Date | null;
  created_at: Date;
  last_login_at: Date | null;
}

/** A user_tokens row. */
export interface UserTokenRow {
  id: string;
  kind: 'invitation' | 'password_reset';
  email: string;
  user_id: string | null;
  tenant_id: string | null;
  role: MemberRole | null;
  token_hash: string;
  created_by: string | null;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
}

/** The public view of a users row. */
export const toUser = (r: UserRow): User => ({ id: r.id, email: r.email, createdAt: r.created_at, lastLoginAt: r.last_login_at });

/** The user holding an address, whatever its case. */
export const findUserByEmail = (db: Knex, email: string): Promise<UserRow | undefined> =>
  db<UserRow>('users').whereRaw('lower(email) = lower(?)', [email]).first();

/** The user with an id. */
export const findUserById = (db: Knex, id: string): Promise<UserRow | undefined> => db<UserRow>('users').where({ id }).first();

/** Inserts a user; the address is kept as typed (matching ignores case). */
export async function insertUser(db: Knex, email: string, passwordHash: string | null): Promise<UserRow> {
  const [row] = await db<UserRow>('users').insert({ email, password_hash: passwordHash }).returning('*');
  return row as UserRow;
}

/** Sets a password and lifts any lockout (a reset proves the address). */
export async function setPassword(db: Knex, userId: string, passwordHash: string): Promise<void> {
  await db('users').where({ id: userId }).update({ password_hash: passwordHash, failed_logins: 0, locked_until: null });
}

/**
 * Counts a wrong password. The failure that reaches `failures` locks the account until
 * `lockedUntil` and starts the count again, so after the lock another full series is allowed.
 */
export async function recordFailedLogin(db: Knex, userId: string, failures: number, lockoutMs: number): Promise<Date | null> {
  const [row] = await db
    .raw<{ rows: Array<{ locked_until: Date | null }> }>(
      `UPDATE users
        SET failed_logins = CASE WHEN failed_logins + 1 >= ? THEN 0 ELSE failed_logins + 1 END,
            locked_until = CASE WHEN failed_logins + 1 >= ? THEN now() + make_interval(secs => ?) ELSE locked_until END
      WHERE id = ?
      RETURNING locked_until`,
      [failures, failures, lockoutMs / 1000, userId],
    )
    .then((r) => r.rows);
  return row?.locked_until ?? null;
}

/** Records a successful sign-in: the failure count and lock are cleared. */
export async function recordLogin(db: Knex, userId: string): Promise<void> {
  await db('users').where({ id: userId }).update({ failed_logins: 0, locked_until: null, last_login_at: db.fn.now() });
}

/** A user's memberships with their tenants' names, oldest first (the first is where sign-in lands). */
export async function listMemberships(db: Knex, userId: string): Promise<Membership[]> {
  const rows = await db('memberships as m')
    .join('tenants as t', 't.id', 'm.tenant_id')
    .where('m.user_id', userId)
    .orderBy([{ column: 'm.created_at' }, { column: 'm.tenant_id' }])
    .select<Array<{ tenant_id: string; name: string; role: MemberRole; created_at: Date }>>('m.tenant_id', 't.name', 'm.role', 'm.created_at');
  return rows.map((r) => ({ tenantId: r.tenant_id, tenantName: r.name, role: r.role, createdAt: r.created_at }));
}

/** Adds a user to a tenant, or changes the role they hold there. */
export async function upsertMembership(db: Knex, userId: string, tenantId: string, role: MemberRole): Promise<void> {
  await db('memberships').insert({ user_id: userId, tenant_id: tenantId, role }).onConflict(['user_id', 'tenant_id']).merge(['role']);
}

/** Removes a user from a tenant (and ends their sessions there); false when they were not a member. */
export async function deleteMembership(db: Knex, tenantId: string, userId: string): Promise<boolean> {
  await db('sessions').where({ tenant_id: tenantId, user_id: userId }).delete();
  return (await db('memberships').where({ tenant_id: tenantId, user_id: userId }).delete()) > 0;
}

/** The user ids of a tenant's admins, their membership rows locked (so two concurrent removals cannot both leave none). */
export async function tenantAdmins(db: Knex, tenantId: string): Promise<string[]> {
  const rows = await db('memberships').where({ tenant_id: tenantId, role: 'admin' }).forUpdate().select<Array<{ user_id: string }>>('user_id');
  return rows.map((r) => r.user_id);
}

/** Sets the role a user holds in a tenant; false when they are not a member of it. */
export async function setMembershipRole(db: Knex, tenantId: string, userId: string, role: MemberRole): Promise<boolean> {
  return (await db('memberships').where({ tenant_id: tenantId, user_id: userId }).update({ role })) > 0;
}

/** Opens a session row. */
export async function insertSession(
  db: Knex,
  row: { id: string; user_id: string; tenant_id: string; expires_at: Date; user_agent: string | null; ip: string | null },
): Promise<void> {
  await db('sessions').insert(row);
}

/**
 * A session that has not expired, with the role its user holds in its tenant now: a session
 * whose membership was removed resolves to nothing.
 */
export async function findLiveSession(db: Knex, id: string): Promise<Session | undefined> {
  const row = await db('sessions as s')
    .join('memberships as m', function () {
      this.on('m.user_id', 's.user_id').andOn('m.tenant_id', 's.tenant_id');
    })
    .where('s.id', id)
    .where('s.expires_at', '>', db.fn.now())
    .first<{ id: string; user_id: string; tenant_id: string; role: MemberRole; created_at: Date; last_seen_at: Date; expires_at: Date } | undefined>(
      's.id',
      's.user_id',
      's.tenant_id',
      'm.role',
      's.created_at',
      's.last_seen_at',
      's.expires_at',
    );
  return row
    ? {
        id: row.id,
        userId: row.user_id,
        tenantId: row.tenant_id,
        role: row.role,
        createdAt: row.created_at,
        lastSeenAt: row.last_seen_at,
        expiresAt: row.expires_at,
      }
    : undefined;
}

/** Moves a session's expiry forward (rolling sessions) and records the request. */
export async function extendSession(db: Knex, id: string, expiresAt: Date): Promise<void> {
  await db('sessions').where({ id }).update({ last_seen_at: db.fn.now(), expires_at: expiresAt });
}

/** Points a session at another tenant of its user. */
export async function setSessionTenant(db: Knex, id: string, tenantId: string): Promise<void> {
  await db('sessions').where({ id }).update({ tenant_id: tenantId });
}

/** Ends one session. */
export async function deleteSession(db: Knex, id: string): Promise<void> {
  await db('sessions').where({ id }).delete();
}

/** Ends every session of a user (after a password reset). */
export async function deleteUserSessions(db: Knex, userId: string): Promise<void> {
  await db('sessions').where({ user_id: userId }).delete();
}

/** Deletes sessions that expired more than a day ago (called now and then by sign-ins, so the table stays small). */
export async function deleteExpiredSessions(db: Knex): Promise<void> {
  await db('sessions').where('expires_at', '<', db.raw("now() - interval '1 day'")).delete();
}

/** Stores a token (its hash is set by the caller once the id is known: the token is derived from the id). */
export async function insertUserToken(db: Knex, row: Omit<UserTokenRow, 'created_at' | 'used_at'>): Promise<UserTokenRow> {
  const [stored] = await db<UserTokenRow>('user_tokens').insert(row).returning('*');
  return stored as UserTokenRow;
}

/** A token row by id. */
export const findUserToken = (db: Knex, id: string): Promise<UserTokenRow | undefined> => db<UserTokenRow>('user_tokens').where({ id }).first();

/**
 * Uses a token once: marks it used if it is unused, unexpired, of the kind and with the hash
 * given, and returns it; undefined otherwise (a second use, a race, an expired link).
 */
export async function claimUserToken(db: Knex, id: string, kind: UserTokenRow['kind'], tokenHash: string): Promise<UserTokenRow | undefined> {
  const [row] = await db<UserTokenRow>('user_tokens')
    .where({ id, kind, token_hash: tokenHash })
    .whereNull('used_at')
    .where('expires_at', '>', db.fn.now())
    .update({ used_at: db.fn.now() as unknown as Date })
    .returning('*');
  return row as UserTokenRow | undefined;
}

/** The newest unused, unexpired invitation for an address (OpenID sign-in of an invited person). */
export const findOpenInvitation = (db: Knex, email: string): Promise<UserTokenRow | undefined> =>
  db<UserTokenRow>('user_tokens')
    .where({ kind: 'invitation' })
    .whereRaw('lower(email) = lower(?)', [email])
    .whereNull('used_at')
    .where('expires_at', '>', db.fn.now())
    .orderBy('created_at', 'desc')
    .first();

/** Marks every open invitation of an address to a tenant used (the person joined by another way). */
export async function closeInvitations(db: Knex, email: string, tenantId: string): Promise<void> {
  await db('user_tokens')
    .where({ kind: 'invitation', tenant_id: tenantId })
    .whereRaw('lower(email) = lower(?)', [email])
    .whereNull('used_at')
    .update({ used_at: db.fn.now() });
}

/**
 * Deletes one of a tenant's invitations that nobody has used, so its link stops working (a mail
 * still queued for it is not sent: the worker finds no row). Answers the deleted row, or undefined
 * when the tenant has no such unused invitation.
 */
export async function deleteUnusedInvitation(db: Knex, tenantId: string, id: string): Promise<UserTokenRow | undefined> {
  const [row] = await db<UserTokenRow>('user_tokens').where({ id, kind: 'invitation', tenant_id: tenantId }).whereNull('used_at').delete().returning('*');
  return row as UserTokenRow | undefined;
}
