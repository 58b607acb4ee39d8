/**
 * Images, walked in the browser: an administrator uploads a cluster logo,
 * is told the alt text is missing, adds it and saves; the public cluster page
 * (without JavaScript) shows the logo with srcset, size and alt text, in
 * Swedish and English. A text file named .png is refused with the reason
 * and nothing is stored. The editor of the cluster gives one of its members
 * a logo, and removes it again with the keyboard. Photographed at 1280 and
 * 320 px to /tmp/shots-h7.
 */
import { mkdirSync } from 'node:fs';
import { testImage } from '@cos/api/test-images';
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

const SHOTS = '/tmp/shots-h7';
let h: AdminHarness;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  h = await startAdminHarness({ demo: 20 });
});
afterAll(async () => {
  await h?.close();
});

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
const imageCount = () => h.query<{ n: number }>('SELECT count(*) AS n FROM images')[0]?.n ?? 0;

async function chooseFile(
  page: Page,
  input: string,
  name: string,
  mimeType: string,
  buffer: Buffer,
) {
  await page.locator(input).setInputFiles({ name, mimeType, buffer });
}

/** Waits for an <img> to have loaded its pixels (naturalWidth > 0). */
async function loaded(page: Page, selector: string): Promise<number> {
  const img = page.locator(selector).first();
  await img.waitFor();
  await expect
    .poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth), {
      timeout: 10_000,
    })
    .toBeGreaterThan(0);
  return img.evaluate((el: HTMLImageElement) => el.naturalWidth);
}

