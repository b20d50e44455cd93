import { BlockList, isIP } from 'node:net';
import dns from 'node:dns';
import type { LookupFunction } from 'node:net';

// Addresses a webhook may not reach unless an admin allows it: loopback, private networks, link-local
// (cloud metadata), carrier-grade NAT, multicast and reserved ranges, in IPv4 and IPv6.
const BLOCKED = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) BLOCKED.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['64:ff9b::', 96], ['2001:db8::', 32]] as const) BLOCKED.addSubnet(net, prefix, 'ipv6');

/** Whether an IP address is private, loopback or otherwise not on the public internet. */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return isPrivateAddress(mapped[1]);
  const family = isIP(address);
  if (family === 0) return true;
  return BLOCKED.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export class TargetRefused extends Error {
  constructor(readonly reason: 'WEBHOOK_URL_INVALID' | 'WEBHOOK_PRIVATE_TARGET' | 'WEBHOOK_HOST_UNKNOWN', message: string) {
    super(message);
  }
}

/** The URL's form: http(s), a host, no user name or password in it. */
export function parseTargetUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TargetRefused('WEBHOOK_URL_INVALID', 'Enter a full http:// or https:// address.');
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname || url.username || url.password) {
    throw new TargetRefused('WEBHOOK_URL_INVALID', 'Enter a full http:// or https:// address.');
  }
  return url;
}

/** Resolves the URL's host and refuses it when any of its addresses is private (unless allowed). */
export async function checkTarget(raw: string, allowPrivate: boolean): Promise<URL> {
  const url = parseTargetUrl(raw);
  if (allowPrivate) return url;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await dns.promises.lookup(host, { all: true })).map((a) => a.address);
  } catch {
    throw new TargetRefused('WEBHOOK_HOST_UNKNOWN', 'The address’s host name could not be found.');
  }
  if (!addresses.length || addresses.some(isPrivateAddress)) throw new TargetRefused('WEBHOOK_PRIVATE_TARGET', 'Webhooks may not reach private or loopback addresses.');
  return url;
}

/**
 * The DNS lookup the sending socket uses: it checks the very addresses it connects to, so a host
 * that resolved to a public address at the check cannot switch to a private one for the request.
 */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const list = addresses as dns.LookupAddress[];
      const refused = !allowPrivate && list.some((a) => isPrivateAddress(a.address));
      if (refused || !list.length) return callback(new TargetRefused('WEBHOOK_PRIVATE_TARGET', 'Webhooks may not reach private or loopback addresses.'), '', 0);
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      callback(null, list[0].address, list[0].family);
    });
  };
}
