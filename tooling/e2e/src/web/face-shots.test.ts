/// <reference lib="dom" />
/**
 * Screenshots of the map and the pages mended for small screens at 320, 375,
 * 768 and 1280 px, in both languages, with JavaScript on and off (saved as
 * test artifacts: test-results/face-<page>-<locale>-<width>-<js|nojs>.png).
 * With JavaScript on, each must also fit its width: nothing scrolls sideways.
 * SHOTS=all (or SHOTS=map,directory for some pages) runs it; the test command
 * leaves it out, since page-walk.test.ts asserts the same fit.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../browser';
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

const PAGES = {
  map: { sv: '/karta', en: '/en/map' },
  'map-filtered': { sv: '/karta?area=tech&kind=company', en: '/en/map?area=tech&kind=company' },
  directory: { sv: '/medlemmar', en: '/en/members' },
  statistics: { sv: '/statistik', en: '/en/statistics' },
  'open-data': { sv: '/oppna-data', en: '/en/open-data' },
  accessibility: { sv: '/tillganglighet', en: '/en/accessibility' },
  areas: { sv: '/omraden', en: '/en/areas' },
  clusters: { sv: '/kluster', en: '/en/clusters' },
  'area-ess': {
    sv: '/omraden/ess-max-iv-science-village',
    en: '/en/areas/ess-max-iv-science-village',
  },
} as const;
const only = process.env.SHOTS === 'all' ? undefined : process.env.SHOTS?.split(',');
const chosen = Object.entries(PAGES).filter(([name]) => !only || only.includes(name));

describe.runIf(process.env.SHOTS).each([320, 375, 768, 1280])('at %i px', (width) => {
  it.each([true, false])('every page in both languages (JavaScript %s)', async (js) => {
    const context = await browser.newContext({
      viewport: { width, height: 900 },
      javaScriptEnabled: js,
    });
    const page = await context.newPage();
    for (const [name, paths] of chosen) {
      for (const locale of ['sv', 'en'] as const) {
        await page.goto(platform.origin + paths[locale]);
        // Measured in the page, so only where scripts run (the layout is the same without).
        if (js) {
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - window.innerWidth,
          );
          expect(overflow, `${name} ${locale}`).toBeLessThanOrEqual(0);
        }
        await screenshot(page, `face-${name}-${locale}-${width}-${js ? 'js' : 'nojs'}`);
      }
    }
    await context.close();
  });
});
