/**
 * Small HTTP helpers for the reliability tests: sign in for a real session
 * cookie, and call tRPC procedures the way the admin and the site do
 * (queries as GET ?input=, mutations as POST with a JSON body from our origin).
 */
import { cookieHeader, type TestServer } from '../test-server';
import type { TrpcErrorBody } from '../wire-types';

export interface Credentials {
  email: string;
  password: string;
}

export interface Reply {
  status: number;
  /** Parsed JSON, or the raw text when the body is not JSON. */
  body: unknown;
}

export type { TrpcErrorBody } from '../wire-types';

export function signIn(server: TestServer, credentials: Credentials): Promise<Response> {
  return server.fetch('/api/auth/sign-in/email', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.origin },
    body: JSON.stringify(credentials),
  });
}

/** A session cookie for these credentials; throws when the sign-in fails. */
export async function sessionCookie(server: TestServer, credentials: Credentials): Promise<string> {
  const response = await signIn(server, credentials);
  const cookie = cookieHeader(response);
  if (response.status !== 200 || !cookie.includes('session_token='))
    throw new Error(`sign-in as ${credentials.email} answered ${response.status}`);
  return cookie;
}

export async function reply(response: Response): Promise<Reply> {
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    // Not JSON: keep the text.
  }
  return { status: response.status, body };
}

/** GET /trpc/<path>?input=<JSON>; `input` undefined sends no input at all. */
export function trpcQuery(
  server: TestServer,
  procedure: string,
  input: unknown,
  cookie?: string,
): Promise<Response> {
  const search =
    input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input) ?? 'null')}`;
  return server.fetch(`/trpc/${procedure}${search}`, { headers: cookie ? { cookie } : {} });
}

/** POST /trpc/<path> with a raw body (already JSON, or deliberately not). */
export function trpcMutation(
  server: TestServer,
  procedure: string,
  body: string,
  cookie?: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  return server.fetch(`/trpc/${procedure}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin: server.origin,
      ...(cookie ? { cookie } : {}),
      ...headers,
    },
    body,
  });
}

/** The tRPC error code of a reply, or undefined when it is not a tRPC error. */
export function trpcCode(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  return (body as TrpcErrorBody).error.data.code;
}

/** `result.data` of a successful tRPC reply. */
export function trpcData<T>(body: unknown): T {
  return (body as { result: { data: T } }).result.data;
}

/** Every procedure of a tRPC router: its dotted path and whether it is a query or a mutation. */
export function listProcedures(router: {
  _def: { procedures: Record<string, unknown> };
}): { path: string; type: 'query' | 'mutation' }[] {
  return Object.entries(router._def.procedures)
    .map(([path, procedure]) => ({
      path,
      type: (procedure as { _def: { type: 'query' | 'mutation' | 'subscription' } })._def.type,
    }))
    .filter((p): p is { path: string; type: 'query' | 'mutation' } => p.type !== 'subscription')
    .sort((a, b) => a.path.localeCompare(b.path));
}
