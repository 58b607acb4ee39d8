/**
 * History: each save is recorded with who (name and role), when and the
 * fields it changed. From a member's history a change can be undone (only
 * its fields, onto the record as it is now) or the whole record restored;
 * the confirmation lists exactly which fields change and to what, and the
 * publication status stays unless the person ticks it. Admins read
 * everything on the history screen; editors never see e-mail addresses.
 */
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  accessibilityProblems,
  ADMIN,
  adminUrl,
  EDITOR,
  openSignedIn,
  screenshotScreen,
  startAdminHarness,
  type AdminHarness,
} from './support';

const SHOTS = process.env.SHOTS_DIR ?? path.join(os.tmpdir(), 'shots-h3');

let h: AdminHarness;
let page: Page;
let errors: string[];

beforeAll(async () => {
  h = await startAdminHarness({ demo: 20 });
  ({ page, errors } = await h.newPage());
  await openSignedIn(page, h.origin, '/');
});
afterAll(async () => {
  await h?.close();
});

interface Row {
  id: number;
  name: string;
  version: number;
  status: string;
  description_sv: string;
  website: string | null;
}
const member = (slug: string) =>
  h.query<Row>(
    'SELECT id, name, version, status, description_sv, website FROM members WHERE slug = ?',
    slug,
  )[0] as Row;

/** A tRPC mutation with the page's session, from our own origin (as the admin sends it). */
async function mutate(on: Page, path: string, input: unknown): Promise<unknown> {
  const response = await on.request.post(`${h.origin}/trpc/${path}`, {
    data: input,
    headers: { origin: h.origin },
  });
  if (response.status() !== 200) throw new Error(`${path}: ${await response.text()}`);
  return ((await response.json()) as { result: { data: unknown } }).result.data;
}

/** A screenshot at this width into the artifacts (1280 px) and /tmp/shots-h3 for review. */
async function shoot(on: Page, name: string, width: 320 | 1280, fullPage = true) {
  if (width === 1280) await screenshotScreen(on, name);
  await on.setViewportSize({ width, height: width === 320 ? 640 : 900 });
  mkdirSync(SHOTS, { recursive: true });
  await on.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage });
  await on.setViewportSize({ width: 1280, height: 900 });
}

