import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { AppError, conflict, forbidden, notFound, unavailable, validationFailed } from '../../lib/errors';
import type { Logger } from '../../lib/logger';
import type { TemporalProvider } from '../../temporal/client';
import { recordAudit } from '../audit/repo';
import { findTenantById } from '../tenants/repo';
import { actorLabel, type CommandContext } from '../shared/context';
import type { PageRequest } from '../shared/listing';
import { startUserEmail } from './lifecycle';
import { createUser, type NewPerson } from './provisioning';
import { listOpenInvitations } from './invitations';
import { listMembers } from './members';
import { hashPassword } from './passwords';
import { changeRole, revokeInvitation } from './people';
import * as repo from './repo';
import { sha256, tokenIdOf, userTokenFor } from './secrets';
import type { SessionService } from './service';
import type { ClientInfo, Invitation, MemberRole, SignedIn } from './types';

/** How long an invitation link works. */
export const INVITATION_TTL_MS = 7 * 24 * 3600_000;
/** How long a password-reset link works. */
export const RESET_TTL_MS = 3600_000;

/** 400 for a token that is malformed, forged, used, expired or of the other kind: one answer for all. */
const invalidToken = () => new AppError(400, 'invalid_token', 'The link is invalid, expired or already used');

/**
 * The people of a tenant: invitations (mailed through the worker), accepting them, password
 * resets, listing members and changing their roles or removing them, open invitations and revoking them, accounts made on the command line, and OpenID sign-in
 * of a verified address. Tokens are derived from their row's id with `tokenKey` (secrets.ts).
 */
