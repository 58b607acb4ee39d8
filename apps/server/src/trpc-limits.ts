/**
 * Bounds on one tRPC request, checked before tRPC (or the session lookup)
 * does any work: at most TRPC_BATCH_LIMITS.maxItems procedures per batch, a
 * URL of at most TRPC_MAX_URL characters, a body of at most TRPC_BODY_LIMIT
 * bytes, JSON nested at most JSON_MAX_DEPTH deep — and for anonymous
 * requests an answer of at most TRPC_ANONYMOUS_ANSWER_LIMIT bytes. One batch
 * of 280 directory queries used to come back as 16 MB; 16 connections sending
 * such batches held /healthz up for seconds.
 *
 * Refusals are tRPC's error shape (the clients read `error.data.code` and
 * `messageCode`), one for the whole batch, with status 400, 413 or 414 — and
 * never echo the request: no procedure names, no inputs.
 *
 * Hooks on the URL rather than tRPC's own `maxBatchSize`, so the bounds hold
 * whatever adapter serves /trpc, and a refused batch costs no context, no
 * session lookup and no input parsing.
 */
import { TRPC_BATCH_LIMITS } from '@cos/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { JSON_MAX_DEPTH, jsonDepthExceeds } from './json-limits';
import { refusal, sizeText, trpcRefusalBody, type Refusal } from './refusal';

/** Twice what the clients split at (TRPC_BATCH_LIMITS.maxURLLength): room for other clients. */
export const TRPC_MAX_URL = 2 * TRPC_BATCH_LIMITS.maxURLLength;
/** A mutation's JSON: an article's Markdown body is the largest input, well under this. */
export const TRPC_BODY_LIMIT = 1024 * 1024;
/**
 * An anonymous batch's whole answer. Anonymous batches come from third-party
 * clients (the site calls procedures in-process, the admin is signed in);
 * a full directory page (100 members) is ~60 KB, so 16 of them fit.
 */
export const TRPC_ANONYMOUS_ANSWER_LIMIT = 1024 * 1024;

const PREFIX = '/trpc/';

function send(reply: FastifyReply, refused: Refusal): FastifyReply {
  return reply.status(refused.status).send(trpcRefusalBody(refused));
}

/** What is wrong with the request line, or null: URL length, batch size, a too deep GET input. */
export function checkTrpcUrl(request: Pick<FastifyRequest, 'url' | 'headers'>): Refusal | null {
  const { url } = request;
  if (url.length > TRPC_MAX_URL)
    return refusal(request, 414, 'request.tooLarge', { limit: `${TRPC_MAX_URL} characters` });
  const queryAt = url.indexOf('?');
  const path = url.slice(PREFIX.length, queryAt === -1 ? undefined : queryAt);
  const search = new URLSearchParams(queryAt === -1 ? '' : url.slice(queryAt + 1));
  if (search.get('batch') === '1') {
    // tRPC splits the path on commas (encoded or not: it decodes first).
    const procedures = decodeURIComponentSafe(path).split(',').length;
    if (procedures > TRPC_BATCH_LIMITS.maxItems)
      return refusal(request, 400, 'request.batchTooLarge', { max: TRPC_BATCH_LIMITS.maxItems });
  }
  const input = search.get('input');
  if (input !== null && jsonDepthExceeds(input, JSON_MAX_DEPTH))
    return refusal(request, 400, 'request.tooDeep', { max: JSON_MAX_DEPTH });
  return null;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text; // tRPC refuses a malformed path itself
  }
}

const isAnonymous = (request: FastifyRequest) =>
  request.headers.cookie === undefined && request.headers.authorization === undefined;

export function registerTrpcLimits(app: FastifyInstance): void {
  app.addHook('onRequest', (request, reply, done) => {
    if (!request.url.startsWith(PREFIX)) return done();
    const refused = checkTrpcUrl(request);
    if (refused) return void send(reply, refused);
    const length = Number(request.headers['content-length'] ?? 0);
    if (length > TRPC_BODY_LIMIT) {
      reply.header('connection', 'close');
      return void send(
        reply,
        refusal(request, 413, 'request.tooLarge', { limit: sizeText(TRPC_BODY_LIMIT) }),
      );
    }
    done();
  });

  // The body as tRPC's plugin hands it on (a string), or parsed by json-limits.ts.
  app.addHook('preHandler', (request, reply, done) => {
    if (!request.url.startsWith(PREFIX) || typeof request.body !== 'string') return done();
    if (Buffer.byteLength(request.body) > TRPC_BODY_LIMIT)
      return void send(
        reply,
        refusal(request, 413, 'request.tooLarge', { limit: sizeText(TRPC_BODY_LIMIT) }),
      );
    if (jsonDepthExceeds(request.body, JSON_MAX_DEPTH))
      return void send(reply, refusal(request, 400, 'request.tooDeep', { max: JSON_MAX_DEPTH }));
    done();
  });

  // An anonymous answer too large to send is replaced by a refusal, before the response cache
  // (registered after this) could store it. tRPC's Fastify adapter answers with a web Response.
  app.addHook('onSend', (request, reply, payload, done) => {
    if (!request.url.startsWith(PREFIX) || !isAnonymous(request)) return done(null, payload);
    const check = (body: Buffer) => {
      if (body.byteLength <= TRPC_ANONYMOUS_ANSWER_LIMIT) return done(null, body);
      const refused = refusal(request, 413, 'request.answerTooLarge', {
        limit: sizeText(TRPC_ANONYMOUS_ANSWER_LIMIT),
      });
      reply.status(refused.status).header('content-type', 'application/json');
      reply.removeHeader('content-length');
      done(null, JSON.stringify(trpcRefusalBody(refused)));
    };
    if (payload instanceof Response) {
      if (payload.body && payload.headers.get('content-type')?.includes('jsonl'))
        return done(null, cutOffAfter(payload, TRPC_ANONYMOUS_ANSWER_LIMIT));
      reply.code(payload.status);
      payload.headers.forEach((value, name) => {
        reply.header(name, value);
      });
      payload.arrayBuffer().then((buffer) => check(Buffer.from(buffer)), done);
      return;
    }
    if (typeof payload === 'string') return check(Buffer.from(payload));
    if (Buffer.isBuffer(payload)) return check(payload);
    done(null, payload);
  });
}

/**
 * A streamed answer (httpBatchStreamLink's jsonl) cannot be replaced once it
 * has begun: past the limit it is cut off, which the client sees as a failed
 * request.
 */
function cutOffAfter(response: Response, limit: number): Response {
  let sent = 0;
  const counted = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      sent += chunk.byteLength;
      if (sent > limit) controller.error(new Error('answer over the anonymous limit'));
      else controller.enqueue(chunk);
    },
  });
  return new Response(response.body?.pipeThrough(counted), {
    status: response.status,
    headers: response.headers,
  });
}
