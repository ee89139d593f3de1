import type { Principal } from '../tenants/types';

/**
 * Who issues a command and from which request: every write records the principal in the
 * outbox event and the audit log, and scopes its queries by the principal's tenant.
 */
export interface CommandContext {
  principal: Principal;
  requestId?: string;
  ip?: string;
}

/** The identifier written to created_by / updated_by / added_by columns. */
export const actorLabel = (ctx: CommandContext) => `${ctx.principal.actorType}:${ctx.principal.actorId}`;
