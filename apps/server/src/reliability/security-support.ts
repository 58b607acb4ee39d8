/**
 * Shared setup of the security tests (security-*.test.ts): the real server
 * with 40 demo members, an in-process admin caller to make fixtures with,
 * session cookies for the admin and the opentech editor, and two clusters to
 * aim at — the editor's own and another one.
 */
import { randomBytes } from 'node:crypto';
import { createCaller, createContextInner, type Actor as SignedInUser } from '@cos/api';
import { afterAll, beforeAll } from 'vitest';
import { ADMIN, EDITOR, startTestServer, type TestServer } from '../test-server';
import { reply, sessionCookie, trpcMutation, trpcQuery } from './http';

export type Actor = 'anonymous' | 'editorOwn' | 'editorOther' | 'admin';

export interface SecurityEnv {
  server: TestServer;
  admin: ReturnType<typeof createCaller>;
  cookies: Record<Exclude<Actor, 'anonymous'>, string>;
  ownClusterId: number;
  otherClusterId: number;
  otherClusterSlug: string;
  publishedMember: string;
  publishedArticle: string;
}

let n = 0;
/** A number never used before in this process, for slugs and e-mail addresses. */
export const nextNumber = () => ++n;
export const unique = (word: string) => `${word} ${nextNumber()} ${randomBytes(3).toString('hex')}`;

/**
 * Starts the server before the file's tests and closes it after them. The
 * returned object is filled in once the server runs: read it inside tests.
 */
export function useSecurityEnv(): SecurityEnv {
  const env = {} as SecurityEnv;
  beforeAll(async () => {
    const server = await startTestServer({ demo: 40 });
    const sqlite = server.handle.sqlite;
    const adminUser = sqlite
      .prepare('SELECT id, email, name, role, cluster_id AS clusterId FROM users WHERE email = ?')
      .get(ADMIN.email) as SignedInUser;
    const other = sqlite
      .prepare("SELECT id, slug FROM clusters WHERE slug <> 'opentech' ORDER BY id LIMIT 1")
      .get() as { id: number; slug: string };
    const editorCookie = await sessionCookie(server, EDITOR);
    Object.assign(env, {
      server,
      admin: createCaller(createContextInner({ handle: server.handle, user: adminUser })),
      ownClusterId: sqlite
        .prepare("SELECT id FROM clusters WHERE slug = 'opentech'")
        .pluck()
        .get() as number,
      otherClusterId: other.id,
      otherClusterSlug: other.slug,
      publishedMember: sqlite
        .prepare("SELECT slug FROM members WHERE status = 'published' ORDER BY id LIMIT 1")
        .pluck()
        .get() as string,
      publishedArticle: sqlite
        .prepare("SELECT slug FROM articles WHERE status = 'published' ORDER BY id LIMIT 1")
        .pluck()
        .get() as string,
      cookies: {
        admin: await sessionCookie(server, ADMIN),
        editorOwn: editorCookie,
        // The same editor session, aimed at another cluster's records.
        editorOther: editorCookie,
      },
    } satisfies SecurityEnv);
  }, 60_000);
  afterAll(async () => {
    await env.server.close();
  });
  return env;
}

/** Calls a procedure over HTTP as the admin and the site do, with a session cookie or none. */
export function procedureCaller(env: SecurityEnv) {
  return async (
    path: string,
    type: 'query' | 'mutation',
    input: unknown,
    cookie: string | undefined,
  ) => {
    const response =
      type === 'query'
        ? await trpcQuery(env.server, path, input, cookie)
        : await trpcMutation(env.server, path, JSON.stringify(input ?? null), cookie);
    return reply(response);
  };
}
