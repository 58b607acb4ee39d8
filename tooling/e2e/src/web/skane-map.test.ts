/// <reference lib="dom" />
/**
 * The map of Skåne as a visitor meets it: 33 true shapes that fit a 320 px
 * phone (the east included), coloured and counted as the directory's own
 * facet counts say, filters as plain links that work without JavaScript, each
 * municipality a focusable link to the filtered directory, and axe-core
 * clean (colour contrast included) at 320, 375 and 1280 px in both languages.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser } from '../browser';
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

const MAP = { sv: '/karta', en: '/en/map' } as const;
const DIRECTORY = { sv: '/medlemmar', en: '/en/members' } as const;
const WIDTHS = [320, 375, 1280] as const;
const CASES = (['sv', 'en'] as const).flatMap((locale) =>
  WIDTHS.map((width) => ({ locale, width })),
);

interface FacetValue {
  value: string;
  count: number;
  label: { sv: string; en: string };
}

/** The directory's facets over tRPC, as the map page reads them. */
async function facets(input: Record<string, string[]>): Promise<Record<string, FacetValue[]>> {
  const query = encodeURIComponent(JSON.stringify({ ...input, limit: 1 }));
  const response = await fetch(`${platform.origin}/trpc/member.directory?input=${query}`);
  const body = (await response.json()) as {
    result: { data: { facets: Record<string, FacetValue[]> } };
  };
  return body.result.data.facets;
}

async function tab(width: number, javaScriptEnabled = true) {
  const context = await browser.newContext({ viewport: { width, height: 800 }, javaScriptEnabled });
  return { context, page: await context.newPage() };
}

describe.each(CASES)('the map in $locale at $width px', ({ locale, width }) => {
  it('shows all 33 municipalities inside the screen, east included, with no sideways scrolling', async () => {
    const { context, page } = await tab(width);
    await page.goto(platform.origin + MAP[locale]);
    const links = page.locator('.skane-map svg a[data-code]');
    await expect(links.count()).resolves.toBe(33);
    const fit = await page.evaluate(() => {
      const boxes = [...document.querySelectorAll('.skane-map svg a[data-code]')].map((a) =>
        a.getBoundingClientRect(),
      );
      return {
        overflow: document.documentElement.scrollWidth - window.innerWidth,
        right: Math.max(...boxes.map((b) => b.right)),
        left: Math.min(...boxes.map((b) => b.left)),
        viewport: window.innerWidth,
      };
    });
    expect(fit.overflow).toBeLessThanOrEqual(0);
    expect(fit.left).toBeGreaterThanOrEqual(0);
    // Simrishamn and Bromölla, Skåne's eastern edge, end inside the screen.
    expect(fit.right).toBeLessThanOrEqual(fit.viewport);
    await context.close();
  });

  it('has no axe violations, colour contrast included, unfiltered and filtered', async () => {
    // axe runs as a script in the page, so only with JavaScript on (the map itself has none).
    const { context, page } = await tab(width);
    for (const query of ['', '?area=tech', '?cluster=opentech&kind=company']) {
      await page.goto(`${platform.origin}${MAP[locale]}${query}`);
      expect(await axeViolations(page), query).toEqual([]);
    }
    await context.close();
  });
});

