import type { RouteTarget } from '../../route';
import { messageRoutes } from './messages';

/**
 * Seed 003's AI endpoints under /api/v1/ai (the segment suggester stays with segments). They all
 * spend the AI rate-limit budget (api/middleware/rateLimit.ts).
 */
export function aiRoutes(target: RouteTarget): void {
  messageRoutes(target);
}
