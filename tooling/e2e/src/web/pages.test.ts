/// <reference lib="dom" />
/**
 * What single pages hold beyond the checks every page gets: no client
 * JavaScript but the directory's enhancement, the launch article from
 * Markdown, schema.org data, unknown municipalities, the map's links and the
 * statistics charts. That every page type loads in both languages with the
 * right heading, language, canonical and hreflang twins, a language switch
 * that keeps the page, no axe-core violations and nothing fetched from another
 * origin is checked by the walk in page-walk.test.ts.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../browser';
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
