/**
 * Accounts (admins only): list without secrets, create, change role, cluster
 * and disabled with optimistic locking; disabling ends sessions; an admin
 * cannot lock themselves out.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allKeys, blamedFields, createTestApi, trpcError, type TestApi } from '../test-support';

let api: TestApi;
beforeEach(() => {
  api = createTestApi();
});
afterEach(() => api.cleanup());

async function history(id: string) {
  return (await api.admin.audit.list({ entity: 'user', entityId: id })).items;
}

function createEditor() {
  return api.admin.user.create({
    email: 'ny.redaktor@example.test',
    name: 'Ny Redaktör',
    role: 'editor',
    clusterId: api.clusterId('opentech'),
    password: 'ett långt lösenord',
  });
}

describe('user', () => {
  it('lists accounts without password hashes', async () => {
    const users = await api.admin.user.list();
    expect(users.map((u) => u.id)).toContain(api.adminUser.id);
    const keys = allKeys(users);
    expect([...keys].sort()).toEqual([
      'clusterId',
      'createdAt',
      'disabled',
      'email',
      'id',
      'mailLanguage',
      'name',
      'notificationMode',
      'role',
      'version',
    ]);
  });

  it('creates an account, audited with the admin who made it', async () => {
    const user = await createEditor();
    expect(user).toMatchObject({
      email: 'ny.redaktor@example.test',
      role: 'editor',
      disabled: false,
      version: 1,
    });
    const entries = await history(user.id);
    expect(entries.map((e) => e.action)).toEqual(['create']);
    expect(entries[0]?.userId).toBe(api.adminUser.id);
    const taken = await trpcError(createEditor());
    expect(taken.code).toBe('CONFLICT');
    expect(blamedFields(taken)).toEqual(['email']);
  });

  it('updates partially, audits, and disabling deletes the sessions', async () => {
    const user = await createEditor();
    api.sqlite
      .prepare(
        'INSERT INTO sessions (id, expires_at, token, user_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run('s1', Date.now() + 3_600_000, 'token-1', user.id, Date.now(), Date.now());
    const renamed = await api.admin.user.update({ id: user.id, version: 1, name: 'Omdöpt' });
    expect(renamed).toMatchObject({
      name: 'Omdöpt',
      role: 'editor',
      clusterId: api.clusterId('opentech'),
      version: 2,
    });
    const disabled = await api.admin.user.update({ id: user.id, version: 2, disabled: true });
    expect(disabled.disabled).toBe(true);
    expect(
      api.sqlite.prepare('SELECT count(*) AS n FROM sessions WHERE user_id = ?').get(user.id),
    ).toEqual({ n: 0 });
    expect((await history(user.id)).map((e) => e.action)).toEqual(['update', 'update', 'create']);
    const promoted = await api.admin.user.update({
      id: user.id,
      version: 3,
      role: 'admin',
      clusterId: null,
    });
    expect(promoted).toMatchObject({ role: 'admin', clusterId: null });
  });

  it('refuses a stale version with the current record and changes nothing', async () => {
    const user = await createEditor();
    await api.admin.user.update({ id: user.id, version: 1, name: 'Först' });
    const before = api.checksum();
    const error = await trpcError(api.admin.user.update({ id: user.id, version: 1, name: 'Sen' }));
    expect(error.code).toBe('CONFLICT');
    expect((error.cause as { current?: unknown }).current).toMatchObject({
      name: 'Först',
      version: 2,
    });
    expect(api.checksum()).toBe(before);
  });

  it('blames the field for a role without its cluster, an unknown cluster or bad input', async () => {
    const user = await createEditor();
    const before = api.checksum();
    const noCluster = await trpcError(
      api.admin.user.update({ id: user.id, version: 1, clusterId: null }),
    );
    expect(noCluster.code).toBe('BAD_REQUEST');
    expect(blamedFields(noCluster)).toEqual(['clusterId']);
    const unknown = await trpcError(
      api.admin.user.update({ id: user.id, version: 1, clusterId: 9999 }),
    );
    expect(blamedFields(unknown)).toEqual(['clusterId']);
    const adminWithCluster = await trpcError(
      api.admin.user.update({ id: user.id, version: 1, role: 'admin', clusterId: 1 }),
    );
    expect(blamedFields(adminWithCluster)).toEqual(['clusterId']);
    const bad = await trpcError(api.admin.user.update({ id: user.id, version: 1, name: '' }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(blamedFields(bad)).toEqual(['name']);
    expect(api.checksum()).toBe(before);
  });

  it('an admin cannot disable or demote themselves', async () => {
    const me = (await api.admin.user.list()).find((u) => u.id === api.adminUser.id);
    const version = me?.version ?? 1;
    const before = api.checksum();
    const disable = await trpcError(
      api.admin.user.update({ id: api.adminUser.id, version, disabled: true }),
    );
    expect(blamedFields(disable)).toEqual(['disabled']);
    const demote = await trpcError(
      api.admin.user.update({
        id: api.adminUser.id,
        version,
        role: 'editor',
        clusterId: api.clusterId('opentech'),
      }),
    );
    expect(blamedFields(demote)).toEqual(['role']);
    expect(api.checksum()).toBe(before);
  });

  it('deletes an account with its sessions and accounts, audited; never yourself; stale refused', async () => {
    const created = await createEditor();
    api.sqlite
      .prepare(
        "INSERT INTO sessions (id, expires_at, token, user_id, created_at, updated_at) VALUES ('s1', ?, 't1', ?, 0, 0)",
      )
      .run(Date.now() + 60_000, created.id);
    expect(
      (await trpcError(api.admin.user.delete({ id: created.id, version: created.version + 1 })))
        .code,
    ).toBe('CONFLICT');
    expect(
      (await trpcError(api.admin.user.delete({ id: api.adminUser.id, version: 1 }))).code,
    ).toBe('BAD_REQUEST');
    await api.admin.user.delete({ id: created.id, version: created.version });
    const left = (table: string) =>
      (
        api.sqlite
          .prepare(`SELECT count(*) AS n FROM ${table} WHERE user_id = ?`)
          .get(created.id) as { n: number }
      ).n;
    expect([left('sessions'), left('accounts')]).toEqual([0, 0]);
    expect((await history(created.id)).map((e) => e.action)).toEqual(['delete', 'create']);
    expect(
      (await trpcError(api.admin.user.delete({ id: created.id, version: created.version }))).code,
    ).toBe('NOT_FOUND');
  });

  it('is forbidden to editors', async () => {
    const editor = api.editor('opentech');
    const before = api.checksum();
    expect((await trpcError(editor.user.list())).code).toBe('FORBIDDEN');
    const self = api.editorUser('opentech');
    expect(
      (
        await trpcError(
          editor.user.update({ id: self.id, version: 1, role: 'admin', clusterId: null }),
        )
      ).code,
    ).toBe('FORBIDDEN');
    expect(api.checksum()).toBe(before);
  });
});
