/**
 * The walk over every page type (site.ts PAGES) in both languages, with the
 * default data and with demo data, at the widths below. Each page is loaded
 * once per language, width and data set, and everything checked on a loaded
 * page runs on that load (checkLoaded below, on what walk.ts reads): heading, language, title, description,
 * landmarks, canonical and hreflang twins, no requests to other sites, no
 * console errors, no sideways scrolling or text wider than its box, no
 * axe-core WCAG 2.1 A/AA violations nor structure (best-practice) ones, and
 * the PNG share image. The language switch is clicked to reach the other
 * language, so it is the switch that loads it. Full-page screenshots are
 * kept under test-results/identity (SHOTS_DIR).
 *
 * The test command walks the demo data at 1280 px (every page), 768 px
 * (every page) and at 320 and 375 px (the pages marked `phone`), and the
 * default data at 320 px; E2E_FULL_WALK=1 walks every page at 320, 375, 768
 * and 1280 px with both data sets, as before a release.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, axeViolations, launchBrowser } from '../browser';
import { startPlatform, type Platform } from '../platform';
import { PAGES, type PageCase } from './site';
import {
  loadedFacts,
  shareImageFacts,
  STRUCTURE_RULES,
  watch,
  type Locale,
  type PageFacts,
} from './walk';

const FULL_WALK = process.env.E2E_FULL_WALK === '1';
const SHOTS = process.env.SHOTS_DIR ?? path.join(ARTIFACTS, 'identity');

type Data = 'default' | 'demo';
interface Stop {
  data: Data;
  width: number;
  pages: PageCase[];
  /** Full-page screenshots, named <data>-<page>-<locale>-<width>.png. */
  shots: boolean;
  /** The share image named by each page (it does not depend on the width). */
  shareImages: boolean;
  /** Click the other language's switch back as well. */
  switchBack: boolean;
}

const phone = PAGES.filter((c) => c.phone);
const STOPS: Stop[] = FULL_WALK
  ? (['default', 'demo'] as const).flatMap((data) =>
      [1280, 768, 375, 320].map((width) => ({
        data,
        width,
        pages: PAGES,
        shots: true,
        shareImages: width === 1280,
        switchBack: width === 1280,
      })),
    )
  : [
      {
        data: 'demo',
        width: 1280,
        pages: PAGES,
        shots: false,
        shareImages: true,
        switchBack: true,
      },
      {
        data: 'demo',
        width: 768,
        pages: PAGES,
        shots: true,
        shareImages: false,
        switchBack: false,
      },
      {
        data: 'demo',
        width: 375,
        pages: phone,
        shots: false,
        shareImages: false,
        switchBack: false,
      },
      {
        data: 'demo',
        width: 320,
        pages: phone,
        shots: false,
        shareImages: false,
        switchBack: false,
      },
      {
        data: 'default',
        width: 320,
        pages: PAGES,
        shots: true,
        shareImages: true,
        switchBack: false,
      },
    ];

/**
 * The page as loaded in `locale`: status, language, one h1 with its text, a
 * title and description, the main landmark and skip link, canonical and
 * hreflang twins (or noindex on a 404), nothing fetched from elsewhere, no
 * console errors, and no sideways scrolling or text wider than its box.
 */
async function checkLoaded(
  tab: Page,
  origin: string,
  c: PageCase,
  locale: Locale,
  status: number | undefined,
  seen: { foreign: string[]; problems: string[] },
): Promise<PageFacts> {
  const facts = await loadedFacts(tab);
  const { attr } = facts;
  const at = (what: string) => `${c.name} in ${locale}: ${what}`;
  expect(facts.path, at('address')).toBe(new URL(origin + c[locale]).pathname);
  expect(status, at('status')).toBe(c.status ?? 200);
  expect(attr.lang, at('html lang')).toBe(locale);
  expect(facts.h1.length, at('number of h1')).toBe(1);
  const expected = c.h1[locale];
  if (typeof expected === 'string') expect(facts.h1[0], at('h1')).toBe(expected);
  else expect(facts.h1[0], at('h1')).toMatch(expected);
  expect(facts.title, at('title')).toMatch(/Clusters of Skåne/);
  expect(attr.description?.length, at('meta description')).toBeGreaterThan(10);
  expect(facts.mains, at('main#main')).toBe(1);
  expect(facts.skipLinks, at('skip link')).toBe(1);
  if (c.status === undefined) {
    const other = locale === 'sv' ? 'en' : 'sv';
    expect(attr.canonical, at('canonical')).toBe(origin + c[locale]);
    expect(attr[`hreflang ${other}`], at(`hreflang ${other}`)).toBe(origin + c[other]);
    expect(attr[`hreflang ${locale}`], at(`hreflang ${locale}`)).toBe(origin + c[locale]);
    expect(attr.switch, at('language switch')).toBe(other);
  } else {
    expect(attr.robots, at('robots')).toBe('noindex');
  }
  expect(seen.foreign, at('requests to other sites')).toEqual([]);
  // The browser logs the 404 page's own status as an error; anything else counts.
  const problems = seen.problems.filter(
    (text) => !(c.status === 404 && text.includes('status of 404')),
  );
  expect(problems, at('console errors')).toEqual([]);
  expect(facts.overflow, at('sideways scroll in px')).toBeLessThanOrEqual(0);
  expect(facts.wide, at('headings and cards wider than their box')).toEqual([]);
  return facts;
}

