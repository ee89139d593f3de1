import { createHash } from 'node:crypto';
import { AppError, badRequest, conflict } from '../../lib/errors';
import type { HeraldContext } from '../context';

/** What an Idempotency-Key may be: 1–255 printable ASCII characters (a UUID is the usual choice). */
export const IDEMPOTENCY_KEY = /^[\x20-\x7e]{1,255}$/;

/**
 * Wraps a creating handler with Idempotency-Key semantics: the first request runs and its
 * response (2xx or 4xx) is stored; a retry with the same key and body gets the stored response
 * with `Idempotent-Replayed: true`; the same key with a different body is a 422; a retry while
 * the first attempt still runs is a 409. Server errors release the key so the client can retry.
 */
export async function withIdempotency(ctx: HeraldContext, run: () => Promise<void>): Promise<void> {
  const principal = ctx.state.principal;
  if (ctx.headers['idempotency-key'] === undefined || !principal) return run();
  const key = ctx.get('Idempotency-Key');
  if (!IDEMPOTENCY_KEY.test(key))
    throw badRequest('Idempotency-Key must be 1 to 255 printable ASCII characters', [
      { location: 'header', path: 'Idempotency-Key', message: 'must be 1 to 255 printable ASCII characters' },
    ]);
  const hash = createHash('sha256')
    .update(`${ctx.method} ${ctx.path}\n${JSON.stringify((ctx.request as { body?: unknown }).body ?? null)}`)
    .digest('hex');
  const service = ctx.domain.idempotency;
  const decision = await service.begin(principal.tenantId, key, hash);
  if (decision.kind === 'replay') {
    ctx.status = decision.status;
    ctx.body = decision.body;
    ctx.set('Idempotent-Replayed', 'true');
    return;
  }
  if (decision.kind === 'mismatch') throw new AppError(422, 'idempotency_key_reused', 'This Idempotency-Key was used with a different request');
  if (decision.kind === 'in_progress') throw conflict('A request with this Idempotency-Key is still being processed; retry shortly');
  try {
    await run();
  } catch (err) {
    const status = err instanceof AppError ? err.status : 500;
    if (status >= 500) await service.abandon(principal.tenantId, key);
    else
      await service.complete(principal.tenantId, key, status, {
        error: {
          code: (err as AppError).code,
          message: (err as AppError).message,
          ...((err as AppError).details === undefined ? {} : { details: (err as AppError).details }),
        },
      });
    throw err;
  }
  await service.complete(principal.tenantId, key, ctx.status, ctx.body);
}
