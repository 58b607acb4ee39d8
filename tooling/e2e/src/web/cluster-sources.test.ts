/**
 * Sources people can read (issue 16): a cluster page shows its source note
 * and its sources (title and year) in the page's language, with JavaScript
 * off — the Swedish note and "Offentliga källor" on the Swedish page, the
 * English ones on the English page, and no "(H)" shorthand on either.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../browser';
import { startPlatform, type Platform } from '../platform';

let platform: Platform;
let browser: Browser;
let tab: Page;

beforeAll(async () => {
  [platform, browser] = await Promise.all([startPlatform(), launchBrowser()]);
  tab = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
});

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

describe.each([
  {
    locale: 'sv',
    path: '/kluster/packbridge',
    note: 'Medlemsantalet (122, 2012) kommer från offentliga källor.',
    other: 'The member count (122, 2012)',
    source: 'Offentliga källor, 2012',
    heading: 'Källor',
  },
  {
    locale: 'en',
    path: '/en/clusters/packbridge',
    note: 'The member count (122, 2012) comes from public sources.',
    other: 'Medlemsantalet (122, 2012)',
    source: 'Public sources, 2012',
    heading: 'Sources',
  },
])('the $locale cluster page', ({ path, note, other, source, heading }) => {
  it('shows the note and the source title and year in its language', async () => {
    const response = await tab.goto(platform.origin + path);
    expect(response?.status()).toBe(200);
    expect((await tab.locator('#kalla').textContent())?.trim()).toBe(heading);
    const sources = tab.locator('dd.sources');
    expect(await sources.locator('.source-note').textContent()).toContain(note);
    const items = await sources.locator('.source-list li').allTextContents();
    expect(items.map((s) => s.replace(/\s+/g, ' ').trim())).toEqual([source]);
    const text = (await sources.textContent()) ?? '';
    expect(text).not.toContain(other);
    expect(text).not.toMatch(/\((?:H|M|L|G)\)/);
    // facts.md gives no link for the source, so none is shown.
    expect(await sources.locator('a').count()).toBe(0);
  });
});
