/**
 * notifyClusterEditors honours each editor's choice: 'each' gets a mail per
 * event at once, 'daily' gets one summary with every waiting event (and the
 * events are cleared). Each mail is in the editor's own language.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../../test-support';
import { configureMail } from './config';
import { latestDigestTime, sendDailyDigests } from './digest';
import { notifyAdmins, notifyClusterEditors } from './notify';

let api: TestApi;
beforeEach(() => {
  api = createTestApi();
  configureMail(api.handle, { origin: 'https://cos.example' });
});
afterEach(() => api.cleanup());

const mails = () =>
  api.sqlite
    .prepare(
      'SELECT "to", language, subject, text, html, kind, status FROM mail_outbox ORDER BY id',
    )
    .all() as {
    to: string;
    language: string;
    subject: string;
    text: string;
    html: string;
    kind: string;
  }[];
const pending = () =>
  (api.sqlite.prepare('SELECT count(*) AS n FROM pending_notifications').get() as { n: number }).n;

const event = (n: number) => ({
  kind: 'join.received',
  subject: { sv: `Ny ansökan ${n}`, en: `New request ${n}` },
  summary: { sv: `Företag ${n} vill bli medlem.`, en: `Company ${n} wants to join.` },
  url: `/admin/inbox/${n}`,
});

describe('notifyClusterEditors', () => {
  it("mails an 'each' editor once per event, in their language, with an absolute link", async () => {
    const opentech = api.clusterId('opentech');
    api.sqlite
      .prepare("UPDATE users SET mail_language = 'en' WHERE id = ?")
      .run(api.editorUser('opentech').id);
    await notifyClusterEditors(api.handle, { ...event(1), clusterIds: [opentech] });
    await notifyClusterEditors(api.handle, { ...event(2), clusterIds: [opentech] });
    const sent = mails();
    expect(sent.map((m) => [m.to, m.language, m.subject])).toEqual([
      ['editor.opentech@example.test', 'en', 'New request 1'],
      ['editor.opentech@example.test', 'en', 'New request 2'],
    ]);
    expect(sent[0]?.text).toContain('Company 1 wants to join.');
    expect(sent[0]?.text).toContain('https://cos.example/admin/inbox/1');
    expect(sent[0]?.text).not.toContain('vill bli medlem');
    // Only that cluster's editor: not packbridge's, not the admin.
    expect(sent.some((m) => m.to !== 'editor.opentech@example.test')).toBe(false);
    expect(pending()).toBe(0);
  });

  it("gives a 'daily' editor one summary with both events at the next 07:00, then clears them", async () => {
    const packbridge = api.clusterId('packbridge');
    const me = api.editorUser('packbridge');
    await api
      .editor('packbridge')
      .session.updateProfile({ name: me.name, notificationMode: 'daily', version: 1 });
    await notifyClusterEditors(api.handle, { ...event(1), clusterIds: [packbridge] });
    await notifyClusterEditors(api.handle, { ...event(2), clusterIds: [packbridge] });
    expect(mails()).toHaveLength(0);
    expect(pending()).toBe(2);

    // Before the next 07:00 nothing is due.
    expect(await sendDailyDigests(api.handle, { now: new Date() })).toBe(0);
    const tomorrow = new Date(latestDigestTime(new Date()).getTime() + 24 * 3600_000 + 60_000);
    expect(await sendDailyDigests(api.handle, { now: tomorrow })).toBe(1);
    const sent = mails();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: me.email, language: 'sv', kind: 'digest' });
    expect(sent[0]?.subject).toBe('Clusters of Skåne: 2 händelser sedan förra sammanfattningen');
    expect(sent[0]?.text).toContain('Företag 1 vill bli medlem.');
    expect(sent[0]?.text).toContain('Företag 2 vill bli medlem.');
    expect(sent[0]?.text).toContain('https://cos.example/admin/inbox/2');
    expect(pending()).toBe(0);
    // Run again: nothing more to send.
    expect(await sendDailyDigests(api.handle, { now: tomorrow })).toBe(0);
    expect(mails()).toHaveLength(1);
  });

  it('one event to two clusters reaches each editor by their own choice', async () => {
    api.sqlite
      .prepare("UPDATE users SET notification_mode = 'daily' WHERE id = ?")
      .run(api.editorUser('packbridge').id);
    await notifyClusterEditors(api.handle, {
      ...event(3),
      clusterIds: [api.clusterId('opentech'), api.clusterId('packbridge')],
    });
    expect(mails().map((m) => m.to)).toEqual(['editor.opentech@example.test']);
    expect(pending()).toBe(1);
  });

  it('skips disabled editors; notifyAdmins reaches admins only', async () => {
    api.sqlite
      .prepare('UPDATE users SET disabled = 1 WHERE id = ?')
      .run(api.editorUser('opentech').id);
    await notifyClusterEditors(api.handle, {
      ...event(4),
      clusterIds: [api.clusterId('opentech')],
    });
    expect(mails()).toHaveLength(0);
    await notifyAdmins(api.handle, { ...event(5), kind: 'suggestion.cluster' });
    expect(mails().map((m) => [m.to, m.kind])).toEqual([
      ['admin.person@example.test', 'suggestion.cluster'],
    ]);
  });
});

describe('latestDigestTime', () => {
  it('is 07:00 Stockholm time, winter (UTC+1) and summer (UTC+2)', () => {
    expect(latestDigestTime(new Date('2026-01-15T12:00:00Z')).toISOString()).toBe(
      '2026-01-15T06:00:00.000Z',
    );
    expect(latestDigestTime(new Date('2026-01-15T05:59:00Z')).toISOString()).toBe(
      '2026-01-14T06:00:00.000Z',
    );
    expect(latestDigestTime(new Date('2026-07-01T05:00:00Z')).toISOString()).toBe(
      '2026-07-01T05:00:00.000Z',
    );
    expect(latestDigestTime(new Date('2026-07-01T04:59:59Z')).toISOString()).toBe(
      '2026-06-30T05:00:00.000Z',
    );
  });
});
