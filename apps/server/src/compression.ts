/**
 * Content coding of text answers — HTML, JSON, CSV, XML, SVG, JavaScript —
 * with brotli or gzip as the request's Accept-Encoding allows (q-values,
 * `identity`, `*`), never for small bodies or for types that are compressed
 * already (images, WebP, XLSX/zip). Every answer that could be coded says
 * `Vary: Accept-Encoding`, whichever coding it got.
 *
 * Two costs, two levels:
 * - a stored answer (response-cache.ts) is coded once per stored entry and
 *   coding, at a high level, off the event loop (zlib's thread pool): every
 *   later visitor gets the same bytes — see `storedCoding`;
 * - a computed answer (signed-in, `no-cache`, a first request) is coded per
 *   request at a fast level: brotli quality 4 / gzip level 6 (the numbers in
 *   the README: close to the best size at a small fraction of the time).
 * Streams (the admin export, tRPC's streamed batches) are coded as they go.
 *
 * ETags: a coded answer keeps the identity answer's ETag as a weak one. A
 * weak validator means "semantically the same content" (RFC 9110 8.8.1),
 * which a brotli and a plain copy of one page are; nginx does the same. So
 * `If-None-Match` gives 304 whichever coding the client holds, and nothing
 * here compares bytes of different codings.
 */
import { Readable, pipeline, type Transform } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { negotiate } from '@fastify/accept-negotiator';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export type Coding = 'br' | 'gzip';

/** Below this a coded body saves less than the headers and the work cost (as @fastify/compress). */
export const MIN_COMPRESS_BYTES = 1024;

/**
 * Text types worth coding. Images (PNG, JPEG, WebP), zip containers (XLSX)
 * and fonts (WOFF2) are compressed by their own format: coding them again
 * costs CPU and saves nothing.
 */
const COMPRESSIBLE =
  /^\s*(?:text\/|image\/svg\+xml|application\/(?:json|jsonl|xml|javascript|ecmascript|x-ndjson|manifest\+json|[\w.-]+\+(?:json|xml))\b)/i;

export function isCompressible(contentType: unknown): boolean {
  return typeof contentType === 'string' && COMPRESSIBLE.test(contentType);
}

/** Preference order for equal q-values: brotli is ~15-20 % smaller than gzip on our pages. */
const OFFERED = ['br', 'gzip', 'identity'];

/** The coding to answer with, or null for the identity (not asked for, or identity preferred). */
export function chooseCoding(acceptEncoding: string | string[] | undefined): Coding | null {
  const header = Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : acceptEncoding;
  if (!header) return null;
  const chosen = negotiate(header, OFFERED);
  return chosen === 'br' || chosen === 'gzip' ? chosen : null;
}

const FAST: Record<Coding, zlib.BrotliOptions | zlib.ZlibOptions> = {
  br: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
  gzip: { level: 6 },
};
/**
 * For stored answers: coded once per entry, sent many times. Measured on the
 * directory page (23 KB): brotli 4 → 4,473 B in 0.3 ms, 6 → 4,263 B in 0.5 ms,
 * 9 → 4,233 B in 22 ms, 11 → 3,783 B in 44 ms. Entries are re-made after every
 * write to what they read and every 10 s (the TTL), so 11 would cost a hot
 * page ~0.4 % of a core for 11 % fewer bytes; 6 is nearly free. gzip 9 costs
 * the same as 6 here.
 */
const STORED: Record<Coding, zlib.BrotliOptions | zlib.ZlibOptions> = {
  br: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 6 } },
  gzip: { level: 9 },
};

/** Above this a stored answer is coded at the fast level too. */
const STORED_LEVEL_MAX_BYTES = 1024 * 1024;

const brotliAsync = promisify(zlib.brotliCompress);
const gzipAsync = promisify(zlib.gzip);

/** Codes a whole body in zlib's thread pool. */
export function encodeBody(
  body: Buffer,
  coding: Coding,
  level: 'fast' | 'stored',
): Promise<Buffer> {
  // A body of megabytes (a sitemap) takes seconds at the stored level, for a few % less.
  const stored = level === 'stored' && body.byteLength <= STORED_LEVEL_MAX_BYTES;
  const options = (stored ? STORED : FAST)[coding];
  if (coding === 'gzip') return gzipAsync(body, options);
  // Brotli picks better parameters when told the input size.
  const params = { ...(options as zlib.BrotliOptions).params };
  params[zlib.constants.BROTLI_PARAM_SIZE_HINT] = body.byteLength;
  return brotliAsync(body, { params });
}

