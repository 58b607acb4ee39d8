import { describe, expect, it } from 'vitest';
import {
  alternates,
  localeOf,
  matchPath,
  pathFor,
  ROUTES,
  STATIC_PAGES,
  twinPath,
  type PageKey,
} from './routes';

describe('routes', () => {
  it('puts Swedish at / and English under /en/', () => {
    expect(pathFor('home', 'sv')).toBe('/');
    expect(pathFor('home', 'en')).toBe('/en/');
    expect(pathFor('members', 'sv')).toBe('/medlemmar');
    expect(pathFor('members', 'en')).toBe('/en/members');
    for (const byLocale of Object.values(ROUTES)) expect(byLocale.en.startsWith('/en/')).toBe(true);
  });

  it('fills and encodes the slug, and refuses a missing one', () => {
    expect(pathFor('member', 'sv', 'ab-foretag')).toBe('/medlemmar/ab-foretag');
    expect(pathFor('area', 'en', 'a b')).toBe('/en/areas/a%20b');
    expect(() => pathFor('member', 'sv')).toThrow(/slug/);
  });

  it('matches every page in both languages and round-trips', () => {
    for (const key of Object.keys(ROUTES) as PageKey[]) {
      for (const locale of ['sv', 'en'] as const) {
        const slug = ROUTES[key][locale].includes(':slug') ? 'some-slug' : undefined;
        const path = pathFor(key, locale, slug);
        expect(matchPath(path)).toEqual({ key, locale, ...(slug ? { slug } : {}) });
      }
    }
  });

  it('tells the feed from an article called rss.xml', () => {
    expect(matchPath('/nyheter/rss.xml')).toEqual({ key: 'rss', locale: 'sv' });
    expect(matchPath('/en/news/rss.xml')).toEqual({ key: 'rss', locale: 'en' });
    expect(matchPath('/nyheter/lansering')).toEqual({
      key: 'article',
      locale: 'sv',
      slug: 'lansering',
    });
  });

  it('accepts trailing slashes and /en without one', () => {
    expect(matchPath('/medlemmar/')).toEqual({ key: 'members', locale: 'sv' });
    expect(matchPath('/en')).toEqual({ key: 'home', locale: 'en' });
    expect(matchPath('/en/')).toEqual({ key: 'home', locale: 'en' });
  });

  it('knows no unknown or deeper address', () => {
    expect(matchPath('/finns-inte')).toBeNull();
    expect(matchPath('/medlemmar/a/b')).toBeNull();
    expect(matchPath('/%E0%A4%A')).toBeNull();
  });

  it('finds the language of any address, known or not', () => {
    expect(localeOf('/en')).toBe('en');
    expect(localeOf('/en/whatever')).toBe('en');
    expect(localeOf('/english')).toBe('sv');
    expect(localeOf('/okand')).toBe('sv');
  });

  it('switches language on the same page, keeping the query', () => {
    expect(twinPath('/')).toBe('/en/');
    expect(twinPath('/en/')).toBe('/');
    expect(twinPath('/kluster/opentech')).toBe('/en/clusters/opentech');
    expect(twinPath('/en/members', '?q=lund&area=tech')).toBe('/medlemmar?q=lund&area=tech');
    expect(twinPath('/tillganglighet')).toBe('/en/accessibility');
  });

  it('sends an unknown address to the other language home page', () => {
    expect(twinPath('/finns-inte')).toBe('/en/');
    expect(twinPath('/en/nope')).toBe('/');
  });

  it('lists both language versions for hreflang', () => {
    expect(alternates('news')).toEqual({ sv: '/nyheter', en: '/en/news' });
    expect(alternates('cluster', 'packbridge')).toEqual({
      sv: '/kluster/packbridge',
      en: '/en/clusters/packbridge',
    });
    expect(STATIC_PAGES.every((key) => !ROUTES[key].sv.includes(':slug'))).toBe(true);
  });
});
