/**
 * No lost updates: two people edit the same member in two browsers. The
 * second save is refused and the conflict view shows, field by field, their
 * stored value and mine; the chosen values are saved on the current version.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessibilityProblems,
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
});
