/**
 * Every JSON request body outside tRPC (sign-in, the import route's JSON
 * input, any route added later) is read by this one parser: strict UTF-8,
 * at most JSON_MAX_DEPTH levels of nesting, then Fastify's own parser
 * (secure-json-parse: `__proto__` and `constructor.prototype` keys refused).
 *
 * Why a depth check before parsing: V8's JSON.parse copes with any depth,
 * but what runs next does not — better-auth's handler gets the body
 * re-serialised with JSON.stringify, zod walks inputs recursively — and a
 * body of 100,000 `[` overflowed the stack there: a 500. Counting brackets
 * outside strings is one linear pass, far cheaper than the parse itself.
 *
 * Why strict UTF-8: Fastify decodes bodies leniently, so invalid bytes
 * became U+FFFD silently and reached the services as if the client had sent
 * them. Now they are a 400 saying so.
 *
 * The refusals (and a body over a route's limit, 413) are answered by
 * registerBodyRefusals in the shape the route's clients read: tRPC's error
 * shape under /trpc, `{ error, message, messageCode, messageParams }`
 * elsewhere. Any other error goes on to Fastify's default handler as before.
 */
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { refusal, sizeText, trpcRefusalBody, type Refusal } from './refusal';

/** Deeper than any input of ours (an import is 3 levels, an article 4). */
export const JSON_MAX_DEPTH = 64;

/** Sign-in and sign-out bodies are a few hundred bytes; 64 KB is ample. */
export const AUTH_BODY_LIMIT = 64 * 1024;

/** Whether `text` holds an array or object nested deeper than `max` (strings are skipped). */
export function jsonDepthExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/** A body refused before any route saw it; carries the refusal's code for the answer. */
export class BodyRefused extends Error {
  readonly statusCode: 400 | 413;
  constructor(
    readonly make: (request: FastifyRequest) => Refusal,
    statusCode: 400 | 413,
  ) {
    super('request body refused');
    this.statusCode = statusCode;
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export const tooDeep = () =>
  new BodyRefused(
    (request) => refusal(request, 400, 'request.tooDeep', { max: JSON_MAX_DEPTH }),
    400,
  );

/** Replaces Fastify's JSON parser for the whole app (tRPC's plugin keeps its own inside /trpc). */
export function registerJsonLimits(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = strictUtf8.decode(body as Buffer);
    } catch {
      return done(new BodyRefused((r) => refusal(r, 400, 'request.notUtf8', {}), 400), undefined);
    }
    if (jsonDepthExceeds(text, JSON_MAX_DEPTH)) return done(tooDeep(), undefined);
    void parseJson(request, text, done);
  });
}

/** Where the refusal is answered in tRPC's shape. */
const isTrpc = (request: FastifyRequest) => request.url.startsWith('/trpc/');

/**
 * Answers body refusals and over-limit bodies (Fastify's
 * FST_ERR_CTP_BODY_TOO_LARGE) in our shapes; everything else goes on to
 * Fastify's default handler (throwing from an error handler hands the error
 * to the parent's, which for the root is Fastify's own). Routes with an error
 * handler of their own (image-route.ts) keep it.
 */
export function registerBodyRefusals(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let refused: Refusal | null = null;
    if (error instanceof BodyRefused) refused = error.make(request);
    else if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      const limit = request.routeOptions.bodyLimit ?? app.initialConfig.bodyLimit ?? 0;
      refused = refusal(request, 413, 'request.tooLarge', { limit: sizeText(limit) });
    }
    if (!refused) throw error;
    // The body was not read to its end: let the connection go rather than read the rest.
    if (refused.status === 413) reply.header('connection', 'close');
    if (isTrpc(request)) return reply.status(refused.status).send(trpcRefusalBody(refused));
    const { status, ...body } = refused;
    // better-auth's own refusals carry `code`, which the admin's sign-in form reads.
    const auth = request.url.startsWith('/api/auth/') ? { code: refused.error } : {};
    return reply.status(status).send({ ...auth, ...body });
  });
}
