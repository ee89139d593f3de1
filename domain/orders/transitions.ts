import { AppError } from '../../lib/errors';
import type { OrderStatus } from './types';

/**
 * The order lifecycle: placed → processing → shipped → delivered, cancellable until it ships,
 * refundable once delivered. Cancelled and refunded are final. Kept as data so the API can tell
 * a client which moves are open from any state.
 */
export const NEXT_STATUSES: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  placed: ['processing', 'cancelled'],
  processing: ['shipped', 'cancelled'],
  shipped: ['delivered'],
  delivered: ['refunded'],
  cancelled: [],
  refunded: [],
};

/** The states an order in `from` may move to next. */
export const allowedNextStatuses = (from: OrderStatus): readonly OrderStatus[] => NEXT_STATUSES[from];

/**
 * Refuses a move the lifecycle does not allow with a 409 `invalid_transition` whose details
 * name from, to and the allowed next states, so a client can correct itself. Setting the
 * current status again is refused too: it would write history for a change that did not happen.
 */
export function assertTransition(from: OrderStatus, to: OrderStatus): void {
  const allowed = NEXT_STATUSES[from];
  if (allowed.includes(to)) return;
  const why = from === to ? `The order is already ${from}` : `An order cannot go from ${from} to ${to}`;
  const next = allowed.length ? `; it can move to: ${allowed.join(', ')}` : `; ${from} is final`;
  throw new AppError(409, 'invalid_transition', why + next, { from, to, allowed: [...allowed] });
}
