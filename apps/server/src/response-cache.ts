/**
 * A cache of whole responses to anonymous GET requests — public tRPC queries,
 * the open-data JSON routes and the site's pages — so a page or query that
 * many visitors ask for is computed once per data generation and then served
 * as stored bytes, without routing it through tRPC, zod or Astro again.
 *
 * It is never stale: an answer is stored only if the data generation read
 * before its work began (our write counter + SQLite's data_version, see the
 * API's ResultCache) is still the one the cache holds, and the cache empties
 * whenever the generation moves. The TTL only bounds time-based
 * content (an article scheduled for publication shows up within seconds).
 * Requests with a cookie or Authorization header (admins, editors) always go
 * the normal way, so nothing user-specific can be stored.
 *
 * lru-cache gives the byte-bounded least-recently-used eviction and the TTL,
 * so a flood of distinct URLs cannot grow the process.
 */
import { etag } from 'etag';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fresh from 'fresh';
import { LRUCache } from 'lru-cache';

declare module 'fastify' {
  interface FastifyRequest {
    /** The data generation a cacheable request started under; null when not cacheable. */
    responseCacheGeneration: string | null;
  }
}

export interface CachedResponse {
  headers: Record<string, string>;
  body: Buffer;
}

export interface ResponseCacheOptions {
  /** Total size of stored bodies; the least recently used go first. */
  maxBytes?: number;
  ttlMs?: number;
}

/** The response headers that belong to the content (security headers are added per request). */
const CONTENT_HEADERS = ['content-type', 'cache-control', 'content-language', 'etag'] as const;

/** Auth, admin, health and streaming requests are never stored or answered from the cache. */
const NEVER_CACHED = /^\/(?:admin|api\/auth|api\/admin|healthz)(?:[/?]|$)/;

export function isCacheable(request: FastifyRequest): boolean {
  const { headers } = request;
  return (
    request.method === 'GET' &&
    headers.cookie === undefined &&
    headers.authorization === undefined &&
    // tRPC's streaming batch link wants its answer as it comes, not stored
    headers['trpc-accept'] === undefined &&
    !NEVER_CACHED.test(request.url)
  );
}

export class ResponseCache {
  private readonly entries: LRUCache<string, CachedResponse>;
  private seen = '';

  constructor(
    /** The current data generation (cheap: one PRAGMA read). */
    readonly generation: () => string,
    { maxBytes = 32 * 1024 * 1024, ttlMs = 10_000 }: ResponseCacheOptions = {},
  ) {
    this.entries = new LRUCache<string, CachedResponse>({
      maxSize: maxBytes,
      // The key and the header strings cost memory too; 256 bytes is a fair allowance.
      sizeCalculation: (entry, key) => entry.body.byteLength + key.length + 256,
      ttl: ttlMs,
    });
  }

  /** The stored response for this URL, if it was computed under the current generation. */
  get(url: string): CachedResponse | undefined {
    const generation = this.generation();
    if (generation !== this.seen) {
      // Everything stored belongs to an older generation: let it go at once.
      this.entries.clear();
      this.seen = generation;
      return undefined;
    }
    return this.entries.get(url);
  }

  /**
   * Stores a 200 response computed under `generation` (read before the work
   * began). Returns its headers with an ETag added when it had none.
   */
  set(
    url: string,
    generation: string,
    headers: Record<string, unknown>,
    body: Buffer,
  ): Record<string, string> {
    const kept: Record<string, string> = {};
    for (const name of CONTENT_HEADERS) {
      const value = headers[name];
      if (typeof value === 'string') kept[name] = value;
    }
    kept.etag ??= etag(body, { weak: true });
    // A write committed while this response was computed makes it unusable. Comparing with the
    // generation last seen by get() is enough (no second read of SQLite): if the data moved on
    // since, the next get() notices and drops everything stored so far, this entry included.
    if (generation === this.seen) this.entries.set(url, { headers: kept, body });
    return kept;
  }

  get size(): number {
    return this.entries.size;
  }
}

/**
 * Whether the client already holds these bytes (If-None-Match names the ETag). Only that header is
 * given to `fresh`: it would also refuse when the request says Cache-Control: no-cache, which is
 * meant for caches in between, while this is the origin (fetch sends no-cache with every
 * conditional request).
 */
function clientHasIt(request: FastifyRequest, headers: Record<string, string>): boolean {
  return fresh({ 'if-none-match': request.headers['if-none-match'] }, headers);
}

function sendStored(request: FastifyRequest, reply: FastifyReply, hit: CachedResponse): void {
  // `x-cache: hit` tells operators (and tests) that no work was done for this answer.
  reply.header('x-cache', 'hit');
  if (clientHasIt(request, hit.headers)) {
    const { etag: tag = '', 'cache-control': cacheControl } = hit.headers;
    reply.header('etag', tag);
    if (cacheControl) reply.header('cache-control', cacheControl);
    reply.code(304).send();
    return;
  }
  reply.headers(hit.headers).send(hit.body);
}

function isWebResponse(payload: unknown): payload is Response {
  return payload instanceof Response;
}

/**
 * Answers cacheable requests from the cache before routing work starts, and
 * stores the 200 answers of Fastify routes (tRPC's web Response included).
 * Pages rendered by Astro are stored by the site itself through `remember`
 * (see web-site.ts), because Astro writes to the raw response.
 */
export function registerResponseCache(app: FastifyInstance, cache: ResponseCache): void {
  app.decorateRequest('responseCacheGeneration', null);

  app.addHook('onRequest', (request, reply, done) => {
    if (!isCacheable(request)) return done();
    // `Cache-Control: no-cache` asks for a response computed now (RFC 9111 5.2.1.4); it is
    // still stored for the next request.
    const stored = cache.get(request.url);
    if (stored && !request.headers['cache-control']?.includes('no-cache'))
      return sendStored(request, reply, stored);
    request.responseCacheGeneration = cache.generation();
    done();
  });

  app.addHook('onSend', (request, reply, payload, done) => {
    const generation = request.responseCacheGeneration;
    if (generation === null) return done(null, payload);
    const store = (body: Buffer) => {
      if (reply.statusCode !== 200) return done(null, body);
      const headers = cache.set(request.url, generation, reply.getHeaders(), body);
      reply.headers(headers);
      if (!clientHasIt(request, headers)) return done(null, body);
      reply.code(304).removeHeader('content-type').removeHeader('content-length');
      done(null, null);
    };
    if (reply.statusCode !== 200 && !isWebResponse(payload)) return done(null, payload);
    if (isWebResponse(payload)) {
      // tRPC answers with a web Response; take its status, headers and body here.
      reply.code(payload.status);
      payload.headers.forEach((value, name) => {
        reply.header(name, value);
      });
      payload.arrayBuffer().then((buffer) => store(Buffer.from(buffer)), done);
      return;
    }
    if (typeof payload === 'string') return store(Buffer.from(payload));
    if (Buffer.isBuffer(payload)) return store(payload);
    done(null, payload); // streams (CSV and JSON downloads, static files) pass through
  });
}
