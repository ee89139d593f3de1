import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { decryptSecret } from '../../domain/webhooks/secrets';
import { secretsKeyFrom } from '../../domain/webhooks/settings';
import { buildTenant } from '../support/factories';
import { startTestServer, type TestServer } from '../support/testServer';

const root = path.resolve(__dirname, '../..');
const herald = path.join(root, 'bin/herald');
const oldKey = randomBytes(32).toString('hex');
const newKey = randomBytes(32).toString('hex');

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ WEBHOOK_SECRETS_KEY: oldKey, WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' });
});
afterAll(async () => {
  await server?.runtime.close();
  await server?.server.close();
});

/** Runs `herald secrets rotate` on the suite's database with these keys. */
function rotate(env: Record<string, string>) {
  const res = spawnSync(process.execPath, [herald, 'secrets', 'rotate'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'development', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: res.status, out: `${res.stdout}${res.stderr}` };
}

/**
 * `herald secrets rotate` moves every stored endpoint secret, including one rotated out and still
 * in its grace period, from the old WEBHOOK_SECRETS_KEY to the new one; a second run changes
 * nothing, and a wrong old key writes nothing.
 */
it('re-encrypts every endpoint secret under the new key, once, and never with a wrong old key', async () => {
  const t = await buildTenant(server.runtime.db, 'Secrets rotation');
  const create = (secret: string) =>
    server.request('/api/v1/webhooks', { key: t.adminKey, method: 'POST', body: { url: 'http://127.0.0.1:9/hook', events: ['*'], secret } });
  const first = await create('first_endpoint_secret_1234');
  const second = await create('second_endpoint_secret_567');
  const rotated = await server.request(`/api/v1/webhooks/${second.body.data.id}/rotate-secret`, {
    key: t.adminKey,
    method: 'POST',
    body: { secret: 'second_endpoint_secret_new' },
  });
  expect(rotated.status).toBe(200);
  const ids = [first.body.data.id as string, second.body.data.id as string];
  const stored = () => server.runtime.db('webhook_endpoints').whereIn('id', ids).orderBy('id');
  const plain = async (key: string) =>
    (await stored()).map((r) => [
      decryptSecret(secretsKeyFrom(key), r.secret_ciphertext),
      r.previous_secret_ciphertext && decryptSecret(secretsKeyFrom(key), r.previous_secret_ciphertext),
    ]);
  const before = await plain(oldKey);
  expect(before.flat().filter(Boolean).sort()).toEqual(['first_endpoint_secret_1234', 'second_endpoint_secret_567', 'second_endpoint_secret_new']);

  const wrong = rotate({ WEBHOOK_SECRETS_KEY: newKey, OLD_WEBHOOK_SECRETS_KEY: randomBytes(32).toString('hex') });
  expect(wrong.code).toBe(1);
  expect(wrong.out).toMatch(/Neither key decrypts the secret of \d+ endpoint\(s\).*nothing was changed/);
  expect(await plain(oldKey)).toEqual(before);

  expect(rotate({ WEBHOOK_SECRETS_KEY: newKey }).out).toMatch(/OLD_WEBHOOK_SECRETS_KEY is not set/);

  const done = rotate({ WEBHOOK_SECRETS_KEY: newKey, OLD_WEBHOOK_SECRETS_KEY: oldKey });
  expect(done).toMatchObject({ code: 0, out: expect.stringMatching(/^Re-encrypted the secrets of \d+ endpoint\(s\); 0 already used the new key\.$/m) });
  expect(await plain(newKey)).toEqual(before);
  await expect(plain(oldKey)).rejects.toThrow();

  const again = rotate({ WEBHOOK_SECRETS_KEY: newKey, OLD_WEBHOOK_SECRETS_KEY: oldKey });
  expect(again).toMatchObject({ code: 0, out: expect.stringMatching(/^Re-encrypted the secrets of 0 endpoint\(s\); \d+ already used the new key\.$/m) });
  expect(await plain(newKey)).toEqual(before);
}, 120_000);
