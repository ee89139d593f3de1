import type { components } from '@herald/sdk';
import { api, herald } from '../../client/herald';
import type { MemberRole } from './roles';

/** A member of the tenant as `GET /users` answers an admin (with the sign-in fields). */
export type Member = components['schemas']['Member'];

/** An invitation nobody has used yet (`GET /users/invitations`). */
export type OpenInvitation = components['schemas']['OpenInvitation'];

/** Query keys of Settings → People: both start with `settings`, so the area's invalidations reach them. */
export const peopleKeys = {
  members: ['settings', 'members'] as const,
  invitations: ['settings', 'invitations'] as const,
};

/** The tenant's members, oldest first (the first 100: the page has no paging yet). */
export const fetchMembers = () =>
  herald.call((signal) => api.GET('/api/v1/users', { params: { query: { limit: 100, sortOrder: 'asc' } }, signal }), { idempotent: true });

/** The open invitations, oldest first (the first 100). */
export const fetchInvitations = () =>
  herald.call((signal) => api.GET('/api/v1/users/invitations', { params: { query: { limit: 100, sortOrder: 'asc' } }, signal }), {
    idempotent: true,
  });

/** Gives a member another role (`PATCH /users/:id`); Herald answers 409 for the last admin. */
export const changeRole = async (id: string, role: MemberRole): Promise<Member> =>
  (await herald.call((signal) => api.PATCH('/api/v1/users/{id}', { params: { path: { id } }, body: { role }, signal }))).data;

/** Revokes an open invitation (`DELETE /users/invitations/:id`): its link stops working. */
export const revokeInvitation = (id: string) => herald.call((signal) => api.DELETE('/api/v1/users/invitations/{id}', { params: { path: { id } }, signal }));
