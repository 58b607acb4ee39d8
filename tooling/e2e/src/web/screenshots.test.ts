/// <reference lib="dom" />
/** Screenshots of the main pages at phone and desktop widths, saved as test artifacts. */
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

const SHOTS = [
  ['home', '/'],
  ['directory', '/medlemmar?area=tech'],
  ['member', '/medlemmar/lunds-universitet'],
  ['map', '/karta'],
  ['statistics', '/en/statistics'],
  ['article', '/nyheter/clusters-of-skane-ny-plattform-for-samarbete'],
] as const;

describe('screenshots', () => {
  it.each([375, 1280])('at %i px wide, with no sideways scrolling', async (width) => {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    for (const [name, path] of SHOTS) {
      await page.goto(platform.origin + path);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow, `${name} scrolls sideways at ${width}px`).toBeLessThanOrEqual(0);
      await screenshot(page, `web-${name}-${width}`);
    }
    await context.close();
  });

  it('still fits a 320 px screen', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    for (const [name, path] of SHOTS) {
      await page.goto(platform.origin + path);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow, `${name} scrolls sideways at 320px`).toBeLessThanOrEqual(0);
    }
    await context.close();
  });
});
