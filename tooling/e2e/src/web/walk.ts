/// <reference lib="dom" />
/**
 * What the page walk (page-walk.test.ts) reads on each page it has loaded:
 * the requests and console errors of a tab, the page's attributes, headings
 * and fit in one round trip, and its share image. The test asserts on them.
 */
import type { Page } from 'playwright-core';

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

/** What the checks read on the page just loaded, in one round trip. */
export function loadedFacts(tab: Page): Promise<PageFacts> {
  return tab.evaluate(readPage, ATTRIBUTES);
}

/** The share image at `image` as served and as Chromium decodes it. */
export async function shareImageFacts(tab: Page, image: string) {
  const response = await fetch(image);
  const type = response.headers.get('content-type');
  const cacheControl = response.headers.get('cache-control');
  await response.arrayBuffer();
  const size = await tab.evaluate(async (src) => {
    const img = new Image();
    img.src = src;
    await img.decode();
    return [img.naturalWidth, img.naturalHeight];
  }, new URL(image).pathname);
  return { type, cacheControl, size };
}
