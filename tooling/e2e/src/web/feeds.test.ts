/// <reference lib="dom" />
/**
 * Machine-readable output and HTTP caching: RSS per language and the sitemap
 * parse as XML, robots.txt points at the sitemap, pages carry Cache-Control
 * and an ETag and answer 304 when it still matches.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../browser';
import { startPlatform, type Platform } from '../platform';
import { LAUNCH, LAUNCH_EN } from './site';

let platform: Platform;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [platform, browser] = await Promise.all([startPlatform({ demo: 300 }), launchBrowser()]);
  page = await browser.newPage();
  await page.goto(`${platform.origin}/om`);
});

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

/** Parses XML with the browser's own DOMParser; returns the root's name and any parser error. */
async function parseXml(text: string) {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'application/xml');
    const error = doc.querySelector('parsererror')?.textContent ?? null;
    const texts = (tag: string) =>
      Array.from(doc.getElementsByTagName(tag), (e: Element) => e.textContent ?? '');
    return {
      root: doc.documentElement.nodeName,
      error,
      titles: texts('title'),
      links: texts('link'),
      locs: texts('loc'),
    };
  }, text);
}

describe('feeds and sitemaps', () => {
  it.each([
    [
      '/nyheter/rss.xml',
      'sv-SE',
      'Clusters of Skåne – ny plattform för samarbete',
      `/nyheter/${LAUNCH}`,
    ],
    [
      '/en/news/rss.xml',
      'en-GB',
      'Clusters of Skåne – a new platform for collaboration',
      `/en/news/${LAUNCH_EN}`,
    ],
  ])('%s is valid RSS in its language', async (path, language, title, link) => {
    const response = await fetch(platform.origin + path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/rss\+xml/);
    const text = await response.text();
    expect(text).toContain(`<language>${language}</language>`);
    const xml = await parseXml(text);
    expect(xml.error).toBeNull();
    expect(xml.root).toBe('rss');
    expect(xml.titles).toContain(title);
    expect(xml.links).toContain(platform.origin + link);
  });

  it('the sitemap is valid XML listing both languages of every kind of page', async () => {
    const response = await fetch(`${platform.origin}/sitemap.xml`);
    expect(response.headers.get('content-type')).toMatch(/application\/xml/);
    const xml = await parseXml(await response.text());
    expect(xml.error).toBeNull();
    expect(xml.root).toBe('urlset');
    for (const path of [
      '/',
      '/en/',
      '/medlemmar',
      '/en/members',
      '/kluster/opentech',
      '/en/areas/tech',
      `/nyheter/${LAUNCH}`,
      `/en/news/${LAUNCH_EN}`,
      '/medlemmar/ericsson',
      '/en/members/ericsson',
      '/tillganglighet',
    ]) {
      expect(xml.locs).toContain(platform.origin + path);
    }
    // Demo members are left out of the sitemap (demo-data.test.ts): only the real pages.
    expect(xml.locs.length).toBeGreaterThan(60);
  });

  it('the open-data page names each dataset, its size and last change, and the DCAT description', async () => {
    for (const [path, heading] of [
      ['/oppna-data', 'Senast ändrad'],
      ['/en/open-data', 'Last changed'],
    ] as const) {
      const html = await (await fetch(platform.origin + path)).text();
      expect(html).toContain(heading);
      const rows = [
        ...html.matchAll(/<tr data-dataset="(\w+)"[^>]*>[\s\S]*?<time datetime="([^"]+)"/g),
      ];
      expect(rows.map((r) => r[1])).toEqual(['members', 'clusters', 'areas']);
      for (const row of rows) expect(Number.isNaN(Date.parse(row[2] ?? ''))).toBe(false);
      expect(html).toContain('href="/api/dcat.rdf"');
    }
    const dcat = await fetch(`${platform.origin}/api/dcat.rdf`);
    expect(dcat.headers.get('content-type')).toMatch(/^application\/rdf\+xml/);
    expect(await dcat.text()).toContain('<dcat:Catalog');
  });

  it('robots.txt allows the site and names the sitemap', async () => {
    const text = await (await fetch(`${platform.origin}/robots.txt`)).text();
    expect(text).toMatch(/^User-agent: \*/m);
    expect(text).toContain('Disallow: /admin');
    expect(text).toContain(`Sitemap: ${platform.origin}/sitemap.xml`);
  });
});

describe('HTTP caching', () => {
  it.each(['/', '/en/members?area=tech', '/nyheter/rss.xml', '/sitemap.xml'])(
    '%s has Cache-Control and an ETag, and answers 304 when it matches',
    async (path) => {
      const first = await fetch(platform.origin + path);
      expect(first.status).toBe(200);
      expect(first.headers.get('cache-control')).toMatch(/max-age=\d+/);
      const etag = first.headers.get('etag');
      expect(etag).toMatch(/^W\/".+"$/);
      const again = await fetch(platform.origin + path, {
        headers: { 'if-none-match': etag ?? '' },
      });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
      const changed = await fetch(platform.origin + path, {
        headers: { 'if-none-match': 'W/"stale"' },
      });
      expect(changed.status).toBe(200);
    },
  );

  it('serves the 404 page in the language of the address', async () => {
    const sv = await fetch(`${platform.origin}/finns-inte`);
    expect(sv.status).toBe(404);
    expect(await sv.text()).toMatch(/<html lang="sv"[\s\S]*Sidan finns inte/);
    const en = await fetch(`${platform.origin}/en/nothing-here`);
    expect(en.status).toBe(404);
    expect(await en.text()).toMatch(/<html lang="en"[\s\S]*Page not found/);
  });

  it('uses the configured origin, not the Host header, in canonical links', async () => {
    const html = await (
      await fetch(`${platform.origin}/om`, { headers: { host: 'evil.example' } })
    ).text();
    expect(html).toContain(`<link rel="canonical" href="${platform.origin}/om">`);
    expect(html).not.toContain('evil.example');
  });
});
