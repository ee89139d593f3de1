import { z } from 'zod';
import { addRoute, type RouteTarget } from '../../route';

const Healthz = z.object({ status: z.literal('ok') }).meta({ id: 'Health' });
const Readyz = z
  .object({
    status: z.enum(['ready', 'unavailable']),
    checks: z.object({ postgres: z.enum(['up', 'down']), temporal: z.enum(['up', 'down']) }),
  })
  .meta({ id: 'Readiness' });

/** Liveness (the process answers) and readiness (Postgres and Temporal answer) probes. */
export function healthRoutes(target: RouteTarget): void {
  addRoute(target, {
    method: 'get',
    path: '/healthz',
    summary: 'Liveness: the process is up',
    tag: 'Health',
    auth: 'public',
    responses: { 200: { description: 'Alive', schema: Healthz } },
    handler: (ctx) => {
      ctx.body = { status: 'ok' };
    },
  });
  addRoute(target, {
    method: 'get',
    path: '/readyz',
    summary: 'Readiness: Postgres and Temporal are reachable',
    tag: 'Health',
    auth: 'public',
    responses: { 200: { description: 'Ready', schema: Readyz }, 503: { description: 'A dependency is down; checks say which', schema: Readyz } },
    handler: async (ctx) => {
      const readiness = await ctx.domain.health.readiness();
      ctx.status = readiness.ready ? 200 : 503;
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { status: readiness.ready ? 'ready' : 'unavailable', checks: readiness.checks };
    },
  });
}
