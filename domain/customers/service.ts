import type { Knex } from 'knex';
import type { CountryCode } from 'libphonenumber-js';
import { conflict, notFound } from '../../lib/errors';
import { auditInsert, recordAudit } from '../audit/repo';
import { openComplaintsOf } from '../conversations/queries';
import { appendEvent, eventInsert, type EventData } from '../events/outbox';
import { exitAllSegments, lockSegmentsShared } from '../segments/membership';
import type { SegmentReevaluator } from '../segments/reevaluator';
import { actorLabel, type CommandContext } from '../shared/context';
import type { DefaultLanguageCache } from '../tenants/languageCache';
import { normaliseFields, normalisePhone } from './normalize';
import * as repo from './repo';
import { newId } from '../../lib/ids';
import { FIELD_OF_COLUMN, newCustomerRow, REPLACEABLE_DEFAULTS, toColumns, toCustomer, type CustomerRow } from './rows';
import type { Customer, CustomerFields, Status, Tier } from './types';

/** What the customer commands need from the orders module: a permanent delete erases the customer's orders first. */
export interface OrderEraser {
  eraseOrdersOfCustomer(trx: Knex, tenantId: string, customerId: string): Promise<void>;
}

/** Dependencies of the customer commands. */
export interface CustomerServiceDeps {
  db: Knex;
  defaultPhoneRegion: CountryCode;
  orders: OrderEraser;
  /** Called after each committed change, so the customer's segment memberships follow it. */
  segments: SegmentReevaluator;
  /** The tenant's default language, cached briefly (domain/tenants/languageCache.ts): every create without a language asks. */
  defaultLanguages: Pick<DefaultLanguageCache, 'defaultLanguageOf'>;
}

/** The customer events whose data is the customer after the change plus a few fields (see domain/events/payloads.ts). */
type CustomerEventType = 'customer.updated' | 'customer.status_changed' | 'customer.tags_changed' | 'customer.blocked' | 'customer.unblocked';

/** The fields whose change an event reports, compared between two rows. */
const changedFields = (before: CustomerRow, after: CustomerRow) => [
  ...new Set(
    (Object.keys(after) as Array<keyof CustomerRow>)
      .filter((k) => FIELD_OF_COLUMN[k] && JSON.stringify(before[k]) !== JSON.stringify(after[k]))
      .map((k) => FIELD_OF_COLUMN[k]!),
  ),
];

/**
 * Customer commands. Each runs in one transaction that also writes its outbox event(s) and an
 * audit row, so a change, its event and its record of who made it exist together or not at all.
 * Once that transaction has committed, each re-evaluates the customer's segment memberships.
 */
