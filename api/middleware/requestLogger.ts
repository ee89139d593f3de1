import type { Middleware } from 'koa';
import type { HeraldCustom, HeraldState } from '../context';

/** Logs one line per request with its outcome and duration; health probes log at debug. */
export function requestLogger(): Middleware<HeraldState, HeraldCustom> {
  return async (ctx, next) => {
    const started = process.hrtime.bigint();
    try {
      await next();
    } finally {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const line = { method: ctx.method, path: ctx.path, status: ctx.status, ms: Math.round(ms * 10) / 10, tenantId: ctx.state.principal?.tenantId };
      if (ctx.path === '/healthz' || ctx.path === '/readyz') ctx.state.log.debug(line, 'request');
      else ctx.state.log.info(line, 'request');
    }
  };
}