describe('history', () => {
  it('undoes a description change of an archived member, which stays archived', async () => {
    const original = member('sony');
    expect(original.status).toBe('published');
    await page.goto(adminUrl(h.origin, `/members/${original.id}`));
    await page.locator('#member-description-sv').fill('En helt ny beskrivning');
    await page.getByRole('button', { name: 'Spara', exact: true }).click();
    await page.getByText(`Version ${original.version + 1}`).waitFor();
    // Archived afterwards, and a later change of another field.
    await mutate(page, 'member.admin.setStatus', {
      id: original.id,
      version: original.version + 1,
      action: 'archive',
    });
    await mutate(page, 'member.admin.update', {
      id: original.id,
      version: original.version + 2,
      website: 'https://sony.example',
    });
    await page.reload();
    await page.getByText(`Version ${original.version + 3}`).waitFor();

    const history = page.getByRole('region', { name: 'Historik' });
    const lines = history.locator('details summary');
    await lines.nth(2).waitFor();
    expect(await lines.allTextContents()).toEqual([
      expect.stringMatching(/Ada Admin \(administratör\) ändrade\s*Ändrade: webbplats/),
      expect.stringMatching(/Ada Admin \(administratör\) arkiverade\s*Ändrade: status/),
      expect.stringMatching(/ändrade\s*Ändrade: beskrivning \(svenska\)/),
    ]);
    // The e-mail is for administrators: shown in the entry, not in the line.
    expect(await lines.first().textContent()).not.toContain(ADMIN.email);

    const change = history.locator('details').nth(2);
    await change.locator('summary').click();
    await change.getByRole('button', { name: 'Ångra ändringen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ångra ändringen?' });
    await dialog.getByRole('row').nth(1).waitFor();
    const rows = dialog.locator('tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().locator('th, td').allTextContents()).toEqual([
      'Beskrivning (svenska)',
      'En helt ny beskrivning',
      original.description_sv,
    ]);
    await dialog.getByText('Publiceringsstatus ändras inte.').waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await shoot(page, 'history-undo-dialog', 1280);
    await shoot(page, 'history-undo-dialog', 320, false);

    await dialog.getByRole('button', { name: 'Ångra ändringen' }).click();
    await page.getByText(`Version ${original.version + 4}`, { exact: true }).waitFor();
    expect(await dialog.count()).toBe(0);
    expect(member('sony')).toMatchObject({
      status: 'archived',
      description_sv: original.description_sv,
      website: 'https://sony.example',
      version: original.version + 4,
    });
    expect(await page.locator('#member-description-sv').inputValue()).toBe(original.description_sv);
    await lines.filter({ hasText: 'återställde' }).first().waitFor();
  });

  it('restores the whole record, changing the status only when ticked', async () => {
    const before = member('sony');
    await page.goto(adminUrl(h.origin, `/members/${before.id}`));
    const history = page.getByRole('region', { name: 'Historik' });
    // The oldest line: the description change, made while the member was published.
    const first = history.locator('details').last();
    await first.locator('summary').filter({ hasText: 'beskrivning' }).click();
    await first.getByRole('button', { name: 'Återställ hela posten' }).click();
    const dialog = page.getByRole('dialog', { name: 'Återställ hela posten som den var då?' });
    const status = dialog.getByRole('checkbox', {
      name: 'Ändra också publiceringsstatus (Arkiverad → Publicerad)',
    });
    await status.waitFor();
    const fields = async () => dialog.locator('tbody th').allTextContents();
    expect(await fields()).toEqual(['Webbplats', 'Beskrivning (svenska)']);
    await status.check();
    expect(await fields()).toEqual(['Webbplats', 'Beskrivning (svenska)', 'Status']);
    await status.uncheck();
    await dialog.getByRole('button', { name: 'Återställ posten' }).click();
    await page.getByText(`Version ${before.version + 1}`, { exact: true }).waitFor();
    expect(member('sony')).toMatchObject({
      status: 'archived',
      description_sv: 'En helt ny beskrivning',
    });
  });

  it('tells the person when the record changed since the preview', async () => {
    const before = member('sony');
    await page.goto(adminUrl(h.origin, `/members/${before.id}`));
    const history = page.getByRole('region', { name: 'Historik' });
    const entry = history.locator('details').first();
    await entry.locator('summary').click();
    await entry.getByRole('button', { name: 'Ångra ändringen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ångra ändringen?' });
    await dialog.locator('tbody tr').first().waitFor();
    await mutate(page, 'member.admin.update', {
      id: before.id,
      version: before.version,
      name: 'Sony Nordic',
    });
    await dialog.getByRole('button', { name: 'Ångra ändringen' }).click();
    await dialog.getByText('Posten har ändrats sedan förhandsvisningen').waitFor();
    expect(member('sony').version).toBe(before.version + 1);
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    expect(await dialog.count()).toBe(0);
  });

  it('lists every change on the history screen, filtered by record type', async () => {
    await page.goto(adminUrl(h.origin, '/history?entity=member'));
    await page.getByRole('heading', { name: 'Historik', level: 1 }).waitFor();
    const summaries = page.locator('details summary');
    await summaries.first().waitFor();
    expect(await summaries.first().textContent()).toMatch(
      /Ada Admin \(administratör\) ändrade medlem Sony Nordic\s*Ändrade: namn/,
    );
    await shoot(page, 'history', 1280);
    await shoot(page, 'history', 320);
    await page.getByLabel('Typ av post').selectOption('user');
    await page.waitForURL(/entity=user/);
    await page
      .locator('details summary')
      .filter({ hasText: 'skapade användare' })
      .first()
      .waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('shows an editor names and roles, in English too, and never an e-mail address', async () => {
    const sony = member('sony');
    const editor = await h.newPage();
    await openSignedIn(editor.page, h.origin, `/members/${sony.id}`, EDITOR);
    const history = editor.page.getByRole('region', { name: 'Historik' });
    await history.locator('details summary').first().waitFor();
    const text = (await history.textContent()) ?? '';
    expect(text).toContain('Ada Admin (administratör)');
    expect(text).not.toContain('@');
    await history.locator('details').first().locator('summary').click();
    expect((await history.textContent()) ?? '').not.toContain(ADMIN.email);
    await shoot(editor.page, 'history-editor', 1280);

    await editor.page.getByRole('button', { name: /switch the interface to English/ }).click();
    const historyEn = editor.page.getByRole('region', { name: 'History' });
    await historyEn.getByText('Ada Admin (administrator) updated').first().waitFor();
    await historyEn.getByText('Changed: name').first().waitFor();
    await historyEn
      .locator('details')
      .first()
      .getByRole('button', { name: 'Undo this change' })
      .click();
    const dialog = editor.page.getByRole('dialog', { name: 'Undo this change?' });
    await dialog.locator('tbody tr').first().waitFor();
    expect(await dialog.locator('thead th').allTextContents()).toEqual(['Field', 'Now', 'Becomes']);
    await shoot(editor.page, 'history-editor-undo-en', 320, false);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(editor.errors).toEqual([]);
  });
});
