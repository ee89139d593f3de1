import Koa from 'koa';
import Router from '@koa/router';
import { listenLoopback, loadHttp, type HttpLoadResult } from './http-load';
import { printFigure, round } from './report';

/**
 * koa-get: the ceiling of a Koa route on this machine. Herald's API adds auth, validation,
 * rate limiting and a database call; its GET figure is read against this bare one.
 */

const BENCH = 'koa-get';

/** The smallest Koa app that still goes through a router and serialises JSON. */
function bareApp(): Koa {
  const app = new Koa();
  const router = new Router();
  router.get('/ping', (ctx) => {
    ctx.body = { ok: true, service: 'bench', at: Date.now() };
  });
  app.use(router.routes());
  return app;
}

/** Serves the bare app on a loopback port and loads it. */
async function rawKoaGet(): Promise<HttpLoadResult> {
  const server = await listenLoopback(bareApp().callback());
  try {
    return await loadHttp(`${server.url}/ping`);
  } finally {
    await server.close();
  }
}

/** Runs the benchmark; BENCH_CONNECTIONS and BENCH_SECONDS adjust the load. */
export async function run(): Promise<void> {
  const raw = await rawKoaGet();
  printFigure(BENCH, 'raw_koa_get', {
    connections: raw.connections,
    requests: raw.requests,
    seconds: raw.seconds,
    req_per_s: Math.round(raw.requestsPerSecond),
    p50_ms: round(raw.p50Ms, 3),
    p99_ms: round(raw.p99Ms, 3),
  });
}
