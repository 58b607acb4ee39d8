/**
 * For this package's HTTP tests: sign in through the real auth route and call
 * /trpc the way the admin does (queries as GET ?input=, mutations as POST from
 * our origin), on one started test server.
 */
import { expect } from 'vitest';
import { cookieHeader, type TestServer } from './test-server';

/** The body parsed as the type the route is declared to answer (see wire-types.ts). */
export async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

export function httpTestClient(server: () => TestServer) {
  const signIn = (credentials: { email: string; password: string }): Promise<Response> =>
    server().fetch('/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server().origin },
      body: JSON.stringify(credentials),
    });

  return {
    signIn,
    signedInCookie: async (credentials: { email: string; password: string }): Promise<string> => {
      const response = await signIn(credentials);
      expect(response.status).toBe(200);
      const cookie = cookieHeader(response);
      expect(cookie).toMatch(/session_token=/);
      return cookie;
    },
    mutate: (
      procedure: string,
      body: string,
      headers: Record<string, string>,
    ): Promise<Response> => {
      return server().fetch(`/trpc/${procedure}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server().origin, ...headers },
        body,
      });
    },
    query: (procedure: string, input: unknown, cookie?: string): Promise<Response> => {
      const search =
        input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
      return server().fetch(`/trpc/${procedure}${search}`, {
        headers: cookie ? { cookie } : {},
      });
    },
    countMembersNamed: (name: string): number => {
      return (
        server()
          .handle.sqlite.prepare('SELECT count(*) AS n FROM members WHERE name = ?')
          .get(name) as { n: number }
      ).n;
    },
  };
}
