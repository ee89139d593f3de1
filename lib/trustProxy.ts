import { BlockList, isIP } from 'node:net';

/**
 * Which proxies in front of Herald may tell it the client's address (X-Forwarded-For) and the
 * scheme and host the client used (X-Forwarded-Proto, X-Forwarded-Host). Trusting the header
 * from anyone would let a client that reaches the API directly pick its own address and walk
 * around the per-IP rate limit, so nothing is trusted unless TRUST_PROXY says so.
 */
export type TrustProxy =
  | { kind: 'none' }
  /** This many proxies stand in front of Herald, whoever connects. */
  | { kind: 'hops'; hops: number }
  /** Connections from these addresses or networks are proxies. */
  | { kind: 'addresses'; entries: string[] };

/** Names for common ranges, as Express and proxy-addr spell them. */
const NAMED: Record<string, string[]> = {
  loopback: ['127.0.0.0/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

/**
 * Reads TRUST_PROXY: unset, `false` or `0` trusts nothing; a whole number is a hop count; anything
 * else is a comma list of addresses, CIDRs or the names loopback, linklocal, uniquelocal. Throws
 * an Error whose message says what is wrong with the first bad entry.
 */
export function parseTrustProxy(text: string | undefined): TrustProxy {
  const value = (text ?? '').trim();
  if (value === '' || value === 'false' || value === '0') return { kind: 'none' };
  if (value === 'true') throw new Error('must name the proxies (addresses, CIDRs, loopback…) or their number: "true" would let any client choose its own IP');
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 32) throw new Error('must be a hop count from 0 to 32');
    return { kind: 'hops', hops };
  }
  const entries = value
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  for (const entry of entries) {
    if (NAMED[entry]) continue;
    const [address, prefix, extra] = entry.split('/');
    const family = isIP(address ?? '');
    const max = family === 4 ? 32 : 128;
    if (!family || extra !== undefined || (prefix !== undefined && !(/^\d+$/.test(prefix) && Number(prefix) <= max))) {
      throw new Error(`must be false, a hop count, or a comma list of addresses, CIDRs, loopback, linklocal or uniquelocal ("${entry}" is none of these)`);
    }
  }
  return { kind: 'addresses', entries };
}

/** The address family name BlockList expects. */
const familyOf = (address: string) => (isIP(address) === 6 ? 'ipv6' : 'ipv4');

/**
 * Builds the function that finds a request's client address: the connecting peer, or, when that
 * peer is a trusted proxy, the address it forwarded, walking X-Forwarded-For from the right
 * through trusted proxies only. An entry that is not an IP address stops the walk (the proxy that
 * forwarded it is then the client). `viaProxy` says whether the peer was trusted, so forwarded
 * scheme and host can be believed or dropped.
 */
export function clientAddressFinder(trust: TrustProxy): (peer: string, forwardedFor: string | undefined) => { ip: string; viaProxy: boolean } {
  if (trust.kind === 'none') return (peer) => ({ ip: peer, viaProxy: false });
  const proxies = new BlockList();
  if (trust.kind === 'addresses') {
    for (const entry of trust.entries.flatMap((e) => NAMED[e] ?? [e])) {
      const [address, prefix] = entry.split('/') as [string, string | undefined];
      const family = familyOf(address);
      if (prefix === undefined) proxies.addAddress(address, family);
      else proxies.addSubnet(address, Number(prefix), family);
    }
  }
  const trusted = (address: string, depth: number) =>
    trust.kind === 'hops' ? depth < trust.hops : isIP(address) !== 0 && proxies.check(address, familyOf(address));
  return (peer, forwardedFor) => {
    if (!trusted(peer, 0)) return { ip: peer, viaProxy: false };
    const chain = (forwardedFor ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .reverse();
    let ip = peer;
    for (let depth = 0; depth < chain.length; depth++) {
      const next = chain[depth]!;
      if (!isIP(next)) break;
      ip = next;
      if (!trusted(next, depth + 1)) break;
    }
    return { ip, viaProxy: true };
  };
}