describe.each(['sv', 'en'] as const)('the map in %s', (locale) => {
  it('counts each municipality as the directory’s facets do, on the map, in the table and beside it', async () => {
    const { context, page } = await tab(1280);
    await page.goto(platform.origin + MAP[locale]);
    const expected = await facets({});
    const byCode = new Map(expected.municipality?.map((f) => [f.value, f.count]));
    const shown = await page.$$eval('.skane-map svg a[data-code]', (links) =>
      links.map((a) => ({
        code: a.getAttribute('data-code') ?? '',
        label: a.getAttribute('aria-label') ?? '',
        text: a.querySelector('text')?.textContent?.trim() ?? '',
      })),
    );
    for (const m of shown) {
      const n = byCode.get(m.code) ?? -1;
      expect(m.text, m.code).toBe(n.toLocaleString(locale === 'sv' ? 'sv-SE' : 'en-GB'));
      expect(m.label).toMatch(new RegExp(`: ${m.text} `));
    }
    // The table: 33 municipalities and the two groups that are not on the map.
    await expect(page.locator('.map-layout table tbody tr').count()).resolves.toBe(35);
    for (const code of ['outside', 'unknown']) {
      const href = `${DIRECTORY[locale]}?municipality=${code}`;
      const row = page.locator(`.map-layout table tr:has(a[href="${href}"]) td`);
      expect(Number((await row.textContent())?.replace(/\D/g, ''))).toBe(byCode.get(code));
      await expect(page.locator(`.map-elsewhere a[href="${href}"]`).count()).resolves.toBe(1);
    }
    await expect(page.locator('.skane-map svg a[data-code="outside"]').count()).resolves.toBe(0);
    await context.close();
  });

  it('filters by area, cluster and kind with plain links, without JavaScript', async () => {
    const { context, page } = await tab(375, false);
    await page.goto(platform.origin + MAP[locale]);
    const tech = page.locator('.map-filters a[href*="area=tech"]').first();
    await tech.click();
    await page.waitForURL(/area=tech/);
    await expect(tech.getAttribute('aria-current')).resolves.toBe('true');
    const company = page.locator('.map-filters a[href*="kind=company"]').first();
    await company.click();
    await page.waitForURL(/kind=company/);
    expect(page.url()).toMatch(/area=tech/);
    const expected = await facets({ area: ['tech'], kind: ['company'] });
    const malmo = expected.municipality?.find((f) => f.value === '1280');
    const link = page.locator('.skane-map svg a[data-code="1280"]');
    expect(await link.getAttribute('aria-label')).toMatch(
      new RegExp(`^Malmö: ${malmo?.count ?? -1} `),
    );
    // The municipality link keeps the filters and leads to as many members.
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toMatch(/area=tech/);
    expect(href).toMatch(/kind=company/);
    expect(href).toMatch(/municipality=1280/);
    await page.goto(platform.origin + href);
    const heading = (await page.locator('#results-heading').textContent()) ?? '';
    expect(Number(heading.replace(/\D/g, ''))).toBe(malmo?.count);
    await context.close();
  });

  it('reaches every municipality by keyboard, shows the focus and opens the directory', async () => {
    const { context, page } = await tab(375);
    await page.goto(platform.origin + MAP[locale]);
    let focused = '';
    for (let i = 0; i < 200 && !focused; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(
        () => document.activeElement?.closest('.skane-map a')?.getAttribute('data-code') ?? '',
      );
    }
    expect(focused).toMatch(/^\d{4}$/);
    const ring = await page.evaluate(() => {
      const path = document.activeElement?.querySelector('path');
      return path ? getComputedStyle(path).strokeWidth : '';
    });
    expect(ring).toBe('4px');
    // The remaining 32 follow one Tab each.
    const codes = new Set([focused]);
    for (let i = 0; i < 32; i++) {
      await page.keyboard.press('Tab');
      codes.add(
        await page.evaluate(
          () => document.activeElement?.closest('.skane-map a')?.getAttribute('data-code') ?? '',
        ),
      );
    }
    expect(codes.size).toBe(33);
    await page.keyboard.press('Enter');
    await page.waitForURL(/municipality=\d{4}/);
    expect(new URL(page.url()).pathname).toBe(DIRECTORY[locale]);
    await context.close();
  });

  it('prints counts at 4.5:1 or more on every shape (wide screens show them)', async () => {
    const { context, page } = await tab(1280);
    await page.goto(platform.origin + MAP[locale]);
    const ratios = await page.$$eval('.skane-map svg a', (links) => {
      const lum = (css: string) => {
        const [r, g, b] = (css.match(/\d+/g) ?? []).slice(0, 3).map((v) => {
          const c = Number(v) / 255;
          return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        }) as [number, number, number];
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      return links.map((a) => {
        const text = a.querySelector('text');
        const path = a.querySelector('path');
        if (!text || !path || getComputedStyle(text).display === 'none') return 0;
        const [hi, lo] = [lum(getComputedStyle(text).fill), lum(getComputedStyle(path).fill)].sort(
          (x, y) => y - x,
        ) as [number, number];
        return (hi + 0.05) / (lo + 0.05);
      });
    });
    expect(ratios).toHaveLength(33);
    for (const ratio of ratios) expect(ratio).toBeGreaterThanOrEqual(4.5);
    await context.close();
  });
});
