import type { Knex } from 'knex';
import { fetchPage, type Page, type PageRequest } from '../shared/listing';
import type { MemberRole, OpenInvitation } from './types';

/** An open invitation as the query below selects it. */
interface InvitationRow {
  id: string;
  email: string;
  role: MemberRole;
  created_at: Date;
  expires_at: Date;
  created_by: string | null;
  inviter_email: string | null;
}

/**
 * The tenant's invitations nobody has used and that have not expired, as one derived table, with
 * the address of the person who sent each (`created_by` is an actor label, `user:<id>` for people).
 */
const openInvitationsOf = (db: Knex, tenantId: string) =>
  db
    .from(
      db('user_tokens as t')
        .leftJoin('users as u', db.raw("t.created_by = 'user:' || u.id::text"))
        .where({ 't.kind': 'invitation', 't.tenant_id': tenantId })
        .whereNull('t.used_at')
        .where('t.expires_at', '>', db.fn.now())
        .select('t.id', 't.email', 't.role', 't.created_at', 't.expires_at', 't.created_by', 'u.email as inviter_email')
        .as('invitations'),
    )
    .select();

/** A page of the tenant's open invitations, by the time they were sent. */
export async function listOpenInvitations(db: Knex, tenantId: string, page: PageRequest): Promise<Page<OpenInvitation>> {
  const result = await fetchPage<InvitationRow>(openInvitationsOf(db, tenantId), { expression: 'created_at' }, page);
  return {
    data: result.data.map((r) => ({
      id: r.id,
      email: r.email,
      role: r.role,
      invitedAt: r.created_at,
      expiresAt: r.expires_at,
      invitedBy: r.created_by ?? 'system',
      invitedByEmail: r.inviter_email,
    })),
    pagination: result.pagination,
  };
}

/** Whether one of the tenant's invitations exists and has been used (accepted, or closed when the person joined another way). */
export async function invitationUsed(db: Knex, tenantId: string, id: string): Promise<boolean> {
  const row = await db('user_tokens').where({ id, kind: 'invitation', tenant_id: tenantId }).first<{ used_at: Date | null } | undefined>('used_at');
  return Boolean(row?.used_at);
}
