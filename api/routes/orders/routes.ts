import type { RouteTarget } from '../../route';

/** Placeholder until the orders routes land. */
export function orderRoutes(_target: RouteTarget): void {}
