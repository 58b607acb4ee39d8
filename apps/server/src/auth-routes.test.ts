/**
 * better-auth's account-changing routes are closed over real HTTP: a signed-in
 * person cannot rename themselves (or change e-mail, password, or delete the
 * account) past the audit trail through /api/auth/*; names change through
 * session.updateProfile, which is audited and refuses markup. Sign-in,
 * sign-out and the session still work. This file signs in 2 times.
 */
import { checksumDatabase } from './reliability/checksum';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpTestClient, json } from './http-test-client';
import { EDITOR, startTestServer, type TestServer } from './test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(async () => {
  await server.close();
});

const { signedInCookie, mutate, query } = httpTestClient(() => server);

interface Refusal {
  code: string;
  message: string;
  messageCode?: string;
}

describe('/api/auth account routes', () => {
  let cookie: string;
  beforeAll(async () => {
    cookie = await signedInCookie(EDITOR);
  });

  const post = (path: string, body: unknown) =>
    server.fetch(`/api/auth${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.origin, cookie },
      body: JSON.stringify(body),
    });

  it('refuses update-user (a rename with HTML), change-email, change-password and delete-user, changing nothing', async () => {
    const before = checksumDatabase(server.handle.sqlite);
    for (const [path, body] of [
      ['/update-user', { name: '<img src=x onerror=alert(1)>' }],
      ['/update-user', { name: 'Plain Name', role: 'admin' }],
      ['/change-email', { newEmail: 'annan@example.test' }],
      [
        '/change-password',
        { currentPassword: EDITOR.password, newPassword: 'a new long password' },
      ],
      ['/delete-user', {}],
    ] as const) {
      const response = await post(path, body);
      expect(response.status, path).toBe(403);
      const refusal = await json<Refusal>(response);
      expect(refusal, path).toMatchObject({ code: 'FORBIDDEN', messageCode: 'auth.profileRoute' });
      expect(refusal.message).toContain('My profile');
    }
    // An unknown or unused better-auth route is simply not there.
    expect(
      (
        await post('/sign-up/email', {
          email: 'x@example.test',
          password: 'x'.repeat(12),
          name: 'X',
        })
      ).status,
    ).toBe(404);
    expect((await server.fetch('/api/auth/list-sessions', { headers: { cookie } })).status).toBe(
      404,
    );
    expect(checksumDatabase(server.handle.sqlite)).toBe(before);
  });

  it('keeps the session working, and renames through session.updateProfile (audited, plain text)', async () => {
    const session = await server.fetch('/api/auth/get-session', { headers: { cookie } });
    expect(session.status).toBe(200);
    const refused = await mutate('session.updateProfile', JSON.stringify({ name: '<b>Eva</b>' }), {
      cookie,
    });
    expect(refused.status).toBe(400);
    const renamed = await mutate(
      'session.updateProfile',
      JSON.stringify({ name: 'Eva Redaktör' }),
      {
        cookie,
      },
    );
    expect(renamed.status).toBe(200);
    const me = await json<{ result: { data: { name: string } } }>(
      await query('session.me', undefined, cookie),
    );
    expect(me.result.data.name).toBe('Eva Redaktör');
    const audited = server.handle.sqlite
      .prepare("SELECT count(*) FROM audit_log WHERE entity = 'user' AND action = 'update'")
      .pluck()
      .get();
    expect(audited).toBe(1);
  });
});
