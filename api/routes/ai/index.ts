import type { RouteTarget } from '../../route';
import { insightRoutes } from './insights';
import { messageRoutes } from './messages';

/**
 * Seed 003's AI endpoints under /api/v1/ai (issue 19): message suggestions and checks, and
 * insights (the segment suggester stays with segments). They all spend the AI rate-limit budget
 * (api/middleware/rateLimit.ts).
 */
export function aiRoutes(target: RouteTarget): void {
  messageRoutes(target);
  insightRoutes(target);
}
