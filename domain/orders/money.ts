import { validationFailed } from '../../lib/errors';
import type { NewOrder } from './types';

/** The largest amount a numeric(14,2) column holds, in cents. */
const MAX_CENTS = 99_999_999_999_999n;

/**
 * Whether a JSON number is an amount with at most two decimals. Dividing an integer by 100 is
 * correctly rounded, so `round(v × 100) / 100` gives back exactly the double a client's "19.99"
 * parsed to, and anything else (19.999, 1e-3) does not survive the round trip.
 */
export function hasAtMostTwoDecimals(value: number): boolean {
  return Number.isFinite(value) && Math.abs(value) < 1e13 && Math.round(value * 100) / 100 === value;
}

/** An amount (already checked by {@link hasAtMostTwoDecimals}) as integer cents. */
export const toCents = (value: number): bigint => BigInt(Math.round(value * 100));

/** Cents as the exact decimal text Postgres stores, so no float ever reaches a numeric column. */
export function centsToDecimal(cents: bigint): string {
  const sign = cents < 0n ? '-' : '';
  const abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** Cents as the JS number the API shows; exact to the cent below 2^53 cents. */
export const centsToNumber = (cents: bigint): number => Number(cents) / 100;

/** Totals of a new order in cents, with each line's unit price and line total. */
export interface OrderTotals {
  lines: Array<{ price: bigint; total: bigint }>;
  subtotal: bigint;
  tax: bigint;
  shipping: bigint;
  discount: bigint;
  total: bigint;
}

interface Issue {
  location: 'body';
  path: string;
  message: string;
}

/**
 * Computes an order's totals from its items in integer cents (BigInt, so 500 lines of large
 * amounts never lose a cent): subtotal = Σ price × quantity, total = subtotal + tax + shipping −
 * discount. A client-sent `subtotal` or `total` is a cross-check: disagreeing with the computed
 * figure is a 422 naming the field, before anything is written. Every problem is reported at once.
 */
export function computeOrderTotals(order: Pick<NewOrder, 'items' | 'tax' | 'shipping' | 'discount' | 'subtotal' | 'total'>): OrderTotals {
  const issues: Issue[] = [];
  const amount = (value: number | undefined, path: string): bigint => {
    if (value === undefined) return 0n;
    if (!hasAtMostTwoDecimals(value) || value < 0) {
      issues.push({ location: 'body', path, message: 'must be a non-negative amount with at most 2 decimals' });
      return 0n;
    }
    return toCents(value);
  };
  const lines = order.items.map((item, i) => {
    const price = amount(item.price, `items.${i}.price`);
    if (!Number.isSafeInteger(item.quantity) || item.quantity < 1) {
      issues.push({ location: 'body', path: `items.${i}.quantity`, message: 'must be a positive integer' });
      return { price, total: 0n };
    }
    return { price, total: price * BigInt(item.quantity) };
  });
  const subtotal = lines.reduce((sum, line) => sum + line.total, 0n);
  const tax = amount(order.tax, 'tax');
  const shipping = amount(order.shipping, 'shipping');
  const discount = amount(order.discount, 'discount');
  const total = subtotal + tax + shipping - discount;
  if (issues.length) throw validationFailed(issues);

  if (total < 0n)
    issues.push({ location: 'body', path: 'discount', message: `exceeds subtotal + tax + shipping (${centsToDecimal(subtotal + tax + shipping)})` });
  if (subtotal > MAX_CENTS || total > MAX_CENTS)
    issues.push({ location: 'body', path: 'items', message: `the order total exceeds ${centsToDecimal(MAX_CENTS)}` });
  for (const [field, computed] of [
    ['subtotal', subtotal],
    ['total', total],
  ] as const) {
    const sent = order[field];
    if (sent !== undefined && (!hasAtMostTwoDecimals(sent) || toCents(sent) !== computed)) {
      issues.push({
        location: 'body',
        path: field,
        message: `does not match the ${field} computed from the items: expected ${centsToDecimal(computed)}, got ${sent}`,
      });
    }
  }
  if (issues.length) throw validationFailed(issues, 'The order amounts are not consistent');
  return { lines, subtotal, tax, shipping, discount, total };
}
