/**
 * The walk over every page type (site.ts PAGES) in both languages, with the
 * default data and with demo data, at the widths below. Each page is loaded
 * once per language, width and data set, and everything checked on a loaded
 * page runs on that load (walk.ts): heading, language, title, description,
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
import { checkLoaded, checkShareImage, STRUCTURE_RULES, watch, type Locale } from './walk';

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
    expect
      .soft(await axeViolations(tab, { rules: STRUCTURE_RULES }), `${c.name} in ${locale}: axe`)
      .toEqual([]);
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
    if (stop.shareImages) expect.soft(sv, `${c.name}: share images per language`).not.toBe(en);
    if (stop.switchBack) {
      expect.soft(await switchLanguage(), `${c.name}: back to sv`).toBe(200);
      expect.soft(new URL(tab.url()).pathname, `${c.name}: back to sv`).toBe(c.sv);
      expect.soft(await tab.getAttribute('html', 'lang'), `${c.name}: back to sv`).toBe('sv');
    }
  });
});
