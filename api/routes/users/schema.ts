import { z } from 'zod';
import { MEMBER_ROLES } from '../../../domain/users/types';
import { PageQuery, PaginationView } from '../../pagination';
import { EmailField } from '../auth/schema';

/** Body of `POST /api/v1/users/invitations`. */
export const InviteBody = z
  .object({ email: EmailField, role: z.enum(MEMBER_ROLES).default('member') })
  .strict()
  .meta({ id: 'InviteUser' });

/** An invitation as its admin sees it: never the token. */
export const InvitationResponse = z
  .object({ data: z.object({ id: z.uuid(), email: z.string(), role: z.enum(MEMBER_ROLES), expiresAt: z.string() }) })
  .meta({ id: 'Invitation' });

const ADMIN_ONLY = 'Present only when the caller is an admin; members and read-only people see who belongs to the tenant, not how they sign in.';

/** A member of the tenant: everyone in it sees id, email, role and joinedAt; admins also see the sign-in fields. */
const MemberView = z
  .object({
    id: z.uuid().meta({ description: "The user's id (PATCH and DELETE /api/v1/users/:id change their role or remove them from this tenant)" }),
    email: z.string().meta({ description: 'The address they sign in with; what a conversation is assigned to' }),
    role: z.enum(MEMBER_ROLES),
    joinedAt: z.string(),
    lastLoginAt: z
      .string()
      .nullable()
      .optional()
      .meta({ description: `When they last signed in (null: never). ${ADMIN_ONLY}` }),
    hasPassword: z
      .boolean()
      .optional()
      .meta({ description: `False for people who sign in only through OpenID Connect. ${ADMIN_ONLY}` }),
  })
  .meta({ id: 'Member' });

/** Query of the member list: the shared paging parameters. */
export const MemberListQuery = z.object(PageQuery);

/** Response of the member list. */
export const MemberListResponse = z.object({ data: z.array(MemberView), pagination: PaginationView }).meta({ id: 'MemberList' });

/** One member, as a role change answers it. */
export const MemberResponse = z.object({ data: MemberView }).meta({ id: 'MemberResponse' });

/** Body of `PATCH /api/v1/users/:id`: the role the person holds in this tenant. */
export const UpdateMemberBody = z
  .object({ role: z.enum(MEMBER_ROLES) })
  .strict()
  .meta({ id: 'UpdateMember' });

/** Path parameters naming one user. */
export const UserParams = z.object({ id: z.uuid() });

/** Path parameters naming one invitation. */
export const InvitationParams = z.object({ id: z.uuid() });

/** Query of the open invitations: the shared paging parameters. */
export const InvitationListQuery = z.object(PageQuery);

/** An invitation nobody has used yet and that has not expired. */
const OpenInvitationView = z
  .object({
    id: z.uuid().meta({ description: 'DELETE /api/v1/users/invitations/:id revokes it' }),
    email: z.string(),
    role: z.enum(MEMBER_ROLES).meta({ description: 'The role the person joins with' }),
    invitedAt: z.string(),
    expiresAt: z.string(),
    invitedBy: z.string().meta({ description: 'Who sent it, as the audit log names actors: user:<id>, api_key:<id>, system:cli' }),
    invitedByEmail: z.string().nullable().meta({ description: 'The address of the person who sent it; null when a key or the command line did' }),
  })
  .meta({ id: 'OpenInvitation' });

/** Response of the open invitations list. */
export const InvitationListResponse = z.object({ data: z.array(OpenInvitationView), pagination: PaginationView }).meta({ id: 'InvitationList' });
