/// <reference lib="dom" />
/**
 * Demo data is unmistakable (issue 16, item 6) and the small things (item 7):
 * with generated members every page carries the banner, each demo member a
 * badge, its page is noindex without JSON-LD and its organisation number is
 * marked as generated; open data and the sitemap leave demo members out
 * unless `?demo=include`. With the default data alone there is no banner.
 * Also: /favicon.ico answers, and other-language text carries `lang`.
 * Screenshots with demo data go to /tmp/shots-W (or SHOTS_DIR).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser } from '../browser';
import { startPlatform, type Platform } from '../platform';
import { LAUNCH, LAUNCH_EN, PAGES } from './site';

const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots-W';

let withDemo: Platform;
let realOnly: Platform;
let browser: Browser;
let page: Page;
/** A published demo member and a real one, read from the open-data API. */
let demoSlug: string;

interface RestItem {
  slug: string;
  isDemo: boolean;
}

beforeAll(async () => {
  [withDemo, realOnly, browser] = await Promise.all([
    startPlatform({ demo: 40 }),
    startPlatform(),
    launchBrowser(),
  ]);
  page = await browser.newPage();
  const all = (await (
    await fetch(`${withDemo.origin}/api/v1/members?demo=include&limit=100&sort=name`)
  ).json()) as { items: RestItem[] };
  const demo = all.items.find((m) => m.isDemo);
  if (!demo) throw new Error('no demo member published');
  demoSlug = demo.slug;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([withDemo?.stop(), realOnly?.stop()]);
});

const html = async (origin: string, p: string) => (await fetch(origin + p)).text();

