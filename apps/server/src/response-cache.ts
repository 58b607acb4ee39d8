/**
 * A cache of whole responses to anonymous GET requests — public tRPC queries,
 * the open-data JSON routes and the site's pages — so a page or query that
 * many visitors ask for is computed once and then served as stored bytes,
 * without routing it through tRPC, zod or Astro again.
 *
 * It is never stale, and a write drops only what it touched: while a request
 * computes, a ReadLog (@cos/api read-scopes) collects the data scopes it read
 * (members, clusters, areas, articles …: every tRPC query declares its own,
 * an undeclared one counts as all), and the answer is stored with the
 * versions those scopes had before its work began (the counters of
 * @cos/db change-tracking, which any process's commit moves). It is served
 * while they are unchanged: an article write leaves the member pages stored,
 * a member write drops them, a sign-in drops nothing. The TTL only bounds
 * time-based content (an article scheduled for publication shows up within
 * seconds).
 * Requests with a cookie or Authorization header (admins, editors) always go
 * the normal way, so nothing user-specific can be stored.
 *
 * lru-cache gives the byte-bounded least-recently-used eviction and the TTL,
 * so a flood of distinct URLs cannot grow the process.
 */
import { ReadLog, withReadLog, type DataScope } from '@cos/api';
import type { ScopeVersions } from '@cos/db';
import { etag } from 'etag';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fresh from 'fresh';
import { LRUCache } from 'lru-cache';
import {
  chooseCoding,
  codedBytes,
  isCodable,
  storedCoding,
  varyWithEncoding,
  weakened,
  type Coding,
  type CodedVariants,
} from './compression';

declare module 'fastify' {
  interface FastifyRequest {
    /** What a cacheable request reads, and the versions when it began; null when not cacheable. */
    responseCacheReads: RequestReads | null;
  }
}

/** A request's reads while it computes: the scopes it read, and their versions before it began. */
export interface RequestReads {
  log: ReadLog;
  at: ScopeVersions;
}

export interface CachedResponse {
  headers: Record<string, string>;
  body: Buffer;
  /** The scopes the answer was computed from, and their versions then (same order). */
  scopes: readonly DataScope[];
  stamp: readonly number[];
  /** Brotli/gzip copies of the body, each made once when first asked for (compression.ts). */
  coded?: CodedVariants;
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

  constructor(
    /** The scopes' versions now (cheap: one probe per synchronous run; see DataVersions). */
    readonly versions: () => ScopeVersions,
    { maxBytes = 32 * 1024 * 1024, ttlMs = 10_000 }: ResponseCacheOptions = {},
  ) {
    this.entries = new LRUCache<string, CachedResponse>({
      maxSize: maxBytes,
      // The key and the header strings cost memory too; 256 bytes is a fair allowance.
      // Coded copies count too (re-counted by `coded` when one is added).
      sizeCalculation: (entry, key) => entry.body.byteLength + codedBytes(entry) + key.length + 256,
      ttl: ttlMs,
    });
  }

  /** A request's read log, stamped with the versions before its work begins. */
  begin(): RequestReads {
    return { log: new ReadLog(), at: this.versions() };
  }

  /** The stored response for this URL, if none of the scopes it read changed since. */
  get(url: string): CachedResponse | undefined {
    const entry = this.entries.get(url);
    if (!entry) return undefined;
    const now = this.versions();
    if (entry.scopes.every((scope, i) => now[scope] === entry.stamp[i])) return entry;
    // Something it read has changed: it can never be served again.
    this.entries.delete(url);
    return undefined;
  }

  /**
   * Stores a 200 response computed with `reads` (the log and the versions read
   * before the work began). Returns its headers with an ETag added when it had none.
   */
  set(
    url: string,
    reads: RequestReads,
    headers: Record<string, unknown>,
    body: Buffer,
  ): Record<string, string> {
    const kept: Record<string, string> = {};
    for (const name of CONTENT_HEADERS) {
      const value = headers[name];
      if (typeof value === 'string') kept[name] = value;
    }
    kept.etag ??= etag(body, { weak: true });
    // Stamped with the versions from before the work began: if a write to a scope it read
    // committed meanwhile, the answer may mix old and new and is not kept.
    const scopes = reads.log.read();
    const stamp = scopes.map((scope) => reads.at[scope]);
    const now = this.versions();
    if (scopes.every((scope, i) => now[scope] === stamp[i]))
      this.entries.set(url, { headers: kept, body, scopes, stamp });
    return kept;
  }

  /**
   * The stored answer's body in `coding`, made once per entry and kept on it;
   * the entry is stored again with its new size, so the byte budget counts it.
   */
  coded(url: string, entry: CachedResponse, coding: Coding): Buffer | Promise<Buffer> {
    return storedCoding(entry, coding, () => {
      const current = this.entries.peek(url);
      // lru-cache re-counts a size only for a new value object; an entry replaced meanwhile by
      // another answer keeps its own copies.
      if (current?.body === entry.body)
        this.entries.set(
          url,
          { ...current, coded: { ...current.coded, ...entry.coded } },
          {
            noUpdateTTL: true,
          },
        );
    });
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

function sendStored(
  request: FastifyRequest,
  reply: FastifyReply,
  hit: CachedResponse,
  cache: ResponseCache,
): void {
  // `x-cache: hit` tells operators (and tests) that no work was done for this answer.
  reply.header('x-cache', 'hit');
  // Stored bytes are coded here, once per entry, never again by the compression hook.
  reply.codingDecided = true;
  const codable = isCodable(hit.headers, hit.body);
  const vary = codable ? varyWithEncoding(hit.headers.vary) : hit.headers.vary;
  if (vary) reply.header('vary', vary);
  if (clientHasIt(request, hit.headers)) {
    const { etag: tag = '', 'cache-control': cacheControl } = hit.headers;
    reply.header('etag', tag);
    if (cacheControl) reply.header('cache-control', cacheControl);
    reply.code(304).send();
    return;
  }
  const coding = codable ? chooseCoding(request.headers['accept-encoding']) : null;
  reply.headers(hit.headers);
  if (vary) reply.header('vary', vary);
  if (!coding) {
    reply.send(hit.body);
    return;
  }
  const send = (body: Buffer) => {
    reply
      .header('content-encoding', coding)
      .header('etag', weakened(hit.headers.etag) ?? '')
      .send(body);
  };
  const coded = cache.coded(request.url, hit, coding);
  if (Buffer.isBuffer(coded)) send(coded);
  else coded.then(send, (error: unknown) => reply.send(error));
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
  app.decorateRequest('responseCacheReads', null);

  app.addHook('onRequest', (request, reply, done) => {
    if (!isCacheable(request)) return done();
    // `Cache-Control: no-cache` asks for a response computed now (RFC 9111 5.2.1.4); it is
    // still stored for the next request.
    const stored = cache.get(request.url);
    if (stored && !request.headers['cache-control']?.includes('no-cache'))
      return sendStored(request, reply, stored, cache);
    const reads = cache.begin();
    request.responseCacheReads = reads;
    // Everything this request runs from here on (across awaits) records what it reads into the log.
    withReadLog(reads.log, done);
  });

  app.addHook('onSend', (request, reply, payload, done) => {
    const reads = request.responseCacheReads;
    if (reads === null) return done(null, payload);
    const store = (body: Buffer) => {
      if (reply.statusCode !== 200) return done(null, body);
      const headers = cache.set(request.url, reads, reply.getHeaders(), body);
      reply.headers(headers);
      if (!clientHasIt(request, headers)) return done(null, body);
      if (isCodable(headers, body)) reply.header('vary', varyWithEncoding(headers.vary));
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
