import { translateDbError } from '../../db/errors';
import { AppError } from '../../lib/errors';

/** Postgres errors that mean a client mistake map to 4xx; outages to 503; bugs stay unknown. */
describe('translateDbError', () => {
  it('maps a unique violation to 409 with the constraint name only', () => {
    const err = translateDbError({ code: '23505', constraint: 'customers_tenant_email_unique', detail: 'Key (email)=(a@b.c) exists' });
    expect(err).toBeInstanceOf(AppError);
    expect(err?.status).toBe(409);
    expect(JSON.stringify(err?.details)).not.toContain('a@b.c');
  });

  it('maps a check violation to 422 and a lost connection to 503', () => {
    expect(translateDbError({ code: '23514', constraint: 'x' })?.status).toBe(422);
    expect(translateDbError(new Error('connect ECONNREFUSED 127.0.0.1:5433'))?.status).toBe(503);
    // pg's connectionTimeoutMillis, hit when the server is too busy to start a backend in time.
    expect(translateDbError(new Error('timeout expired'))?.status).toBe(503);
    expect(translateDbError(new Error('Client has encountered a connection error and is not queryable'))?.status).toBe(503);
    expect(translateDbError({ code: '57P01' })?.status).toBe(503);
  });

  it('leaves syntax errors and plain bugs unknown (they become a generic 500)', () => {
    expect(translateDbError({ code: '42601' })).toBeUndefined();
    expect(translateDbError(new TypeError('x is undefined'))).toBeUndefined();
  });
});
