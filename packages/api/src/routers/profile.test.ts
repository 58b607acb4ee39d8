/**
 * "My profile": a signed-in person changes their own name through
 * session.updateProfile — audited, version-checked, plain text only — and
 * nothing else about their account.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  blamedFields,
  createTestApi,
  formattedError,
  trpcError,
  type TestApi,
} from '../test-support';

let api: TestApi;
beforeEach(() => {
  api = createTestApi();
});
afterEach(() => api.cleanup());

describe('session.profile and session.updateProfile', () => {
  it("changes one's own name, audited as an update of the account by that person", async () => {
    const editor = api.editor('opentech');
    const me = api.editorUser('opentech');
    const profile = await editor.session.profile();
    expect(profile).toMatchObject({ id: me.id, email: me.email, role: 'editor', version: 1 });

    const changed = await editor.session.updateProfile({
      name: '  Eva Redaktör  ',
      version: profile.version,
    });
    expect(changed).toMatchObject({ name: 'Eva Redaktör', version: 2, role: 'editor' });
    expect(changed.clusterId).toBe(api.clusterId('opentech'));
    const [entry] = (await api.admin.audit.list({ entity: 'user', entityId: me.id })).items;
    expect(entry).toMatchObject({ action: 'update', userId: me.id });
    const detail = api.sqlite
      .prepare(
        'SELECT before, after FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id DESC',
      )
      .get('user', me.id) as { before: string; after: string };
    expect(JSON.parse(detail.before)).toMatchObject({ name: me.name });
    expect(JSON.parse(detail.after)).toMatchObject({ name: 'Eva Redaktör' });
  });

  it('refuses markup and control characters with the coded message, changing nothing', async () => {
    const checksum = api.checksum();
    for (const name of [
      '<b>Eva</b>',
      'Eva <script>',
      'Eva > Ada',
      'Eva\u0000',
      'Eva\u009b',
      'Eva\tRed',
    ]) {
      const error = await trpcError(api.admin.session.updateProfile({ name, version: 1 }));
      expect(error.code, JSON.stringify(name)).toBe('BAD_REQUEST');
      expect(blamedFields(error)).toEqual(['name']);
      const issues = formattedError(error, 'session.updateProfile').data as {
        issues: { code: string | null; message: string }[];
      };
      expect(issues.issues[0]).toMatchObject({
        code: 'plainText',
        message: 'Name must be plain text, without < > or control characters',
      });
    }
    expect(api.checksum()).toBe(checksum);
  });

  it('refuses a stale version with the current account, and every other field', async () => {
    const admin = api.admin;
    await admin.session.updateProfile({ name: 'Ada Lovelace', version: 1 });
    const checksum = api.checksum();
    const stale = await trpcError(admin.session.updateProfile({ name: 'Ada L', version: 1 }));
    expect(stale.code).toBe('CONFLICT');
    for (const extra of [{ role: 'editor' }, { email: 'ny@example.se' }, { clusterId: 1 }]) {
      const error = await trpcError(
        admin.session.updateProfile({ name: 'Ada', version: 2, ...extra }),
      );
      expect(error.code, JSON.stringify(extra)).toBe('BAD_REQUEST');
    }
    expect(api.checksum()).toBe(checksum);
    expect((await trpcError(api.anonymous.session.updateProfile({ name: 'X' }))).code).toBe(
      'UNAUTHORIZED',
    );
  });
});
