import type { CommandContext } from '../domain/shared/context';
import type { Principal, Role } from '../domain/tenants/types';
import { unauthorized } from '../lib/errors';
import type { HeraldContext } from './context';

/**
 * What route handlers read from an authenticated request, in one place for every route module:
 * the role lists routes declare, the caller's principal and tenant, and the command context
 * that domain commands take for scoping, events and the audit log.
 */

/** Roles that may change a tenant's data (routes declare them as `auth: WRITERS`). */
export const WRITERS = ['admin', 'member'] as const satisfies readonly Role[];

/** Roles that may read a tenant's data (routes declare them as `auth: READERS`). */
export const READERS = ['admin', 'member', 'readonly'] as const satisfies readonly Role[];

/**
 * The caller's principal. `addRoute` has already answered 401 for a non-public route without
 * one, so this only throws when a handler of a public route asks for it: a clear 401, not a crash.
 */
export function principalOf(ctx: HeraldContext): Principal {
  const principal = ctx.state.principal;
  if (!principal) throw unauthorized(ctx.state.authFailure);
  return principal;
}

/** The tenant the caller acts in: every query of a handler is scoped by it. */
export const tenantOf = (ctx: HeraldContext): string => principalOf(ctx).tenantId;

/** The command context of a request: the principal plus request id and IP for the audit log. */
export const commandContext = (ctx: HeraldContext): CommandContext => ({ principal: principalOf(ctx), requestId: ctx.state.requestId, ip: ctx.ip });
