import type { HeraldContext } from '../../api/context';
import { commandContext, principalOf, tenantOf } from '../../api/routeContext';
import type { Principal } from '../../domain/tenants/types';
import { AppError } from '../../lib/errors';

/** A request context as the middleware chain leaves it: only the fields the helpers read. */
const requestWith = (state: Partial<HeraldContext['state']>) => ({ state: { requestId: 'req-1', ...state }, ip: '203.0.113.7' }) as unknown as HeraldContext;

const principal: Principal = { tenantId: 't-1', role: 'member', actorType: 'api_key', actorId: 'k-1' };

/** What every route handler reads from an authenticated request. */
describe('route context', () => {
  it('gives the principal, its tenant and the command context of an authenticated request', () => {
    const ctx = requestWith({ principal });
    expect(principalOf(ctx)).toBe(principal);
    expect(tenantOf(ctx)).toBe('t-1');
    expect(commandContext(ctx)).toEqual({ principal, requestId: 'req-1', ip: '203.0.113.7' });
  });

  it('answers 401 with the reason the credential failed, not a crash, when there is no principal', () => {
    const ctx = requestWith({ authFailure: 'The API key or token is invalid, expired or revoked' });
    for (const read of [principalOf, tenantOf, commandContext]) {
      let thrown: unknown;
      try {
        read(ctx);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(AppError);
      expect(thrown).toMatchObject({ status: 401, code: 'unauthorized', message: 'The API key or token is invalid, expired or revoked' });
    }
  });
});
