import fs from 'node:fs';
import path from 'node:path';
import { send } from '@koa/send';
import type { HeraldContext } from '../../context';
import type { RouteTarget } from '../../route';

/** Where `npm run console:build` writes the console, from the sources (api/routes/console) or the compiled dist/. */
const BUILT_CONSOLE = [path.resolve(__dirname, '../../../console/dist'), path.resolve(__dirname, '../../../../console/dist')];

/** The console's build folder: CONSOLE_DIR, else the first build found beside the code. */
function consoleDir(configured: string | undefined): string | undefined {
  if (configured) {
    const dir = path.resolve(configured);
    return fs.existsSync(path.join(dir, 'index.html')) ? dir : undefined;
  }
  return BUILT_CONSOLE.find((dir) => fs.existsSync(path.join(dir, 'index.html')));
}

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Herald console</title></head>
<body><main><h1>The console is not built</h1><p>Run <code>npm run console:build</code> (or <code>npx herald dev</code>, which builds it).</p></main></body></html>`;

/**
 * The marketer console (a React app built by Vite) at /console. Hashed assets under
 * /console/assets are cached for a year and served gzipped (pre-compressed at build time); every
 * other path answers the app's index.html (no-store), so the browser router owns the console's
 * paths and a deploy is picked up on the next load.
 * The console calls the API with the session cookie like any other client: nothing here is privileged.
 */
export function consoleRoutes(target: RouteTarget): void {
  // Looked up until a build is found, then kept: requests do no file-system check of their own.
  let root: string | undefined;
  const notBuilt = (ctx: HeraldContext) => {
    root = undefined;
    ctx.status = 503;
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = NOT_BUILT;
  };
  const serve = async (ctx: HeraldContext) => {
    root ??= consoleDir(ctx.config.CONSOLE_DIR);
    if (!root) return notBuilt(ctx);
    const rest = ctx.path.replace(/^\/console\/?/, '');
    if (rest.startsWith('assets/')) {
      ctx.set('Cache-Control', 'public, max-age=31536000, immutable');
      // The build writes a .gz beside each script and style sheet; send() picks it when the browser accepts gzip.
      ctx.vary('Accept-Encoding');
      try {
        await send(ctx, rest, { root, gzip: true, brotli: false });
      } catch {
        // A miss must not be cached like the hashed file it is not.
        ctx.remove('Cache-Control');
        ctx.status = 404;
        ctx.body = { error: { code: 'not_found', message: 'No such console asset' } };
      }
      return;
    }
    ctx.set('Cache-Control', 'no-store');
    // The build went away (being rebuilt, or removed): say so, and look for it again next time.
    await send(ctx, 'index.html', { root }).catch(() => notBuilt(ctx));
  };
  target.router.get('/console', serve);
  target.router.get('/console/{*rest}', serve);
}
