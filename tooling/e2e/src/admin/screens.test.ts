/**
 * The other screens: dashboard, clusters, areas, news (Markdown preview and
 * the required cover alt text) and users — each checked with axe-core and
 * photographed at 1280 px.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  accessibilityProblems,
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
  h = await startAdminHarness({ demo: 120 });
  ({ page, errors } = await h.newPage());
  await openSignedIn(page, h.origin, '/');
});
afterAll(async () => {
  await h?.close();
});

async function check(path: string, ready: () => Promise<void>, name: string) {
  await page.goto(adminUrl(h.origin, path));
  await ready();
  expect(await accessibilityProblems(page), path).toEqual([]);
  await screenshotScreen(page, name);
}

const firstId = (table: string) =>
  h.query<{ id: number }>(`SELECT id FROM ${table} ORDER BY id LIMIT 1`)[0]?.id as number;

describe('screens', () => {
  it('dashboard: counts by status, attention and recent changes', async () => {
    await check(
      '/',
      async () => {
        await page.getByRole('heading', { name: 'Medlemmar per status' }).waitFor();
        await page.locator('.counts .number').first().waitFor();
      },
      'dashboard',
    );
    const drafts = h.query<{ n: number }>(
      "SELECT count(*) AS n FROM members WHERE status = 'draft'",
    )[0]?.n;
    const draftCard = page.locator('.counts li').filter({ hasText: 'Utkast' });
    expect(await draftCard.locator('.number').textContent()).toBe(String(drafts));
  });

  it('clusters: list and form', async () => {
    await check(
      '/clusters',
      () => page.getByRole('link', { name: 'OpenTech' }).waitFor(),
      'clusters',
    );
    await check(
      `/clusters/${firstId('clusters')}`,
      () => page.getByRole('heading', { name: /^Redigera / }).waitFor(),
      'cluster-form',
    );
    await page.getByLabel('Grundat år').fill('1700');
    await page.getByRole('button', { name: 'Spara', exact: true }).click();
    expect(await page.locator('#cluster-foundedYear-error').textContent()).toContain(
      '1800 eller senare',
    );
  });

  it('areas: list and form', async () => {
    await check('/areas', () => page.getByRole('link', { name: 'Tech' }).waitFor(), 'areas');
    await check(
      `/areas/${firstId('areas')}`,
      () => page.getByRole('heading', { name: /^Redigera / }).waitFor(),
      'area-form',
    );
  });

  it('news: list, Markdown preview, and alt text required for a cover image', async () => {
    await check(
      '/articles',
      () => page.locator('table.data tbody tr').first().waitFor(),
      'articles',
    );
    await page.goto(adminUrl(h.origin, '/articles/new'));
    await page.getByRole('heading', { name: 'Ny nyhet', level: 1 }).waitFor();
    await page.locator('#article-title-sv').fill('Ny mötesplats i Lund');
    await page
      .locator('#article-body-sv')
      .fill('## Välkommen\n\nVi öppnar **i maj**. <script>alert(1)</script>');
    await page.getByLabel('Nyheten har en omslagsbild').check();
    await page.getByLabel('Bildens adress').fill('/images/lund.jpg');
    await page.getByRole('button', { name: 'Lägg till tagg' }).click();
    await page.getByLabel('Tagg 1 på svenska').fill('Mötesplats');
    await page.getByLabel('Tagg 1 på engelska').fill('Meeting place');
    await page.getByRole('button', { name: 'Lägg till tagg' }).click();
    await page.getByLabel('Tagg 2 på svenska').fill('lund');
    await page.getByRole('button', { name: 'Skapa nyhet' }).click();
    const altError = page.locator('#article-coverAlt-sv-error');
    await altError.waitFor();
    expect(await altError.textContent()).toContain('alternativtext på svenska måste fyllas i');

    await page.getByRole('button', { name: 'Förhandsvisning' }).click();
    const preview = page.locator('.markdown[lang="sv"]');
    expect(await preview.locator('h2').textContent()).toBe('Välkommen');
    expect(await preview.locator('strong').textContent()).toBe('i maj');
    expect(await preview.locator('script').count()).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshotScreen(page, 'article-form-preview');
    await page.getByRole('button', { name: 'Skriv' }).click();

    await page.locator('#article-coverAlt-sv').fill('Ett ljust kontor med människor vid ett bord.');
    await page.getByRole('button', { name: 'Skapa nyhet' }).click();
    await page.waitForURL(/\/admin\/articles\/\d+$/);
    const saved = h.query<{ cover_alt_sv: string; status: string }>(
      "SELECT * FROM articles WHERE title_sv = 'Ny mötesplats i Lund'",
    )[0];
    expect(saved).toMatchObject({ status: 'draft' });
    // Each tag in both languages: the English name is the tag's, shared by every article with it.
    expect(
      h.query(
        `SELECT at.tag, t.name_en FROM article_tags at JOIN articles a ON a.id = at.article_id
         LEFT JOIN tags t ON t.tag = at.tag WHERE a.title_sv = 'Ny mötesplats i Lund' ORDER BY at.tag`,
      ),
    ).toEqual([
      { tag: 'lund', name_en: '' },
      { tag: 'mötesplats', name_en: 'meeting place' },
    ]);
    await screenshotScreen(page, 'article-form-tags');
  });

  it('users: list and a new editor account', async () => {
    await check(
      '/users',
      () => page.getByRole('link', { name: 'editor@example.se' }).waitFor(),
      'users',
    );
    await page.goto(adminUrl(h.origin, '/users/new'));
    await page.getByRole('heading', { name: 'Ny användare', level: 1 }).waitFor();
    await page.getByRole('textbox', { name: 'E-postadress' }).fill('ny.redaktor@example.se');
    await page.getByRole('textbox', { name: 'Namn' }).fill('Ny Redaktör');
    await page.getByRole('textbox', { name: 'Tillfälligt lösenord' }).fill('kort');
    await page.getByRole('button', { name: 'Skapa användare' }).click();
    await page.locator('#user-clusterId-error').waitFor();
    expect(await page.locator('#user-password-error').textContent()).toContain('minst 12 tecken');
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshotScreen(page, 'user-form-errors');

    await page.getByLabel('Kluster (för redaktörer)').selectOption({ label: 'Packbridge' });
    await page
      .getByRole('textbox', { name: 'Tillfälligt lösenord' })
      .fill('ett riktigt långt lösenord');
    await page.getByRole('button', { name: 'Skapa användare' }).click();
    await page.getByRole('heading', { name: 'Redigera Ny Redaktör' }).waitFor();
    expect(
      h.query<{ role: string }>("SELECT role FROM users WHERE email = 'ny.redaktor@example.se'")[0]
        ?.role,
    ).toBe('editor');
    expect(errors).toEqual([]);
  });
});
