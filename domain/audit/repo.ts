import type { Knex } from 'knex';
import type { Principal } from '../tenants/types';

/** One audit entry: who did what to which record. */
export interface AuditEntry {
  action: string;
  subjectType?: string;
  subjectId?: string;
  changes?: unknown;
  requestId?: string;
  ip?: string;
}

/** The audit_log row of an entry. */
function auditRow(actor: Principal | 'system', tenantId: string, entry: AuditEntry): Record<string, unknown> {
  return {
    tenant_id: tenantId,
    actor_type: actor === 'system' ? 'system' : actor.actorType,
    actor_id: actor === 'system' ? null : actor.actorId,
    action: entry.action,
    subject_type: entry.subjectType ?? null,
    subject_id: entry.subjectId ?? null,
    changes: entry.changes === undefined ? null : JSON.stringify(entry.changes),
    request_id: entry.requestId ?? null,
    ip: entry.ip ?? null,
  };
}

/**
 * Appends an audit row in the caller's transaction, so the record of a change exists exactly
 * when the change does.
 */
export async function recordAudit(db: Knex, actor: Principal | 'system', tenantId: string, entry: AuditEntry): Promise<void> {
  await db('audit_log').insert(auditRow(actor, tenantId, entry));
}

/**
 * The INSERT of one audit entry as a query not yet run, for a writer that sends it in one
 * statement with the change it records (data-modifying CTEs).
 */
export function auditInsert(db: Knex, actor: Principal | 'system', tenantId: string, entry: AuditEntry): Knex.QueryBuilder {
  return db('audit_log').insert(auditRow(actor, tenantId, entry));
}
