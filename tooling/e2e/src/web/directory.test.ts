/// <reference lib="dom" />
/**
 * The member directory as a plain GET form (JavaScript off) and with its
 * small enhancement (JavaScript on): search with and without å/ä/ö and by
 * the start of a word, facets with counts, cursor pagination, a URL that
 * holds the whole state, and suggestions when nothing matches.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
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

const heading = async (page: Page) =>
  (await page.locator('#results-heading').textContent())?.trim() ?? '';
const total = async (page: Page) =>
  Number((await heading(page)).replace(/\D+.*$/, '').replace(/\D/g, ''));
const names = (page: Page) => page.locator('.results-list h3 a').allTextContents();
/** Opens a facet's disclosure (closed by default unless something in it is chosen). */
async function openFacet(page: Page, name: string): Promise<void> {
  const details = page.locator(`details[data-facet="${name}"]`);
  if (!(await details.evaluate((d: HTMLDetailsElement) => d.open)))
    await details.locator('summary').click();
}
const countOf = async (page: Page, id: string) =>
  Number((await page.locator(`label[for="${id}"] .count`).textContent())?.replace(/\D/g, ''));

describe.each([
  { js: false, label: 'without JavaScript' },
  { js: true, label: 'with JavaScript' },
])('the directory $label', ({ js }) => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await browser.newContext({ javaScriptEnabled: js });
    page = await context.newPage();
  });
  afterAll(async () => context?.close());

  /** Submit the form: JS off navigates, JS on updates in place and keeps the URL. */
  async function apply(): Promise<void> {
    const before = page.url();
    await page.locator('#directory-facets button[type="submit"]').click();
    if (js) {
      await page.waitForFunction((url) => location.href !== url, before).catch(() => undefined);
      await page.waitForLoadState('load');
    } else {
      await page.waitForLoadState('load');
    }
  }

  it('lists everyone, in pages of 20, with counts behind each choice', async () => {
    await page.goto(`${platform.origin}/medlemmar`);
    const all = await total(page);
    expect(all).toBeGreaterThan(250);
    await expect(page.locator('.results-list > li').count()).resolves.toBe(20);
    // Kind counts add up to everyone: one kind per member.
    let sum = 0;
    for (const kind of [
      'company',
      'startup',
      'academia',
      'public-sector',
      'non-profit',
      'investor',
      'other',
    ]) {
      sum += await countOf(page, `f-kind-${kind}`);
    }
    expect(sum).toBe(all);
  });

  it('narrows by a facet, and the URL holds the choice', async () => {
    await page.goto(`${platform.origin}/medlemmar`);
    const expected = await countOf(page, 'f-municipality-1281');
    await openFacet(page, 'municipality');
    await page.locator('#f-municipality-1281').check();
    if (js) {
      // The enhancement updates on change, without pressing the button.
      await page.waitForURL('**/medlemmar?municipality=1281');
      await page.waitForFunction(
        () => document.getElementById('directory-status')?.textContent !== '',
      );
    } else {
      await apply();
    }
    expect(new URL(page.url()).searchParams.getAll('municipality')).toEqual(['1281']);
    expect(await total(page)).toBe(expected);
    const metas = await page.locator('.results-list .meta').allTextContents();
    expect(metas.every((m) => m.includes('Lund'))).toBe(true);
    await expect(page.locator('#f-municipality-1281').isChecked()).resolves.toBe(true);
  });

  it('offers "outside Skåne" and "municipality not known" as two choices', async () => {
    await page.goto(`${platform.origin}/medlemmar`);
    const outside = await countOf(page, 'f-municipality-outside');
    const unknown = await countOf(page, 'f-municipality-unknown');
    // Demo members include some outside Skåne; Ericsson, Sony… have no municipality: not known.
    expect(outside).toBeGreaterThan(0);
    expect(unknown).toBeGreaterThan(0);
    await openFacet(page, 'municipality');
    await expect(
      page.locator('label[for="f-municipality-unknown"]').textContent(),
    ).resolves.toContain('Kommun okänd');
    await page.locator('#f-municipality-unknown').check();
    if (js) {
      await page.waitForURL('**/medlemmar?municipality=unknown');
      await page.waitForFunction(
        () => document.getElementById('directory-status')?.textContent !== '',
      );
    } else {
      await apply();
    }
    expect(await total(page)).toBe(unknown);
    const metas = await page.locator('.results-list .meta').allTextContents();
    expect(metas.every((m) => m.includes('Kommun okänd'))).toBe(true);
    expect(metas.some((m) => m.includes('Utanför Skåne'))).toBe(false);
    await page.goto(`${platform.origin}/medlemmar?municipality=outside`);
    expect(await total(page)).toBe(outside);
    const outsideMetas = await page.locator('.results-list .meta').allTextContents();
    expect(outsideMetas.every((m) => m.includes('Utanför Skåne'))).toBe(true);
  });

  it('combines search text with facets, with or without å/ä/ö and by the start of a word', async () => {
    await page.goto(`${platform.origin}/medlemmar?q=universitet`);
    const full = await names(page);
    expect(full).toEqual(expect.arrayContaining(['Lunds universitet', 'Malmö universitet']));
    await page.goto(`${platform.origin}/medlemmar?q=malmo%20univ`);
    expect(await names(page)).toContain('Malmö universitet');
    await page.goto(`${platform.origin}/medlemmar?q=univers&kind=academia`);
    const academia = await names(page);
    expect(academia).toEqual(expect.arrayContaining(['Lunds universitet', 'Malmö universitet']));
    expect(await heading(page)).toMatch(/träff/);
  });

  it('types a search into the form and gets results', async () => {
    await page.goto(`${platform.origin}/en/members`);
    await page.locator('#q').fill('ericsson');
    if (!js) await page.locator('#q').press('Enter');
    // Without JavaScript the form's empty sort= is dropped by a redirect: the same clean URL.
    await page.waitForURL((url) => url.search === '?q=ericsson');
    await page.waitForFunction(() => document.querySelectorAll('.results-list > li').length <= 3);
    expect(await names(page)).toContain('Ericsson');
    expect(await heading(page)).toMatch(/result/);
  });

  it('pages with a cursor, and the page URL can be shared', async () => {
    await page.goto(`${platform.origin}/medlemmar?kind=company`);
    const first = await names(page);
    const all = await total(page);
    await page.locator('a[rel="next"]').click();
    await page.waitForURL(/cursor=/);
    const url = page.url();
    expect(new URL(url).searchParams.get('kind')).toBe('company');
    expect(new URL(url).searchParams.get('p')).toBe('2');
    const second = await names(page);
    expect(second).toHaveLength(20);
    expect(second.some((n) => first.includes(n))).toBe(false);
    expect(await heading(page)).toMatch(/sida 2/);
    // The same address in a fresh browser shows the same page.
    const fresh = await browser.newContext({ javaScriptEnabled: js });
    const other = await fresh.newPage();
    await other.goto(url);
    expect(await names(other)).toEqual(second);
    expect(await total(other)).toBe(all);
    await fresh.close();
    // Back to the start.
    await page.locator('.pager a[rel="prev"]').click();
    await page.waitForLoadState('load');
    expect(await names(page)).toEqual(first);
  });

  it('explains an empty result and suggests what to loosen', async () => {
    await page.goto(`${platform.origin}/medlemmar?q=zzzqqq&area=tech`);
    expect(await total(page)).toBe(0);
    await expect(page.locator('.empty').textContent()).resolves.toMatch(/Inga medlemmar/);
    const remove = page.locator('.empty a', { hasText: 'zzzqqq' });
    await remove.click();
    await page.waitForLoadState('load');
    expect(new URL(page.url()).searchParams.get('q')).toBeNull();
    expect(new URL(page.url()).searchParams.get('area')).toBe('tech');
    expect(await total(page)).toBeGreaterThan(0);
  });

  it('shrugs off a stale cursor and unknown filter values', async () => {
    const response = await page.goto(
      `${platform.origin}/medlemmar?cursor=bm9wZQ&p=4&kind=robot&municipality=0000`,
    );
    expect(response?.status()).toBe(200);
    await expect(page.locator('.note').textContent()).resolves.toMatch(/första sidan/);
    expect(await total(page)).toBeGreaterThan(250);
  });
});

describe('the directory links', () => {
  it('keeps the filters when switching language', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${platform.origin}/medlemmar?area=tech&kind=startup`);
    await page.locator('a.lang-switch').click();
    await page.waitForLoadState('load');
    const url = new URL(page.url());
    expect(url.pathname).toBe('/en/members');
    expect(url.searchParams.get('area')).toBe('tech');
    expect(url.searchParams.get('kind')).toBe('startup');
    await expect(page.locator('#f-kind-startup').isChecked()).resolves.toBe(true);
    await context.close();
  });

  it('offers the current selection as CSV', async () => {
    const html = await (await fetch(`${platform.origin}/medlemmar?area=livsmedel`)).text();
    const href = /href="(\/api\/v1\/members\.csv[^"]*)"/.exec(html)?.[1]?.replace(/&amp;/g, '&');
    expect(href).toBe('/api/v1/members.csv?area=livsmedel');
    const csv = await fetch(platform.origin + (href ?? ''));
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
  });
});