/** A coding stream for a streamed answer; `flushEach` sends every chunk on at once (live streams). */
export function encodingStream(coding: Coding, flushEach: boolean): Transform {
  if (coding === 'br')
    return zlib.createBrotliCompress({
      ...FAST.br,
      ...(flushEach ? { flush: zlib.constants.BROTLI_OPERATION_FLUSH } : {}),
    });
  return zlib.createGzip({
    ...FAST.gzip,
    ...(flushEach ? { flush: zlib.constants.Z_SYNC_FLUSH } : {}),
  });
}

/** Adds Accept-Encoding to a Vary header value, once. */
export function varyWithEncoding(vary: unknown): string {
  const current = typeof vary === 'string' ? vary : Array.isArray(vary) ? vary.join(', ') : '';
  if (!current) return 'accept-encoding';
  if (current.trim() === '*' || /(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(current))
    return current;
  return `${current}, accept-encoding`;
}

/** The ETag a coded copy carries: the same validator, weak (see the header comment). */
export function weakened(tag: unknown): string | undefined {
  if (typeof tag !== 'string' || tag === '') return undefined;
  return tag.startsWith('W/') ? tag : `W/${tag}`;
}

/** What a stored answer's entry keeps beside its identity body (response-cache.ts). */
export interface CodedVariants {
  br?: Buffer;
  gzip?: Buffer;
}

export interface Codable {
  headers: Record<string, string>;
  body: Buffer;
  coded?: CodedVariants;
}

/** Whether this answer would be coded for some client: type and size (Vary goes with it). */
export function isCodable(headers: Record<string, unknown>, body: Buffer): boolean {
  return body.byteLength >= MIN_COMPRESS_BYTES && isCompressible(headers['content-type']);
}

/** How often a stored answer was coded (tests check "once per entry"). */
export const codingCounter = { stored: 0 };

/** Codings of stored entries in progress, so a burst of requests codes each entry once. */
const pending = new WeakMap<Codable, Partial<Record<Coding, Promise<Buffer>>>>();

/**
 * The stored answer's body in `coding`: made once per entry (the first
 * request that asks for it waits; the others share that work), then kept on
 * the entry. `grew` is told when a variant was added, so the cache can count
 * its bytes against its budget.
 */
export function storedCoding(
  entry: Codable,
  coding: Coding,
  grew: (entry: Codable) => void,
): Buffer | Promise<Buffer> {
  const done = entry.coded?.[coding];
  if (done) return done;
  const inFlight = pending.get(entry) ?? {};
  const running = inFlight[coding];
  if (running) return running;
  codingCounter.stored++;
  const work = encodeBody(entry.body, coding, 'stored').then((coded) => {
    entry.coded = { ...entry.coded, [coding]: coded };
    delete inFlight[coding];
    grew(entry);
    return coded;
  });
  inFlight[coding] = work;
  pending.set(entry, inFlight);
  return work;
}

/** Bytes kept for an entry's coded variants. */
export function codedBytes(entry: Codable): number {
  return (entry.coded?.br?.byteLength ?? 0) + (entry.coded?.gzip?.byteLength ?? 0);
}

declare module 'fastify' {
  interface FastifyReply {
    /** Set when the answer's coding was decided already (a stored answer): leave it alone. */
    codingDecided: boolean;
  }
}

function isWebResponse(payload: unknown): payload is Response {
  return payload instanceof Response;
}

function isStream(payload: unknown): payload is Readable {
  return payload instanceof Readable;
}

/** Sets the headers of a coded answer: coding, Vary, no length (it changed), weak ETag. */
function markCoded(reply: FastifyReply, coding: Coding): void {
  reply.header('content-encoding', coding);
  reply.removeHeader('content-length');
  const tag = weakened(reply.getHeader('etag'));
  if (tag) reply.header('etag', tag);
}

/**
 * Codes the answers of Fastify routes as they are sent: strings and buffers
 * at once, streams as they flow. Register it after the response cache, so
 * the cache stores (and counts) identity bodies and codes them on its own.
 */
export function registerCompression(app: FastifyInstance): void {
  app.decorateReply('codingDecided', false);
  app.addHook('onSend', (request, reply, payload, done) => {
    if (reply.codingDecided || payload === null || payload === undefined)
      return done(null, payload);
    // Nothing to code in 204/304 and HEAD; a 206 range is a slice of the identity bytes.
    const status = reply.statusCode;
    if (status === 204 || status === 206 || status === 304 || request.method === 'HEAD')
      return done(null, payload);
    if (reply.hasHeader('content-range')) return done(null, payload);
    if (reply.hasHeader('content-encoding')) return done(null, payload);
    if (isWebResponse(payload)) return void codeWebResponse(request, reply, payload, done);
    if (!isCompressible(reply.getHeader('content-type'))) return done(null, payload);
    if (isStream(payload)) {
      reply.header('vary', varyWithEncoding(reply.getHeader('vary')));
      const coding = chooseCoding(request.headers['accept-encoding']);
      if (!coding) return done(null, payload);
      markCoded(reply, coding);
      return done(null, codedStream(request, payload, coding, false));
    }
    const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
    if (!Buffer.isBuffer(body) || body.byteLength < MIN_COMPRESS_BYTES) return done(null, payload);
    reply.header('vary', varyWithEncoding(reply.getHeader('vary')));
    const coding = chooseCoding(request.headers['accept-encoding']);
    if (!coding) return done(null, payload);
    encodeBody(body, coding, 'fast').then((coded) => {
      markCoded(reply, coding);
      done(null, coded);
    }, done);
  });
}

function codedStream(
  request: FastifyRequest,
  source: Readable,
  coding: Coding,
  flushEach: boolean,
): Transform {
  const coder = encodingStream(coding, flushEach);
  pipeline(source, coder, (error) => {
    // A client that went away mid-download is not an error worth a line.
    if (error && error.code !== 'ERR_STREAM_PREMATURE_CLOSE')
      request.log.warn({ err: error }, 'a coded stream failed');
  });
  return coder;
}

/**
 * tRPC's handler answers with a web Response (signed-in and streamed
 * answers reach here; anonymous ones were read into bytes by the cache).
 */
function codeWebResponse(
  request: FastifyRequest,
  reply: FastifyReply,
  response: Response,
  done: (error: Error | null, payload?: unknown) => void,
): void {
  const type = response.headers.get('content-type');
  if (!response.body || response.headers.has('content-encoding') || !isCompressible(type))
    return done(null, response);
  reply.code(response.status);
  response.headers.forEach((value, name) => {
    reply.header(name, value);
  });
  reply.header('vary', varyWithEncoding(reply.getHeader('vary')));
  const coding = chooseCoding(request.headers['accept-encoding']);
  // Streamed batches (JSON lines) go on as they come, each part flushed.
  if (type?.includes('jsonl')) {
    const source = Readable.fromWeb(response.body as WebReadableStream);
    if (!coding) return done(null, source);
    markCoded(reply, coding);
    return done(null, codedStream(request, source, coding, true));
  }
  response.arrayBuffer().then((buffer) => {
    const body = Buffer.from(buffer);
    if (!coding || body.byteLength < MIN_COMPRESS_BYTES) return done(null, body);
    return encodeBody(body, coding, 'fast').then((coded) => {
      markCoded(reply, coding);
      done(null, coded);
    });
  }, done);
}

/** A page answer as the site's middleware hands it over (web-site.ts `locals.encode`). */
export interface PageAnswer {
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * Codes a page the site rendered (Astro writes to the raw response, past
 * Fastify's hooks): the headers to send and the body, coded per request at
 * the fast level. With `notModified` only the headers of the 304 are made.
 */
export async function encodePage(
  acceptEncoding: string | string[] | undefined,
  answer: PageAnswer,
  notModified = false,
): Promise<PageAnswer> {
  if (!isCodable(answer.headers, answer.body) || answer.headers['content-encoding']) return answer;
  const headers: Record<string, string> = {
    ...answer.headers,
    vary: varyWithEncoding(answer.headers.vary),
  };
  const coding = chooseCoding(acceptEncoding);
  if (notModified || !coding) return { headers, body: answer.body };
  const body = await encodeBody(answer.body, coding, 'fast');
  const tag = weakened(headers.etag);
  return {
    headers: { ...headers, 'content-encoding': coding, ...(tag ? { etag: tag } : {}) },
    body,
  };
}
