/**
 * Exporting members from the admin's list: the export menu downloads the
 * list as it is filtered — every matching row, not the page shown — streamed
 * by the server in the chosen format. An editor's file holds only their
 * cluster's members. The menu works by keyboard and passes axe.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessibilityProblems,
  adminUrl,
  EDITOR,
  openSignedIn,
  screenshotScreen,
  startAdminHarness,
  trpcData,
  type AdminHarness,
} from './support';

interface ExportedRow {
  id: number;
  name: string;
  status: string;
  kind: string;
  clusters: string[];
}

let h: AdminHarness;
let page: Page;
let errors: string[];

beforeAll(async () => {
  h = await startAdminHarness({ demo: 120 });
  ({ page, errors } = await h.newPage());
  await openSignedIn(page, h.origin, '/');
});
afterAll(async () => {
  await h?.close();
});

const menu = (p: Page) => p.locator('details.export');

/** Opens the export menu, clicks a format's link and returns the saved file and its name. */
async function download(p: Page, format: string): Promise<{ text: string; name: string }> {
  const saved = p.waitForEvent('download');
  if (!(await menu(p).evaluate((d) => (d as HTMLDetailsElement).open)))
    await menu(p).locator('summary').click();
  await p.getByRole('link', { name: format, exact: true }).click();
  const file = await saved;
  return { text: readFileSync(await file.path(), 'utf8'), name: file.suggestedFilename() };
}

describe('member export from the list', () => {
  it('downloads the filtered list, every row beyond the shown page, for Swedish Excel', async () => {
    // 20 rows a page, and far more companies than that: the file must hold them all.
    await page.goto(adminUrl(h.origin, '/members?kind=company&sort=changed&order=asc'));
    await page.locator('table.data tbody tr').first().waitFor();
    const companies = h.query<{ id: number }>(
      "SELECT id FROM members WHERE kind = 'company' ORDER BY updated_at, id",
    );
    expect(companies.length).toBeGreaterThan(20);
    await expect.poll(() => menu(page).locator('summary').textContent()).toMatch(/Exportera/);
    const { text, name } = await download(page, 'CSV för Excel');
    expect(name).toMatch(/^clusters-of-skane-members-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(text.startsWith('\uFEFFid;slug;name;organisation_number;kind;')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(companies.length + 1);
    // The list's order too: oldest change first, as the list was sorted.
    expect(lines.slice(1).map((l) => Number(l.split(';')[0]))).toEqual(companies.map((c) => c.id));
  });

  it('downloads JSON with the search text and status filter the list shows', async () => {
    await page.goto(adminUrl(h.origin, '/members?status=published&q=AB'));
    await page.locator('table.data tbody tr').first().waitFor();
    const { total } = await trpcData<{ total: number }>(page, h.origin, 'member.admin.list', {
      status: ['published'],
      q: 'AB',
      limit: 20,
    });
    expect(total).toBeGreaterThan(0);
    const { text } = await download(page, 'JSON');
    const rows = JSON.parse(text) as ExportedRow[];
    expect(rows.length).toBe(total);
    expect(rows.every((r) => r.status === 'published')).toBe(true);
  });

  it('opens and closes by keyboard, and passes axe with the menu open', async () => {
    await page.goto(adminUrl(h.origin, '/members'));
    await page.locator('table.data tbody tr').first().waitFor();
    const summary = menu(page).locator('summary');
    await summary.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'Excel-arbetsbok', exact: true }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshotScreen(page, 'export-menu');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    expect(await menu(page).evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await summary.evaluate((s) => s === document.activeElement)).toBe(true);
    // The unfiltered list's link: every member the person may see.
    const href = await page.locator('a[data-format="json"]').getAttribute('href');
    expect(href).toBe('/api/admin/members/export?format=json');
  });

  it('gives an editor only their own cluster’s members, and says so', async () => {
    const { context, page: editorPage } = await h.newPage();
    await openSignedIn(editorPage, h.origin, '/members', EDITOR);
    await editorPage.locator('table.data tbody tr').first().waitFor();
    await menu(editorPage).locator('summary').click();
    await editorPage.getByText('Du får bara ut ditt klusters medlemmar.').waitFor();
    const { text } = await download(editorPage, 'JSON');
    const rows = JSON.parse(text) as ExportedRow[];
    const own = h.query<{ n: number }>(
      `SELECT count(DISTINCT member_id) AS n FROM memberships
       WHERE cluster_id = (SELECT id FROM clusters WHERE slug = 'opentech')`,
    )[0]?.n;
    expect(rows.length).toBe(own);
    expect(rows.every((r) => r.clusters.includes('opentech'))).toBe(true);
    await context.close();
  });

  it('logged no errors', () => {
    expect(errors).toEqual([]);
  });
});
