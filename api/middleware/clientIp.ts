import type { Middleware } from 'koa';
import { clientAddressFinder, type TrustProxy } from '../../lib/trustProxy';
import type { HeraldCustom, HeraldState } from '../context';

/**
 * Sets `ctx.ip` (the address the per-IP rate limit counts and the audit log records) from the
 * connecting peer, or from X-Forwarded-For when the peer is a proxy TRUST_PROXY names. When the
 * peer is not trusted, X-Forwarded-Proto and X-Forwarded-Host are dropped too, so Koa's proxy
 * mode (on whenever TRUST_PROXY is set) never believes them from a client.
 */
export function clientIp(trust: TrustProxy): Middleware<HeraldState, HeraldCustom> {
  const find = clientAddressFinder(trust);
  return async (ctx, next) => {
    const { ip, viaProxy } = find(ctx.req.socket.remoteAddress ?? '', ctx.get('X-Forwarded-For') || undefined);
    ctx.request.ip = ip;
    if (!viaProxy) {
      delete ctx.req.headers['x-forwarded-proto'];
      delete ctx.req.headers['x-forwarded-host'];
    }
    await next();
  };
}
