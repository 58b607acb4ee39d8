/// <reference lib="dom" />
/**
 * The accessibility defects seen at small widths, each checked at 320, 375
 * and 1280 px in both languages: the directory's skip link with JavaScript
 * on, keyboard access to boxes that scroll sideways, and the directory's
 * pager (previous page, "page N of M"). That long Swedish words never widen
 * the pages these touch, and that axe finds nothing on them, is checked at
 * the same widths by the walk in page-walk.test.ts (the pages marked `phone`
 * in site.ts).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../browser';
import { startPlatform, type Platform } from '../platform';

let platform: Platform;
let browser: Browser;

beforeAll(async () => {
  [platform, browser] = await Promise.all([startPlatform({ demo: 300 }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

const PAGES = {
  directory: { sv: '/medlemmar', en: '/en/members' },
  statistics: { sv: '/statistik', en: '/en/statistics' },
  'open data': { sv: '/oppna-data', en: '/en/open-data' },
} as const;
const CASES = (['sv', 'en'] as const).flatMap((locale) =>
  [320, 375, 1280].map((width) => ({ locale, width })),
);

async function open(width: number, path: string, javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 800 }, javaScriptEnabled });
  const page = await context.newPage();
  await page.goto(platform.origin + path);
  return page;
}

/** Presses Tab until `selector` has the focus; how many presses it took, or -1. */
async function tabTo(page: Page, selector: string, max = 250): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return i;
  }
  return -1;
}

const pageOf = async (page: Page) => (await page.locator('.pager-status').textContent())?.trim();
const slugsOf = (page: Page) =>
  page.$$eval('#directory-results .results-list a[href*="/"]', (links) =>
    links.map((a) => a.getAttribute('href')),
  );

describe.each(CASES)('in $locale at $width px', ({ locale, width }) => {
  it('the directory’s skip link moves the focus to the main content, with JavaScript on', async () => {
    const page = await open(width, PAGES.directory[locale]);
    // The enhancement script has run: it marks nothing, so check its module was fetched. A
    // module script runs before DOMContentLoaded, and goto() has waited for the load event.
    await page.waitForFunction(() =>
      performance.getEntriesByType('resource').some((r) => /\/_astro\/.+\.js$/.test(r.name)),
    );
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toMatch(/skip-link/);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash === '#main');
    // No reload, no lost focus: the main landmark holds it, and Tab goes on inside it.
    await page.waitForFunction(() => document.activeElement?.id === 'main');
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(() => document.getElementById('main')?.contains(document.activeElement)),
    ).toBe(true);
    await page.context().close();
  });

  it('the statistics matrix and the open-data code example take keyboard focus and scroll', async () => {
    for (const [path, selector] of [
      [PAGES.statistics[locale], '.matrix.scroll-region'],
      [PAGES['open data'][locale], 'pre.scroll-region'],
    ] as const) {
      const page = await open(width, path);
      expect(await tabTo(page, selector), `${selector} by Tab`).toBeGreaterThan(0);
      const region = page.locator(selector);
      expect(await region.getAttribute('role')).toBe('region');
      expect((await region.getAttribute('aria-label'))?.length).toBeGreaterThan(5);
      const outline = await region.evaluate((el) => getComputedStyle(el).outlineStyle);
      expect(outline).toBe('solid');
      const before = await region.evaluate((el) => ({
        left: el.scrollLeft,
        scrolls: el.scrollWidth > el.clientWidth,
      }));
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('End');
      if (before.scrolls) {
        await page.waitForFunction(
          (s) => (document.querySelector(s)?.scrollLeft ?? 0) > 0,
          selector,
        );
      }
      expect(before.left).toBe(0);
      await page.context().close();
    }
  });
});

describe.each(CASES)('the directory’s pager in $locale at $width px', ({ locale, width }) => {
  it('says "page N of M" and walks forward and back without JavaScript', async () => {
    const page = await open(width, PAGES.directory[locale], false);
    const total = Number(
      ((await page.locator('#results-heading').textContent()) ?? '').replace(/\D/g, ''),
    );
    const pages = Math.ceil(total / 20);
    const of = (n: number) => (locale === 'sv' ? `Sida ${n} av ${pages}` : `Page ${n} of ${pages}`);
    expect(pages).toBeGreaterThan(3);
    expect(await pageOf(page)).toBe(of(1));
    expect(await page.locator('.pager-status').getAttribute('aria-current')).toBe('page');
    await expect(page.locator('.pager a[rel="prev"]').count()).resolves.toBe(0);

    const seen: (string | null)[][] = [await slugsOf(page)];
    for (let n = 2; n <= 3; n++) {
      // By keyboard: focus the link and press Enter.
      await page.locator('.pager a[rel="next"]').focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(new RegExp(`p=${n}`));
      expect(await pageOf(page)).toBe(of(n));
      seen.push(await slugsOf(page));
    }
    expect(new Set(seen.map((s) => s.join())).size).toBe(3);
    for (let n = 2; n >= 1; n--) {
      await page.locator('.pager a[rel="prev"]').focus();
      await page.keyboard.press('Enter');
      await page.waitForURL((url) =>
        n === 1 ? !url.search.includes('cursor') : url.search.includes(`p=${n}`),
      );
      expect(await pageOf(page)).toBe(of(n));
      expect(await slugsOf(page)).toEqual(seen[n - 1]);
    }
    await expect(page.locator('.pager a[rel="prev"]').count()).resolves.toBe(0);
    await page.context().close();
  });
});
