import type { Knex } from 'knex';
import { randomBytes } from 'node:crypto';
import { AppError, validationFailed } from '../../lib/errors';
import { recordAudit } from '../audit/repo';
import { refreshCustomerStatistics } from '../customers/statistics';
import { appendEvent } from '../events/outbox';
import { actorLabel, type CommandContext } from '../shared/context';
import { orderedItemIds } from './itemIds';
import { centsToDecimal, computeOrderTotals } from './money';
import * as repo from './repo';
import type { NewOrder, Order } from './types';

/** Customer statuses that may not place orders (is_blocked refuses them too). */
const NON_ORDERING_STATUSES = ['suspended', 'blocked'];

/** The unique index that keeps order numbers unique per tenant (named by knex). */
const ORDER_NUMBER_CONSTRAINT = 'orders_tenant_id_order_number_unique';

const ORDER_NUMBER_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A readable order number, `ORD-20260315-7KQ2M9XD`: the UTC date, then 40 random bits in
 * Crockford base32 (no I, L, O, U to misread), so collisions within a tenant are negligible and
 * numbers leak nothing about order volume.
 */
export function generateOrderNumber(now = new Date()): string {
  const random = [...randomBytes(8)].map((b) => ORDER_NUMBER_ALPHABET[b & 31]).join('');
  return `ORD-${now.toISOString().slice(0, 10).replace(/-/g, '')}-${random}`;
}

/** Refuses customers that do not exist (or are deleted) with a 422 on customerId, and blocked or suspended ones with a 409. */
function assertMayOrder(customerId: string, standing: repo.CustomerStanding | undefined): void {
  if (!standing || standing.deleted_at) {
    throw validationFailed([{ location: 'body', path: 'customerId', message: 'no such customer' }], 'The customer does not exist');
  }
  const state = standing.is_blocked ? 'blocked' : NON_ORDERING_STATUSES.includes(standing.status) ? standing.status : undefined;
  if (state)
    throw new AppError(409, 'customer_cannot_order', `Customer is ${state} and cannot place orders`, {
      customerId,
      status: standing.status,
      isBlocked: standing.is_blocked,
    });
}

const isOrderNumberTaken = (err: unknown) =>
  typeof err === 'object' &&
  err !== null &&
  (err as { code?: string }).code === '23505' &&
  (err as { constraint?: string }).constraint === ORDER_NUMBER_CONSTRAINT;

/**
 * Places an order. The totals are computed from the items in integer cents before anything is
 * written (a disagreeing client total is a 422). Then, in one transaction: the customer's row
 * is locked first (concurrent orders for one customer queue here), the customer is checked,
 * the order, its items and its first status-history row are inserted, the customer's
 * statistics are recomputed, and the `order.created` event and audit row are appended.
 */
export async function placeOrder(db: Knex, ctx: CommandContext, input: NewOrder): Promise<Order> {
  const totals = computeOrderTotals(input);
  const tenantId = ctx.principal.tenantId;
  const actor = actorLabel(ctx);
  const orderNumber = input.orderNumber ?? generateOrderNumber();
  return db.transaction(async (trx) => {
    assertMayOrder(input.customerId, await repo.lockCustomerStanding(trx, tenantId, input.customerId));
    let row: repo.OrderRow;
    try {
      row = await repo.insertOrder(trx, {
        tenant_id: tenantId,
        customer_id: input.customerId,
        order_number: orderNumber,
        status: 'placed',
        shipping_address: input.shippingAddress ? JSON.stringify(input.shippingAddress) : null,
        currency: (input.currency ?? 'USD').toUpperCase(),
        subtotal: centsToDecimal(totals.subtotal),
        tax: centsToDecimal(totals.tax),
        shipping: centsToDecimal(totals.shipping),
        discount: centsToDecimal(totals.discount),
        total: centsToDecimal(totals.total),
        items_count: input.items.length,
        notes: input.notes ?? null,
        metadata: JSON.stringify(input.metadata ?? {}),
        created_by: actor,
      });
    } catch (err) {
      if (isOrderNumberTaken(err))
        throw new AppError(409, 'conflict', `An order numbered ${orderNumber} already exists`, [
          { location: 'body', path: 'orderNumber', message: 'already used' },
        ]);
      throw err;
    }
    const ids = orderedItemIds(input.items.length);
    const items = await repo.insertItems(
      trx,
      input.items.map((item, i) => ({
        id: ids[i],
        tenant_id: tenantId,
        order_id: row.id,
        product_id: item.productId ?? null,
        sku: item.sku ?? null,
        name: item.name,
        category: item.category ?? null,
        quantity: item.quantity,
        unit_price: centsToDecimal(totals.lines[i]!.price),
        total: centsToDecimal(totals.lines[i]!.total),
      })),
    );
    await repo.insertStatusChange(trx, { tenant_id: tenantId, order_id: row.id, from_status: null, to_status: 'placed', reason: null, changed_by: actor });
    await refreshCustomerStatistics(trx, tenantId, input.customerId, { interaction: true });
    const summary = {
      orderId: row.id,
      orderNumber,
      customerId: input.customerId,
      status: row.status,
      total: row.total,
      currency: row.currency.trim(),
      itemsCount: items.length,
    };
    await appendEvent(trx, ctx, { type: 'order.created', subjectType: 'order', subjectId: row.id, data: summary });
    await recordAudit(trx, ctx.principal, tenantId, {
      action: 'order.created',
      subjectType: 'order',
      subjectId: row.id,
      changes: summary,
      requestId: ctx.requestId,
      ip: ctx.ip,
    });
    return { ...repo.toOrder(row), items: items.map(repo.toItem) };
  });
}
