/// <reference lib="dom" />
/**
 * The site's face in Chromium: the self-hosted typeface is the one used;
 * cards show a logo or a monogram, areas their drawings; detail pages use two
 * columns on wide screens; an uploaded logo reaches the card, page, JSON-LD
 * and share image. That every page type in both languages has no sideways
 * scrolling and no axe-core violations, is kept as a screenshot and names a
 * PNG share image that decodes at 1200 × 630 is checked, with the default
 * data and with demo data, by the walk in page-walk.test.ts.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, launchBrowser } from '../browser';
import { startPlatform, type Platform } from '../platform';
import { adminCookie, mutate } from './site';

const SHOTS = process.env.SHOTS_DIR ?? path.join(ARTIFACTS, 'identity');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

const metaContent = (page: Page, selector: string) =>
  page.locator(selector).first().getAttribute('content');

describe('identity details', () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform();
  }, 120_000);
  afterAll(async () => {
    await platform?.stop();
  });

  it('sets text in the self-hosted Inter, loaded from this site only', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(platform.origin + '/');
    await page.evaluate(() => document.fonts.ready);
    expect(await page.evaluate(() => document.fonts.check('16px "Inter Variable"', 'åäö'))).toBe(
      true,
    );
    const fonts = requests.filter((u) => u.endsWith('.woff2'));
    expect(fonts.length).toBeGreaterThan(0);
    expect(requests.every((u) => u.startsWith(platform.origin))).toBe(true);
    const preload = await page.locator('link[rel="preload"][as="font"]').getAttribute('href');
    expect(preload).toMatch(/^\/_astro\/inter-latin-wght-normal\.[\w-]+\.woff2$/);
    await context.close();
  });

  it('shows a monogram for clusters without a logo, drawings for areas, two columns when wide', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(platform.origin + '/kluster');
    const cards = page.locator('.cluster-card');
    expect(await cards.count()).toBe(7);
    expect(await page.locator('.cluster-card .monogram').count()).toBe(7);
    expect(await page.locator('.cluster-card .monogram').first().textContent()).toMatch(
      /^\p{Lu}{1,4}$/u,
    );
    await page.goto(platform.origin + '/omraden');
    const art = page.locator('.area-card img.area-art');
    expect(await art.count()).toBe(6);
    for (const img of await art.all()) {
      expect(await img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(
        true,
      );
      expect(await img.getAttribute('alt')).toBe('');
    }
    for (const route of ['/kluster/packbridge', '/medlemmar/lunds-universitet', '/en/areas/tech']) {
      await page.goto(platform.origin + route);
      const [main, aside] = await Promise.all([
        page.locator('.detail-main').boundingBox(),
        page.locator('.detail-aside').boundingBox(),
      ]);
      expect(main && aside && aside.x > main.x + main.width - 1, route).toBe(true);
      await page.screenshot({ path: path.join(SHOTS, `detail-${route.replace(/\//g, '_')}.png`) });
    }
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(platform.origin + '/kluster/packbridge');
    const [main, aside] = await Promise.all([
      page.locator('.detail-main').boundingBox(),
      page.locator('.detail-aside').boundingBox(),
    ]);
    expect(main && aside && aside.y + aside.height <= main.y + 1).toBe(true);
    await context.close();
  });

  it("puts a cluster's uploaded logo on its card, page, JSON-LD and share image", async () => {
    const cookie = await adminCookie(platform.origin);
    const { testImage } = await import('@cos/api/test-images');
    const upload = await fetch(`${platform.origin}/api/admin/images?field=logo`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', cookie, origin: platform.origin },
      body: Uint8Array.from(await testImage({ width: 400, height: 200 })),
    });
    const { hash } = (await upload.json()) as { hash: string };
    const clusters = await mutateFree<{ id: number; slug: string; version: number }[]>(
      platform.origin,
      cookie,
    );
    const packbridge = clusters.find((c) => c.slug === 'packbridge');
    if (!packbridge) throw new Error('no packbridge');
    await mutate(platform.origin, cookie, 'cluster.admin.update', {
      id: packbridge.id,
      version: packbridge.version,
      logo: { hash, alt: { sv: 'Packbridges logotyp', en: 'Packbridge logo' } },
    });
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(platform.origin + '/kluster/packbridge');
    expect(await page.locator('.detail-head img.logo').getAttribute('alt')).toBe(
      'Packbridges logotyp',
    );
    const ld = JSON.parse(
      (await page.locator('script[type="application/ld+json"]').first().textContent()) ?? '{}',
    ) as { '@type': string; logo?: string };
    expect(ld['@type']).toBe('Organization');
    expect(ld.logo).toMatch(new RegExp(`/media/${hash}-\\d+\\.webp$`));
    const share = (await metaContent(page, 'meta[property="og:image"]')) ?? '';
    expect((await fetch(share)).status).toBe(200);
    await page.goto(platform.origin + '/');
    const home = JSON.parse(
      (await page.locator('script[type="application/ld+json"]').first().textContent()) ?? '{}',
    ) as { member?: { name: string; logo?: string }[] };
    expect(home.member?.find((m) => m.name === 'Packbridge')?.logo).toMatch(/\/media\//);
    expect(await page.locator('.cluster-card img.logo').count()).toBe(1);
    await context.close();
  });
});

/** The admin's cluster list (a query, asked with the admin's cookie). */
async function mutateFree<T>(origin: string, cookie: string): Promise<T> {
  const response = await fetch(`${origin}/trpc/cluster.admin.list`, { headers: { cookie } });
  const body = (await response.json()) as { result: { data: T } };
  return body.result.data;
}
