/**
 * Whose request is this? The address the sign-in limits count and the logs name.
 *
 * X-Forwarded-For is written by whoever sends the request, so it is believed only when the connection comes from a
 * reverse proxy the operator named in ABATE_TRUSTED_PROXIES; by default nobody's is, and the client is the address
 * the TCP connection came from. Next.js does not give a request's socket address to server actions (it fills
 * X-Forwarded-For with it only when the header is absent, so a forged one hides it), so `recordPeerAddresses`,
 * called once when the server starts (instrumentation.ts), writes the socket address of every request into a
 * header whose name is random for each process: a client cannot know the name, so it cannot send a value for it,
 * and a request that arrived before the name existed simply has no address.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { parseTrustedProxies, type TrustedProxy } from '@/db/env';

const PEER_HEADER = Symbol.for('abate.peerAddressHeader');
const globalForPeer = globalThis as unknown as { [PEER_HEADER]?: string };

/** What the limits count when the socket address is not known (no server hook: tests, scripts). */
export const UNKNOWN_ADDRESS = 'unknown';

/** The name of the header that carries each request's socket address in this process, or null before the hook. */
export function peerAddressHeader(): string | null {
  return globalForPeer[PEER_HEADER] ?? null;
}

/**
 * Writes the socket address of every request this process serves into the per-process header, before anything
 * else sees the request (and over anything a client sent under that name). Idempotent.
 */
export function recordPeerAddresses(): string {
  const existing = peerAddressHeader();
  if (existing) return existing;
  const name = `x-abate-peer-${crypto.randomBytes(16).toString('hex')}`;
  for (const prototype of [http.Server.prototype, https.Server.prototype] as { emit: (...args: unknown[]) => boolean }[]) {
    const emit = prototype.emit;
    prototype.emit = function emitWithPeerAddress(this: unknown, event: unknown, ...args: unknown[]): boolean {
      if (event === 'request') {
        const request = args[0] as http.IncomingMessage;
        request.headers[name] = request.socket?.remoteAddress ?? '';
      }
      return emit.call(this, event, ...args);
    };
  }
  globalForPeer[PEER_HEADER] = name;
  return name;
}

/** An address as the limits count it: IPv4-mapped IPv6 as plain IPv4, lower case; null when it is not an address. */
export function normalizeAddress(value: string | null | undefined): string | null {
  let text = (value ?? '').trim().toLowerCase();
  if (text.startsWith('[') && text.endsWith(']')) text = text.slice(1, -1);
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
  if (mapped) text = mapped[1]!;
  return net.isIP(text) === 0 ? null : text;
}

function trustChecker(proxies: readonly TrustedProxy[]): (address: string) => boolean {
  if (proxies.length === 0) return () => false;
  const list = new net.BlockList();
  for (const proxy of proxies) list.addSubnet(proxy.address, proxy.prefix, proxy.family);
  return (address) => list.check(address, net.isIPv4(address) ? 'ipv4' : 'ipv6');
}

/**
 * True when the request came straight from a reverse proxy the operator trusts, so the X-Forwarded-* headers it
 * carries were written by that proxy, not by the client.
 */
export function fromTrustedProxy(headers: Headers, proxies: readonly TrustedProxy[]): boolean {
  const name = peerAddressHeader();
  const peer = normalizeAddress(name ? headers.get(name) : null);
  return peer !== null && trustChecker(proxies)(peer);
}

/** At most this many X-Forwarded-For hops are read: no real chain of proxies is longer. */
const MAX_HOPS = 20;

/**
 * The client's address: the socket address, unless it is a trusted proxy; then X-Forwarded-For is read from the
 * right (each proxy appends the address it was reached from) and the first address that is not a trusted proxy is
 * the client. Whatever a client writes to the left of that is never read.
 */
export function clientAddress(headers: Headers, proxies: readonly TrustedProxy[]): string {
  const name = peerAddressHeader();
  const peer = normalizeAddress(name ? headers.get(name) : null);
  if (!peer) return UNKNOWN_ADDRESS;
  const trusted = trustChecker(proxies);
  if (!trusted(peer)) return peer;
  const hops = (headers.get('x-forwarded-for') ?? '').split(',').slice(-MAX_HOPS);
  let client = peer;
  for (let index = hops.length - 1; index >= 0; index -= 1) {
    const hop = normalizeAddress(hops[index]);
    // Not an address: only the proxy that passed it on is known for sure.
    if (!hop) return client;
    client = hop;
    if (!trusted(hop)) return hop;
  }
  return client;
}

let cached: { value: string | undefined; proxies: TrustedProxy[] } | null = null;

/** ABATE_TRUSTED_PROXIES as the server validated it at start-up (db/env.ts); none when unset. */
export function trustedProxiesFromEnv(value = process.env.ABATE_TRUSTED_PROXIES): TrustedProxy[] {
  if (cached !== null && cached.value === value) return cached.proxies;
  const parsed = parseTrustedProxies(value);
  // The server refuses to start with an invalid list; should one get here anyway, trust nobody.
  cached = { value, proxies: typeof parsed === 'string' ? [] : parsed };
  return cached.proxies;
}
