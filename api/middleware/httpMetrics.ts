import { trace } from '@opentelemetry/api';
import type { Middleware } from 'koa';
import { httpRequestDuration } from '../../lib/metrics';
import type { HeraldCustom, HeraldState } from '../context';

/** Methods reported by name; any other (a fuzzer's invention) is `OTHER`, so the label stays bounded. */
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * Observes each request in `herald_http_request_duration_seconds` by method, the router's route
 * pattern (`/api/v1/customers/:id`, never the raw path, so the series stay bounded; `unmatched`
 * when no route matched) and final status. Runs outside the error handler, so a thrown error is
 * counted with the status it was answered with. With tracing on, the request's span is named
 * after the route the same way.
 */
export function httpMetrics(): Middleware<HeraldState, HeraldCustom> {
  return async (ctx, next) => {
    const stop = httpRequestDuration.startTimer();
    try {
      await next();
    } finally {
      const route = (ctx as { _matchedRoute?: string | RegExp })._matchedRoute;
      const pattern = typeof route === 'string' ? route : 'unmatched';
      const method = METHODS.has(ctx.method) ? ctx.method : 'OTHER';
      stop({ method, route: pattern, status: String(ctx.status) });
      const span = trace.getActiveSpan();
      if (span && typeof route === 'string') {
        span.setAttribute('http.route', route);
        span.updateName(`${method} ${route}`);
      }
    }
  };
}
