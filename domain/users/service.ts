import type { Knex } from 'knex';
import { AppError, forbidden, notFound } from '../../lib/errors';
import type { Principal } from '../tenants/types';
import { decoyHash, verifyPassword } from './passwords';
import * as repo from './repo';
import { csrfTokenOf, newSessionToken, sha256 } from './secrets';
import type { ClientInfo, Me, Membership, Session, SignedIn, SignInPolicy } from './types';

/** How often a session's expiry is moved forward: at most one write per session per minute. */
const ROLL_EVERY_MS = 60_000;
/** Bound on remembered unknown addresses (their failures are kept in memory, see strangerFailed). */
const STRANGER_LIMIT = 10_000;

/** 401 for every wrong email or password: it never says which, nor whether the address has an account. */
const invalidCredentials = () => new AppError(401, 'invalid_credentials', 'The email or password is wrong');

/** 423 while an address is locked after repeated failures, with the time it opens again. */
const locked = (until: Date) => {
  const seconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
  return new AppError(423, 'locked', `Too many failed sign-ins; try again in ${Math.ceil(seconds / 60)} minute(s)`, undefined, {
    'Retry-After': String(seconds),
  });
};

/** A session resolved from a cookie: the principal every route reads, and whether the expiry moved (the cookie is sent again). */
export interface ResolvedSession {
  session: Session;
  principal: Principal;
  rolled: boolean;
}

/**
 * Sign-in with email and password, cookie sessions and the tenant a session acts in. A session
 * resolves to the same Principal an API key does (actorType `user`), so every route and its
 * tenant scoping serve a signed-in person unchanged.
 */
export function createSessionService(deps: { db: Knex; policy: SignInPolicy }) {
  const { db, policy } = deps;
  // Failures of addresses without an account, kept like an account's so a lockout answer tells
  // nothing about whether the address exists (per process, like the in-memory rate limiters).
  const strangers = new Map<string, { failures: number; lockedUntil: number }>();

  function strangerFailed(email: string, now: number): Date | null {
    const key = email.toLowerCase();
    const entry = strangers.get(key) ?? { failures: 0, lockedUntil: 0 };
    entry.failures += 1;
    if (entry.failures >= policy.lockoutFailures) Object.assign(entry, { failures: 0, lockedUntil: now + policy.lockoutMs });
    if (strangers.size >= STRANGER_LIMIT) strangers.clear();
    strangers.set(key, entry);
    return entry.lockedUntil > now ? new Date(entry.lockedUntil) : null;
  }

  /** What `GET /auth/me` says about a session. */
  async function me(session: Session, token: string): Promise<Me> {
    const user = await repo.findUserById(db, session.userId);
    if (!user) throw notFound('User');
    return {
      user: repo.toUser(user),
      memberships: await repo.listMemberships(db, user.id),
      tenantId: session.tenantId,
      role: session.role,
      csrfToken: csrfTokenOf(token),
      expiresAt: session.expiresAt,
    };
  }

  /** Opens a session of a user in one of their tenants. */
  async function openSession(userId: string, membership: Membership, client: ClientInfo): Promise<SignedIn> {
    const token = newSessionToken();
    const now = Date.now();
    const expiresAt = new Date(now + Math.min(policy.idleMs, policy.maxMs));
    const id = sha256(token);
    await repo.insertSession(db, {
      id,
      user_id: userId,
      tenant_id: membership.tenantId,
      expires_at: expiresAt,
      user_agent: client.userAgent?.slice(0, 500) ?? null,
      ip: client.ip ?? null,
    });
    // Expired sessions are swept by sign-ins, now and then, instead of by a schedule of their own.
    if (Math.random() < 0.05) await repo.deleteExpiredSessions(db);
    const session: Session = {
      id,
      userId,
      tenantId: membership.tenantId,
      role: membership.role,
      createdAt: new Date(now),
      lastSeenAt: new Date(now),
      expiresAt,
    };
    return { token, me: await me(session, token) };
  }

  /** Picks the tenant a sign-in lands in: the one asked for, or the oldest membership. */
  async function landing(userId: string, tenantId?: string): Promise<Membership> {
    const memberships = await repo.listMemberships(db, userId);
    const chosen = tenantId ? memberships.find((m) => m.tenantId === tenantId) : memberships[0];
    if (chosen) return chosen;
    throw forbidden(tenantId ? 'You are not a member of that tenant' : 'This account is not a member of any tenant; ask an admin for an invitation');
  }

  /**
   * Signs a person in with email and password. Wrong addresses and wrong passwords answer the
   * same 401 after the same work (a scrypt verification); `lockoutFailures` consecutive failures
   * lock the address for `lockoutMs` (423), a correct password included.
   */
  async function login(input: { email: string; password: string; tenantId?: string }, client: ClientInfo): Promise<SignedIn> {
    const now = Date.now();
    const user = await repo.findUserByEmail(db, input.email);
    if (!user) {
      const stranger = strangers.get(input.email.toLowerCase());
      if (stranger && stranger.lockedUntil > now) throw locked(new Date(stranger.lockedUntil));
      await verifyPassword(input.password, await decoyHash());
      const until = strangerFailed(input.email, now);
      throw until ? locked(until) : invalidCredentials();
    }
    if (user.locked_until && user.locked_until.getTime() > now) throw locked(user.locked_until);
    const ok = await verifyPassword(input.password, user.password_hash ?? (await decoyHash()));
    if (!ok || !user.password_hash) {
      const until = await repo.recordFailedLogin(db, user.id, policy.lockoutFailures, policy.lockoutMs);
      throw until && until.getTime() > now ? locked(until) : invalidCredentials();
    }
    const membership = await landing(user.id, input.tenantId);
    await repo.recordLogin(db, user.id);
    return openSession(user.id, membership, client);
  }

  /**
   * The live session of a cookie's token, as a principal; undefined for an unknown, expired or
   * orphaned (membership removed) session. A request more than a minute after the last one moves
   * the expiry to `idleMs` from now, never past `maxMs` after sign-in.
   */
  async function resolve(token: string): Promise<ResolvedSession | undefined> {
    const session = await repo.findLiveSession(db, sha256(token));
    if (!session) return undefined;
    const now = Date.now();
    let rolled = false;
    if (now - session.lastSeenAt.getTime() >= ROLL_EVERY_MS) {
      const expiresAt = new Date(Math.min(now + policy.idleMs, session.createdAt.getTime() + policy.maxMs));
      await repo.extendSession(db, session.id, expiresAt);
      Object.assign(session, { expiresAt, lastSeenAt: new Date(now) });
      rolled = true;
    }
    return { session, principal: { tenantId: session.tenantId, role: session.role, actorType: 'user', actorId: session.userId }, rolled };
  }

  /** Moves a session to another tenant of its user (404 for a tenant they are not a member of, as for any other tenant's record). */
  async function switchTenant(session: Session, token: string, tenantId: string): Promise<Me> {
    const membership = (await repo.listMemberships(db, session.userId)).find((m) => m.tenantId === tenantId);
    if (!membership) throw notFound('Tenant');
    await repo.setSessionTenant(db, session.id, tenantId);
    return me({ ...session, tenantId, role: membership.role }, token);
  }

  return {
    login,
    resolve,
    me,
    switchTenant,
    openSession,
    landing,
    /** Ends the session of a cookie's token (nothing happens for an unknown one). */
    logout: (token: string) => repo.deleteSession(db, sha256(token)),
  };
}

/** The session service's interface. */
export type SessionService = ReturnType<typeof createSessionService>;