export function createCustomerCommands(deps: CustomerServiceDeps) {
  const { db, segments } = deps;

  /** Runs a command's transaction, then re-evaluates the changed customer's segments. */
  async function changeCustomer(ctx: CommandContext, id: string, work: (trx: Knex.Transaction) => Promise<CustomerRow>): Promise<Customer> {
    const after = await db.transaction(work);
    await segments.customerChanged(ctx, id);
    return toCustomer(after);
  }

  /** Runs a write and maps a unique violation to a 409 naming the customer holding the value. */
  async function mapDuplicate<T>(ctx: CommandContext, values: CustomerFields, exceptId: string | undefined, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (err) {
      if ((err as { code?: string }).code !== '23505') throw err;
      const dup = await repo.findDuplicate(db, ctx.principal.tenantId, values, exceptId);
      throw conflict(dup ? `A customer with this ${dup.field} already exists` : 'A customer with the same unique value already exists', dup);
    }
  }

  /** Runs a command in a transaction, duplicates answered as 409. */
  const inTransaction = <T>(ctx: CommandContext, values: CustomerFields, exceptId: string | undefined, work: (trx: Knex.Transaction) => Promise<T>) =>
    mapDuplicate(ctx, values, exceptId, () => db.transaction(work));

  /**
   * The language column a new or fully replaced customer takes when the input gives none (absent
   * or null): the tenant's default language (seed 001: `es`), or nothing when the tenant has none.
   * Asked only then, so a create that names a language costs no extra read.
   */
  async function languageDefault(tenantId: string, fields: CustomerFields): Promise<{ language?: string }> {
    if (fields.preferences?.language) return {};
    const language = await deps.defaultLanguages.defaultLanguageOf(tenantId);
    return language ? { language } : {};
  }

  async function emit<T extends CustomerEventType>(trx: Knex, ctx: CommandContext, type: T, row: CustomerRow, extra: Omit<EventData<T>, 'customer'>) {
    await appendEvent(trx, ctx, { type, subjectType: 'customer', subjectId: row.id, data: { customer: toCustomer(row), ...extra } as EventData<T> });
    await recordAudit(trx, ctx.principal, ctx.principal.tenantId, {
      action: type,
      subjectType: 'customer',
      subjectId: row.id,
      changes: extra,
      requestId: ctx.requestId,
      ip: ctx.ip,
    });
  }

  /**
   * Creates a customer; 409 with the existing id when email, phone or external id is taken. The
   * id and timestamps are chosen here, so the row, its customer.created event and its audit entry
   * are all known up front and written by one statement.
   */
  async function create(ctx: CommandContext, input: CustomerFields): Promise<Customer> {
    const fields = normaliseFields(input, deps.defaultPhoneRegion);
    const now = new Date();
    const columns = {
      ...toColumns(fields),
      ...(await languageDefault(ctx.principal.tenantId, fields)),
      id: newId(),
      tenant_id: ctx.principal.tenantId,
      created_by: actorLabel(ctx),
      updated_by: actorLabel(ctx),
      created_at: now,
      updated_at: now,
    };
    const customer = toCustomer(newCustomerRow(columns, fields.customFields ?? {}));
    const { tenantHasSegments } = await mapDuplicate(ctx, fields, undefined, () =>
      repo.insertCustomerWith(db, columns, [
        eventInsert(ctx, { type: 'customer.created', subjectType: 'customer', subjectId: customer.id, data: { customer } }),
        auditInsert(ctx.principal, ctx.principal.tenantId, {
          action: 'customer.created',
          subjectType: 'customer',
          subjectId: customer.id,
          changes: {},
          requestId: ctx.requestId,
          ip: ctx.ip,
        }),
      ]),
    );
    // The insert statement said whether the tenant has segments: without any there is nothing to re-evaluate.
    if (tenantHasSegments) await segments.customerChanged(ctx, customer.id);
    return customer;
  }

  /**
   * Changes a customer under a row lock. `replace` resets every editable field the input omits
   * (PUT); otherwise only the given fields change (PATCH). Emits customer.updated with the names
   * of the changed fields, plus the specific events the change implies.
   */
  async function update(ctx: CommandContext, id: string, input: CustomerFields, replace = false): Promise<Customer> {
    const tenantId = ctx.principal.tenantId;
    const lookup = {
      email: input.email?.trim().toLowerCase(),
      phone: input.phone ? (normalisePhone(input.phone, deps.defaultPhoneRegion) ?? input.phone) : input.phone,
      externalId: input.externalId,
    };
    // Read before the transaction: on a cache miss it takes a pooled connection of its own, and asking
    // for one while holding the transaction's could exhaust the pool under concurrent replacements.
    const language = replace ? await languageDefault(tenantId, input) : {};
    const after = await inTransaction(ctx, lookup, id, async (trx) => {
      const before = await repo.findCustomer(trx, tenantId, id, true);
      if (!before) throw notFound('Customer');
      const fields = normaliseFields(input, deps.defaultPhoneRegion, replace ? undefined : { firstName: before.first_name, lastName: before.last_name });
      const columns = {
        ...(replace ? REPLACEABLE_DEFAULTS : {}),
        ...toColumns(fields),
        ...language,
        updated_by: actorLabel(ctx),
      };
      const after = (await repo.updateCustomer(trx, tenantId, id, columns))!;
      const changed = changedFields(before, after);
      if (changed.length) await emit(trx, ctx, 'customer.updated', after, { changed });
      if (changed.includes('status')) await emit(trx, ctx, 'customer.status_changed', after, { from: before.status, to: after.status, reason: null });
      if (changed.includes('tags')) await emit(trx, ctx, 'customer.tags_changed', after, { action: 'set', from: before.tags, to: after.tags });
      return after;
    });
    await segments.customerChanged(ctx, id);
    return toCustomer(after);
  }

  /** Replaces, adds or removes tags (seed 001's action set/add/remove); no duplicates. */
  async function changeTags(ctx: CommandContext, id: string, action: 'set' | 'add' | 'remove', tags: string[]): Promise<Customer> {
    return changeCustomer(ctx, id, async (trx) => {
      const before = await repo.findCustomer(trx, ctx.principal.tenantId, id, true);
      if (!before) throw notFound('Customer');
      const clean = [...new Set(tags.map((t) => t.trim()).filter(Boolean))];
      const current: string[] = before.tags ?? [];
      const next = action === 'set' ? clean : action === 'add' ? [...new Set([...current, ...clean])] : current.filter((t) => !clean.includes(t));
      const after = (await repo.updateCustomer(trx, ctx.principal.tenantId, id, { tags: next, updated_by: actorLabel(ctx) }))!;
      if (JSON.stringify(current) !== JSON.stringify(next)) await emit(trx, ctx, 'customer.tags_changed', after, { action, from: current, to: next });
      return after;
    });
  }

  /** Blocks or unblocks a customer with a reason (seed 001). */
  async function setBlocked(ctx: CommandContext, id: string, isBlocked: boolean, reason?: string): Promise<Customer> {
    return changeCustomer(ctx, id, async (trx) => {
      const before = await repo.findCustomer(trx, ctx.principal.tenantId, id, true);
      if (!before) throw notFound('Customer');
      const after = (await repo.updateCustomer(trx, ctx.principal.tenantId, id, {
        is_blocked: isBlocked,
        block_reason: isBlocked ? (reason ?? null) : null,
        blocked_at: isBlocked ? (before.blocked_at ?? trx.fn.now()) : null,
        updated_by: actorLabel(ctx),
      }))!;
      if (before.is_blocked !== isBlocked) await emit(trx, ctx, isBlocked ? 'customer.blocked' : 'customer.unblocked', after, { reason: reason ?? null });
      return after;
    });
  }

  /** Changes the account status with a reason (seed 002). */
  async function setStatus(ctx: CommandContext, id: string, status: Status, reason?: string): Promise<Customer> {
    return changeCustomer(ctx, id, async (trx) => {
      const before = await repo.findCustomer(trx, ctx.principal.tenantId, id, true);
      if (!before) throw notFound('Customer');
      const after = (await repo.updateCustomer(trx, ctx.principal.tenantId, id, { status, status_reason: reason ?? null, updated_by: actorLabel(ctx) }))!;
      if (before.status !== status) await emit(trx, ctx, 'customer.status_changed', after, { from: before.status, to: status, reason: reason ?? null });
      return after;
    });
  }

  /** Changes the tier (seed 002's customerType); the optional note goes to the notes log. */
  async function setTier(ctx: CommandContext, id: string, tier: Tier, note?: string): Promise<Customer> {
    return changeCustomer(ctx, id, async (trx) => {
      const before = await repo.findCustomer(trx, ctx.principal.tenantId, id, true);
      if (!before) throw notFound('Customer');
      const after = (await repo.updateCustomer(trx, ctx.principal.tenantId, id, { tier, updated_by: actorLabel(ctx) }))!;
      if (note) await trx('customer_notes').insert({ tenant_id: ctx.principal.tenantId, customer_id: id, content: note, added_by: actorLabel(ctx) });
      if (before.tier !== tier) await emit(trx, ctx, 'customer.updated', after, { changed: ['tier'], from: before.tier, to: tier });
      return after;
    });
  }

  /**
   * Deletes a customer: soft by default (hidden from every read, unique values freed), or
   * permanently with its orders, conversations and messages (the conversation tables cascade from
   * the customer row), refused with 409 while orders are still active or complaints still open
   * (seed 002's guard): details give activeOrders, openComplaints and the open complaints' ids.
   * A soft delete keeps the conversations.
   */
  async function remove(ctx: CommandContext, id: string, permanent: boolean): Promise<void> {
    const tenantId = ctx.principal.tenantId;
    await db.transaction(async (trx) => {
      // Segment locks before the customer row lock: the order every membership writer uses.
      if (permanent) await lockSegmentsShared(trx, tenantId);
      const row = await repo.findCustomer(trx, tenantId, id, true);
      if (!row) throw notFound('Customer');
      if (permanent) {
        const activeOrders = await repo.activeOrderCount(trx, tenantId, id);
        const openComplaintIds = await openComplaintsOf(trx, tenantId, id);
        if (activeOrders > 0 || openComplaintIds.length > 0) {
          throw conflict('Cannot permanently delete a customer with active orders or open complaints', {
            activeOrders,
            openComplaints: openComplaintIds.length,
            openComplaintIds,
          });
        }
        await exitAllSegments(trx, ctx, id);
        await deps.orders.eraseOrdersOfCustomer(trx, tenantId, id);
        await trx('customers').where({ tenant_id: tenantId, id }).delete();
      } else {
        await trx('customers')
          .where({ tenant_id: tenantId, id })
          .update({ deleted_at: trx.fn.now(), updated_by: actorLabel(ctx), updated_at: trx.fn.now() });
      }
      await appendEvent(trx, ctx, { type: 'customer.deleted', subjectType: 'customer', subjectId: id, data: { customerId: id, permanent } });
      await recordAudit(trx, ctx.principal, tenantId, {
        action: 'customer.deleted',
        subjectType: 'customer',
        subjectId: id,
        changes: { permanent },
        requestId: ctx.requestId,
        ip: ctx.ip,
      });
    });
    // A soft-deleted customer leaves every segment now; a permanent delete left them in its transaction.
    if (!permanent) await segments.customerChanged(ctx, id);
  }

  return { create, update, changeTags, setBlocked, setStatus, setTier, remove };
}
