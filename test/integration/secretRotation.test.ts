import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { signToken } from '../../domain/campaigns/tracking';
import { buildCustomer, buildTenant } from '../support/factories';
import { startTestServer, type TestServer } from '../support/testServer';

const key = () => randomBytes(32).toString('hex');
const [jwtNow, jwtBefore, jwtLongAgo, trackingNow, trackingBefore] = [key(), key(), key(), key(), key()];

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    JWT_SECRET: jwtNow,
    JWT_SECRET_PREVIOUS: `${jwtBefore}, ${jwtLongAgo}`,
    TRACKING_SECRET: trackingNow,
    TRACKING_SECRET_PREVIOUS: trackingBefore,
  });
});
afterAll(async () => {
  await server?.close();
});

/**
 * Rotating JWT_SECRET and TRACKING_SECRET keeps what was signed before working: tokens signed with
 * a key listed in *_PREVIOUS verify, new links are signed with the current key, and a key in
 * neither place is refused.
 */
describe('secret rotation', () => {
  it('accepts JWTs signed with the current or an earlier JWT_SECRET, and no other', async () => {
    const t = await buildTenant(server.runtime.db, 'JWT rotation');
    const bearer = async (secret: string) => {
      const jwt = await new SignJWT({ tenant: t.tenantId, role: 'admin', sub: 'ops' })
        .setProtectedHeader({ alg: 'HS256' })
        .setExpirationTime('5m')
        .sign(new TextEncoder().encode(secret));
      return (await server.request('/api/v1/tenant', { headers: { Authorization: `Bearer ${jwt}` } })).status;
    };
    expect(await bearer(jwtNow)).toBe(200);
    expect(await bearer(jwtBefore)).toBe(200);
    expect(await bearer(jwtLongAgo)).toBe(200);
    expect(await bearer(key())).toBe(401);
  });

  it('records opens from links signed with the current or an earlier TRACKING_SECRET, and no other', async () => {
    const t = await buildTenant(server.runtime.db, 'Tracking rotation');
    const customerId = await buildCustomer(server.runtime.db, t.tenantId, { email: 'rotation@example.com' });
    const created = await server.request('/api/v1/campaigns', {
      key: t.adminKey,
      method: 'POST',
      body: { name: 'Sent before the rotation', channel: 'email', subject: 'S', body: 'B', audience: { type: 'all' } },
    });
    // The ledger row of a message already sent; the worker would have written it.
    const [row] = await server.runtime
      .db('campaign_recipients')
      .insert({
        tenant_id: t.tenantId,
        campaign_id: created.body.data.id,
        customer_id: customerId,
        channel: 'email',
        address: 'rotation@example.com',
        state: 'sent',
      })
      .returning('id');
    const ledgerId = row.id as string;
    const open = async (secret: string) => (await server.request(`/api/v1/messaging/open/${signToken(secret, 'open', ledgerId)}`)).status;

    expect(await open(key())).toBe(404);
    expect(await server.runtime.db('campaign_recipients').where({ id: ledgerId }).first('opened_at')).toEqual({ opened_at: null });
    expect(await open(trackingBefore)).toBe(200);
    expect(await server.runtime.db('campaign_recipients').where({ id: ledgerId }).first('opened_at')).toEqual({ opened_at: expect.any(Date) });
    expect(await open(trackingNow)).toBe(200);
  });
});