describe('the demo banner', () => {
  const paths = PAGES.filter((p) => !p.status).flatMap((p) => [p.sv, p.en]);

  it.each(paths)('%s shows it with demo data and not without', async (p) => {
    expect(await html(withDemo.origin, p)).toContain('data-demo-banner');
    expect(await html(realOnly.origin, p)).not.toContain('data-demo-banner');
  });

  it('names how many invented members are shown, in each language', async () => {
    await page.goto(`${withDemo.origin}/`);
    expect(await page.locator('[data-demo-banner]').innerText()).toMatch(
      /^Demodata: \d+ påhittade medlemmar visas/,
    );
    await page.goto(`${withDemo.origin}/en/`);
    expect(await page.locator('[data-demo-banner]').innerText()).toMatch(
      /^Demo data: \d+ invented members are shown/,
    );
    // The home page's member figure counts the real members apart from the demo ones.
    expect(await page.locator('[data-demo-figure]').innerText()).toMatch(/invented demo members/);
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('a demo member', () => {
  it('carries a badge in the directory, and real members do not', async () => {
    await page.goto(`${withDemo.origin}/medlemmar`);
    expect(await page.locator('.results-list [data-demo-badge]').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${realOnly.origin}/medlemmar`);
    expect(await page.locator('[data-demo-badge]').count()).toBe(0);
  });

  it('has a noindex page with a badge, no JSON-LD and its organisation number marked', async () => {
    await page.goto(`${withDemo.origin}/en/members/${demoSlug}`);
    expect(await page.locator('h1 [data-demo-badge]').innerText()).toBe('Demo data');
    expect(await page.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex');
    expect(await page.locator('script[type="application/ld+json"]').count()).toBe(0);
    expect(await page.locator('[data-demo-note]').count()).toBe(1);
    const orgnr = page.locator('[data-generated-orgnr]');
    if ((await orgnr.count()) > 0)
      expect(await orgnr.innerText()).toMatch(/generated, not a real number/);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('a real member page stays indexable with its JSON-LD', async () => {
    await page.goto(`${withDemo.origin}/medlemmar/ericsson`);
    expect(await page.locator('meta[name="robots"]').count()).toBe(0);
    expect(await page.locator('script[type="application/ld+json"]').count()).toBe(1);
    expect(await page.locator('h1 [data-demo-badge]').count()).toBe(0);
  });

  it('is left out of the sitemap', async () => {
    const xml = await html(withDemo.origin, '/sitemap.xml');
    expect(xml).not.toContain(`/medlemmar/${demoSlug}<`);
    expect(xml).toContain('/medlemmar/ericsson<');
  });
});

describe('open data and demo members', () => {
  it.each(['json', 'csv'])('members.%s leaves them out unless ?demo=include', async (format) => {
    const plain = await html(withDemo.origin, `/api/v1/members.${format}`);
    const included = await html(withDemo.origin, `/api/v1/members.${format}?demo=include`);
    expect(plain).not.toContain(demoSlug);
    expect(plain).toContain('ericsson');
    expect(included).toContain(demoSlug);
  });

  it('the REST list does too, and refuses an unknown demo value naming the field', async () => {
    const get = async (q: string) =>
      (await (await fetch(`${withDemo.origin}/api/v1/members?limit=100${q}`)).json()) as {
        total: number;
        items: RestItem[];
      };
    const plain = await get('');
    const included = await get('&demo=include');
    expect(plain.items.some((m) => m.isDemo)).toBe(false);
    // Not every generated member is published: more than the real ones, at most 40 more.
    expect(included.total).toBeGreaterThan(plain.total);
    expect(included.total).toBeLessThanOrEqual(plain.total + 40);
    const bad = await fetch(`${withDemo.origin}/api/v1/members.json?demo=maybe`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/^demo: /);
  });
});

describe('small things', () => {
  it('/favicon.ico answers with a cacheable icon', async () => {
    const response = await fetch(`${realOnly.origin}/favicon.ico`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/icon/);
    expect(response.headers.get('cache-control')).toMatch(/max-age=\d+/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    // An ICO file: reserved 0, type 1.
    expect([...bytes.slice(0, 4)]).toEqual([0, 0, 1, 0]);
  });

  it('tags are shown in the page language, each a link to its news', async () => {
    await page.goto(`${realOnly.origin}/en/news/${LAUNCH_EN}`);
    expect(await page.locator('ul.tags li').allInnerTexts()).toEqual([
      'innovation strategy',
      'platform',
    ]);
    await page.locator('ul.tags a', { hasText: 'platform' }).click();
    await page.waitForURL(/\/en\/news\?tag=plattform$/);
    expect(await page.locator('h1').innerText()).toBe('News about platform');
    expect(await page.locator('.cards h2 a').allInnerTexts()).toEqual([
      'Clusters of Skåne – a new platform for collaboration',
    ]);
    await page.goto(`${realOnly.origin}/nyheter/${LAUNCH}`);
    expect(await page.locator('ul.tags li').allInnerTexts()).toEqual([
      'innovationsstrategi',
      'plattform',
    ]);
    // A cluster's news: the default data has none from OpenTech, and says so.
    await page.goto(`${realOnly.origin}/nyheter?cluster=opentech`);
    expect(await page.locator('h1').innerText()).toBe('Nyheter från OpenTech');
    expect(await page.locator('main').innerText()).toContain('Inga nyheter här ännu.');
  });

  it('an article has a slug per language, and the old English URL moves permanently', async () => {
    const old = await fetch(`${realOnly.origin}/en/news/${LAUNCH}?utm=x`, { redirect: 'manual' });
    expect(old.status).toBe(301);
    expect(new URL(old.headers.get('location') ?? '', realOnly.origin).pathname).toBe(
      `/en/news/${LAUNCH_EN}`,
    );
    expect(old.headers.get('location')).toMatch(/\?utm=x$/);
    // The Swedish page typed with the English slug goes to the Swedish address.
    const swapped = await fetch(`${realOnly.origin}/nyheter/${LAUNCH_EN}`, { redirect: 'manual' });
    expect(swapped.status).toBe(301);
    expect(swapped.headers.get('location')).toMatch(new RegExp(`/nyheter/${LAUNCH}$`));
    // The language switch and the hreflang twins name each language's own address.
    await page.goto(`${realOnly.origin}/nyheter/${LAUNCH}`);
    expect(await page.locator('link[hreflang="en"]').getAttribute('href')).toBe(
      `${realOnly.origin}/en/news/${LAUNCH_EN}`,
    );
    expect(await page.locator('a.lang-switch').getAttribute('href')).toBe(`/en/news/${LAUNCH_EN}`);
    expect((await fetch(`${realOnly.origin}/en/news/no-such-post`)).status).toBe(404);
  });

  it('the launch article marks the fact about Medicon Valley Alliance that is a guess', async () => {
    for (const [path, heading, mark] of [
      [`/nyheter/${LAUNCH}`, 'Osäkra uppgifter i texten', 'Medicon Valley Alliance: Gissning'],
      [
        `/en/news/${LAUNCH_EN}`,
        'Unconfirmed facts in this post',
        'Medicon Valley Alliance: A guess',
      ],
    ] as const) {
      await page.goto(realOnly.origin + path);
      const note = page.locator('.confidence-note');
      expect(await note.locator('h2').innerText()).toBe(heading);
      expect(await note.locator('li').allInnerTexts()).toEqual([expect.stringContaining(mark)]);
    }
  });

  it('Swedish text on English pages carries lang="sv"', async () => {
    await page.goto(`${realOnly.origin}/en/clusters/opentech`);
    expect(await page.locator('p.meta[lang="sv"]').first().innerText()).toMatch(/OpenTech/);
    await page.goto(`${realOnly.origin}/kluster/opentech`);
    expect(await page.locator('p.meta[lang="sv"]').count()).toBe(0);
  });
});

describe('screenshots with demo data', () => {
  it.each([
    ['home', '/'],
    ['clusters', '/kluster'],
    ['member', 'MEMBER'],
  ])('%s at 1280 and 320 px', async (name, p) => {
    mkdirSync(SHOTS, { recursive: true });
    const target = p === 'MEMBER' ? `/medlemmar/${demoSlug}` : p;
    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(withDemo.origin + target);
      await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: true });
      expect(await page.locator('[data-demo-banner]').isVisible()).toBe(true);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
