import { clientAddressFinder, parseTrustProxy } from '../../lib/trustProxy';

/** TRUST_PROXY: what it accepts, and which address it makes the client's. */
describe('parseTrustProxy', () => {
  it('trusts nothing when unset, false or 0; reads hop counts, addresses, CIDRs and named ranges', () => {
    for (const v of [undefined, '', 'false', '0', '  ']) expect(parseTrustProxy(v)).toEqual({ kind: 'none' });
    expect(parseTrustProxy('2')).toEqual({ kind: 'hops', hops: 2 });
    expect(parseTrustProxy(' 10.0.0.0/8, 127.0.0.1 ,::1,fd00::/8,loopback ')).toEqual({
      kind: 'addresses',
      entries: ['10.0.0.0/8', '127.0.0.1', '::1', 'fd00::/8', 'loopback'],
    });
  });

  it.each(['true', 'proxy.example.com', '10.0.0.0/33', '10.0.0.0/8/1', '::1/129', '999.1.1.1', '33'])('refuses %s', (v) => {
    expect(() => parseTrustProxy(v)).toThrow(/must/);
  });
});

describe('clientAddressFinder', () => {
  it('keeps the peer when nothing is trusted, whatever the header says', () => {
    expect(clientAddressFinder({ kind: 'none' })('203.0.113.1', '1.2.3.4')).toEqual({ ip: '203.0.113.1', viaProxy: false });
  });

  it('walks X-Forwarded-For from the right through trusted proxies only', () => {
    const find = clientAddressFinder(parseTrustProxy('10.0.0.0/8,127.0.0.1'));
    expect(find('127.0.0.1', 'forged, 198.51.100.4, 10.1.2.3')).toEqual({ ip: '198.51.100.4', viaProxy: true });
    expect(find('::ffff:127.0.0.1', '198.51.100.4')).toEqual({ ip: '198.51.100.4', viaProxy: true });
    expect(find('127.0.0.1', undefined)).toEqual({ ip: '127.0.0.1', viaProxy: true });
    expect(find('127.0.0.1', '10.0.0.9, not-an-ip')).toEqual({ ip: '127.0.0.1', viaProxy: true });
    expect(find('10.0.0.5', 'not-an-ip, 10.0.0.9')).toEqual({ ip: '10.0.0.9', viaProxy: true });
    expect(find('198.51.100.1', '10.0.0.9')).toEqual({ ip: '198.51.100.1', viaProxy: false });
  });

  it('counts hops from the peer', () => {
    const two = clientAddressFinder(parseTrustProxy('2'));
    expect(two('10.0.0.1', 'forged, 198.51.100.4, 10.0.0.2').ip).toBe('198.51.100.4');
    expect(two('10.0.0.1', '10.0.0.2').ip).toBe('10.0.0.2');
    expect(clientAddressFinder(parseTrustProxy('1'))('10.0.0.1', 'forged, 198.51.100.4').ip).toBe('198.51.100.4');
  });
});
