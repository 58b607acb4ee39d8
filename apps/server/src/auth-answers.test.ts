/**
 * What the auth routes answer when something is wrong, over real HTTP:
 * - a disabled account answers exactly like a wrong password (status, body
 *   bytes and headers apart from the date), with its right password too, so
 *   an attacker cannot tell a disabled account from a guess;
 * - a full disk or a read-only database file at sign-in, sign-out and the
 *   session's refresh is the same clear 503 as other writes (never a 500
 *   with the body null), and reads by a signed-in user go on working.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checksumDatabase } from './reliability/checksum';
import { sessionCookie, trpcData, trpcMutation, trpcQuery } from './reliability/http';
import { ADMIN, EDITOR, startTestServer, type TestServer } from './test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(async () => {
  await server.close();
});

interface RawAnswer {
  status: number;
  headers: [string, string][];
  body: Buffer;
}

async function signInRaw(
  credentials: { email: string; password: string },
  extra: Record<string, string> = {},
): Promise<RawAnswer> {
  const response = await server.fetch('/api/auth/sign-in/email', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.origin, ...extra },
    body: JSON.stringify(credentials),
  });
  return {
    status: response.status,
    // Everything but the date, which differs from one second to the next.
    headers: [...response.headers].filter(([name]) => name !== 'date'),
    body: Buffer.from(await response.arrayBuffer()),
  };
}

describe('a disabled account', () => {
  it('answers exactly like a wrong password, even to its right password', async () => {
    // The editor's answers to a wrong password before and after, and to the right one after.
    const wrongBefore = await signInRaw({ ...EDITOR, password: 'a wrong password here' });
    const admin = await sessionCookie(server, ADMIN);
    const users = trpcData<{ id: string; email: string; version: number }[]>(
      JSON.parse(await (await trpcQuery(server, 'user.list', undefined, admin)).text()),
    );
    const editor = users.find((u) => u.email === EDITOR.email);
    if (!editor) throw new Error('no editor account');
    const disabled = await trpcMutation(
      server,
      'user.update',
      JSON.stringify({ id: editor.id, version: editor.version, disabled: true }),
      admin,
    );
    expect(disabled.status, await disabled.text()).toBe(200);

    const rightAfter = await signInRaw(EDITOR);
    const wrongAfter = await signInRaw({ ...EDITOR, password: 'a wrong password here' });
    const noSuchAccount = await signInRaw({
      email: 'nobody@example.test',
      password: 'whatever it is',
    });
    expect(wrongBefore.status).toBe(401);
    for (const answer of [rightAfter, wrongAfter, noSuchAccount]) {
      expect(answer.status).toBe(wrongBefore.status);
      expect(answer.body.equals(wrongBefore.body), answer.body.toString()).toBe(true);
      expect(answer.headers).toEqual(wrongBefore.headers);
    }
    expect(JSON.parse(wrongBefore.body.toString())).toEqual({
      code: 'INVALID_EMAIL_OR_PASSWORD',
      message: 'Invalid email or password',
    });
    const sessions = server.handle.sqlite
      .prepare('SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = ?')
      .pluck()
      .get(EDITOR.email);
    expect(sessions).toBe(0);
  });
});

/**
 * No room for one more page (SQLite's own "disk full") for as long as `body`
 * runs: the file may not grow, and its free pages are taken by filler rows.
 */
async function withFullDisk<T>(body: () => Promise<T>): Promise<T> {
  const sqlite = server.handle.sqlite;
  sqlite.exec('CREATE TABLE disk_filler (bytes BLOB)');
  sqlite.pragma(`max_page_count = ${sqlite.pragma('page_count', { simple: true }) as number}`);
  const fill = sqlite.prepare('INSERT INTO disk_filler VALUES (?)');
  for (let size = 1 << 20; size >= 1;) {
    try {
      fill.run(Buffer.alloc(size));
    } catch {
      size >>= 1;
    }
  }
  try {
    return await body();
  } finally {
    sqlite.pragma('max_page_count = 4294967294');
    sqlite.exec('DROP TABLE disk_filler');
  }
}

async function withReadOnlyFile<T>(body: () => Promise<T>): Promise<T> {
  server.handle.sqlite.pragma('query_only = ON');
  try {
    return await body();
  } finally {
    server.handle.sqlite.pragma('query_only = OFF');
  }
}

/** Makes every session due for its refresh (older than updateAge). */
function sessionsDueForRefresh() {
  server.handle.sqlite
    .prepare('UPDATE sessions SET expires_at = ?')
    .run(Date.now() + 60 * 60 * 1000);
}

async function expect503(response: Response, reason: RegExp) {
  const text = await response.text();
  expect(response.status, text).toBe(503);
  expect(text).not.toBe('null');
  const body = JSON.parse(text) as { code: string; message: string; messageCode: string };
  expect(body.code).toBe('SERVICE_UNAVAILABLE');
  expect(body.message).toMatch(reason);
  expect(body.message).toMatch(/nothing was saved/);
  expect(body.messageCode).toMatch(/^storage\./);
  expect(response.headers.getSetCookie().some((c) => /session_token=[^;]/.test(c))).toBe(false);
}

const sessionCount = () =>
  server.handle.sqlite.prepare('SELECT count(*) FROM sessions').pluck().get() as number;

describe('storage that cannot be written', () => {
  it('answers sign-in on a full disk with the clear 503 of other writes', async () => {
    const before = sessionCount();
    const response = await withFullDisk(() =>
      // A new session needs a new page: its user agent alone is larger than one.
      server.fetch('/api/auth/sign-in/email', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: server.origin,
          'user-agent': `Browser/${'x'.repeat(9000)}`,
        },
        body: JSON.stringify(ADMIN),
      }),
    );
    await expect503(response, /full/);
    expect(sessionCount()).toBe(before);
    // Once there is room, the same sign-in works.
    expect((await signInRaw(ADMIN)).status).toBe(200);
  });

  it('answers sign-in, sign-out and the session refresh on a read-only file with 503, changing nothing', async () => {
    const cookie = await sessionCookie(server, ADMIN);
    sessionsDueForRefresh();
    const before = checksumDatabase(server.handle.sqlite);
    await withReadOnlyFile(async () => {
      const signIn = await server.fetch('/api/auth/sign-in/email', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.origin },
        body: JSON.stringify(ADMIN),
      });
      await expect503(signIn, /read-only/);
      await expect503(
        await server.fetch('/api/auth/get-session', { headers: { cookie } }),
        /read-only/,
      );
      // A signed-in read does not need the refresh: it is answered, the refresh waits.
      const me = await trpcQuery(server, 'session.me', undefined, cookie);
      expect(me.status).toBe(200);
      expect(trpcData<{ email: string }>(await me.json())).toMatchObject({ email: ADMIN.email });
      // Signing out cannot end the session now: saying "signed out" would be a lie.
      const signOut = await server.fetch('/api/auth/sign-out', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.origin, cookie },
        body: '{}',
      });
      await expect503(signOut, /read-only/);
    });
    expect(checksumDatabase(server.handle.sqlite)).toBe(before);
    // Writable again: sign-out ends the session for real.
    const signOut = await server.fetch('/api/auth/sign-out', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.origin, cookie },
      body: '{}',
    });
    expect(signOut.status).toBe(200);
    const me = await trpcQuery(server, 'session.me', undefined, cookie);
    expect(trpcData(await me.json())).toBeNull();
  });
});
