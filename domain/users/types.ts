import type { Role } from '../tenants/types';

/** The roles a person can hold in a tenant: those of API keys, without the self-service `customer`. */
export const MEMBER_ROLES = ['admin', 'member', 'readonly'] as const satisfies readonly Role[];

/** One of {@link MEMBER_ROLES}. */
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** A person who signs in to the console. */
export interface User {
  id: string;
  email: string;
  createdAt: Date;
  lastLoginAt: Date | null;
}

/** A user's place in one tenant. */
export interface Membership {
  tenantId: string;
  tenantName: string;
  role: MemberRole;
  createdAt: Date;
}

/** A member of a tenant, as its admins list them. */
export interface Member {
  id: string;
  email: string;
  role: MemberRole;
  joinedAt: Date;
  lastLoginAt: Date | null;
  /** False for people who sign in only through OpenID Connect. */
  hasPassword: boolean;
}

/** A live session, resolved from its cookie. */
export interface Session {
  /** The stored id: the SHA-256 of the cookie's token. */
  id: string;
  userId: string;
  tenantId: string;
  role: MemberRole;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

/** What the console asks about the signed-in person (`GET /auth/me`). */
export interface Me {
  user: User;
  memberships: Membership[];
  tenantId: string;
  role: MemberRole;
  csrfToken: string;
  expiresAt: Date;
}

/** A session just opened: the cookie's token (never stored) and what `GET /auth/me` would say. */
export interface SignedIn {
  token: string;
  me: Me;
}

/** An invitation as its admin sees it (never the token). */
export interface Invitation {
  id: string;
  email: string;
  role: MemberRole;
  expiresAt: Date;
}

/** An invitation nobody has used yet and that has not expired, as the tenant's admins list it (never the token). */
export interface OpenInvitation {
  id: string;
  email: string;
  role: MemberRole;
  invitedAt: Date;
  expiresAt: Date;
  /** Who sent it, as the audit log names actors: `user:<id>`, `api_key:<id>`, `system:cli`. */
  invitedBy: string;
  /** The address of the person who sent it, when a person did (and still has an account). */
  invitedByEmail: string | null;
}

/** Where a sign-in comes from, kept on the session for the person's own review. */
export interface ClientInfo {
  userAgent?: string;
  ip?: string;
}

/** How sessions and lockouts behave (from the configuration). */
export interface SignInPolicy {
  /** A session ends after this long without a request (rolling). */
  idleMs: number;
  /** …and in any case this long after sign-in. */
  maxMs: number;
  /** Consecutive wrong passwords that lock an account… */
  lockoutFailures: number;
  /** …for this long. */
  lockoutMs: number;
}
