import { createAuth } from '@cos/api';
import { openDatabase, runMigrations } from '@cos/db';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from './app';
import { loadConfig } from './config';
import { parseTrustProxy, type TrustProxy } from './trusted-proxy';

describe('the TRUST_PROXY setting', () => {
  it('trusts no proxy by default', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('')).toBe(false);
    expect(parseTrustProxy('0')).toBe(false);
  });

  it('takes a hop count or addresses and networks', () => {
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('10.0.0.5, 10.1.0.0/16,loopback')).toEqual([
      '10.0.0.5',
      '10.1.0.0/16',
      'loopback',
    ]);
    expect(parseTrustProxy('fd00::/8')).toEqual(['fd00::/8']);
  });

  it.each(['true', '*', '10.0.0.0/33', 'proxy.internal', '10.0.0.1/8/1'])(
    'refuses %j, naming the setting',
    (value) => {
      expect(() => parseTrustProxy(value)).toThrow(/^TRUST_PROXY must be .*got/);
      expect(() =>
        loadConfig({ DATABASE_URL: ':memory:', AUTH_SECRET: 'x'.repeat(32), TRUST_PROXY: value }),
      ).toThrow(/TRUST_PROXY/);
    },
  );
});

describe('the client address behind a proxy (request.ip)', () => {
  const handle = openDatabase({ url: ':memory:' });
  runMigrations(handle.db);
  const auth = createAuth(handle, { baseURL: 'http://localhost:3000', secret: 'y'.repeat(32) });
  afterAll(() => handle.close());

  async function ipSeen(trustProxy: TrustProxy, peer: string, forwarded?: string) {
    const app = await buildApp({ handle, auth, origin: 'http://localhost:3000', trustProxy });
    app.get('/__ip', (request) => ({ ip: request.ip }));
    const response = await app.inject({
      url: '/__ip',
      remoteAddress: peer,
      headers: forwarded ? { 'x-forwarded-for': forwarded } : {},
    });
    await app.close();
    return response.json<{ ip: string }>().ip;
  }

  it('is the TCP peer unless a proxy is trusted: X-Forwarded-For cannot be spoofed', async () => {
    expect(await ipSeen(false, '203.0.113.9', '198.51.100.1')).toBe('203.0.113.9');
  });

  it('is the forwarded client when the peer is a trusted proxy', async () => {
    expect(await ipSeen(['10.0.0.0/8'], '10.0.0.5', '198.51.100.1')).toBe('198.51.100.1');
    expect(await ipSeen(1, '10.0.0.5', '198.51.100.7, 198.51.100.1')).toBe('198.51.100.1');
  });

  it('is the peer when the peer is not the trusted proxy', async () => {
    expect(await ipSeen(['10.0.0.0/8'], '203.0.113.9', '198.51.100.1')).toBe('203.0.113.9');
  });
});