/** The PNG share image the page names: 1200 × 630, immutable, decoded by Chromium. */
async function checkShareImage(
  tab: Page,
  c: PageCase,
  locale: Locale,
  facts: PageFacts,
): Promise<string> {
  const at = (what: string) => `${c.name} in ${locale}: ${what}`;
  const share = facts.attr;
  const image = share['og:image'] ?? '';
  expect(image, at('og:image')).toMatch(/\/share\/(sv|en)\/[a-z]+\/[^/]+\.[0-9a-f]{12}\.png$/);
  expect(share['og:image:width'], at('og:image:width')).toBe('1200');
  expect(share['og:image:height'], at('og:image:height')).toBe('630');
  expect(share['og:image:alt'], at('og:image:alt')).toMatch(/Clusters of Skåne/);
  expect(share['twitter:card'], at('twitter:card')).toBe('summary_large_image');
  const served = await shareImageFacts(tab, image);
  expect(served.type, at('share image type')).toBe('image/png');
  expect(served.cacheControl, at('share image cache')).toContain('immutable');
  // Chromium decodes it: a real PNG of the announced size.
  expect(served.size, at('share image size')).toEqual([1200, 630]);
  return image;
}

let browser: Browser;
const platforms = {} as Record<Data, Platform>;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  [platforms.demo, platforms.default, browser] = await Promise.all([
    startPlatform({ demo: 300 }),
    startPlatform(),
    launchBrowser(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(Object.values(platforms).map((p) => p.stop()));
});

describe.each(STOPS)('with $data data at $width px', (stop) => {
  let context: BrowserContext;
  let tab: Page;
  let seen: ReturnType<typeof watch>;
  let origin: string;
  // One tab walks the pages: each check reads only the page just loaded.
  beforeAll(async () => {
    origin = platforms[stop.data].origin;
    context = await browser.newContext({ viewport: { width: stop.width, height: 900 } });
    tab = await context.newPage();
    seen = watch(tab, origin);
  });
  afterAll(async () => {
    await context?.close();
  });

  /** Every check on the page now loaded in `locale`. */
  async function checkAll(c: PageCase, locale: Locale, status: number | undefined) {
    const facts = await checkLoaded(tab, origin, c, locale, status, seen.take());
    expect(
      await axeViolations(tab, { rules: STRUCTURE_RULES }),
      `${c.name} in ${locale}: axe`,
    ).toEqual([]);
    if (stop.shots) {
      await tab.screenshot({
        path: path.join(
          SHOTS,
          `${stop.data}-${c.name.replace(/ /g, '-')}-${locale}-${stop.width}.png`,
        ),
        fullPage: true,
      });
    }
    return stop.shareImages && !c.status ? checkShareImage(tab, c, locale, facts) : undefined;
  }

  /** Clicks the language switch; the status of the page it loads. */
  async function switchLanguage(): Promise<number | undefined> {
    seen.take();
    const responded = tab.waitForEvent('response', (r) => r.request().isNavigationRequest());
    await tab.locator('a.lang-switch').click();
    const response = await responded;
    await tab.waitForLoadState('load');
    return response.status();
  }

  it.each(stop.pages)('the $name page ($sv and $en)', async (c) => {
    seen.take();
    const sv = await checkAll(c, 'sv', (await tab.goto(origin + c.sv))?.status());
    if (c.status) {
      seen.take();
      await checkAll(c, 'en', (await tab.goto(origin + c.en))?.status());
      return;
    }
    // The switch leads to the same page in the other language: that is how English is loaded.
    const en = await checkAll(c, 'en', await switchLanguage());
    if (stop.shareImages) expect(sv, `${c.name}: share images per language`).not.toBe(en);
    if (stop.switchBack) {
      expect(await switchLanguage(), `${c.name}: back to sv`).toBe(200);
      expect(new URL(tab.url()).pathname, `${c.name}: back to sv`).toBe(c.sv);
      expect(await tab.getAttribute('html', 'lang'), `${c.name}: back to sv`).toBe('sv');
    }
  });
});
