/// <reference lib="dom" />
/**
 * The site's face, walked in Chromium with the default data and with demo
 * data: every page type in both languages at 320, 375, 768 and 1280 px has no
 * sideways scrolling and no axe-core (WCAG 2.1 AA) violations, and is kept as
 * a screenshot; the self-hosted typeface is the one used; cards show a logo
 * or a monogram, areas their drawings; detail pages use two columns on wide
 * screens; and every page names a PNG share image that decodes at 1200 × 630.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, axeViolations, launchBrowser } from '../browser';
import { startPlatform, type Platform } from '../platform';
import { adminCookie, mutate, PAGES } from './site';

const WIDTHS = [320, 375, 768, 1280] as const;
/**
 * The whole walk (both data sets at every width) takes about four minutes on
 * a quiet two-core machine and twice that under the rest of the test command,
 * so the test command walks the default data at 320 px and the demo data at
 * 768 px (small-screens.test.ts covers 375 px, pages.test.ts runs axe on every
 * page at 1280 px); E2E_FULL_WALK=1 walks everything, as before a release.
 */
const FULL_WALK = process.env.E2E_FULL_WALK === '1';
const widthsFor = (demo: number) =>
  FULL_WALK ? WIDTHS : demo ? ([768] as const) : ([320] as const);
const SHOTS = process.env.SHOTS_DIR ?? path.join(ARTIFACTS, 'identity');
const SHOWN = PAGES.filter((p) => !p.status);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

async function walk(origin: string, data: string, width: number) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  for (const c of SHOWN) {
    for (const locale of ['sv', 'en'] as const) {
      await page.goto(origin + c[locale]);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      if (overflow > 0) problems.push(`${c.name} ${locale} scrolls sideways by ${overflow}px`);
      for (const v of await axeViolations(page)) problems.push(`${c.name} ${locale}: ${v}`);
      await page.screenshot({
        path: path.join(SHOTS, `${data}-${c.name}-${locale}-${width}.png`),
        fullPage: true,
      });
    }
  }
  await context.close();
  return problems;
}

const metaContent = (page: Page, selector: string) =>
  page.locator(selector).first().getAttribute('content');

describe.each([
  ['default', 0],
  ['demo', 50],
] as const)('with %s data', (data, demo) => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform(demo ? { demo } : {});
  }, 120_000);
  afterAll(async () => {
    await platform?.stop();
  });

  it.each(widthsFor(demo))(
    'every page type at %i px: no sideways scroll, no axe violations',
    async (width) => {
      expect(await walk(platform.origin, data, width)).toEqual([]);
    },
    // 26 pages with axe each; generous, as the suite shares two cores with other work.
    900_000,
  );

  it('names a 1200 × 630 PNG share image on every page, different per language', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    for (const c of SHOWN) {
      const images: string[] = [];
      for (const locale of ['sv', 'en'] as const) {
        await page.goto(platform.origin + c[locale]);
        const image = (await metaContent(page, 'meta[property="og:image"]')) ?? '';
        expect(image, c.name).toMatch(/\/share\/(sv|en)\/[a-z]+\/[^/]+\.[0-9a-f]{12}\.png$/);
        expect(await metaContent(page, 'meta[property="og:image:width"]')).toBe('1200');
        expect(await metaContent(page, 'meta[property="og:image:height"]')).toBe('630');
        expect(await metaContent(page, 'meta[property="og:image:alt"]')).toMatch(
          /Clusters of Skåne/,
        );
        expect(await metaContent(page, 'meta[name="twitter:card"]')).toBe('summary_large_image');
        const response = await fetch(image);
        expect(response.headers.get('content-type')).toBe('image/png');
        expect(response.headers.get('cache-control')).toContain('immutable');
        await response.arrayBuffer();
        // Chromium decodes it: a real PNG of the announced size.
        const size = await page.evaluate(async (src) => {
          const img = new Image();
          img.src = src;
          await img.decode();
          return [img.naturalWidth, img.naturalHeight];
        }, new URL(image).pathname);
        expect(size, c.name).toEqual([1200, 630]);
        images.push(image);
      }
      expect(images[0], c.name).not.toBe(images[1]);
    }
    await context.close();
  }, 120_000);
});

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
