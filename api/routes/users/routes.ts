import type { Member, OpenInvitation } from '../../../domain/users/types';
import { iso } from '../../../lib/time';
import { pageRequestOf } from '../../pagination';
import { addRoute, type RouteTarget } from '../../route';
import { commandContext, principalOf, READERS, tenantOf } from '../../routeContext';
import { EMAIL_RULE } from '../auth/schema';
import {
  InvitationListQuery,
  InvitationListResponse,
  InvitationParams,
  InvitationResponse,
  InviteBody,
  MemberListQuery,
  MemberListResponse,
  MemberResponse,
  UpdateMemberBody,
  UserParams,
} from './schema';

const TAG = 'Users';
const LAST_ADMIN = { status: 409 as const, rule: 'a tenant keeps at least one admin: its last admin cannot be removed or given another role' };

/** A member as the API shows them: the sign-in fields only to admins. */
const memberView = (m: Member, admin: boolean) => ({
  id: m.id,
  email: m.email,
  role: m.role,
  joinedAt: m.joinedAt.toISOString(),
  ...(admin ? { lastLoginAt: iso(m.lastLoginAt), hasPassword: m.hasPassword } : {}),
});

const invitationView = (i: OpenInvitation) => ({
  id: i.id,
  email: i.email,
  role: i.role,
  invitedAt: i.invitedAt.toISOString(),
  expiresAt: i.expiresAt.toISOString(),
  invitedBy: i.invitedBy,
  invitedByEmail: i.invitedByEmail,
});

/** The tenant's people: everyone in it may list them (to assign work); admins invite, change roles, revoke and remove. */
export function userRoutes(target: RouteTarget): void {
  addRoute(target, {
    method: 'get',
    path: '/api/v1/users',
    summary: "List the tenant's members, page or cursor pagination",
    description: 'Every role of the tenant may list its people (for assigning conversations); lastLoginAt and hasPassword are given to admins only.',
    tag: TAG,
    auth: READERS,
    query: MemberListQuery,
    responses: { 200: { description: 'A page of members', schema: MemberListResponse } },
    handler: async (ctx, { query }) => {
      const page = await ctx.domain.users.accounts.listMembers(tenantOf(ctx), pageRequestOf(query));
      const admin = principalOf(ctx).role === 'admin';
      ctx.body = { data: page.data.map((m) => memberView(m, admin)), pagination: page.pagination };
    },
  });
  addRoute(target, {
    method: 'post',
    path: '/api/v1/users/invitations',
    summary: 'Invite someone by e-mail with a role; the link works once, for 7 days',
    description: "The e-mail goes through Herald's e-mail channel (the worker); accepting it is POST /api/v1/auth/invitations/accept.",
    tag: TAG,
    auth: ['admin'],
    body: InviteBody,
    unexpressed: [EMAIL_RULE, { status: 409, rule: 'the address must not belong to a member of this tenant already' }],
    responses: { 202: { description: 'Invited; the e-mail is on its way', schema: InvitationResponse } },
    handler: async (ctx, { body }) => {
      const invitation = await ctx.domain.users.accounts.invite(commandContext(ctx), body);
      ctx.status = 202;
      ctx.body = { data: { id: invitation.id, email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt.toISOString() } };
    },
  });
  addRoute(target, {
    method: 'get',
    path: '/api/v1/users/invitations',
    summary: "List the tenant's open invitations (not used, not expired), page or cursor pagination",
    tag: TAG,
    auth: ['admin'],
    query: InvitationListQuery,
    responses: { 200: { description: 'A page of open invitations', schema: InvitationListResponse } },
    handler: async (ctx, { query }) => {
      const page = await ctx.domain.users.accounts.listInvitations(tenantOf(ctx), pageRequestOf(query));
      ctx.body = { data: page.data.map(invitationView), pagination: page.pagination };
    },
  });
  addRoute(target, {
    method: 'delete',
    path: '/api/v1/users/invitations/:id',
    summary: 'Revoke an invitation nobody has used: its link stops working',
    tag: TAG,
    auth: ['admin'],
    params: InvitationParams,
    unexpressed: [{ status: 409, rule: 'an invitation already used cannot be revoked (remove the member instead)' }],
    responses: { 204: { description: 'Revoked' }, 404: { description: 'No such invitation in this tenant' } },
    handler: async (ctx, { params }) => {
      await ctx.domain.users.accounts.revokeInvitation(commandContext(ctx), params.id);
      ctx.status = 204;
    },
  });
  addRoute(target, {
    method: 'patch',
    path: '/api/v1/users/:id',
    summary: "Change a member's role in this tenant (it applies to their sessions at once)",
    tag: TAG,
    auth: ['admin'],
    params: UserParams,
    body: UpdateMemberBody,
    unexpressed: [LAST_ADMIN],
    responses: { 200: { description: 'The member as changed', schema: MemberResponse }, 404: { description: 'No such member in this tenant' } },
    handler: async (ctx, { params, body }) => {
      const member = await ctx.domain.users.accounts.changeRole(commandContext(ctx), params.id, body.role);
      ctx.body = { data: memberView(member, true) };
    },
  });
  addRoute(target, {
    method: 'delete',
    path: '/api/v1/users/:id',
    summary: 'Remove someone from this tenant (their sessions here end; the account stays for their other tenants)',
    tag: TAG,
    auth: ['admin'],
    params: UserParams,
    unexpressed: [LAST_ADMIN],
    responses: { 204: { description: 'Removed' }, 404: { description: 'No such member in this tenant' } },
    handler: async (ctx, { params }) => {
      await ctx.domain.users.accounts.removeMember(commandContext(ctx), params.id);
      ctx.status = 204;
    },
  });
}
