/**
 * Data access for pages. Inside apps/server every request carries an
 * in-process tRPC caller (Astro.locals.api): no HTTP hop. Under `astro dev`
 * the same call shape goes over HTTP to the API's /trpc, through a small
 * Proxy that turns `api.member.directory(input)` into `client.member.directory.query(input)`.
 * Only types come from @cos/api; the web never bundles the API itself.
 */
import type { AppRouter, createCaller } from '@cos/api';
import { TRPC_BATCH_LIMITS } from '@cos/domain';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { inferRouterOutputs } from '@trpc/server';

export type Caller = ReturnType<typeof createCaller>;
export type Outputs = inferRouterOutputs<AppRouter>;
export type DirectoryResult = Outputs['member']['directory'];
export type DirectoryItem = DirectoryResult['items'][number];
export type Facet = DirectoryResult['facets']['area'][number];
export type AreaSummary = Outputs['area']['list'][number];
export type AreaDetail = Outputs['area']['bySlug'];
export type ClusterSummary = Outputs['cluster']['list'][number];
export type ClusterDetail = Outputs['cluster']['bySlug'];
export type MemberDetail = Outputs['member']['bySlug'];
export type ArticleSummary = Outputs['article']['list']['items'][number];
export type Article = Outputs['article']['bySlug'];
export type Statistics = Outputs['statistics']['overview'];

/** Builds a caller-shaped object over any function that runs a query by its dotted path. */
export function queryProxy(run: (path: string, input: unknown) => Promise<unknown>): Caller {
  const at = (path: readonly string[]): unknown =>
    new Proxy(() => undefined, {
      get: (_target, key) =>
        // Never look like a promise: `await api` must not try to call `then`.
        typeof key === 'string' && key !== 'then' ? at([...path, key]) : undefined,
      apply: (_target, _this, args: unknown[]) => run(path.join('.'), args[0]),
    });
  return at([]) as Caller;
}

/**
 * The public forms' steps that are mutations (a fresh form token, a submission, a
 * confirmation): over HTTP they go as POST. In-process the caller knows by itself.
 */
const HTTP_MUTATIONS = new Set([
  'joinRequest.start',
  'joinRequest.submit',
  'joinRequest.confirm',
  'updateSuggestion.start',
  'updateSuggestion.submit',
]);

let httpCaller: Caller | undefined;

function overHttp(): Caller {
  const origin = (import.meta.env.PUBLIC_API_ORIGIN ?? 'http://localhost:3000').replace(/\/$/, '');
  // Batches split by the server's own bounds (it refuses larger ones).
  const client = createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: `${origin}/trpc`, ...TRPC_BATCH_LIMITS })],
  });
  return queryProxy((path, input) => {
    let node: unknown = client;
    for (const key of path.split('.')) node = (node as Record<string, unknown>)[key];
    const procedure = node as {
      query: (input: unknown) => Promise<unknown>;
      mutate: (input: unknown) => Promise<unknown>;
    };
    return HTTP_MUTATIONS.has(path) ? procedure.mutate(input) : procedure.query(input);
  });
}

/** The API for this request: in-process when mounted by apps/server, over HTTP otherwise. */
export function apiFor(locals: App.Locals): Caller {
  if (locals.api) return locals.api;
  httpCaller ??= overHttp();
  return httpCaller;
}

/** The tRPC error code of a failed call, in-process (TRPCError) or over HTTP (TRPCClientError). */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { code?: unknown; data?: { code?: unknown } | null };
  if (typeof e.code === 'string') return e.code;
  if (typeof e.data?.code === 'string') return e.data.code;
  return undefined;
}

/** Runs a lookup by slug; null when there is no such published record. */
export async function orNotFound<T>(load: () => Promise<T>): Promise<T | null> {
  try {
    return await load();
  } catch (error) {
    if (errorCode(error) === 'NOT_FOUND' || errorCode(error) === 'BAD_REQUEST') return null;
    throw error;
  }
}
