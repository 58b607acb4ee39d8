/** The non-HTML responses: RSS per language, the sitemap and robots.txt. */
import type { APIContext } from 'astro';
import { translator } from '../i18n';
import { apiFor } from './api';
import { pick } from './labels';
import { alternates, pathFor, STATIC_PAGES, type Locale, type PageKey } from './routes';
import { absolute } from './site';
import { rss, sitemap, type SitemapEntry } from './xml';

const XML_HEADERS = { 'cache-control': 'public, max-age=600' };

export async function newsFeed(context: APIContext, locale: Locale): Promise<Response> {
  const t = translator(locale);
  const { items } = await apiFor(context.locals).article.list({ limit: 30 });
  const body = rss({
    title: t('news.feedTitle'),
    link: absolute(context.url, pathFor('news', locale)),
    self: absolute(context.url, pathFor('rss', locale)),
    description: t('news.lead'),
    language: locale === 'sv' ? 'sv-SE' : 'en-GB',
    items: items.map((a) => ({
      title: pick(a.title, locale),
      link: absolute(context.url, pathFor('article', locale, a.slugs[locale])),
      description: pick(a.summary, locale),
      publishedAt: a.publishedAt,
      categories: a.tags.map((tag) => pick(tag.name, locale)),
    })),
  });
  return new Response(body, {
    headers: { 'content-type': 'application/rss+xml; charset=utf-8', ...XML_HEADERS },
  });
}

/** Members are listed up to this many, so the sitemap stays within the protocol's 50,000 URLs. */
export const SITEMAP_MEMBER_LIMIT = 20_000;

export async function siteMap(context: APIContext): Promise<Response> {
  const api = apiFor(context.locals);
  const entry = (
    key: PageKey,
    slug?: string | Record<Locale, string>,
    lastmod?: string,
  ): SitemapEntry[] => {
    const both = alternates(key, slug);
    const links = {
      sv: absolute(context.url, both.sv),
      en: absolute(context.url, both.en),
      'x-default': absolute(context.url, both.sv),
    };
    return (['sv', 'en'] as const).map((locale) => ({
      loc: links[locale],
      alternates: links,
      ...(lastmod ? { lastmod } : {}),
    }));
  };
  const [areas, clusters] = await Promise.all([api.area.list(), api.cluster.list()]);
  const entries: SitemapEntry[] = [
    ...STATIC_PAGES.flatMap((key) => entry(key)),
    ...areas.flatMap((a) => entry('area', a.slug)),
    ...clusters.flatMap((c) => entry('cluster', c.slug)),
  ];
  for (let cursor: string | undefined, pages = 0; pages < 1000; pages++) {
    const page = await api.article.list({ limit: 100, cursor });
    entries.push(
      ...page.items.flatMap((a) => entry('article', a.slugs, a.publishedAt.slice(0, 10))),
    );
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  let members = 0;
  for (let cursor: string | undefined; members < SITEMAP_MEMBER_LIMIT;) {
    const page = await api.member.directory({ sort: 'name', limit: 100, cursor });
    // Demo members are generated, not real: they stay out of search engines (their pages are noindex).
    entries.push(...page.items.filter((m) => !m.isDemo).flatMap((m) => entry('member', m.slug)));
    members += page.items.length;
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return new Response(sitemap(entries), {
    headers: { 'content-type': 'application/xml; charset=utf-8', ...XML_HEADERS },
  });
}

export function robots(context: APIContext): Response {
  const body = `User-agent: *
Allow: /
Disallow: /admin
Disallow: /trpc
Disallow: /api/auth

Sitemap: ${absolute(context.url, '/sitemap.xml')}
`;
  return new Response(body, {
    headers: {
      'content-type': 'text/plain; charset=utf-8',
      'cache-control': 'public, max-age=3600',
    },
  });
}
