import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseTrustedProxies, type TrustedProxy } from '@/db/env';
import { clientAddress, fromTrustedProxy, normalizeAddress, peerAddressHeader, recordPeerAddresses, trustedProxiesFromEnv, UNKNOWN_ADDRESS } from './client-address';

function proxies(value: string): TrustedProxy[] {
  const parsed = parseTrustedProxies(value);
  if (typeof parsed === 'string') throw new Error(parsed);
  return parsed;
}

describe('the client address the sign-in limits count', () => {
  let name: string;
  beforeAll(() => {
    name = recordPeerAddresses();
  });

  const request = (peer: string | null, forwardedFor?: string) =>
    new Headers({ ...(peer === null ? {} : { [name]: peer }), ...(forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor }) });

  it('is the connection’s address when no proxy is trusted, whatever X-Forwarded-For and X-Real-IP say', () => {
    expect(clientAddress(request('198.51.100.4', '10.1.2.3'), [])).toBe('198.51.100.4');
    const headers = request('198.51.100.4', '203.0.113.9, 10.1.2.3');
    headers.set('x-real-ip', '10.9.9.9');
    expect(clientAddress(headers, [])).toBe('198.51.100.4');
    expect(clientAddress(request('::ffff:198.51.100.4'), [])).toBe('198.51.100.4');
  });

  it('ignores X-Forwarded-For from a connection that is not a trusted proxy', () => {
    expect(clientAddress(request('198.51.100.4', '10.1.2.3'), proxies('10.0.0.0/8'))).toBe('198.51.100.4');
  });

  it('says a request came from a trusted proxy only when its socket address is one', () => {
    expect(fromTrustedProxy(request('10.0.0.7'), proxies('10.0.0.0/8'))).toBe(true);
    expect(fromTrustedProxy(request('198.51.100.4', '10.0.0.7'), proxies('10.0.0.0/8'))).toBe(false);
    expect(fromTrustedProxy(request('10.0.0.7'), [])).toBe(false);
    expect(fromTrustedProxy(request(null, '10.0.0.7'), proxies('10.0.0.0/8'))).toBe(false);
  });

  it('reads X-Forwarded-For from the right through trusted proxies, and never what the client wrote before it', () => {
    const two = proxies('10.0.0.1, 10.0.0.2');
    // The client forged "1.1.1.1"; the first proxy appended the address it saw, the second the first proxy's.
    expect(clientAddress(request('10.0.0.2', '1.1.1.1, 203.0.113.50, 10.0.0.1'), two)).toBe('203.0.113.50');
    expect(clientAddress(request('10.0.0.1', '203.0.113.50'), proxies('10.0.0.0/8'))).toBe('203.0.113.50');
    expect(clientAddress(request('::1', '2001:db8::7'), proxies('::1'))).toBe('2001:db8::7');
    // A trusted proxy that says nothing, or passes on something that is not an address: the proxy is all we know.
    expect(clientAddress(request('10.0.0.1'), two)).toBe('10.0.0.1');
    expect(clientAddress(request('10.0.0.2', 'not-an-address, 10.0.0.1'), two)).toBe('10.0.0.1');
  });

  it('is "unknown" without the socket address, even when the client sends X-Forwarded-For', () => {
    expect(clientAddress(request(null, '203.0.113.9'), [])).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress(request(null, '203.0.113.9'), proxies('0.0.0.0/0'))).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress(request('garbage'), [])).toBe(UNKNOWN_ADDRESS);
  });

  it('gets the real socket address from a running HTTP server, over any header a client sends', async () => {
    const seen: (string | undefined)[] = [];
    const server = http.createServer((req, res) => {
      seen.push(req.headers[peerAddressHeader()!] as string | undefined);
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      await fetch(`http://127.0.0.1:${port}/`, { headers: { 'x-forwarded-for': '1.2.3.4', [name]: '1.2.3.4' } });
      await fetch(`http://127.0.0.1:${port}/`);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(seen).toEqual(['127.0.0.1', '127.0.0.1']);
  });

  it('uses a header name nobody can guess, the same for the whole process', () => {
    expect(name).toMatch(/^x-abate-peer-[0-9a-f]{32}$/);
    expect(recordPeerAddresses()).toBe(name);
  });

  it('normalizes addresses and refuses what is not one', () => {
    expect(normalizeAddress(' [2001:DB8::1] ')).toBe('2001:db8::1');
    expect(normalizeAddress('::ffff:10.0.0.1')).toBe('10.0.0.1');
    expect(normalizeAddress('10.0.0.1:443')).toBeNull();
    expect(normalizeAddress('')).toBeNull();
  });
});

describe('ABATE_TRUSTED_PROXIES', () => {
  it('reads addresses and networks separated by commas or spaces', () => {
    expect(parseTrustedProxies('10.0.0.0/8, 192.168.1.10  ::1,fd00::/8')).toEqual([
      { address: '10.0.0.0', family: 'ipv4', prefix: 8 },
      { address: '192.168.1.10', family: 'ipv4', prefix: 32 },
      { address: '::1', family: 'ipv6', prefix: 128 },
      { address: 'fd00::', family: 'ipv6', prefix: 8 },
    ]);
    expect(parseTrustedProxies(undefined)).toEqual([]);
    expect(parseTrustedProxies(' ')).toEqual([]);
    expect(trustedProxiesFromEnv('127.0.0.1')).toEqual([{ address: '127.0.0.1', family: 'ipv4', prefix: 32 }]);
  });

  it('refuses anything that is not an address or a network, naming it', () => {
    for (const bad of ['localhost', '10.0.0.0/33', '::1/129', '10.0.0.1/8/8', '10.0.0.1/x', '*']) {
      expect(parseTrustedProxies(bad)).toMatch(/is not an IP address or a network/);
    }
    expect(trustedProxiesFromEnv('localhost')).toEqual([]);
  });
});
