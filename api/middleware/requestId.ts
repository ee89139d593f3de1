import type { Middleware } from 'koa';
import { newId } from '../../lib/ids';
import type { Logger } from '../../lib/logger';
import type { HeraldCustom, HeraldState } from '../context';

const SAFE_ID = /^[\w.-]{1,128}$/;

/**
 * Gives every request an id (the caller's X-Request-Id when it is sane, else a new one), echoes
 * it in the response and binds it to a child logger, so one id follows a request through logs.
 */
export function requestId(logger: Logger): Middleware<HeraldState, HeraldCustom> {
  return async (ctx, next) => {
    const incoming = ctx.get('X-Request-Id');
    const id = SAFE_ID.test(incoming) ? incoming : newId();
    ctx.state.requestId = id;
    ctx.state.log = logger.child({ requestId: id });
    ctx.set('X-Request-Id', id);
    await next();
  };
}
