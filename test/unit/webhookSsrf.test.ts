import { randomBytes } from 'node:crypto';
import { webhookSettings } from '../../domain/webhooks/settings';
import { ConfigError, loadConfig } from '../../lib/config';
import { assertAddressAllowed, assertUrlAllowed, parseSsrfPolicy, SsrfError } from '../../lib/ssrf';

/** The SSRF guard refuses reserved addresses (IPv4, IPv6, mapped) unless allow-listed, and plain http in production. */
describe('SSRF guard', () => {
  const strict = parseSsrfPolicy('', false);

  it.each([
    '127.0.0.1',
    '10.0.0.5',
    '172.16.3.4',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    'fe80::1',
    'fd00:ec2::254',
    '::ffff:10.0.0.1',
    '::ffff:127.0.0.1',
  ])('refuses %s', (address) => {
    expect(() => assertAddressAllowed(strict, address)).toThrow(SsrfError);
  });

  it.each(['93.184.215.14', '8.8.8.8', '2606:4700:4700::1111'])('allows the public address %s', (address) => {
    expect(() => assertAddressAllowed(strict, address)).not.toThrow();
  });

  it('allows reserved addresses inside an allow-listed CIDR only', () => {
    const policy = parseSsrfPolicy('127.0.0.0/8, ::1', false);
    expect(() => assertAddressAllowed(policy, '127.0.0.2')).not.toThrow();
    expect(() => assertAddressAllowed(policy, '::1')).not.toThrow();
    expect(() => assertAddressAllowed(policy, '10.0.0.1')).toThrow(SsrfError);
  });

  it('checks URLs: literal addresses, allow-listed names, scheme and credentials', async () => {
    await expect(assertUrlAllowed(strict, 'http://127.0.0.1:8080/x')).rejects.toThrow(/private or reserved address/);
    await expect(assertUrlAllowed(strict, 'http://[::1]/x')).rejects.toThrow(SsrfError);
    await expect(assertUrlAllowed(strict, 'http://localhost/x')).rejects.toThrow(SsrfError);
    await expect(assertUrlAllowed(parseSsrfPolicy('localhost', false), 'http://localhost/x')).resolves.toBeUndefined();
    await expect(assertUrlAllowed(strict, 'gopher://example.com/')).rejects.toThrow(/http or https/);
    await expect(assertUrlAllowed(parseSsrfPolicy('', true), 'http://93.184.215.14/')).rejects.toThrow(/https/);
    await expect(assertUrlAllowed(parseSsrfPolicy('', true), 'https://93.184.215.14/')).resolves.toBeUndefined();
    await expect(assertUrlAllowed(strict, 'https://user:pw@93.184.215.14/')).rejects.toThrow(/credentials/);
  });

  it('tells an unresolvable host from a private one by reason and message', async () => {
    const reason = (url: string) =>
      assertUrlAllowed(strict, url).then(
        () => 'allowed',
        (err: SsrfError) => `${err.reason}: ${err.message}`,
      );
    expect(await reason('https://your-app.invalid/webhook')).toMatch(/^unresolvable: host your-app\.invalid does not resolve/);
    expect(await reason('http://localhost/x')).toMatch(/^private: host localhost resolves to a private or reserved address/);
    expect(await reason('http://10.0.0.1/x')).toMatch(/^private: points to a private or reserved address/);
  });

  it('refuses allow-list entries that are neither hosts nor CIDRs', () => {
    expect(() => parseSsrfPolicy('10.0.0.0/99', false)).toThrow(SsrfError);
    expect(() => parseSsrfPolicy('not a host', false)).toThrow(SsrfError);
  });
});

describe('webhook settings', () => {
  it('defaults to the documented schedule, 5 days, 24 h, 15 s, and nothing allowed', async () => {
    const s = webhookSettings(loadConfig({}));
    expect(s.retryScheduleMs).toEqual([5e3, 300e3, 1800e3, 7200e3, 18000e3, 36000e3, 50400e3, 72000e3, 86400e3]);
    expect([s.disableAfterMs, s.secretGraceMs, s.timeoutMs]).toEqual([5 * 86400e3, 86400e3, 15000]);
    await expect(assertUrlAllowed(s.ssrf, 'http://127.0.0.1/x')).rejects.toThrow(SsrfError);
  });

  it('requires https in production', () => {
    const s = webhookSettings(
      loadConfig({
        NODE_ENV: 'production',
        JWT_SECRET: randomBytes(32).toString('hex'),
        DATABASE_URL: 'postgres://h/db',
        PUBLIC_URL: 'https://herald.example.com',
        TRACKING_SECRET: randomBytes(32).toString('hex'),
        WEBHOOK_SECRETS_KEY: randomBytes(32).toString('hex'),
      }),
    );
    expect(s.ssrf.requireHttps).toBe(true);
  });

  it('refuses a malformed schedule with one line naming it', () => {
    expect(() => loadConfig({ WEBHOOK_RETRY_SCHEDULE: '5s,soon' })).toThrow(ConfigError);
    expect(() => loadConfig({ WEBHOOK_RETRY_SCHEDULE: '5s,soon' })).toThrow(/WEBHOOK_RETRY_SCHEDULE/);
  });
});
