import type { Knex } from 'knex';
import type { SqlStatement } from '../../db/prepared';
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

/** An audit_log row as written (id and time take their defaults). */
interface AuditRow {
  tenant_id: string;
  actor_type: string;
  actor_id: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  /** JSON text, or null. */
  changes: string | null;
  request_id: string | null;
  ip: string | null;
}

/** The audit_log row of an entry. */
function auditRow(actor: Principal | 'system', tenantId: string, entry: AuditEntry): AuditRow {
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
 * The INSERT of one audit entry as a statement not yet run, for a writer that sends it in one
 * statement with the change it records (data-modifying CTEs). Plain SQL rather than a knex
 * builder, as the outbox's eventInsert: it is part of every POST /customers.
 */
export function auditInsert(actor: Principal | 'system', tenantId: string, entry: AuditEntry): SqlStatement {
  const r = auditRow(actor, tenantId, entry);
  return {
    sql: 'INSERT INTO audit_log (tenant_id, actor_type, actor_id, action, subject_type, subject_id, changes, request_id, ip) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    bindings: [r.tenant_id, r.actor_type, r.actor_id, r.action, r.subject_type, r.subject_id, r.changes, r.request_id, r.ip],
  };
}
