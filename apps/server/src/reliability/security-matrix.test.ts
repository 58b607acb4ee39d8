/**
 * Security over real HTTP with real sessions (signed in through better-auth):
 * the role × procedure matrix. Every procedure of the router (the test fails
 * when one is added without a row in security-matrix.ts) is called
 * anonymously, by the opentech editor on their own cluster's record and on
 * another cluster's, and by an admin, each with a valid input so that only the
 * permission decides; every refusal leaves the database unchanged. Sessions
 * are in security-sessions.test.ts, cross-site requests and headers in
 * security-cross-site.test.ts, the sign-in burst limit in
 * security-rate-limit.test.ts. This file signs in 2 times, under the default
 * limit of 10 a minute.
 */
import { appRouter } from '@cos/api';
import { describe, expect, it } from 'vitest';
import { checksumDatabase } from './checksum';
import { listProcedures, trpcCode, trpcData } from './http';
import { EXPECTED, fixtures, procedureMatrix, type Target } from './security-matrix';
import { procedureCaller, unique, useSecurityEnv } from './security-support';

const env = useSecurityEnv();

const call = procedureCaller(env);

describe('the role × procedure matrix', () => {
  const procedures = listProcedures(appRouter);
  const MATRIX = procedureMatrix(env);
  const { member } = fixtures(env);

  it('has a row for every procedure of the router', () => {
    expect(Object.keys(MATRIX).sort()).toEqual(procedures.map((p) => p.path).sort());
  });

  it('lets each role do exactly what it may, and refusals change nothing', async () => {
    const mismatches: string[] = [];
    const table: string[] = [];
    for (const { path, type } of procedures) {
      const row = MATRIX[path];
      if (!row) continue;
      const got: string[] = [];
      for (const actor of ['anonymous', 'editorOwn', 'editorOther', 'admin'] as const) {
        // An admin is shown on another cluster's record: admins' rights are not cluster-bound.
        const target: Target = actor === 'editorOwn' || actor === 'anonymous' ? 'own' : 'other';
        const input = await row.input(target);
        const before = checksumDatabase(env.server.handle.sqlite);
        const result = await call(
          path,
          type,
          input,
          actor === 'anonymous' ? undefined : env.cookies[actor],
        );
        const expected = EXPECTED[row.rule][actor];
        got.push(`${actor}=${result.status}`);
        if (result.status !== expected) {
          mismatches.push(
            `${path} as ${actor}: expected ${expected}, got ${result.status} ${JSON.stringify(result.body).slice(0, 200)}`,
          );
        }
        if (result.status !== 200 && checksumDatabase(env.server.handle.sqlite) !== before)
          mismatches.push(
            `${path} as ${actor}: refused with ${result.status} but changed the database`,
          );
        if (result.status === 401) expect(trpcCode(result.body)).toBe('UNAUTHORIZED');
        if (result.status === 403) expect(trpcCode(result.body)).toBe('FORBIDDEN');
      }
      table.push(`${path.padEnd(26)} ${row.rule.padEnd(8)} ${got.join(' ')}`);
    }
    expect(mismatches, table.join('\n')).toEqual([]);
  }, 60_000);

  it("scopes an editor's lists to their own cluster", async () => {
    const members = await call('member.admin.list', 'query', { limit: 100 }, env.cookies.editorOwn);
    const items = trpcData<{ items: { id: number }[] }>(members.body).items;
    expect(items.length).toBeGreaterThan(0);
    const inOwn = env.server.handle.sqlite
      .prepare('SELECT member_id FROM memberships WHERE cluster_id = ?')
      .pluck()
      .all(env.ownClusterId) as number[];
    for (const item of items) expect(inOwn).toContain(item.id);

    const articles = await call('article.admin.list', 'query', undefined, env.cookies.editorOwn);
    for (const a of trpcData<{ clusterId: number | null }[]>(articles.body))
      expect(a.clusterId).toBe(env.ownClusterId);

    // The whole audit trail, or another cluster's member's history, is not theirs to read.
    expect((await call('audit.list', 'query', {}, env.cookies.editorOwn)).status).toBe(403);
    expect((await call('user.list', 'query', undefined, env.cookies.editorOwn)).status).toBe(403);
  });

  it("an editor's import writes into their own cluster only", async () => {
    const before = checksumDatabase(env.server.handle.sqlite);
    const result = await call(
      'member.admin.import',
      'mutation',
      { rows: [{ name: unique('Fel kluster AB'), clusters: env.otherClusterSlug }], dryRun: false },
      env.cookies.editorOwn,
    );
    expect(result.status).toBe(200);
    expect(trpcData<{ created: number; invalid: number }>(result.body)).toMatchObject({
      created: 0,
      invalid: 1,
    });
    expect(checksumDatabase(env.server.handle.sqlite)).toBe(before);
  });

  it('an editor cannot move a member of theirs into another cluster', async () => {
    const m = await member('own');
    const before = checksumDatabase(env.server.handle.sqlite);
    const result = await call(
      'member.admin.update',
      'mutation',
      { id: m.id, version: m.version, memberships: [{ clusterId: env.otherClusterId }] },
      env.cookies.editorOwn,
    );
    expect(result.status).toBe(403);
    expect(checksumDatabase(env.server.handle.sqlite)).toBe(before);
  });

  it('an editor cannot delete, archive or re-identify a member another cluster shares, nor drop that cluster', async () => {
    const { member: m } = await env.admin.member.admin.create({
      name: unique('Delat matrisbolag'),
      kind: 'company',
      status: 'published',
      memberships: [
        { clusterId: env.ownClusterId, since: null },
        { clusterId: env.otherClusterId, since: null },
      ],
    });
    const before = checksumDatabase(env.server.handle.sqlite);
    const attempts: [string, unknown][] = [
      ['member.admin.delete', { id: m.id, version: m.version }],
      ['member.admin.setStatus', { id: m.id, version: m.version, action: 'archive' }],
      ['member.admin.setStatus', { id: m.id, version: m.version, action: 'unpublish' }],
      ['member.admin.update', { id: m.id, version: m.version, name: unique('Omdöpt') }],
      [
        'member.admin.update',
        { id: m.id, version: m.version, memberships: [{ clusterId: env.ownClusterId }] },
      ],
    ];
    for (const [path, input] of attempts) {
      const result = await call(path, 'mutation', input, env.cookies.editorOwn);
      expect(result.status, `${path} ${JSON.stringify(input)}`).toBe(403);
    }
    expect(checksumDatabase(env.server.handle.sqlite)).toBe(before);
  });
});
