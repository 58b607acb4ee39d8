/**
 * Content coding (compression.ts) over the real app: JSON from REST and tRPC
 * (anonymous, stored, signed-in), the admin's CSV export stream and a
 * register download are coded as Accept-Encoding allows and decode to exactly
 * the identity bytes; a stored answer is coded once and then sent as the
 * same bytes; 304 works for every coding; Vary is always there; small bodies
 * and zip files (XLSX) are left alone; coded copies count against the
 * response cache's byte budget. Requests go through app.inject, which, unlike
 * fetch, hands back the bytes as sent.
 */
import { randomBytes } from 'node:crypto';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { DATA_SCOPES, type ScopeVersions } from '@cos/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chooseCoding,
  codingCounter,
  isCompressible,
  MIN_COMPRESS_BYTES,
  varyWithEncoding,
  weakened,
} from './compression';
import { sessionCookie } from './reliability/http';
import { ResponseCache } from './response-cache';
import { ADMIN, startTestServer, type TestServer } from './test-server';

const decode = (coding: unknown, body: Buffer): Buffer =>
  coding === 'br' ? brotliDecompressSync(body) : coding === 'gzip' ? gunzipSync(body) : body;

describe('choosing a coding', () => {
  it('follows Accept-Encoding: q-values, identity, * and refusals', () => {
    expect(chooseCoding(undefined)).toBeNull();
    expect(chooseCoding('')).toBeNull();
    expect(chooseCoding('gzip, deflate, br, zstd')).toBe('br');
    expect(chooseCoding('gzip')).toBe('gzip');
    expect(chooseCoding('br;q=0.5, gzip;q=0.9')).toBe('gzip');
    expect(chooseCoding('br;q=0, gzip')).toBe('gzip');
    expect(chooseCoding('*')).toBe('br');
    expect(chooseCoding('identity')).toBeNull();
    expect(chooseCoding('gzip;q=0.5, identity')).toBeNull();
    expect(chooseCoding('br;q=0, gzip;q=0')).toBeNull();
    expect(chooseCoding('deflate')).toBeNull();
  });

  it('codes text types only, not images or zip containers', () => {
    for (const type of [
      'text/html; charset=utf-8',
      'application/json',
      'text/csv; charset=utf-8',
      'application/xml',
      'image/svg+xml',
      'application/ld+json',
      'application/jsonl',
      'text/javascript',
    ])
      expect(isCompressible(type), type).toBe(true);
    for (const type of [
      'image/webp',
      'image/png',
      'image/jpeg',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/zip',
      'font/woff2',
      undefined,
    ])
      expect(isCompressible(type), String(type)).toBe(false);
  });

  it('adds Accept-Encoding to Vary once, and weakens ETags', () => {
    expect(varyWithEncoding(undefined)).toBe('accept-encoding');
    expect(varyWithEncoding('trpc-accept, accept')).toBe('trpc-accept, accept, accept-encoding');
    expect(varyWithEncoding('Accept-Encoding')).toBe('Accept-Encoding');
    expect(weakened('"abc"')).toBe('W/"abc"');
    expect(weakened('W/"abc"')).toBe('W/"abc"');
  });
});

describe('the response cache counts coded copies', () => {
  it('evicts to make room for a coded copy', async () => {
    const versions = () =>
      Object.fromEntries(DATA_SCOPES.map((scope) => [scope, 1])) as ScopeVersions;
    // Hex text: about half its size once coded, so a copy of one entry does not fit beside two.
    const body = () => Buffer.from(randomBytes(8 * 1024).toString('hex'));
    const perEntry = 16 * 1024 + '/x'.length + 256;
    const cache = new ResponseCache(versions, { maxBytes: 2 * perEntry + 1024 });
    const headers = { 'content-type': 'text/plain' };
    cache.set('/a', cache.begin(), headers, body());
    cache.set('/b', cache.begin(), headers, body());
    expect(cache.size).toBe(2);
    const entry = cache.get('/a');
    if (!entry) throw new Error('not stored');
    const coded = await cache.coded('/a', entry, 'br');
    expect(coded.byteLength).toBeGreaterThan(1024);
    expect(cache.get('/b')).toBeUndefined();
    expect(cache.get('/a')?.coded?.br).toBe(coded);
  });
});

