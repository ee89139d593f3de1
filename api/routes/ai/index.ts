import type { RouteTarget } from '../../route';
import { insightRoutes } from './insights';

/** The AI routes of seed 003 (issue 19): message suggestions and checks, and insights. */
export function aiRoutes(target: RouteTarget): void {
  insightRoutes(target);
}
