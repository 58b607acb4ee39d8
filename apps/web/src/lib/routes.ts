/**
 * Every page's address in both languages: Swedish at /, English under /en/.
 * One table drives the navigation, hreflang twins, the language switch, the
 * sitemap and the 404 page's language.
 */
import type { Locale } from '@cos/domain';

export type { Locale };
export const LOCALES: readonly Locale[] = ['sv', 'en'];

export type PageKey =
  | 'home'
  | 'areas'
  | 'area'
  | 'clusters'
  | 'cluster'
  | 'members'
  | 'member'
  | 'map'
  | 'statistics'
  | 'news'
  | 'article'
  | 'rss'
  | 'openData'
  | 'about'
  | 'accessibility'
  | 'contact'
  | 'privacy'
  | 'memberSuggest'
  | 'clusterSuggest'
  | 'join'
  | 'joinGuide'
  | 'confirm'
  | 'search';

/** `:slug` marks the one dynamic part a page may have. */
export const ROUTES: Record<PageKey, Record<Locale, string>> = {
  home: { sv: '/', en: '/en/' },
  areas: { sv: '/omraden', en: '/en/areas' },
  area: { sv: '/omraden/:slug', en: '/en/areas/:slug' },
  clusters: { sv: '/kluster', en: '/en/clusters' },
  cluster: { sv: '/kluster/:slug', en: '/en/clusters/:slug' },
  members: { sv: '/medlemmar', en: '/en/members' },
  member: { sv: '/medlemmar/:slug', en: '/en/members/:slug' },
  map: { sv: '/karta', en: '/en/map' },
  statistics: { sv: '/statistik', en: '/en/statistics' },
  news: { sv: '/nyheter', en: '/en/news' },
  article: { sv: '/nyheter/:slug', en: '/en/news/:slug' },
  rss: { sv: '/nyheter/rss.xml', en: '/en/news/rss.xml' },
  openData: { sv: '/oppna-data', en: '/en/open-data' },
  about: { sv: '/om', en: '/en/about' },
  accessibility: { sv: '/tillganglighet', en: '/en/accessibility' },
  contact: { sv: '/kontakt', en: '/en/contact' },
  privacy: { sv: '/integritet', en: '/en/privacy' },
  memberSuggest: { sv: '/medlemmar/:slug/foresla-andring', en: '/en/members/:slug/suggest-update' },
  clusterSuggest: { sv: '/kluster/:slug/foresla-andring', en: '/en/clusters/:slug/suggest-update' },
  join: { sv: '/kluster/:slug/bli-medlem', en: '/en/clusters/:slug/join' },
  joinGuide: { sv: '/bli-medlem', en: '/en/join' },
  confirm: { sv: '/bekrafta', en: '/en/confirm' },
  search: { sv: '/sok', en: '/en/search' },
};

/** Pages without a slug, in the order the sitemap lists them. */
export const STATIC_PAGES: readonly PageKey[] = [
  'home',
  'areas',
  'clusters',
  'members',
  'map',
  'statistics',
  'news',
  'openData',
  'about',
  'accessibility',
  'privacy',
  'contact',
];

export interface RouteMatch {
  key: PageKey;
  locale: Locale;
  slug?: string;
}

/** The address of a page; `slug` fills `:slug` (URL-encoded). */
export function pathFor(key: PageKey, locale: Locale, slug?: string): string {
  const pattern = ROUTES[key][locale];
  if (!pattern.includes(':slug')) return pattern;
  if (slug === undefined) throw new Error(`Page ${key} needs a slug`);
  return pattern.replace(':slug', encodeURIComponent(slug));
}

/** The language an address belongs to: /en and /en/… are English, everything else Swedish. */
export function localeOf(pathname: string): Locale {
  return pathname === '/en' || pathname.startsWith('/en/') ? 'en' : 'sv';
}

function normalise(pathname: string): string {
  if (pathname === '/en') return '/en/';
  return pathname.length > 1 && pathname.endsWith('/') && pathname !== '/en/'
    ? pathname.slice(0, -1)
    : pathname;
}

/** Which page an address is, or null for an address we do not know. */
export function matchPath(pathname: string): RouteMatch | null {
  let path: string;
  try {
    path = normalise(decodeURI(pathname));
  } catch {
    return null;
  }
  const entries = Object.entries(ROUTES) as [PageKey, Record<Locale, string>][];
  // Fixed addresses first: /nyheter/rss.xml is the feed, not an article called rss.xml.
  for (const [key, byLocale] of entries) {
    for (const locale of LOCALES) if (byLocale[locale] === path) return { key, locale };
  }
  for (const [key, byLocale] of entries) {
    for (const locale of LOCALES) {
      const pattern = byLocale[locale];
      if (!pattern.includes(':slug')) continue;
      const [before, after] = pattern.split(':slug') as [string, string];
      if (path.startsWith(before) && path.endsWith(after)) {
        const slug = path.slice(before.length, path.length - after.length);
        if (/^[^/]+$/.test(slug)) return { key, locale, slug };
      }
    }
  }
  return null;
}

/**
 * The same page in the other language, keeping the query (the directory's
 * filters). An unknown address switches to the other language's home page.
 */
export function twinPath(pathname: string, search = ''): string {
  const match = matchPath(pathname);
  const other: Locale = (match?.locale ?? localeOf(pathname)) === 'sv' ? 'en' : 'sv';
  if (!match) return pathFor('home', other);
  return pathFor(match.key, other, match.slug) + search;
}

/**
 * Both language versions of a page, for hreflang links and the sitemap. A
 * page whose slug differs by language (an article) gives one per language.
 */
export function alternates(
  key: PageKey,
  slug?: string | Record<Locale, string>,
): Record<Locale, string> {
  const slugIn = (locale: Locale) => (typeof slug === 'object' ? slug[locale] : slug);
  return { sv: pathFor(key, 'sv', slugIn('sv')), en: pathFor(key, 'en', slugIn('en')) };
}
