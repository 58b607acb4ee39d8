/**
 * Hostile content entered through the admin API shows as text: a member
 * whose name and description hold markup, and an article whose Markdown
 * holds raw HTML and a javascript: link. No dialog may fire on any page.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../browser';
import { startPlatform, type Platform } from '../platform';
import { adminCookie, mutate } from './site';

const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror="alert(2)">';

let platform: Platform;
let browser: Browser;
let page: Page;
const dialogs: string[] = [];

beforeAll(async () => {
  [platform, browser] = await Promise.all([startPlatform({ demo: 20 }), launchBrowser()]);
  const cookie = await adminCookie(platform.origin);
  await mutate(platform.origin, cookie, 'member.admin.create', {
    slug: 'elaka-bolaget',
    name: `Elaka ${SCRIPT} Bolaget`,
    kind: 'company',
    municipalityCode: '1280',
    description: {
      sv: `Vi skriver ${SCRIPT} och ${IMG} i beskrivningen.`,
      en: `We write ${SCRIPT} here.`,
    },
    status: 'published',
  });
  await mutate(platform.origin, cookie, 'article.admin.create', {
    slug: 'elak-nyhet',
    title: { sv: `Nyhet ${SCRIPT}`, en: `News ${SCRIPT}` },
    summary: { sv: `Sammanfattning ${IMG}`, en: 'Summary' },
    body: {
      sv: `Text med ${SCRIPT}\n\n${IMG}\n\n[klicka här](javascript:alert(3))\n\n# Rubrik`,
      en: 'Body',
    },
    author: 'Testare',
    tags: [],
    status: 'published',
    publishedAt: '2024-01-01T00:00:00.000Z',
  });
  page = await browser.newPage();
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
});

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

describe('hostile content', () => {
  it('shows a member’s markup as text on its page', async () => {
    await page.goto(`${platform.origin}/medlemmar/elaka-bolaget`);
    await expect(page.locator('h1').textContent()).resolves.toBe(`Elaka ${SCRIPT} Bolaget`);
    await expect(page.locator('main .lead').textContent()).resolves.toContain(SCRIPT);
    await expect(
      page.locator('main script:not([type="application/ld+json"])').count(),
    ).resolves.toBe(0);
    await expect(page.locator('main img').count()).resolves.toBe(0);
    // The JSON-LD block carries the name as data and still parses.
    const ld = JSON.parse(
      (await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}',
    ) as { name: string };
    expect(ld.name).toBe(`Elaka ${SCRIPT} Bolaget`);
  });

  it('shows it as text in the directory, the search and the English page too', async () => {
    for (const path of [
      '/medlemmar?q=elaka',
      '/en/members/elaka-bolaget',
      '/medlemmar?municipality=1280',
    ]) {
      await page.goto(platform.origin + path);
      await expect(page.locator('main').textContent()).resolves.toContain(SCRIPT);
      // Only our own bundled script (the directory's enhancement) and JSON-LD data blocks.
      await expect(
        page.locator('script:not([src^="/_astro/"]):not([type="application/ld+json"])').count(),
      ).resolves.toBe(0);
    }
  });

  it('renders an article’s Markdown without raw HTML or javascript: links', async () => {
    await page.goto(`${platform.origin}/nyheter/elak-nyhet`);
    const body = page.locator('.article-body');
    await expect(body.textContent()).resolves.toContain(SCRIPT);
    await expect(body.locator('script, img').count()).resolves.toBe(0);
    await expect(body.locator('a[href^="javascript:"]').count()).resolves.toBe(0);
    // The article's "# Rubrik" sits under the page title.
    await expect(body.locator('h2').textContent()).resolves.toBe('Rubrik');
    await expect(page.locator('h1').textContent()).resolves.toBe(`Nyhet ${SCRIPT}`);
    await page.goto(`${platform.origin}/nyheter`);
    await expect(page.locator('main').textContent()).resolves.toContain(IMG);
    const rss = await (await fetch(`${platform.origin}/nyheter/rss.xml`)).text();
    expect(rss).toContain('&lt;script&gt;');
    expect(rss).not.toContain(SCRIPT);
  });

  it('never fired a dialog', () => {
    expect(dialogs).toEqual([]);
  });
});
