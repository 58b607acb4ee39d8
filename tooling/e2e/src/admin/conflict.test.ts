/**
 * No lost updates: two people edit the same member in two browsers. The
 * second save is refused and the conflict view says who saved first and
 * when, and shows, field by field, their stored value and mine; the chosen
 * values are saved on the current version. And a field's error clears as
 * soon as the field is valid, before the next save.
 */
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
beforeAll(async () => {
  h = await startAdminHarness({ demo: 20 });
});
afterAll(async () => {
  await h?.close();
});

interface Row {
  id: number;
  name: string;
  website: string | null;
  version: number;
}
const memberRow = (slug: string) =>
  h.query<Row>('SELECT id, name, website, version FROM members WHERE slug = ?', slug)[0] as Row;

describe('conflicting edits', () => {
  it('the second save shows theirs vs mine per field and saves the chosen values', async () => {
    const before = memberRow('ericsson');
    const a = await h.newPage();
    const b = await h.newPage();
    for (const { page } of [a, b]) {
      await openSignedIn(page, h.origin, `/members/${before.id}`);
      await page.getByRole('heading', { name: `Redigera ${before.name}` }).waitFor();
    }
    const name = (page: typeof a.page) => page.getByRole('textbox', { name: 'Namn', exact: true });

    // A saves first.
    await name(a.page).fill('Ericsson AB');
    await a.page.getByRole('button', { name: 'Spara', exact: true }).click();
    await a.page.getByText(`Version ${before.version + 1}`).waitFor();

    // B, still on the old version, changes the name too and the website, and saves with Ctrl+S.
    await name(b.page).fill('Telefonaktiebolaget LM Ericsson');
    await b.page.getByLabel('Webbplats').fill('https://www.ericsson.se');
    await b.page.keyboard.press('Control+s');

    const view = b.page.getByRole('region', { name: 'Någon annan har sparat först' });
    await view.waitFor();
    // Nothing was overwritten: the stored record is still A's.
    expect(memberRow('ericsson')).toMatchObject({
      name: 'Ericsson AB',
      version: before.version + 1,
    });

    const rows = view.locator('tbody tr');
    expect(await rows.count()).toBe(2);
    const nameRow = rows.filter({ hasText: 'Namn' });
    expect(await nameRow.textContent()).toContain('båda ändrade');
    expect(await nameRow.locator('td').nth(0).textContent()).toContain('Ericsson AB');
    expect(await nameRow.locator('td').nth(1).textContent()).toContain(
      'Telefonaktiebolaget LM Ericsson',
    );
    const websiteRow = rows.filter({ hasText: 'Webbplats' });
    expect(await websiteRow.textContent()).toContain('du ändrade');
    // My changes are offered first; B decides to keep their name.
    expect(await websiteRow.getByRole('radio', { name: /Behåll din/ }).isChecked()).toBe(true);
    await nameRow.getByRole('radio', { name: /Behåll deras/ }).check();

    expect(await accessibilityProblems(b.page)).toEqual([]);
    await screenshotScreen(b.page, 'member-conflict');

    await view.getByRole('button', { name: 'Spara valda värden' }).click();
    await b.page.getByText(`Version ${before.version + 2}`).waitFor();
    expect(memberRow('ericsson')).toMatchObject({
      name: 'Ericsson AB',
      website: 'https://www.ericsson.se',
      version: before.version + 2,
    });
    expect(await view.count()).toBe(0);
    expect(await name(b.page).inputValue()).toBe('Ericsson AB');
    expect([...a.errors, ...b.errors]).toEqual([]);
  });

  it('can drop my changes for the stored record instead', async () => {
    const before = memberRow('sony');
    const a = await h.newPage();
    const b = await h.newPage();
    for (const { page } of [a, b]) {
      await openSignedIn(page, h.origin, `/members/${before.id}`);
      await page.getByRole('heading', { name: `Redigera ${before.name}` }).waitFor();
    }
    await a.page.getByLabel('Webbplats').fill('https://sony.example');
    await a.page.getByRole('button', { name: 'Spara', exact: true }).click();
    await a.page.getByText(`Version ${before.version + 1}`).waitFor();

    await b.page.getByRole('textbox', { name: 'Namn', exact: true }).fill('Sony Europe');
    await b.page.getByRole('button', { name: 'Spara', exact: true }).click();
    const view = b.page.getByRole('region', { name: 'Någon annan har sparat först' });
    await view.getByRole('button', { name: 'Släpp mina ändringar' }).click();
    expect(await b.page.getByLabel('Webbplats').inputValue()).toBe('https://sony.example');
    expect(await b.page.getByRole('textbox', { name: 'Namn', exact: true }).inputValue()).toBe(
      before.name,
    );
    expect(memberRow('sony').version).toBe(before.version + 1);
  });

  it('names who saved first, by name and role, and when', async () => {
    const before = memberRow('ericsson');
    const editor = await h.newPage();
    const admin = await h.newPage();
    await openSignedIn(editor.page, h.origin, `/members/${before.id}`, EDITOR);
    await openSignedIn(admin.page, h.origin, `/members/${before.id}`);
    for (const { page } of [editor, admin]) {
      await page.getByRole('heading', { name: `Redigera ${before.name}` }).waitFor();
    }
    await editor.page.getByLabel('Webbplats').fill('https://ericsson.example');
    await editor.page.getByRole('button', { name: 'Spara', exact: true }).click();
    await editor.page.getByText(`Version ${before.version + 1}`).waitFor();

    await admin.page.getByLabel('Webbplats').fill('https://www.ericsson.com/sv');
    await admin.page.getByRole('button', { name: 'Spara', exact: true }).click();
    const view = admin.page.getByRole('region', { name: 'Någon annan har sparat först' });
    const saved = view.getByText(/^Ändrad av Edvin Editor \(redaktör\) /);
    await saved.waitFor();
    // The time is the editor's save, as the history records it, in the page's own format.
    const [entry] = h.query<{ at: string }>(
      "SELECT at FROM audit_log WHERE entity = 'member' AND entity_id = ? ORDER BY id DESC LIMIT 1",
      String(before.id),
    );
    const when = await admin.page.evaluate(
      (at) =>
        new Intl.DateTimeFormat('sv-SE', { dateStyle: 'medium', timeStyle: 'short' }).format(
          new Date(at),
        ),
      entry?.at ?? '',
    );
    expect(await saved.textContent()).toBe(`Ändrad av Edvin Editor (redaktör) ${when}.`);
    expect((await view.textContent()) ?? '').not.toContain('@');
    await screenshotScreen(admin.page, 'member-conflict-saved-by');
    await admin.page.setViewportSize({ width: 320, height: 640 });
    await view.scrollIntoViewIfNeeded();
    await admin.page.screenshot({ path: '/tmp/shots-h3/conflict-saved-by-320.png' });
    await admin.page.getByRole('button', { name: /switch the interface to English/ }).click();
    const savedEn = admin.page
      .getByRole('region', { name: 'Someone else saved first' })
      .getByText(/^Changed by Edvin Editor \(editor\) /);
    await savedEn.waitFor();
    await savedEn.scrollIntoViewIfNeeded();
    await admin.page.screenshot({ path: '/tmp/shots-h3/conflict-saved-by-en-320.png' });
    expect([...editor.errors, ...admin.errors]).toEqual([]);
  });

  it('clears a field’s error as soon as the field is valid', async () => {
    const row = memberRow('sony');
    const { page, errors } = await h.newPage();
    await openSignedIn(page, h.origin, `/members/${row.id}`);
    const name = page.getByRole('textbox', { name: 'Namn', exact: true });
    await name.fill('');
    const website = page.getByLabel('Webbplats');
    await website.fill('inte en adress');
    await page.getByRole('button', { name: 'Spara', exact: true }).click();
    await page.locator('[aria-invalid="true"]').nth(1).waitFor();
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    expect(await website.getAttribute('aria-invalid')).toBe('true');
    await screenshotScreen(page, 'member-field-errors');

    // Typing a valid name clears its error at once; the website's stays until it is valid too.
    await name.pressSequentially('Sony');
    await page.waitForFunction(() => !document.querySelector('#member-name[aria-invalid="true"]'));
    expect(await name.getAttribute('aria-invalid')).toBeNull();
    expect(await website.getAttribute('aria-invalid')).toBe('true');
    await website.fill('https://sony.example');
    await page.waitForFunction(
      () => document.querySelectorAll('[aria-invalid="true"]').length === 0,
    );
    expect(await page.getByRole('alert').filter({ hasText: 'Webbplats' }).count()).toBe(0);
    expect(memberRow('sony').version).toBe(row.version);
    expect(errors).toEqual([]);
  });
});
