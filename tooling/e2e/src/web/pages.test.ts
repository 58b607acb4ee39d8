/// <reference lib="dom" />
/**
 * Every page type loads in both languages with the right heading, language,
 * canonical and hreflang twins; the language switch keeps the page; axe-core
 * finds no WCAG 2.1 A/AA violations; nothing is fetched from another origin.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser } from '../browser';
import { startPlatform, type Platform } from '../platform';
import { LAUNCH, PAGES } from './site';

let platform: Platform;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  [platform, browser] = await Promise.all([startPlatform({ demo: 300 }), launchBrowser()]);
  context = await browser.newContext();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await platform?.stop();
});

describe.each(PAGES)('the $name page', (page) => {
  it.each(['sv', 'en'] as const)(
    'loads in %s with its heading, language and links',
    async (locale) => {
      const tab = await context.newPage();
      const foreign: string[] = [];
      const problems: string[] = [];
      tab.on('request', (request) => {
        if (!request.url().startsWith(platform.origin)) foreign.push(request.url());
      });
      tab.on('console', (message) => {
        // The browser logs the 404 page's own status as an error; anything else counts.
        if (
          message.type() === 'error' &&
          !(page.status === 404 && message.text().includes('status of 404'))
        ) {
          problems.push(message.text());
        }
      });
      tab.on('pageerror', (error) => problems.push(error.message));
      const response = await tab.goto(platform.origin + page[locale]);
      expect(response?.status()).toBe(page.status ?? 200);
      expect(await tab.getAttribute('html', 'lang')).toBe(locale);
      const h1 = tab.locator('h1');
      await expect(h1.count()).resolves.toBe(1);
      const text = (await h1.textContent())?.trim() ?? '';
      const expected = page.h1[locale];
      if (typeof expected === 'string') expect(text).toBe(expected);
      else expect(text).toMatch(expected);
      expect(await tab.title()).toMatch(/Clusters of Skåne/);
      expect(
        (await tab.getAttribute('meta[name="description"]', 'content'))?.length,
      ).toBeGreaterThan(10);
      await expect(tab.locator('main#main').count()).resolves.toBe(1);
      await expect(tab.locator('a.skip-link[href="#main"]').count()).resolves.toBe(1);

      if (page.status === undefined) {
        const other = locale === 'sv' ? 'en' : 'sv';
        expect(await tab.getAttribute('link[rel="canonical"]', 'href')).toBe(
          platform.origin + page[locale],
        );
        expect(await tab.getAttribute(`link[rel="alternate"][hreflang="${other}"]`, 'href')).toBe(
          platform.origin + page[other],
        );
        expect(await tab.getAttribute(`link[rel="alternate"][hreflang="${locale}"]`, 'href')).toBe(
          platform.origin + page[locale],
        );
        // The language switch leads to the same page in the other language.
        const switcher = tab.locator('a.lang-switch');
        expect(await switcher.getAttribute('hreflang')).toBe(other);
        await switcher.click();
        await tab.waitForLoadState('load');
        expect(new URL(tab.url()).pathname).toBe(page[other]);
        expect(await tab.getAttribute('html', 'lang')).toBe(other);
        await tab.goBack();
      } else {
        expect(await tab.getAttribute('meta[name="robots"]', 'content')).toBe('noindex');
      }
      expect(foreign).toEqual([]);
      expect(problems).toEqual([]);
      await tab.close();
    },
  );

  it.each(['sv', 'en'] as const)('has no axe-core violations in %s', async (locale) => {
    const tab = await context.newPage();
    await tab.goto(platform.origin + page[locale]);
    expect(await axeViolations(tab)).toEqual([]);
    // Structure rules axe files under best practice: heading order, one main, content in landmarks.
    const structure = await new AxeBuilder({ page: tab })
      .withRules([
        'heading-order',
        'landmark-one-main',
        'page-has-heading-one',
        'region',
        'skip-link',
      ])
      .analyze();
    expect(structure.violations.map((v) => v.id)).toEqual([]);
    await tab.close();
  });
});

describe('content pages', () => {
  it('ship no client JavaScript; only the directory has its small enhancement', async () => {
    for (const page of PAGES) {
      const html = await (await fetch(platform.origin + page.sv)).text();
      const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1] ?? '');
      const executable = scripts.filter((attrs) => !attrs.includes('application/ld+json'));
      if (page.name === 'directory') {
        expect(executable).toHaveLength(1);
        expect(executable[0]).toMatch(/src="\/_astro\/[^"]+\.js"/);
        const src = /src="([^"]+)"/.exec(executable[0] ?? '')?.[1] ?? '';
        const js = await (await fetch(platform.origin + src)).arrayBuffer();
        const { gzipSync } = await import('node:zlib');
        expect(gzipSync(Buffer.from(js)).byteLength).toBeLessThan(10 * 1024);
      } else {
        expect(executable, page.name).toEqual([]);
      }
      // No inline script at all: the CSP would block it.
      expect(html).not.toMatch(/<script(?![^>]*(src=|application\/ld\+json))[^>]*>/);
    }
  });

  it('renders the launch article from Markdown with its cover and alt text, and JSON-LD', async () => {
    const tab = await context.newPage();
    await tab.goto(`${platform.origin}${PAGES.find((p) => p.name === 'article')?.sv}`);
    const cover = tab.locator('figure.cover img');
    expect(await cover.getAttribute('src')).toBe('/images/launch-cover.svg');
    expect(await cover.getAttribute('alt')).toBe(
      'En grön åker med traktorspår. Lite dimma i horisonten.',
    );
    expect(
      await cover.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
    ).toBe(true);
    await expect(tab.locator('.article-body strong').first().textContent()).resolves.toMatch(
      /Clusters of Skåne/,
    );
    await expect(tab.locator('.article-body li').count()).resolves.toBe(6);
    const ld = JSON.parse(
      (await tab.locator('script[type="application/ld+json"]').textContent()) ?? '{}',
    ) as Record<string, unknown>;
    expect(ld['@type']).toBe('NewsArticle');
    // Shared links show the platform's PNG share image (issue 18), not the SVG cover.
    expect(await tab.getAttribute('meta[property="og:image"]', 'content')).toMatch(
      new RegExp(`^${platform.origin}/share/sv/article/${LAUNCH}\\.[0-9a-f]{12}\\.png$`),
    );
    await tab.close();
  });

  it('describes clusters and members as schema.org Organizations', async () => {
    for (const path of ['/kluster/opentech', '/en/members/ericsson']) {
      const html = await (await fetch(platform.origin + path)).text();
      const block = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1] ?? '{}';
      expect((JSON.parse(block) as { '@type': string })['@type']).toBe('Organization');
    }
  });

  it('shows a member with no municipality as not known, never as outside Skåne', async () => {
    const tab = await context.newPage();
    await tab.goto(`${platform.origin}/medlemmar/ericsson`);
    const body = (await tab.locator('main').textContent()) ?? '';
    expect(body).not.toContain('Utanför Skåne');
    await expect(
      tab.locator('a[href="/medlemmar?municipality=unknown"]').first().textContent(),
    ).resolves.toBe('Okänd');
    await tab.goto(`${platform.origin}/karta`);
    // Both rows below the municipalities, each linking to its own filter.
    await expect(
      tab.locator('table a[href="/medlemmar?municipality=outside"]').textContent(),
    ).resolves.toBe('Utanför Skåne');
    await expect(
      tab.locator('table a[href="/medlemmar?municipality=unknown"]').textContent(),
    ).resolves.toBe('Kommun okänd');
    await tab.close();
  });

  it('links each municipality on the map to the directory filtered to it', async () => {
    const tab = await context.newPage();
    await tab.goto(`${platform.origin}/karta`);
    const tiles = tab.locator('.skane-map svg a');
    await expect(tiles.count()).resolves.toBe(33);
    await tab.locator('.skane-map svg a[href="/medlemmar?municipality=1281"]').click();
    await tab.waitForURL('**/medlemmar?municipality=1281');
    await expect(tab.locator('#f-municipality-1281').isChecked()).resolves.toBe(true);
    await tab.close();
  });

  it('draws every statistics chart with a data table beside it', async () => {
    const tab = await context.newPage();
    await tab.goto(`${platform.origin}/en/statistics`);
    const sections = tab.locator('section.chart-section');
    await expect(sections.count()).resolves.toBe(5);
    for (let i = 0; i < 5; i++) {
      await expect(sections.nth(i).locator('svg[role="img"]').count()).resolves.toBe(1);
      await expect(sections.nth(i).locator('table tbody tr').count()).resolves.toBeGreaterThan(0);
    }
    await tab.close();
  });
});
