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

/** A member of the tenant. */
const MemberView = z
  .object({
    id: z.uuid().meta({ description: "The user's id (DELETE /api/v1/users/:id removes them from this tenant)" }),
    email: z.string(),
    role: z.enum(MEMBER_ROLES),
    joinedAt: z.string(),
    lastLoginAt: z.string().nullable(),
    hasPassword: z.boolean().meta({ description: 'False for people who sign in only through OpenID Connect' }),
  })
  .meta({ id: 'Member' });

/** Query of the member list: the shared paging parameters. */
export const MemberListQuery = z.object(PageQuery);

/** Response of the member list. */
export const MemberListResponse = z.object({ data: z.array(MemberView), pagination: PaginationView }).meta({ id: 'MemberList' });

/** Path parameters naming one user. */
export const UserParams = z.object({ id: z.uuid() });
