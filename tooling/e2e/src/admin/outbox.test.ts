/**
 * Utkorg / Outbox and the notification choice, in Chromium against the real
 * platform (no SMTP_URL, so mail stays in the outbox): an admin lists the
 * recorded mail newest first, opens one and reads its text, with the HTML
 * part in a sandboxed frame that runs no script; an editor is refused; an
 * editor picks a daily summary on "Min profil". axe finds nothing on either.
 */
import { renderMail, sendMail } from '@cos/api';
import { openDatabase, type DatabaseHandle } from '@cos/db';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessibilityProblems,
  EDITOR,
  openSignedIn,
  screenshotScreen,
  startAdminHarness,
  type AdminHarness,
} from './support';

let h: AdminHarness;
let writer: DatabaseHandle;

beforeAll(async () => {
  h = await startAdminHarness({ demo: 5 });
  writer = openDatabase({ url: h.platform.databasePath });
  for (const n of [1, 2]) {
    const { text, html } = renderMail({
      language: 'sv',
      heading: `Ny ansökan ${n}`,
      paragraphs: [`Åsa <script>alert(${n})</script> vill bli medlem.`],
      action: { label: 'Öppna', url: `${h.origin}/admin` },
    });
    await sendMail(writer, {
      to: `person${n}@example.test`,
      language: 'sv',
      subject: `Ny ansökan ${n}`,
      text,
      html,
      kind: 'join.received',
    });
  }
  // A row whose HTML carries a script, as if written by something that did not escape: the
  // frame must still run nothing.
  writer.sqlite
    .prepare(
      `INSERT INTO mail_outbox (created_at, "to", language, subject, text, html, kind, status)
       VALUES (?, 'x@example.test', 'en', 'Hostile', 'plain', ?, 'test', 'outbox')`,
    )
    .run(
      Date.now(),
      '<p id="p">html part</p><script>parent.document.title = "pwned"; document.getElementById("p").textContent = "ran";</script>',
    );
});
afterAll(async () => {
  writer?.close();
  await h?.close();
});

async function opened(path: string, who?: { email: string; password: string }) {
  const { page, errors } = await h.newPage();
  await openSignedIn(page, h.origin, path, who);
  return { page, errors };
}

const frameText = (page: Page) =>
  page.frameLocator('iframe.mail-html').locator('body').innerText({ timeout: 10_000 });

describe('Utkorg / Outbox', () => {
  it('lists the recorded mail newest first and opens one, with no accessibility problems', async () => {
    const { page, errors } = await opened('/outbox');
    await page.getByRole('heading', { name: 'Utkorg', level: 1 }).waitFor();
    const subjects = await page.locator('tbody tr td:nth-child(3)').allInnerTexts();
    expect(subjects).toEqual(['Hostile', 'Ny ansökan 2', 'Ny ansökan 1']);
    expect(await page.locator('tbody tr td:nth-child(5)').allInnerTexts()).toEqual([
      'I utkorgen',
      'I utkorgen',
      'I utkorgen',
    ]);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshotScreen(page, 'outbox');

    await page.getByRole('link', { name: 'Ny ansökan 1' }).click();
    await page.getByRole('heading', { name: 'Ny ansökan 1', level: 1 }).waitFor();
    expect(await page.locator('pre.mail-text').innerText()).toContain(
      'Åsa <script>alert(1)</script> vill bli medlem.',
    );
    expect(await page.locator('iframe.mail-html').getAttribute('sandbox')).toBe('');
    expect(await frameText(page)).toContain('Åsa <script>alert(1)</script> vill bli medlem.');
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshotScreen(page, 'outbox-mail');
    // axe tries to run inside the frame too; the sandbox refusing it is the sandbox working.
    const sandboxed = /Blocked script execution in 'about:srcdoc'/;
    expect(errors.filter((e) => !sandboxed.test(e))).toEqual([]);
  });

  it('shows HTML in a frame that runs no script', async () => {
    const { page } = await opened('/outbox');
    await page.getByRole('link', { name: 'Hostile' }).click();
    await page.getByRole('heading', { name: 'Hostile', level: 1 }).waitFor();
    expect(await frameText(page)).toBe('html part');
    expect(await page.title()).not.toContain('pwned');
  });

  it('is refused to an editor, by the screen and by the server', async () => {
    const { page } = await opened('/outbox', EDITOR);
    await page.getByRole('alert').getByText('Du har inte behörighet').waitFor();
    expect(await page.locator('tbody tr').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Utkorg' }).count()).toBe(0);
    const answer = await page.request.get(
      `${h.origin}/trpc/mail.outbox?input=${encodeURIComponent(JSON.stringify({ page: 1 }))}`,
    );
    expect(answer.status()).toBe(403);
  });
});

describe('Min profil: notifications', () => {
  it('an editor chooses a daily summary and English mail, saved on the account', async () => {
    const { page, errors } = await opened('/profile', EDITOR);
    await page.getByRole('group', { name: 'Aviseringar' }).waitFor();
    expect(await page.getByLabel('Ett mejl per händelse').isChecked()).toBe(true);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.getByLabel('En daglig sammanfattning (kl. 07 svensk tid)').check();
    await page.getByLabel('Språk i mejlen').selectOption('en');
    await page.getByRole('button', { name: 'Spara aviseringar' }).click();
    await page.getByText('Dina aviseringar är sparade.').waitFor();
    await screenshotScreen(page, 'profile-notifications');
    const [row] = h.query<{ notification_mode: string; mail_language: string; version: number }>(
      'SELECT notification_mode, mail_language, version FROM users WHERE email = ?',
      EDITOR.email,
    );
    expect(row).toMatchObject({ notification_mode: 'daily', mail_language: 'en', version: 2 });
    await page.reload();
    await page.getByRole('group', { name: 'Aviseringar' }).waitFor();
    expect(await page.getByLabel('En daglig sammanfattning (kl. 07 svensk tid)').isChecked()).toBe(
      true,
    );
    expect(errors).toEqual([]);
  });
});
