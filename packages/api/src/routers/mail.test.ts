/**
 * The admin's Outbox (mail.outbox, mail.outboxMail): admins read every
 * recorded mail, newest first, in pages; editors and visitors are refused.
 * And the notification choice on "My profile", versioned and audited.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OUTBOX_PAGE_SIZE, renderMail, sendMail } from '../services/mail';
import { createTestApi, trpcError, type TestApi } from '../test-support';

let api: TestApi;
beforeEach(() => {
  api = createTestApi();
});
afterEach(() => api.cleanup());

async function record(n: number) {
  for (let i = 1; i <= n; i += 1) {
    const { text, html } = renderMail({
      language: 'en',
      heading: `Mail ${i}`,
      paragraphs: ['<b>x</b>'],
    });
    await sendMail(api.handle, {
      to: `person${i}@example.test`,
      language: 'en',
      subject: `Mail ${i}`,
      text,
      html,
      kind: 'test',
    });
  }
}

describe('mail.outbox', () => {
  it('lists recorded mail newest first, in pages of fifty, for admins', async () => {
    await record(OUTBOX_PAGE_SIZE + 3);
    const first = await api.admin.mail.outbox({ page: 1 });
    expect(first).toMatchObject({ page: 1, pages: 2, total: OUTBOX_PAGE_SIZE + 3 });
    expect(first.items).toHaveLength(OUTBOX_PAGE_SIZE);
    expect(first.items[0]).toMatchObject({
      subject: `Mail ${OUTBOX_PAGE_SIZE + 3}`,
      status: 'outbox',
    });
    const second = await api.admin.mail.outbox({ page: 2 });
    expect(second.items.map((m) => m.subject)).toEqual(['Mail 3', 'Mail 2', 'Mail 1']);
    // The list carries no bodies; one mail is read on its own.
    expect(Object.keys(first.items[0] ?? {})).not.toContain('text');
    const one = await api.admin.mail.outboxMail({ id: second.items[2]?.id ?? 0 });
    expect(one).toMatchObject({ to: 'person1@example.test', language: 'en', kind: 'test' });
    expect(one.html).toContain('&lt;b&gt;x&lt;/b&gt;');
  });

  it('refuses editors and visitors, and names a mail that does not exist', async () => {
    await record(1);
    expect((await trpcError(api.editor('opentech').mail.outbox({ page: 1 }))).code).toBe(
      'FORBIDDEN',
    );
    expect((await trpcError(api.editor('opentech').mail.outboxMail({ id: 1 }))).code).toBe(
      'FORBIDDEN',
    );
    expect((await trpcError(api.anonymous.mail.outbox({ page: 1 }))).code).toBe('UNAUTHORIZED');
    const missing = await trpcError(api.admin.mail.outboxMail({ id: 999 }));
    expect(missing.code).toBe('NOT_FOUND');
    expect((await trpcError(api.admin.mail.outbox({ page: 0 }))).code).toBe('BAD_REQUEST');
  });
});

describe('session.updateProfile: notifications', () => {
  it('stores the choice and the language, versioned and audited', async () => {
    const editor = api.editor('opentech');
    const profile = await editor.session.profile();
    expect(profile).toMatchObject({ notificationMode: 'each', mailLanguage: 'sv' });
    const changed = await editor.session.updateProfile({
      name: profile.name,
      notificationMode: 'daily',
      mailLanguage: 'en',
      version: profile.version,
    });
    expect(changed).toMatchObject({ notificationMode: 'daily', mailLanguage: 'en', version: 2 });
    // A stale version is refused and changes nothing.
    const stale = await trpcError(
      editor.session.updateProfile({ name: profile.name, notificationMode: 'each', version: 1 }),
    );
    expect(stale.code).toBe('CONFLICT');
    expect((await editor.session.profile()).notificationMode).toBe('daily');
    const after = api.sqlite
      .prepare(
        "SELECT after FROM audit_log WHERE entity = 'user' AND entity_id = ? ORDER BY id DESC",
      )
      .get(profile.id) as { after: string };
    expect(JSON.parse(after.after)).toMatchObject({
      notificationMode: 'daily',
      mailLanguage: 'en',
    });
    // Only the two known modes.
    const bad = await trpcError(
      editor.session.updateProfile({
        name: profile.name,
        notificationMode: 'weekly' as 'daily',
        version: 2,
      }),
    );
    expect(bad.code).toBe('BAD_REQUEST');
  });

  it('leaves the choice alone when an admin edits the account, and keeps it when the name changes', async () => {
    const editor = api.editor('opentech');
    const p = await editor.session.profile();
    await editor.session.updateProfile({
      name: p.name,
      notificationMode: 'daily',
      version: p.version,
    });
    const me = api.editorUser('opentech');
    const [record] = (await api.admin.user.list()).filter((u) => u.id === me.id);
    await api.admin.user.update({ id: me.id, name: 'Renamed', version: record?.version ?? 0 });
    const renamed = await editor.session.updateProfile({
      name: 'Again',
      version: (record?.version ?? 0) + 1,
    });
    expect(renamed).toMatchObject({ name: 'Again', notificationMode: 'daily' });
  });
});
