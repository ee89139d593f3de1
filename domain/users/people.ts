import type { Knex } from 'knex';
import { conflict, notFound } from '../../lib/errors';
import { recordAudit } from '../audit/repo';
import type { CommandContext } from '../shared/context';
import { invitationUsed } from './invitations';
import { findMember } from './members';
import * as repo from './repo';
import type { Member, MemberRole } from './types';

/**
 * Changes the role a person holds in the caller's tenant, audit-logged. The tenant's admin rows
 * are locked first, so two concurrent demotions cannot both leave it without an admin (409).
 * The person's sessions read the role from the membership on every request: it applies at once.
 */
export async function changeRole(db: Knex, ctx: CommandContext, userId: string, role: MemberRole): Promise<Member> {
  const tenantId = ctx.principal.tenantId;
  return db.transaction(async (trx) => {
    const admins = await repo.tenantAdmins(trx, tenantId);
    const before = await findMember(trx, tenantId, userId);
    if (!before) throw notFound('User');
    if (before.role === role) return before;
    if (role !== 'admin' && admins.length === 1 && admins[0] === userId) throw conflict('A tenant keeps at least one admin; make someone else admin first');
    await repo.setMembershipRole(trx, tenantId, userId, role);
    await recordAudit(trx, ctx.principal, tenantId, {
      action: 'user.role_changed',
      subjectType: 'user',
      subjectId: userId,
      changes: { role: { from: before.role, to: role } },
      requestId: ctx.requestId,
      ip: ctx.ip,
    });
    return { ...before, role };
  });
}

/**
 * Revokes an invitation of the caller's tenant that nobody has used: its row is deleted, so the
 * link answers `invalid_token` and a mail not yet sent is not sent. 404 for an invitation of
 * another tenant (or none), 409 for one already used.
 */
export async function revokeInvitation(db: Knex, ctx: CommandContext, id: string): Promise<void> {
  const tenantId = ctx.principal.tenantId;
  await db.transaction(async (trx) => {
    const row = await repo.deleteUnusedInvitation(trx, tenantId, id);
    if (!row) {
      if (await invitationUsed(trx, tenantId, id)) throw conflict('This invitation has already been used; remove the member instead');
      throw notFound('Invitation');
    }
    await recordAudit(trx, ctx.principal, tenantId, {
      action: 'user.invitation_revoked',
      subjectType: 'invitation',
      subjectId: id,
      changes: { email: row.email, role: row.role },
      requestId: ctx.requestId,
      ip: ctx.ip,
    });
  });
}
