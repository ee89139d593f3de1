import { orderedItemIds } from '../../domain/orders/itemIds';
import { centsToDecimal, computeOrderTotals, hasAtMostTwoDecimals } from '../../domain/orders/money';
import { generateOrderNumber } from '../../domain/orders/placeOrder';
import { allowedNextStatuses, assertTransition } from '../../domain/orders/transitions';
import { ORDER_STATUSES, type OrderStatus } from '../../domain/orders/types';
import type { AppError } from '../../lib/errors';

const item = (price: number, quantity: number) => ({ name: 'x', price, quantity });
const errorOf = (fn: () => unknown): AppError => {
  try {
    fn();
  } catch (err) {
    return err as AppError;
  }
  throw new Error('expected an error');
};

/** The order lifecycle and exact-cents arithmetic, without a database. */
describe('order transitions', () => {
  const legal: Array<[OrderStatus, OrderStatus]> = [
    ['placed', 'processing'],
    ['processing', 'shipped'],
    ['shipped', 'delivered'],
    ['placed', 'cancelled'],
    ['processing', 'cancelled'],
    ['delivered', 'refunded'],
  ];

  it('allows exactly the lifecycle moves and refuses every other pair with from, to and allowed', () => {
    for (const from of ORDER_STATUSES) {
      for (const to of ORDER_STATUSES) {
        const isLegal = legal.some(([f, t]) => f === from && t === to);
        if (isLegal) {
          expect(() => assertTransition(from, to)).not.toThrow();
          continue;
        }
        const err = errorOf(() => assertTransition(from, to));
        expect([err.status, err.code]).toEqual([409, 'invalid_transition']);
        expect(err.details).toEqual({ from, to, allowed: [...allowedNextStatuses(from)] });
      }
    }
  });

  it('treats cancelled and refunded as final and names a repeated status', () => {
    expect(allowedNextStatuses('cancelled')).toEqual([]);
    expect(allowedNextStatuses('refunded')).toEqual([]);
    expect(errorOf(() => assertTransition('shipped', 'shipped')).message).toBe('The order is already shipped; it can move to: delivered');
    expect(errorOf(() => assertTransition('refunded', 'placed')).message).toBe('An order cannot go from refunded to placed; refunded is final');
  });
});

describe('order money', () => {
  it('accepts amounts with at most two decimals only', () => {
    for (const ok of [0, 1, 19.99, 0.07, 1.1, 99_999_999_999.99]) expect(hasAtMostTwoDecimals(ok)).toBe(true);
    for (const bad of [1.005, 0.001, Number.NaN, Number.POSITIVE_INFINITY, 1e13]) expect(hasAtMostTwoDecimals(bad)).toBe(false);
  });

  it('sums in integer cents where floats drift', () => {
    const totals = computeOrderTotals({ items: [item(19.99, 3), item(0.1, 3)], tax: 4.8, shipping: 5, discount: 1.23 });
    expect(0.1 * 3 + 19.99 * 3).not.toBe(60.27);
    expect([totals.subtotal, totals.total, totals.lines[1]!.total]).toEqual([6027n, 6884n, 30n]);
    expect(centsToDecimal(totals.total)).toBe('68.84');
    expect(centsToDecimal(5n)).toBe('0.05');
  });

  it('stays exact for 500 large lines and refuses totals beyond numeric(14,2)', () => {
    const totals = computeOrderTotals({ items: Array.from({ length: 500 }, () => item(1_999_999.99, 100)), tax: 0.01 });
    expect(totals.total).toBe(199_999_999n * 100n * 500n + 1n);
    expect(centsToDecimal(totals.total)).toBe('99999999500.01');
    const err = errorOf(() => computeOrderTotals({ items: Array.from({ length: 500 }, () => item(99_999_999.99, 1000)), total: 1 }));
    expect((err.details as Array<{ path: string }>).map((d) => d.path)).toEqual(['items', 'total']);
  });

  it('reports every inconsistent field at once', () => {
    const err = errorOf(() => computeOrderTotals({ items: [item(10, 1)], subtotal: 10.01, total: 9 }));
    expect(err.status).toBe(422);
    expect((err.details as Array<{ path: string }>).map((d) => d.path)).toEqual(['subtotal', 'total']);
    const bad = errorOf(() => computeOrderTotals({ items: [item(1.001, 1), item(1, 0)], tax: -1 }));
    expect((bad.details as Array<{ path: string }>).map((d) => d.path)).toEqual(['items.0.price', 'items.1.quantity', 'tax']);
    expect(errorOf(() => computeOrderTotals({ items: [item(10, 1)], discount: 10.01 })).details).toEqual([expect.objectContaining({ path: 'discount' })]);
    expect(computeOrderTotals({ items: [item(10, 1)], discount: 10 }).total).toBe(0n);
  });
});

describe('order ids and numbers', () => {
  it('gives items ids that sort in the order they were sent', () => {
    const ids = orderedItemIds(500);
    expect(new Set(ids).size).toBe(500);
    expect([...ids].sort()).toEqual(ids);
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('generates dated, unambiguous order numbers', () => {
    expect(generateOrderNumber(new Date('2026-03-15T12:00:00Z'))).toMatch(/^ORD-20260315-[0-9ABCDEFGHJKMNPQRSTVWXYZ]{8}$/);
  });
});
