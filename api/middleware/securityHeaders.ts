import helmet from 'koa-helmet';
import type { Middleware } from 'koa';

/**
 * Helmet's security headers. The content security policy allows the bundled Swagger UI on
 * /docs (same-origin scripts, its initialiser served as a file, not inline). HSTS and the
 * upgrade of insecure requests apply in production only, so plain-http development works.
 */
export function securityHeaders(production: boolean): Middleware {
  return helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        upgradeInsecureRequests: production ? [] : null,
      },
    },
    strictTransportSecurity: production,
    crossOriginEmbedderPolicy: false,
  }) as unknown as Middleware;
}