describe('images', () => {
  it('an admin uploads a cluster logo with alt text, and it shows on the public cluster page', async () => {
    const { page, errors } = await h.newPage();
    const cluster = h.query<{ id: number }>("SELECT id FROM clusters WHERE slug = 'opentech'")[0];
    await openSignedIn(page, h.origin, `/clusters/${cluster?.id}`);
    await page.getByRole('group', { name: 'Logotyp' }).waitFor();

    // A text file named .png: refused with the reason, nothing stored.
    const before = imageCount();
    await chooseFile(
      page,
      '#cluster-logo-file',
      'logo.png',
      'image/png',
      Buffer.from('inte en bild'),
    );
    const refusal = page.locator('#cluster-logo-file-error');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(
      'Logotypen: filen är inte en PNG-, JPEG- eller WebP-bild',
    );
    expect(await page.locator('#cluster-logo-file').getAttribute('aria-invalid')).toBe('true');
    expect(imageCount()).toBe(before);
    await shot(page, 'admin-cluster-logo-refused-sv-1280');

    // A real PNG (sent as .jpg: the content decides).
    const png = await testImage({ width: 600, height: 300, colour: { r: 10, g: 90, b: 160 } });
    await chooseFile(page, '#cluster-logo-file', 'logo.jpg', 'image/jpeg', png);
    await page
      .getByRole('status')
      .filter({ hasText: 'Bilden är uppladdad (600 × 300 px)' })
      .waitFor();
    expect(await loaded(page, '#cluster-logo-preview')).toBeGreaterThan(0);
    expect(imageCount()).toBe(before + 1);

    // Saving without alt text is refused, naming the field.
    await page.getByRole('button', { name: 'Spara' }).click();
    const altError = page.locator('#cluster-logo-alt-sv-error');
    await altError.waitFor();
    expect(await altError.textContent()).toContain('alternativtext på svenska');
    expect(
      h.query<{ logo: string | null }>(
        "SELECT logo_image AS logo FROM clusters WHERE slug = 'opentech'",
      )[0]?.logo,
    ).toBeNull();

    await page.locator('#cluster-logo-alt-sv').fill('OpenTechs logotyp: ett blått kugghjul');
    await page.locator('#cluster-logo-alt-en').fill('The OpenTech logo: a blue cog');
    expect(await altError.count()).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.getByRole('button', { name: 'Spara' }).click();
    await expect
      .poll(
        () =>
          h.query<{ logo: string | null; alt: string | null }>(
            "SELECT logo_image AS logo, logo_alt_sv AS alt FROM clusters WHERE slug = 'opentech'",
          )[0],
      )
      .toMatchObject({
        logo: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown,
        alt: 'OpenTechs logotyp: ett blått kugghjul',
      });
    const entry = h.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE entity = 'cluster' AND entity_id = ? ORDER BY id DESC LIMIT 1",
      String(cluster?.id),
    )[0];
    expect(entry?.action).toBe('update');
    await screenshotScreen(page, 'cluster-logo');
    await shot(page, 'admin-cluster-logo-sv-1280');
    await page.setViewportSize({ width: 320, height: 700 });
    await page.getByRole('button', { name: /switch the interface to English/ }).click();
    await page.getByRole('group', { name: 'Logo' }).waitFor();
    await page.getByRole('group', { name: 'Logo' }).scrollIntoViewIfNeeded();
    await shot(page, 'admin-cluster-logo-en-320');

    // The public site, without JavaScript.
    const context = await h.browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 1280, height: 900 },
    });
    const site = await context.newPage();
    await site.goto(`${h.origin}/kluster/opentech`);
    const logo = site.locator('main img.logo');
    expect(await logo.getAttribute('alt')).toBe('OpenTechs logotyp: ett blått kugghjul');
    expect(await logo.getAttribute('width')).toBe('384');
    expect(await logo.getAttribute('height')).toBe('192');
    expect(await logo.getAttribute('srcset')).toMatch(
      /\/media\/[0-9a-f]{64}-96\.webp 96w, .*-384\.webp 384w$/,
    );
    expect(await loaded(site, 'main img.logo')).toBeGreaterThan(0);
    await shot(site, 'site-cluster-logo-sv-1280');
    await site.goto(`${h.origin}/en/clusters/opentech`);
    expect(await site.locator('main img.logo').getAttribute('alt')).toBe(
      'The OpenTech logo: a blue cog',
    );
    await site.setViewportSize({ width: 320, height: 700 });
    await shot(site, 'site-cluster-logo-en-320');
    // The cluster cards show it too, beside the name (so without repeating it as alt text).
    await site.goto(`${h.origin}/kluster`);
    const card = site.locator('.card').filter({ hasText: 'OpenTech' }).locator('img.logo');
    expect(await card.getAttribute('alt')).toBe('');
    expect(await loaded(site, '.card img.logo')).toBeGreaterThan(0);
    await shot(site, 'site-cluster-cards-sv-320');
    await context.close();
    // The refused file's 400 is logged by the browser as a failed load: expected here.
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
  });

  it('the cluster’s editor gives a member a logo, and removes it with the keyboard', async () => {
    const { page, errors } = await h.newPage();
    const member = h.query<{ id: number; slug: string }>(
      `SELECT m.id, m.slug FROM members m JOIN memberships ms ON ms.member_id = m.id
       JOIN clusters c ON c.id = ms.cluster_id
       WHERE c.slug = 'opentech' AND m.status = 'published'
         AND (SELECT count(*) FROM memberships x WHERE x.member_id = m.id) = 1
       ORDER BY m.id LIMIT 1`,
    )[0];
    if (!member) throw new Error('no opentech member to edit');
    await openSignedIn(page, h.origin, `/members/${member.id}`, EDITOR);
    await page.getByRole('group', { name: 'Logotyp' }).waitFor();
    const jpeg = await testImage({
      format: 'jpeg',
      width: 400,
      height: 400,
      colour: { r: 200, g: 60, b: 20 },
    });
    await chooseFile(page, '#member-logo-file', 'foto.jpeg', 'image/jpeg', jpeg);
    await page.getByRole('status').filter({ hasText: 'Bilden är uppladdad' }).waitFor();
    await page.locator('#member-logo-alt-sv').fill('Röd fyrkant, företagets logotyp');
    await page.getByRole('button', { name: 'Spara' }).click();
    const logoOf = () =>
      h.query<{ logo: string | null }>(
        'SELECT logo_image AS logo FROM members WHERE id = ?',
        member.id,
      )[0]?.logo ?? null;
    await expect.poll(logoOf).toMatch(/^[0-9a-f]{64}$/);
    await shot(page, 'admin-member-logo-editor-sv-1280');

    const site = await (await h.browser.newContext({ javaScriptEnabled: false })).newPage();
    await site.goto(`${h.origin}/medlemmar/${member.slug}`);
    expect(await site.locator('main img.logo').getAttribute('alt')).toBe(
      'Röd fyrkant, företagets logotyp',
    );
    expect(await loaded(site, 'main img.logo')).toBeGreaterThan(0);
    await site.setViewportSize({ width: 320, height: 700 });
    await shot(site, 'site-member-logo-sv-320');

    // Remove: by keyboard, then save; the focus lands on the file input.
    await page.reload();
    await page.locator('#member-logo-remove').waitFor();
    await page.locator('#member-logo-remove').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Bilden tas bort när du sparar.' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('member-logo-file');
    await page.getByRole('button', { name: 'Spara' }).click();
    await expect.poll(logoOf).toBeNull();
    // A fresh visitor (the public pages may be kept for 60 s by a browser that saw them).
    const fresh = await (await h.browser.newContext({ javaScriptEnabled: false })).newPage();
    await fresh.goto(`${h.origin}/medlemmar/${member.slug}`);
    await fresh.locator('main h1').waitFor();
    expect(await fresh.locator('main img.logo').count()).toBe(0);
    expect(errors).toEqual([]);
  });
  it('an admin gives a news article an uploaded cover, shown with srcset and its size', async () => {
    const { page, errors } = await h.newPage();
    await openSignedIn(page, h.origin, '/articles/new');
    await page.getByRole('heading', { name: 'Ny nyhet', level: 1 }).waitFor();
    await page.locator('#article-title-sv').fill('Bildnyhet från OpenTech');
    await page.getByLabel('Nyheten har en omslagsbild').check();
    const jpeg = await testImage({ format: 'jpeg', width: 1600, height: 900 });
    await chooseFile(page, '#article-cover-file', 'omslag.jpg', 'image/jpeg', jpeg);
    // Numbers are written the Swedish way: 1 600 with a no-break space.
    await page
      .getByRole('status')
      .filter({ hasText: /Bilden är uppladdad \(1\s600 × 900 px\)/ })
      .waitFor();
    // With an upload there is no address to give.
    expect(await page.locator('#article-coverSrc').count()).toBe(0);
    await page.locator('#article-coverAlt-sv').fill('Ett ljust kontor med människor vid ett bord');
    await page.locator('#article-status-published').check();
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.getByRole('button', { name: 'Skapa nyhet' }).click();
    await page.waitForURL(/\/admin\/articles\/\d+$/);
    const saved = h.query<{ slug: string; cover: string | null; src: string | null }>(
      "SELECT slug, cover_image AS cover, cover_src AS src FROM articles WHERE title_sv = 'Bildnyhet från OpenTech'",
    )[0];
    expect(saved).toMatchObject({
      cover: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown,
      src: null,
    });
    await shot(page, 'admin-article-cover-sv-1280');

    const site = await (await h.browser.newContext({ javaScriptEnabled: false })).newPage();
    await site.goto(`${h.origin}/nyheter/${saved?.slug}`);
    const cover = site.locator('figure.cover img');
    expect(await cover.getAttribute('alt')).toBe('Ett ljust kontor med människor vid ett bord');
    expect([await cover.getAttribute('width'), await cover.getAttribute('height')]).toEqual([
      '1600',
      '900',
    ]);
    expect(await cover.getAttribute('srcset')).toMatch(
      /-640\.webp 640w, .*-1280\.webp 1280w, .*-1600\.webp 1600w$/,
    );
    expect(await loaded(site, 'figure.cover img')).toBeGreaterThan(0);
    await site.setViewportSize({ width: 320, height: 700 });
    await shot(site, 'site-article-cover-sv-320');
    expect(errors).toEqual([]);
  });
});
