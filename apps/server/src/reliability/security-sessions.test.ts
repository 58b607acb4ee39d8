/**
 * Session cookies over real HTTP: expired, forged, tampered and unsigned
 * session cookies, and the cookies of a disabled or deleted account, are
 * refused everywhere a session counts, writing nothing. This file signs in
 * at most 6 times, under the default limit of 10 a minute.
 */
import { randomBytes } from 'node:crypto';
import { createUser } from '@cos/api';
import { describe, expect, it } from 'vitest';
import { ADMIN } from '../test-server';
import { checksumTables } from './checksum';
import { reply, sessionCookie, trpcData, trpcMutation, trpcQuery } from './http';
import { procedureCaller, unique, useSecurityEnv } from './security-support';

const env = useSecurityEnv();
const call = procedureCaller(env);

describe('session cookies', () => {
  const list = (cookie: string) => trpcQuery(env.server, 'member.admin.list', {}, cookie);
  const create = (cookie: string) =>
    trpcMutation(
      env.server,
      'member.admin.create',
      JSON.stringify({ name: unique('Kaka AB'), kind: 'company' }),
      cookie,
    );
  const importCsv = (cookie: string) =>
    env.server.fetch('/api/admin/members/import?dryRun=false', {
      method: 'POST',
      headers: { 'content-type': 'text/csv', origin: env.server.origin, cookie },
      body: `namn\n${unique('Kakimport AB')}\n`,
    });
  const exportCsv = (cookie: string) =>
    env.server.fetch('/api/admin/members/export?format=csv', { headers: { cookie } });

  /**
   * The cookie is refused everywhere a session counts, and nothing is written
   * (better-auth may delete an expired session row it is shown: that is all).
   */
  async function refused(cookie: string, why: string) {
    const withoutSessions = () => {
      const { sessions: _sessions, ...rest } = checksumTables(env.server.handle.sqlite);
      return rest;
    };
    const before = withoutSessions();
    expect((await list(cookie)).status, `${why}: query`).toBe(401);
    expect((await create(cookie)).status, `${why}: mutation`).toBe(401);
    expect((await importCsv(cookie)).status, `${why}: import`).toBe(401);
    expect((await exportCsv(cookie)).status, `${why}: export`).toBe(401);
    const me = await reply(await trpcQuery(env.server, 'session.me', undefined, cookie));
    expect(trpcData(me.body), `${why}: session.me`).toBeNull();
    expect(withoutSessions(), why).toEqual(before);
  }

  const token = (cookie: string) => {
    const value = /session_token=([^;]+)/.exec(cookie)?.[1] ?? '';
    return decodeURIComponent(value);
  };

  it('refuses an expired session', async () => {
    const cookie = await sessionCookie(env.server, ADMIN);
    expect((await list(cookie)).status).toBe(200);
    const [raw = ''] = token(cookie).split('.');
    const changed = env.server.handle.sqlite
      .prepare('UPDATE sessions SET expires_at = ? WHERE token = ?')
      .run(Date.now() - 60_000, raw).changes;
    expect(changed).toBe(1);
    await refused(cookie, 'expired');
  });

  it('refuses forged, tampered and unsigned cookies', async () => {
    const name =
      /([\w.-]*session_token)=/.exec(env.cookies.admin)?.[1] ?? 'better-auth.session_token';
    const real = token(env.cookies.admin);
    const [raw = '', signature = ''] = real.split('.');
    const flipped = `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    const forged: Record<string, string> = {
      random: `${name}=${randomBytes(24).toString('hex')}`,
      'random, signed-looking': `${name}=${encodeURIComponent(`${randomBytes(16).toString('hex')}.${randomBytes(32).toString('base64')}`)}`,
      'tampered signature': `${name}=${encodeURIComponent(`${raw}.${flipped}`)}`,
      unsigned: `${name}=${encodeURIComponent(raw)}`,
      'token of the signature': `${name}=${encodeURIComponent(`${signature}.${raw}`)}`,
      empty: `${name}=`,
    };
    for (const [why, cookie] of Object.entries(forged)) await refused(cookie, why);
    // The real cookie still works: the refusals were about the forgeries.
    expect((await list(env.cookies.admin)).status).toBe(200);
  });

  it('refuses the session of a disabled account, and of a deleted one', async () => {
    const credentials = {
      email: 'snart.avstangd@example.test',
      password: 'soon disabled battery staple',
    };
    const created = await createUser(env.server.handle, {
      ...credentials,
      name: 'Snart Avstängd',
      role: 'editor',
      clusterId: env.ownClusterId,
    });
    const cookie = await sessionCookie(env.server, credentials);
    expect((await list(cookie)).status).toBe(200);
    env.server.handle.sqlite.prepare('UPDATE users SET disabled = 1 WHERE id = ?').run(created.id);
    await refused(cookie, 'disabled');

    const other = { email: 'snart.borta@example.test', password: 'soon deleted battery staple' };
    await createUser(env.server.handle, {
      ...other,
      name: 'Snart Borta',
      role: 'editor',
      clusterId: env.ownClusterId,
    });
    const otherCookie = await sessionCookie(env.server, other);
    expect((await list(otherCookie)).status).toBe(200);
    const record = (await env.admin.user.list()).find((u) => u.email === other.email);
    expect(record).toBeDefined();
    const deleted = await call(
      'user.delete',
      'mutation',
      { id: record?.id, version: record?.version },
      env.cookies.admin,
    );
    expect(deleted.status).toBe(200);
    await refused(otherCookie, 'deleted');
  });
});
