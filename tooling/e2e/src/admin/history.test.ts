/**
 * History: each save is recorded with who, when and the fields before and
 * after; a member can be put back to an earlier state (a new, audited change
 * on the current version), and admins read everything on the history screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  accessibilityProblems,
  ADMIN,
  adminUrl,
  openSignedIn,
  screenshotScreen,
  startAdminHarness,
  type AdminHarness,
} from './support';

let h: AdminHarness;
let page: Page;
let errors: string[];

beforeAll(async () => {
  h = await startAdminHarness({ demo: 20 });
  ({ page, errors } = await h.newPage());
  await openSignedIn(page, h.origin, '/');
  page.on('dialog', (dialog) => void dialog.accept());
});
afterAll(async () => {
  await h?.close();
});

const sony = () =>
  h.query<{ id: number; name: string; version: number }>(
    "SELECT id, name, version FROM members WHERE slug = 'sony'",
  )[0] as { id: number; name: string; version: number };

describe('history', () => {
  it('shows a change with before and after, and restores the earlier state', async () => {
    const original = sony();
    await page.goto(adminUrl(h.origin, `/members/${original.id}`));
    const name = page.getByRole('textbox', { name: 'Namn', exact: true });
    await name.fill('Sony Nordic');
    await page.getByRole('button', { name: 'Spara', exact: true }).click();
    await page.getByText(`Version ${original.version + 1}`).waitFor();

    const history = page.getByRole('region', { name: 'Historik' });
    const entry = history.locator('details').first();
    await entry
      .locator('summary')
      .filter({ hasText: `${ADMIN.email} ändrade` })
      .click();
    const nameRow = entry
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Namn' }) });
    expect(await nameRow.locator('td').allTextContents()).toEqual([original.name, 'Sony Nordic']);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshotScreen(page, 'member-history');

    await entry.getByRole('button', { name: 'Återställ till före' }).click();
    await page.getByText(`Återställd till version ${original.version + 2}.`).waitFor();
    await page.getByText(`Version ${original.version + 2}`, { exact: true }).waitFor();
    expect(await name.inputValue()).toBe(original.name);
    expect(sony()).toMatchObject({ name: original.name, version: original.version + 2 });
    const actions = h.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE entity = 'member' AND entity_id = ? ORDER BY id",
      String(original.id),
    );
    expect(actions.map((a) => a.action)).toEqual(['update', 'restore']);
    await history.locator('summary').filter({ hasText: 'återställde' }).waitFor();
  });

  it('lists every change on the history screen, filtered by record type', async () => {
    await page.goto(adminUrl(h.origin, '/history?entity=member'));
    await page.getByRole('heading', { name: 'Historik', level: 1 }).waitFor();
    const summaries = page.locator('details summary');
    await summaries.first().waitFor();
    expect(await summaries.allTextContents()).toEqual([
      expect.stringContaining('återställde medlem Sony'),
      expect.stringContaining('ändrade medlem Sony Nordic'),
    ]);
    await page.getByLabel('Typ av post').selectOption('user');
    await page.waitForURL(/entity=user/);
    await page
      .locator('details summary')
      .filter({ hasText: 'skapade användare' })
      .first()
      .waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshotScreen(page, 'history');
    expect(errors).toEqual([]);
  });
});
