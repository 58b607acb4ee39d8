/**
 * /trpc/:path — tRPC's Fastify handler, with a direct path for the commonest
 * request: one query by GET (`/trpc/member.bySlug?input=…`, what the site's
 * visitors and the REST-less clients send).
 *
 * Why: tRPC v11 answers every request through its fetch core — its Node and
 * Fastify adapters alike turn the IncomingMessage into a web `Request`
 * (URL, Headers, AbortSignal, a body stream) and the answer into a web
 * `Response` whose body Fastify then reads back. For a one-member read that
 * machinery was about a fifth of the server's CPU. The direct path calls the
 * same procedure (same middlewares, input and output validation, context)
 * and writes what tRPC would write for it: `{"result":{"data":…}}`, status
 * 200, `Content-Type: application/json`, `Vary: trpc-accept, accept`
 * (trpc-route.test.ts compares the two byte for byte).
 *
 * Everything else — batches, mutations, POST, streaming (trpc-accept),
 * subscriptions, unknown paths — goes to tRPC's own handler. So do errors:
 * a direct call that throws is answered by running the request through the
 * handler again, which produces tRPC's error shape, status, headers and
 * onError call exactly as before. Queries read only, so the second run is
 * harmless, and errors are the rare case.
 */
import { appRouter, createContextInner, sessionUser, type Auth, type Context } from '@cos/api';
import type { DatabaseHandle } from '@cos/db';
import { fastifyRequestHandler, type FastifyHandlerOptions } from '@trpc/server/adapters/fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { toWebHeaders } from './auth-routes';
import { isCrossSite, type OriginPolicy } from './csrf';

export const TRPC_PREFIX = '/trpc/';

/** What tRPC's fetch core sets on every answer (resolveResponse). */
const TRPC_VARY = 'trpc-accept, accept';

export interface TrpcRouteOptions {
  handle: DatabaseHandle;
  auth: Auth;
  origins: OriginPolicy;
}

type Procedure = (opts: {
  path: string;
  getRawInput: () => Promise<unknown>;
  ctx: Context;
  type: 'query';
  signal: AbortSignal | undefined;
  batchIndex: number;
}) => Promise<unknown>;

/** The query procedure a direct GET names, or null when tRPC's handler must answer. */
function directQuery(request: FastifyRequest, path: string): Procedure | null {
  if (request.method !== 'GET' || request.headers['trpc-accept'] !== undefined) return null;
  // Batches, and names that tRPC would decode again, take the handler's way.
  if (path.includes(',') || path.includes('%')) return null;
  const procedure = (appRouter._def.procedures as Record<string, unknown>)[path] as
    (Procedure & { _def: { type: string } }) | undefined;
  return procedure?._def.type === 'query' ? procedure : null;
}

/** The query string's `input` (null when absent) and whether it asks for a batch. */
function queryOf(url: string): { input: string | null; batch: boolean } {
  const at = url.indexOf('?');
  if (at === -1) return { input: null, batch: false };
  const search = new URLSearchParams(url.slice(at + 1));
  return { input: search.get('input'), batch: search.has('batch') };
}

/** A value tRPC would refuse to send as plain JSON (it asks for its streaming link). */
function isStreamLike(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    (Symbol.asyncIterator in value || value instanceof ReadableStream)
  );
}

export async function registerTrpcRoutes(
  app: FastifyInstance,
  { handle, auth, origins }: TrpcRouteOptions,
): Promise<void> {
  const createContext = async (req: FastifyRequest): Promise<Context> => {
    // Public reads carry no cookie: skip the session lookup for them.
    const user = req.headers.cookie ? await sessionUser(auth, handle, toWebHeaders(req)) : null;
    return createContextInner({
      handle,
      user,
      crossSite: isCrossSite(req, origins.allowed),
      publicOrigin: origins.publicOrigin,
      clientAddress: req.ip,
    });
  };
  const trpcOptions: FastifyHandlerOptions<typeof appRouter, FastifyRequest, FastifyReply> = {
    router: appRouter,
    createContext: ({ req }) => createContext(req),
    onError({ error, path }) {
      if (error.code === 'INTERNAL_SERVER_ERROR')
        app.log.error({ err: error, path }, 'tRPC internal error');
    },
  };

  /** Answers a plain GET query directly; false when tRPC's handler has to (see above). */
  const answerDirectly = async (
    request: FastifyRequest,
    reply: FastifyReply,
    path: string,
  ): Promise<boolean> => {
    const procedure = directQuery(request, path);
    if (!procedure) return false;
    const { input, batch } = queryOf(request.url);
    if (batch) return false;
    let data: unknown;
    try {
      const ctx = await createContext(request);
      data = await procedure({
        path,
        // tRPC reads `?input=` the same way (JSON, no transformer configured).
        getRawInput: () => Promise.resolve(input ? (JSON.parse(input) as unknown) : undefined),
        ctx,
        type: 'query',
        signal: undefined,
        batchIndex: 0,
      });
    } catch {
      return false;
    }
    if (isStreamLike(data)) return false;
    await reply
      .header('vary', TRPC_VARY)
      .header('content-type', 'application/json')
      // Bytes, not a string: Fastify would add `; charset=utf-8` to a string's type, tRPC does not.
      .send(Buffer.from(JSON.stringify({ result: { data } })));
    return true;
  };

  // An encapsulated context, as fastifyTRPCPlugin registers itself: tRPC reads JSON and
  // multipart bodies itself, so these parsers hand it the raw body only under /trpc.
  await app.register((trpc, _options, registered) => {
    trpc.removeContentTypeParser('application/json');
    trpc.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
      done(null, body);
    });
    trpc.removeContentTypeParser('multipart/form-data');
    trpc.addContentTypeParser('multipart/form-data', {}, (_req, body, done) => {
      done(null, body);
    });
    trpc.all(`${TRPC_PREFIX}:path`, async (request, reply) => {
      const { path } = request.params as { path: string };
      if (await answerDirectly(request, reply, path)) return reply;
      await fastifyRequestHandler({ ...trpcOptions, req: request, res: reply, path });
      return reply;
    });
    registered();
  });
}