export function createAccountService(deps: { db: Knex; temporal: TemporalProvider; tokenKey: string; sessions: SessionService; logger?: Logger }) {
  const { db, tokenKey, sessions } = deps;

  /** Stores a token row and answers its id (the token itself is rebuilt from it when mailed). */
  async function storeToken(trx: Knex, row: Omit<repo.UserTokenRow, 'id' | 'token_hash' | 'created_at' | 'used_at'>): Promise<repo.UserTokenRow> {
    const id = randomUUID();
    return repo.insertUserToken(trx, { ...row, id, token_hash: sha256(userTokenFor(id, tokenKey)) });
  }

  /** Claims a mailed token once, or answers the one 400 for every bad token. */
  async function claim(trx: Knex, token: string, kind: repo.UserTokenRow['kind']): Promise<repo.UserTokenRow> {
    const id = tokenIdOf(token, tokenKey);
    const row = id ? await repo.claimUserToken(trx, id, kind, sha256(token)) : undefined;
    if (!row) throw invalidToken();
    return row;
  }

  /**
   * Invites an address to the caller's tenant with a role (or, from the command line, to a
   * tenant named by id, recorded as the system's act); the e-mail goes out through the worker.
   */
  async function invite(by: CommandContext | { tenantId: string }, input: { email: string; role: MemberRole }): Promise<Invitation> {
    const ctx = 'principal' in by ? by : undefined;
    const tenantId = ctx ? ctx.principal.tenantId : (by as { tenantId: string }).tenantId;
    if (!ctx && !(await findTenantById(db, tenantId))) throw notFound('Tenant');
    const row = await db.transaction(async (trx) => {
      const existing = await repo.findUserByEmail(trx, input.email);
      if (existing && (await repo.listMemberships(trx, existing.id)).some((m) => m.tenantId === tenantId))
        throw conflict('This person is already a member of the tenant');
      const stored = await storeToken(trx, {
        kind: 'invitation',
        email: input.email,
        user_id: existing?.id ?? null,
        tenant_id: tenantId,
        role: input.role,
        created_by: ctx ? actorLabel(ctx) : 'system:cli',
        expires_at: new Date(Date.now() + INVITATION_TTL_MS),
      });
      await recordAudit(trx, ctx?.principal ?? 'system', tenantId, {
        action: 'user.invited',
        subjectType: 'invitation',
        subjectId: stored.id,
        changes: { email: input.email, role: input.role },
        requestId: ctx?.requestId,
        ip: ctx?.ip,
      });
      return stored;
    });
    try {
      await startUserEmail(deps.temporal, row.id);
    } catch (err) {
      deps.logger?.warn({ err, invitationId: row.id }, 'invitation e-mail not queued');
      throw unavailable('The invitation is stored but its e-mail could not be queued; invite again in a moment');
    }
    return { id: row.id, email: row.email, role: row.role as MemberRole, expiresAt: row.expires_at };
  }

  /**
   * Accepts an invitation: the token proves the address, so an account is created for it when
   * there is none (a password is then required) and the membership is added; the person is
   * signed in to the tenant they were invited to.
   */
  async function acceptInvitation(input: { token: string; password?: string }, client: ClientInfo): Promise<SignedIn> {
    const passwordHash = input.password === undefined ? undefined : await hashPassword(input.password);
    const { userId, tenantId } = await db.transaction(async (trx) => {
      const row = await claim(trx, input.token, 'invitation');
      let user = await repo.findUserByEmail(trx, row.email);
      if (!user) {
        if (!passwordHash) throw validationFailed([{ location: 'body', path: 'password', message: 'is required to create the account' }]);
        user = await repo.insertUser(trx, row.email, passwordHash);
      } else if (passwordHash && !user.password_hash) await repo.setPassword(trx, user.id, passwordHash);
      await repo.upsertMembership(trx, user.id, row.tenant_id!, row.role!);
      await recordAudit(trx, { tenantId: row.tenant_id!, role: row.role!, actorType: 'user', actorId: user.id }, row.tenant_id!, {
        action: 'user.joined',
        subjectType: 'user',
        subjectId: user.id,
        changes: { role: row.role, invitationId: row.id },
        ip: client.ip,
      });
      return { userId: user.id, tenantId: row.tenant_id! };
    });
    await repo.recordLogin(db, userId);
    return sessions.openSession(userId, await sessions.landing(userId, tenantId), client);
  }

  /**
   * Mails a reset link when the address has an account; says nothing either way (the route
   * always answers 202). A queueing failure is logged, not shown: it would tell the account exists.
   */
  async function requestPasswordReset(email: string): Promise<void> {
    const user = await repo.findUserByEmail(db, email);
    if (!user) return;
    const row = await storeToken(db, {
      kind: 'password_reset',
      email: user.email,
      user_id: user.id,
      tenant_id: null,
      role: null,
      created_by: null,
      expires_at: new Date(Date.now() + RESET_TTL_MS),
    });
    await startUserEmail(deps.temporal, row.id).catch((err) => deps.logger?.warn({ err, tokenId: row.id }, 'password reset e-mail not queued'));
  }

  /** Sets a new password from a reset link; ends every session of the account and lifts its lockout. */
  async function confirmPasswordReset(input: { token: string; password: string }): Promise<void> {
    const passwordHash = await hashPassword(input.password);
    await db.transaction(async (trx) => {
      const row = await claim(trx, input.token, 'password_reset');
      await repo.setPassword(trx, row.user_id!, passwordHash);
      await repo.deleteUserSessions(trx, row.user_id!);
    });
  }

  /** Removes a person from the caller's tenant (their sessions there end); the last admin stays. */
  async function removeMember(ctx: CommandContext, userId: string): Promise<void> {
    const tenantId = ctx.principal.tenantId;
    await db.transaction(async (trx) => {
      const admins = await repo.tenantAdmins(trx, tenantId);
      if (admins.length === 1 && admins[0] === userId) throw conflict('A tenant keeps at least one admin; make someone else admin first');
      if (!(await repo.deleteMembership(trx, tenantId, userId))) throw notFound('User');
      await recordAudit(trx, ctx.principal, tenantId, { action: 'user.removed', subjectType: 'user', subjectId: userId, requestId: ctx.requestId, ip: ctx.ip });
    });
  }

  /**
   * Signs in a person whose address an OpenID provider verified: an account with a membership
   * signs in; an open invitation of the address is accepted (creating the account, without a
   * password); anyone else is refused, since nobody signs themselves up.
   */
  async function signInWithVerifiedEmail(email: string, client: ClientInfo): Promise<SignedIn> {
    const invitation = await repo.findOpenInvitation(db, email);
    const user = await repo.findUserByEmail(db, email);
    if (invitation) {
      const { userId, tenantId } = await db.transaction(async (trx) => {
        const row = await repo.claimUserToken(trx, invitation.id, 'invitation', invitation.token_hash);
        if (!row) throw invalidToken();
        const account = (await repo.findUserByEmail(trx, email)) ?? (await repo.insertUser(trx, row.email, null));
        await repo.upsertMembership(trx, account.id, row.tenant_id!, row.role!);
        return { userId: account.id, tenantId: row.tenant_id! };
      });
      await repo.recordLogin(db, userId);
      return sessions.openSession(userId, await sessions.landing(userId, tenantId), client);
    }
    if (!user || (await repo.listMemberships(db, user.id)).length === 0)
      throw forbidden('This address has no Herald account; ask an admin of your tenant for an invitation');
    await repo.recordLogin(db, user.id);
    return sessions.openSession(user.id, await sessions.landing(user.id), client);
  }

  return {
    invite,
    acceptInvitation,
    requestPasswordReset,
    confirmPasswordReset,
    removeMember,
    createUser: (input: NewPerson) => createUser(db, input),
    signInWithVerifiedEmail,
    listMembers: (tenantId: string, page: PageRequest) => listMembers(db, tenantId, page),
    /** Changes a member's role (admins only by route); 409 when the tenant would be left without an admin. */
    changeRole: (ctx: CommandContext, userId: string, role: MemberRole) => changeRole(db, ctx, userId, role),
    /** The tenant's open invitations (unused, unexpired), oldest first unless the page asks otherwise. */
    listInvitations: (tenantId: string, page: PageRequest) => listOpenInvitations(db, tenantId, page),
    /** Revokes an unused invitation: its link stops working. */
    revokeInvitation: (ctx: CommandContext, id: string) => revokeInvitation(db, ctx, id),
  };
}

/** The account service's interface. */
export type AccountService = ReturnType<typeof createAccountService>;
