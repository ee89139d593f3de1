import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/**
 * The SSRF guard for outgoing webhooks. A webhook URL is chosen by a tenant, so without a guard
 * Herald would POST into its own network (databases, the cloud metadata service). Every address
 * a URL resolves to is checked against the reserved ranges below, at create and again on each
 * connection, with the checked address pinned for that connection (no second DNS answer).
 */

/** Ranges no webhook may reach unless allow-listed: loopback, private, link-local (metadata), reserved. */
const BLOCKED_V4 = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const;
const BLOCKED_V6 = [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
  ['2001:db8::', 32],
] as const;

const blocked = new BlockList();
for (const [net, prefix] of BLOCKED_V4) blocked.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of BLOCKED_V6) blocked.addSubnet(net, prefix, 'ipv6');

/**
 * Why a URL or an address may not receive webhooks. `unresolvable`: the host has no DNS answer
 * here; `private`: it is, or resolves to, a loopback, private, link-local or reserved address.
 */
export type SsrfReason = 'shape' | 'unresolvable' | 'private';

/**
 * Raised when a URL or an address may not receive webhooks. The message says why in terms a
 * tenant can act on (it is shown in 422s and delivery logs): it names the host the tenant gave,
 * never the addresses it resolved to nor Herald's configuration.
 */
export class SsrfError extends Error {
  override name = 'SsrfError';

  constructor(
    message: string,
    readonly reason: SsrfReason = 'shape',
  ) {
    super(message);
  }
}

/** Resolves a host name to every address it has. */
export type HostResolver = (host: string) => Promise<LookupAddress[]>;

/** Where webhooks may go: allow-listed hosts and networks, and whether plain http is refused. */
export interface SsrfPolicy {
  /** Lower-case host names allowed whatever they resolve to. */
  hosts: Set<string>;
  /** Networks allowed even though they are reserved (e.g. 127.0.0.0/8 in development). */
  networks: BlockList;
  requireHttps: boolean;
  /**
   * How host names are resolved, at create and on each connection; the system resolver
   * (`dns.lookup`) when absent. Lets a caller (a test of DNS rebinding, a deployment with its
   * own resolver) decide what a name answers without changing the checks made on the answer.
   */
  resolve?: HostResolver;
}

/**
 * Builds a policy from WEBHOOK_ALLOWED_HOSTS-style text: comma-separated host names, addresses
 * or CIDRs. Throws on an entry that is neither.
 */
export function parseSsrfPolicy(allowed: string, requireHttps: boolean): SsrfPolicy {
  const hosts = new Set<string>();
  const networks = new BlockList();
  for (const raw of allowed
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [address, prefix] = raw.split('/');
    const family = isIP(address ?? '');
    if (family) {
      const bits = prefix === undefined ? (family === 4 ? 32 : 128) : Number(prefix);
      if (!Number.isInteger(bits) || bits < 0 || bits > (family === 4 ? 32 : 128)) throw new SsrfError(`"${raw}" is not a valid CIDR`);
      networks.addSubnet(address!, bits, family === 4 ? 'ipv4' : 'ipv6');
    } else if (prefix === undefined && raw.length <= 253 && /^(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))*\.?$/i.test(raw)) {
      hosts.add(raw.toLowerCase());
    } else {
      throw new SsrfError(`"${raw}" is neither a host name nor an address or CIDR${/:\d+$/.test(raw) ? ' (ports are not part of an entry)' : ''}`);
    }
  }
  return { hosts, networks, requireHttps };
}

/** Unwraps IPv4-mapped IPv6 (::ffff:10.0.0.1) so it is judged as the IPv4 address it is. */
function normalise(address: string): { address: string; family: 'ipv4' | 'ipv6' } {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return { address: mapped[1]!, family: 'ipv4' };
  return { address, family: isIP(address) === 6 ? 'ipv6' : 'ipv4' };
}

/** Throws unless the address is public or inside an allow-listed network. */
export function assertAddressAllowed(policy: SsrfPolicy, address: string): void {
  const { address: a, family } = normalise(address);
  if (policy.networks.check(a, family)) return;
  if (blocked.check(a, family))
    throw new SsrfError(
      'points to a private or reserved address (loopback, private network, link-local or reserved range); webhooks go to public addresses only',
      'private',
    );
}

/** The host part of a URL without IPv6 brackets. */
const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, '').toLowerCase();

/** Throws unless the URL is http(s) (https when required) and carries no credentials. */
export function assertUrlShape(policy: SsrfPolicy, url: URL): void {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new SsrfError('must be an http or https URL');
  if (policy.requireHttps && url.protocol !== 'https:') throw new SsrfError('must use https');
  if (url.username || url.password) throw new SsrfError('must not carry credentials');
}

/** Resolves a host to every address it has, through the system resolver. */
const resolveAll: HostResolver = (host) =>
  new Promise<LookupAddress[]>((resolve, reject) => dnsLookup(host, { all: true }, (err, addresses) => (err ? reject(err) : resolve(addresses))));

/**
 * Checks a URL the way a delivery will use it: shape, then every address its host resolves to
 * (or the literal address). Used at create/update so a bad URL is a 422 rather than a failing
 * endpoint (fail fast: a typo in the host shows at once). A host without a DNS answer here is
 * refused (`unresolvable`), as is one with any private or reserved address (`private`); the
 * message names the host as given and nothing it resolved to.
 */
export async function assertUrlAllowed(policy: SsrfPolicy, raw: string): Promise<void> {
  const url = new URL(raw);
  assertUrlShape(policy, url);
  const host = hostOf(url);
  if (policy.hosts.has(host)) return;
  if (isIP(host)) return assertAddressAllowed(policy, host);
  let addresses: LookupAddress[];
  try {
    addresses = await (policy.resolve ?? resolveAll)(host);
  } catch {
    addresses = [];
  }
  if (!addresses.length)
    throw new SsrfError(`host ${host} does not resolve (no DNS answer); use a host name that resolves to a public address`, 'unresolvable');
  try {
    for (const a of addresses) assertAddressAllowed(policy, a.address);
  } catch (err) {
    if (err instanceof SsrfError)
      throw new SsrfError(`host ${host} resolves to a private or reserved address; webhooks go to public addresses only`, 'private');
    throw err;
  }
}

/** Node's `lookup` signature as net.connect calls it (with or without `all`). */
type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for undici's connector: resolves the host, refuses the connection if any address
 * is reserved (unless allow-listed), and connects to the address it checked, so the check and
 * the connection see the same DNS answer.
 */
export function guardedLookup(policy: SsrfPolicy) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback): void => {
    (policy.resolve ?? resolveAll)(hostname).then(
      (addresses) => {
        try {
          if (!policy.hosts.has(hostname.toLowerCase())) for (const a of addresses) assertAddressAllowed(policy, a.address);
        } catch (err) {
          callback(err as NodeJS.ErrnoException, '');
          return;
        }
        const first = addresses[0];
        if (!first) return callback(new SsrfError(`host ${hostname} does not resolve`, 'unresolvable') as NodeJS.ErrnoException, '');
        if (options.all) callback(null, [first]);
        else callback(null, first.address, first.family);
      },
      (err: NodeJS.ErrnoException) => callback(err, ''),
    );
  };
}

/** Checks a URL whose host is a literal address (net.connect skips `lookup` for those). */
export function assertLiteralHostAllowed(policy: SsrfPolicy, url: URL): void {
  const host = hostOf(url);
  if (isIP(host) && !policy.hosts.has(host)) assertAddressAllowed(policy, host);
}