describe('coded answers over HTTP', () => {
  let server: TestServer;
  let admin = '';
  beforeAll(async () => {
    server = await startTestServer({ demo: 120, downloadLimits: { atOnce: 50, perMinute: 500 } });
    admin = await sessionCookie(server, ADMIN);
  }, 60_000);
  afterAll(() => server.close());

  const get = (url: string, headers: Record<string, string> = {}) =>
    server.app.inject({ method: 'GET', url, headers });

  it.each([
    ['REST JSON', '/api/v1/members?limit=40', 'application/json'],
    ['a tRPC query', `/trpc/member.directory?input=${encodeURIComponent('{"limit":40}')}`, 'json'],
    ['the OpenAPI document', '/api/openapi.json', 'application/json'],
  ])('%s: br, gzip or identity, decoding to the same bytes', async (_name, url, type) => {
    const plain = await get(url, { 'cache-control': 'no-cache' });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-type']).toContain(type);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.byteLength).toBeGreaterThan(MIN_COMPRESS_BYTES);
    expect(String(plain.headers.vary)).toMatch(/accept-encoding/i);
    for (const [accept, coding] of [
      ['br, gzip', 'br'],
      ['gzip', 'gzip'],
      ['br;q=0.1, gzip;q=0.8', 'gzip'],
    ] as const) {
      // Computed (no-cache) and stored (the second one) answers alike.
      for (const cacheControl of ['no-cache', undefined]) {
        const coded = await get(url, {
          'accept-encoding': accept,
          ...(cacheControl ? { 'cache-control': cacheControl } : {}),
        });
        expect(coded.headers['content-encoding'], accept).toBe(coding);
        expect(String(coded.headers.vary)).toMatch(/accept-encoding/i);
        expect(coded.rawPayload.byteLength).toBeLessThan(plain.rawPayload.byteLength);
        expect(decode(coding, coded.rawPayload).equals(plain.rawPayload)).toBe(true);
      }
    }
    const refused = await get(url, { 'accept-encoding': 'identity' });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.rawPayload.equals(plain.rawPayload)).toBe(true);
  });

  it('codes a stored answer once, then sends the same bytes', async () => {
    const url = '/api/v1/members?limit=30&sort=name';
    await get(url); // computed and stored
    const before = codingCounter.stored;
    const first = await get(url, { 'accept-encoding': 'br' });
    const again = await get(url, { 'accept-encoding': 'br' });
    const gzip = await get(url, { 'accept-encoding': 'gzip' });
    const gzipAgain = await get(url, { 'accept-encoding': 'gzip' });
    for (const hit of [first, again, gzip, gzipAgain]) expect(hit.headers['x-cache']).toBe('hit');
    expect(again.rawPayload.equals(first.rawPayload)).toBe(true);
    expect(gzipAgain.rawPayload.equals(gzip.rawPayload)).toBe(true);
    expect(codingCounter.stored - before).toBe(2); // one brotli copy, one gzip copy
  });

  it('answers 304 to If-None-Match whichever coding the client holds', async () => {
    const url = '/api/v1/members?limit=25';
    for (const accept of ['br', 'gzip', 'identity']) {
      const first = await get(url, { 'accept-encoding': accept });
      const tag = String(first.headers.etag);
      expect(tag).toMatch(/^W\//);
      for (const cacheControl of [undefined, 'no-cache']) {
        const again = await get(url, {
          'accept-encoding': accept,
          'if-none-match': tag,
          ...(cacheControl ? { 'cache-control': cacheControl } : {}),
        });
        expect(again.statusCode, `${accept} ${cacheControl}`).toBe(304);
        expect(again.rawPayload.byteLength).toBe(0);
        expect(String(again.headers.vary)).toMatch(/accept-encoding/i);
      }
    }
  });

  it('leaves small answers alone', async () => {
    const health = await get('/healthz', { 'accept-encoding': 'br' });
    expect(health.headers['content-encoding']).toBeUndefined();
    expect(health.json()).toEqual({ status: 'ok' });
  });

  it('codes signed-in tRPC answers per request', async () => {
    const url = `/trpc/member.admin.list?input=${encodeURIComponent('{"limit":50}')}`;
    const plain = await get(url, { cookie: admin });
    expect(plain.statusCode).toBe(200);
    const coded = await get(url, { cookie: admin, 'accept-encoding': 'gzip' });
    expect(coded.headers['content-encoding']).toBe('gzip');
    expect(coded.headers['cache-control']).toBe('private, no-store');
    expect(JSON.parse(decode('gzip', coded.rawPayload).toString())).toEqual(plain.json());
  });

  it('streams the admin CSV export coded, and leaves XLSX (a zip) alone', async () => {
    const url = '/api/admin/members/export?format=csv';
    const plain = await get(url, { cookie: admin });
    expect(plain.statusCode).toBe(200);
    for (const coding of ['br', 'gzip']) {
      const coded = await get(url, { cookie: admin, 'accept-encoding': coding });
      expect(coded.headers['content-encoding']).toBe(coding);
      expect(coded.headers['content-length']).toBeUndefined();
      expect(decode(coding, coded.rawPayload).equals(plain.rawPayload)).toBe(true);
    }
    const xlsx = await get('/api/admin/members/export?format=xlsx', {
      cookie: admin,
      'accept-encoding': 'br, gzip',
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-encoding']).toBeUndefined();
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('sends the register download coded, decoding to exactly the identity bytes', async () => {
    const plain = await get('/api/v1/members.csv');
    expect(plain.statusCode).toBe(200);
    for (const coding of ['br', 'gzip']) {
      const coded = await get('/api/v1/members.csv', { 'accept-encoding': coding });
      expect(coded.headers['content-encoding']).toBe(coding);
      expect(decode(coding, coded.rawPayload).equals(plain.rawPayload)).toBe(true);
    }
  });
});
