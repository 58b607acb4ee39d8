/**
 * The site-wide search box in the header, walked as a visitor with
 * JavaScript off and on, in Swedish and English, at 320 and 1280 px: a search
 * from any page lands on the search page with what it finds grouped by kind
 * (clusters, areas, members, news), each result links to its page, the
 * members group links on to the directory with the same text, the language
 * switch keeps the search, nothing found says so, and axe finds nothing
 * (with scripts on: axe runs in the page).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser } from '../browser';
import { startPlatform, type Platform } from '../platform';

let platform: Platform;
let browser: Browser;

beforeAll(async () => {
  [platform, browser] = await Promise.all([startPlatform({ demo: 40 }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

const CASES = [
  {
    locale: 'sv',
    start: '/kluster',
    page: '/sok',
    query: 'förpackning',
    found: /^\d+ träffar för ”förpackning”$/,
    none: 'Inga träffar för ”zzqxv”.',
    typo: 'förpakning',
    corrected: 'Inga träffar för ”förpakning”. Visar träffar för ”förpackning”.',
    switchTo: '/en/search',
    allMembers: /^Visa alla \d+ medlemmar i katalogen$/,
    directory: '/medlemmar',
  },
  {
    locale: 'en',
    start: '/en/clusters',
    page: '/en/search',
    query: 'packaging',
    found: /^\d+ results for “packaging”$/,
    none: 'No results for “zzqxv”.',
    typo: 'packagng',
    corrected: 'No results for “packagng”. Showing results for “packaging”.',
    switchTo: '/sok',
    allMembers: /^Show all \d+ members in the directory$/,
    directory: '/en/members',
  },
] as const;

const groupHeadings = (tab: Page) =>
  tab.locator('.site-search-results section > h3').allTextContents();

describe.each([
  { js: false, width: 1280 },
  { js: true, width: 320 },
  { js: true, width: 1280 },
])('with JavaScript $js at $width px', ({ js, width }) => {
  let context: BrowserContext;
  let tab: Page;
  beforeAll(async () => {
    context = await browser.newContext({ javaScriptEnabled: js, viewport: { width, height: 900 } });
    tab = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
  });

  it.each(CASES)('searches from the header in $locale', async (c) => {
    await tab.goto(platform.origin + c.start);
    await tab.locator('#header-q').fill(c.query);
    await Promise.all([tab.waitForURL(`**${c.page}?q=*`), tab.locator('#header-q').press('Enter')]);
    const url = new URL(tab.url());
    expect(url.pathname).toBe(c.page);
    expect(url.searchParams.get('q')).toBe(c.query);
    expect(await tab.getAttribute('html', 'lang')).toBe(c.locale);
    expect((await tab.locator('#site-search-summary').textContent())?.trim()).toMatch(c.found);
    // The text searched stays in the page's own box, to refine.
    expect(await tab.locator('#site-search-q').inputValue()).toBe(c.query);

    // Packbridge is the packaging cluster: first among the clusters in both languages.
    const clusters = tab.locator('#kluster h4 a');
    expect(await clusters.first().textContent()).toBe('Packbridge');
    expect(await groupHeadings(tab)).toContain(c.locale === 'sv' ? 'Kluster' : 'Clusters');
    expect(await tab.locator('#medlemmar h4 a').count()).toBeGreaterThan(0);
    expect(await tab.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex');

    // Measuring and axe need scripts in the page: with them on.
    if (js) {
      const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(await axeViolations(tab)).toEqual([]);
    }

    // A result leads to its page.
    await Promise.all([tab.waitForURL('**/packbridge'), clusters.first().click()]);
    expect(new URL(tab.url()).pathname).toMatch(/\/packbridge$/);
  });

  it.each(CASES)(
    'links on to the directory and keeps the search across languages in $locale',
    async (c) => {
      await tab.goto(`${platform.origin}${c.page}?q=${encodeURIComponent('a')}`);
      const all = tab.locator('#medlemmar p > a');
      // "a" alone finds more members than the group lists, so the group links on.
      expect((await all.textContent())?.trim()).toMatch(c.allMembers);
      await Promise.all([tab.waitForURL(`**${c.directory}?q=a`), all.click()]);
      expect(await tab.locator('#q').inputValue()).toBe('a');

      await tab.goto(`${platform.origin}${c.page}?q=${encodeURIComponent(c.query)}`);
      await Promise.all([
        tab.waitForURL(`**${c.switchTo}?q=*`),
        tab.locator('a.lang-switch').click(),
      ]);
      expect(new URL(tab.url()).searchParams.get('q')).toBe(c.query);
      expect(await tab.locator('#site-search-q').inputValue()).toBe(c.query);
    },
  );

  it.each(CASES)('says so when nothing is found, in $locale', async (c) => {
    await tab.goto(`${platform.origin}${c.page}?q=zzqxv`);
    expect((await tab.locator('#site-search-summary').textContent())?.trim()).toBe(c.none);
    expect(await groupHeadings(tab)).toEqual([]);
    // The way on: the directory, to browse.
    expect(await tab.locator('.site-search-results p a').getAttribute('href')).toBe(c.directory);
    if (js) expect(await axeViolations(tab)).toEqual([]);
  });

  it.each(CASES)('searches a misspelt text corrected, and says so, in $locale', async (c) => {
    await tab.goto(`${platform.origin}${c.page}?q=${encodeURIComponent(c.typo)}`);
    const note = tab.locator('[data-correction="applied"]');
    expect((await note.textContent())?.trim()).toBe(c.corrected);
    expect(await tab.locator('#medlemmar h4 a').count()).toBeGreaterThan(0);
    // What was typed stays in the box.
    expect(await tab.locator('#site-search-q').inputValue()).toBe(c.typo);
    if (js) expect(await axeViolations(tab)).toEqual([]);

    // The directory corrects the same text the same way.
    await tab.goto(`${platform.origin}${c.directory}?q=${encodeURIComponent(c.typo)}`);
    expect((await tab.locator('[data-correction="applied"]').textContent())?.trim()).toBe(
      c.corrected,
    );
    expect(
      await tab.locator('#directory-results h3 a, #directory-results h4 a').count(),
    ).toBeGreaterThan(0);
  });
});
