import cors from '@koa/cors';
import Koa from 'koa';
import type { Domain } from '../domain';
import type { Config } from '../lib/config';
import type { Logger } from '../lib/logger';
import type { HeraldCustom, HeraldState } from './context';
import { refuseUnsafeUrlAndHeaders } from './inputSafety';
import { authenticate } from './middleware/authenticate';
import { bodyParser } from './middleware/bodyParser';
import { clientIp } from './middleware/clientIp';
import { errorHandler } from './middleware/errorHandler';
import { httpMetrics } from './middleware/httpMetrics';
import { loginThrottle } from './middleware/loginThrottle';
import { methodNotAllowed } from './middleware/methodNotAllowed';
import { rateLimit, type RateLimiters } from './middleware/rateLimit';
import { requestId } from './middleware/requestId';
import { requestLogger } from './middleware/requestLogger';
import { securityHeaders } from './middleware/securityHeaders';
import { buildRouter } from './routes';

/** What the app is built from; the caller (bin/) owns their lifecycles. */
export interface AppDeps {
  config: Config;
  domain: Domain;
  logger: Logger;
  rateLimiters: RateLimiters;
}

/**
 * The Koa application. The middleware order below is the request pipeline, top to bottom;
 * changing it changes behaviour (e.g. errors thrown by the body parser must reach the handler).
 */
export function createApp(deps: AppDeps): Koa<HeraldState, HeraldCustom> {
  // Forwarded headers are believed only from the proxies TRUST_PROXY names (clientIp drops them otherwise).
  const app = new Koa<HeraldState, HeraldCustom>({ proxy: deps.config.TRUST_PROXY.kind !== 'none' });
  app.context.domain = deps.domain;
  app.context.config = deps.config;
  // Errors are answered by errorHandler; Koa's default handler would print them a second time.
  app.silent = true;
  const { router } = buildRouter();
  const origins = deps.config.CORS_ORIGINS.split(',').map((o) => o.trim());

  app.use(clientIp(deps.config.TRUST_PROXY));
  app.use(requestId(deps.logger));
  app.use(requestLogger());
  app.use(httpMetrics());
  app.use(errorHandler());
  app.use(securityHeaders(deps.config.NODE_ENV === 'production'));
  app.use(
    cors({
      origin: (ctx) => (origins.includes('*') ? '*' : origins.includes(ctx.get('Origin')) ? ctx.get('Origin') : ''),
      exposeHeaders: ['X-Request-Id', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset', 'Retry-After'],
    }),
  );
  app.use(refuseUnsafeUrlAndHeaders());
  app.use(bodyParser(deps.config.BODY_LIMIT));
  app.use(authenticate());
  app.use(rateLimit(deps.rateLimiters));
  app.use(loginThrottle(deps.rateLimiters));
  app.use(router.routes());
  app.use(methodNotAllowed());
  return app;
}
