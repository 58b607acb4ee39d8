/// <reference lib="dom" />
/**
 * The checks the page walk (page-walk.test.ts) runs on each page it has
 * loaded, gathered from what pages, small-screens and identity each checked
 * on their own walks. They read the page in one round trip and report with
 * expect.soft, labelled with the page's language, so one load shows every
 * problem it has and a failure says which check broke.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { PageCase } from './site';

export type Locale = 'sv' | 'en';

/** axe-core's structure rules (best practice): heading order, one main, content in landmarks. */
export const STRUCTURE_RULES = [
  'heading-order',
  'landmark-one-main',
  'page-has-heading-one',
  'region',
  'skip-link',
];

/** What a tab asked for and complained about since the last take(). */
export function watch(tab: Page, origin: string) {
  let foreign: string[] = [];
  let problems: string[] = [];
  tab.on('request', (request) => {
    if (!request.url().startsWith(origin)) foreign.push(request.url());
  });
  tab.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  tab.on('pageerror', (error) => problems.push(error.message));
  return {
    take: () => {
      const seen = { foreign, problems };
      foreign = [];
      problems = [];
      return seen;
    },
  };
}

/** The attributes the checks read: [key, selector, attribute]. */
const ATTRIBUTES = [
  ['lang', 'html', 'lang'],
  ['description', 'meta[name="description"]', 'content'],
  ['canonical', 'link[rel="canonical"]', 'href'],
  ['hreflang sv', 'link[rel="alternate"][hreflang="sv"]', 'href'],
  ['hreflang en', 'link[rel="alternate"][hreflang="en"]', 'href'],
  ['robots', 'meta[name="robots"]', 'content'],
  ['switch', 'a.lang-switch', 'hreflang'],
  ['og:image', 'meta[property="og:image"]', 'content'],
  ['og:image:width', 'meta[property="og:image:width"]', 'content'],
  ['og:image:height', 'meta[property="og:image:height"]', 'content'],
  ['og:image:alt', 'meta[property="og:image:alt"]', 'content'],
  ['twitter:card', 'meta[name="twitter:card"]', 'content'],
] as const;

/**
 * Everything the per-page checks read, in one evaluation. (No named helper
 * functions inside: Playwright sends only this function's text to the page.)
 */
function readPage(attributes: typeof ATTRIBUTES) {
  const attr: Record<string, string | null> = {};
  for (const [key, selector, name] of attributes)
    attr[key] = document.querySelector(selector)?.getAttribute(name) ?? null;
  const wide: string[] = [];
  for (const el of document.querySelectorAll<HTMLElement>('h1, h2, h3, .card')) {
    const box = el.getBoundingClientRect();
    const parent = el.parentElement?.getBoundingClientRect();
    // Visually hidden headings (1 px, clipped) are for screen readers only.
    if (box.width <= 1) continue;
    if (el.scrollWidth > el.clientWidth + 1 || (parent && box.right > parent.right + 1))
      wide.push(`${el.tagName} ${el.textContent?.trim().slice(0, 40)}`);
  }
  return {
    path: location.pathname,
    attr,
    h1: [...document.querySelectorAll('h1')].map((h) => h.textContent?.trim() ?? ''),
    title: document.title,
    mains: document.querySelectorAll('main#main').length,
    skipLinks: document.querySelectorAll('a.skip-link[href="#main"]').length,
    overflow: document.documentElement.scrollWidth - window.innerWidth,
    wide,
  };
}

export type PageFacts = ReturnType<typeof readPage>;

/**
 * The page as loaded in `locale`: status, language, one h1 with its text, a
 * title and description, the main landmark and skip link, canonical and
 * hreflang twins (or noindex on a 404), nothing fetched from elsewhere, no
 * console errors, and no sideways scrolling or text wider than its box.
 */
export async function checkLoaded(
  tab: Page,
  origin: string,
  c: PageCase,
  locale: Locale,
  status: number | undefined,
  seen: { foreign: string[]; problems: string[] },
): Promise<PageFacts> {
  const facts = await tab.evaluate(readPage, ATTRIBUTES);
  const { attr } = facts;
  const at = (what: string) => `${c.name} in ${locale}: ${what}`;
  expect.soft(facts.path, at('address')).toBe(new URL(origin + c[locale]).pathname);
  expect.soft(status, at('status')).toBe(c.status ?? 200);
  expect.soft(attr.lang, at('html lang')).toBe(locale);
  expect.soft(facts.h1.length, at('number of h1')).toBe(1);
  const expected = c.h1[locale];
  if (typeof expected === 'string') expect.soft(facts.h1[0], at('h1')).toBe(expected);
  else expect.soft(facts.h1[0], at('h1')).toMatch(expected);
  expect.soft(facts.title, at('title')).toMatch(/Clusters of Skåne/);
  expect.soft(attr.description?.length, at('meta description')).toBeGreaterThan(10);
  expect.soft(facts.mains, at('main#main')).toBe(1);
  expect.soft(facts.skipLinks, at('skip link')).toBe(1);
  if (c.status === undefined) {
    const other = locale === 'sv' ? 'en' : 'sv';
    expect.soft(attr.canonical, at('canonical')).toBe(origin + c[locale]);
    expect.soft(attr[`hreflang ${other}`], at(`hreflang ${other}`)).toBe(origin + c[other]);
    expect.soft(attr[`hreflang ${locale}`], at(`hreflang ${locale}`)).toBe(origin + c[locale]);
    expect.soft(attr.switch, at('language switch')).toBe(other);
  } else {
    expect.soft(attr.robots, at('robots')).toBe('noindex');
  }
  expect.soft(seen.foreign, at('requests to other sites')).toEqual([]);
  // The browser logs the 404 page's own status as an error; anything else counts.
  const problems = seen.problems.filter(
    (text) => !(c.status === 404 && text.includes('status of 404')),
  );
  expect.soft(problems, at('console errors')).toEqual([]);
  expect.soft(facts.overflow, at('sideways scroll in px')).toBeLessThanOrEqual(0);
  expect.soft(facts.wide, at('headings and cards wider than their box')).toEqual([]);
  return facts;
}

/** The PNG share image the page names: 1200 × 630, immutable, decoded by Chromium. */
export async function checkShareImage(
  tab: Page,
  c: PageCase,
  locale: Locale,
  facts: PageFacts,
): Promise<string> {
  const at = (what: string) => `${c.name} in ${locale}: ${what}`;
  const share = facts.attr;
  const image = share['og:image'] ?? '';
  expect.soft(image, at('og:image')).toMatch(/\/share\/(sv|en)\/[a-z]+\/[^/]+\.[0-9a-f]{12}\.png$/);
  expect.soft(share['og:image:width'], at('og:image:width')).toBe('1200');
  expect.soft(share['og:image:height'], at('og:image:height')).toBe('630');
  expect.soft(share['og:image:alt'], at('og:image:alt')).toMatch(/Clusters of Skåne/);
  expect.soft(share['twitter:card'], at('twitter:card')).toBe('summary_large_image');
  if (!image) return image;
  const response = await fetch(image);
  expect.soft(response.headers.get('content-type'), at('share image type')).toBe('image/png');
  expect
    .soft(response.headers.get('cache-control'), at('share image cache'))
    .toContain('immutable');
  await response.arrayBuffer();
  // Chromium decodes it: a real PNG of the announced size.
  const size = await tab.evaluate(async (src) => {
    const img = new Image();
    img.src = src;
    await img.decode();
    return [img.naturalWidth, img.naturalHeight];
  }, new URL(image).pathname);
  expect.soft(size, at('share image size')).toEqual([1200, 630]);
  return image;
}
