import fs from 'node:fs';
import path from 'node:path';
import getAbsoluteFSPath from 'swagger-ui-dist/absolute-path.js';
import type { HeraldContext } from '../../context';
import { buildOpenApiDocument } from '../../openapi';
import type { RouteTarget } from '../../route';

/** Swagger UI files served from the installed package, so the docs page works offline. */
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'application/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'application/javascript; charset=utf-8',
};

const PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Herald API</title><link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><p>The OpenAPI 3.1 document: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>. A typed TypeScript client generated from it: <code>@herald/sdk</code> (<code>sdk/</code> in Herald's repository).</p>
<div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/init.js"></script>
</body></html>`;

// Served as a file, not inline, so the content security policy can forbid inline scripts.
const INIT = `window.ui = SwaggerUIBundle({ url: '/api/v1/openapi.json', dom_id: '#swagger-ui', deepLinking: true, persistAuthorization: true });`;

/**
 * The OpenAPI document and a human docs page. The document is rendered on first request, after
 * every route module has registered its schemas.
 */
export function docsRoutes(target: RouteTarget): void {
  let document: unknown;
  const assetDir = getAbsoluteFSPath();
  target.router.get('/api/v1/openapi.json', (ctx) => {
    const hctx = ctx as unknown as HeraldContext;
    document ??= buildOpenApiDocument(target.registry, hctx.config.PUBLIC_URL);
    hctx.body = document;
  });
  target.router.get('/docs', (ctx) => {
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = PAGE;
  });
  target.router.get('/docs/assets/:file', (ctx) => {
    const file = ctx.params.file ?? '';
    if (file === 'init.js') {
      ctx.type = 'application/javascript; charset=utf-8';
      ctx.body = INIT;
      return;
    }
    const type = ASSETS[file];
    if (!type) return;
    ctx.type = type;
    ctx.set('Cache-Control', 'public, max-age=86400');
    ctx.body = fs.createReadStream(path.join(assetDir, file));
  });
}
