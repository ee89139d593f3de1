import { iso } from '../../../lib/time';
import { pageRequestOf } from '../../pagination';
import { addRoute, type RouteTarget } from '../../route';
import { commandContext, tenantOf } from '../../routeContext';
import { EMAIL_RULE } from '../auth/schema';
import { InvitationResponse, InviteBody, MemberListQuery, MemberListResponse, UserParams } from './schema';

const TAG = 'Users';

/** The tenant's people, for its admins: list, invite (by e-mail), remove. */
export function userRoutes(target: RouteTarget): void {
  addRoute(target, {
    method: 'get',
    path: '/api/v1/users',
    summary: "List the tenant's members, oldest first, page or cursor pagination",
    tag: TAG,
    auth: ['admin'],
    query: MemberListQuery,
    responses: { 200: { description: 'A page of members', schema: MemberListResponse } },
    handler: async (ctx, { query }) => {
      const page = await ctx.domain.users.accounts.listMembers(tenantOf(ctx), pageRequestOf(query));
      ctx.body = {
        data: page.data.map((m) => ({
          id: m.id,
          email: m.email,
          role: m.role,
          joinedAt: m.joinedAt.toISOString(),
          lastLoginAt: iso(m.lastLoginAt),
          hasPassword: m.hasPassword,
        })),
        pagination: page.pagination,
      };
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
    method: 'delete',
    path: '/api/v1/users/:id',
    summary: 'Remove someone from this tenant (their sessions here end; the account stays for their other tenants)',
    tag: TAG,
    auth: ['admin'],
    params: UserParams,
    unexpressed: [{ status: 409, rule: 'the last admin of a tenant cannot be removed' }],
    responses: { 204: { description: 'Removed' }, 404: { description: 'No such member in this tenant' } },
    handler: async (ctx, { params }) => {
      await ctx.domain.users.accounts.removeMember(commandContext(ctx), params.id);
      ctx.status = 204;
    },
  });
}
