import type { Knex } from 'knex';
import { notFound } from '../../lib/errors';
import { recordAudit } from '../audit/repo';
import { actorLabel, type CommandContext } from '../shared/context';
import { fetchPage, type Page, type PageRequest } from '../shared/listing';
import { findCustomer } from './repo';
import type { CustomerNote } from './types';

const toNote = (r: { id: string; content: string; added_by: string | null; added_at: Date }): CustomerNote => ({
  noteId: r.id,
  content: r.content,
  addedBy: r.added_by,
  addedAt: new Date(r.added_at).toISOString(),
});

/**
 * The notes log (seed 002) and per-customer key/value configuration (seed 004). Both belong to
 * a live customer of the caller's tenant; anything else is a 404.
 */
export function createCustomerExtras(deps: { db: Knex }) {
  const { db } = deps;

  async function requireCustomer(trx: Knex, tenantId: string, id: string) {
    if (!(await findCustomer(trx, tenantId, id))) throw notFound('Customer');
  }

  /** Appends a note, recording who added it. */
  async function addNote(ctx: CommandContext, customerId: string, content: string): Promise<CustomerNote> {
    return db.transaction(async (trx) => {
      await requireCustomer(trx, ctx.principal.tenantId, customerId);
      const [row] = await trx('customer_notes')
        .insert({ tenant_id: ctx.principal.tenantId, customer_id: customerId, content, added_by: actorLabel(ctx) })
        .returning('*');
      await recordAudit(trx, ctx.principal, ctx.principal.tenantId, {
        action: 'customer.note_added',
        subjectType: 'customer',
        subjectId: customerId,
        requestId: ctx.requestId,
        ip: ctx.ip,
      });
      return toNote(row);
    });
  }

  /** A page of a customer's notes by time added (newest first unless the page asks asc). */
  async function listNotes(tenantId: string, customerId: string, page: PageRequest): Promise<Page<CustomerNote>> {
    await requireCustomer(db, tenantId, customerId);
    const result = await fetchPage<Parameters<typeof toNote>[0]>(
      db('customer_notes').where({ tenant_id: tenantId, customer_id: customerId }),
      { expression: 'added_at' },
      page,
    );
    return { data: result.data.map(toNote), pagination: result.pagination };
  }

  /** The configuration map of a customer. */
  async function getConfig(tenantId: string, customerId: string): Promise<Record<string, unknown>> {
    await requireCustomer(db, tenantId, customerId);
    const rows = await db('customer_config').where({ tenant_id: tenantId, customer_id: customerId }).orderBy('key');
    return Object.fromEntries(rows.map((r) => [r.key, r.value]));
  }

  /** Sets configuration keys (upsert); null removes a key. Returns the whole map. */
  async function setConfig(ctx: CommandContext, customerId: string, values: Record<string, unknown>): Promise<Record<string, unknown>> {
    const tenantId = ctx.principal.tenantId;
    await db.transaction(async (trx) => {
      await requireCustomer(trx, tenantId, customerId);
      for (const [key, value] of Object.entries(values)) {
        if (value === null) await trx('customer_config').where({ tenant_id: tenantId, customer_id: customerId, key }).delete();
        else {
          await trx('customer_config')
            .insert({ tenant_id: tenantId, customer_id: customerId, key, value: JSON.stringify(value), updated_by: actorLabel(ctx) })
            .onConflict(['customer_id', 'key'])
            .merge({ value: JSON.stringify(value), updated_by: actorLabel(ctx), updated_at: trx.fn.now() });
        }
      }
      await recordAudit(trx, ctx.principal, tenantId, {
        action: 'customer.config_changed',
        subjectType: 'customer',
        subjectId: customerId,
        changes: { keys: Object.keys(values) },
        requestId: ctx.requestId,
        ip: ctx.ip,
      });
    });
    return getConfig(tenantId, customerId);
  }

  return { addNote, listNotes, getConfig, setConfig };
}
