/** RSS 2.0 feeds and sitemaps, written by hand: small and fully escaped. */

export function escapeXml(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
      // Characters XML 1.0 forbids (control characters other than tab and newlines).
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
  );
}

export interface FeedItem {
  title: string;
  link: string;
  description: string;
  publishedAt: string;
  categories?: readonly string[];
}

export interface Feed {
  title: string;
  link: string;
  self: string;
  description: string;
  language: string;
  items: readonly FeedItem[];
}

export function rss(feed: Feed): string {
  const items = feed.items
    .map(
      (item) => `    <item>
      <title>${escapeXml(item.title)}</title>
      <link>${escapeXml(item.link)}</link>
      <guid isPermaLink="true">${escapeXml(item.link)}</guid>
      <pubDate>${new Date(item.publishedAt).toUTCString()}</pubDate>
      <description>${escapeXml(item.description)}</description>
${(item.categories ?? []).map((c) => `      <category>${escapeXml(c)}</category>\n`).join('')}    </item>`,
    )
    .join('\n');
  const latest = feed.items[0]?.publishedAt;
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${escapeXml(feed.title)}</title>
    <link>${escapeXml(feed.link)}</link>
    <atom:link href="${escapeXml(feed.self)}" rel="self" type="application/rss+xml"/>
    <description>${escapeXml(feed.description)}</description>
    <language>${escapeXml(feed.language)}</language>
${latest ? `    <lastBuildDate>${new Date(latest).toUTCString()}</lastBuildDate>\n` : ''}${items}
  </channel>
</rss>
`;
}

export interface SitemapEntry {
  loc: string;
  /** The page in each language, for xhtml:link hreflang alternates. */
  alternates?: Readonly<Record<string, string>>;
  lastmod?: string;
}

export function sitemap(entries: readonly SitemapEntry[]): string {
  const urls = entries
    .map((entry) => {
      const links = Object.entries(entry.alternates ?? {})
        .map(
          ([lang, href]) =>
            `    <xhtml:link rel="alternate" hreflang="${escapeXml(lang)}" href="${escapeXml(href)}"/>\n`,
        )
        .join('');
      const lastmod = entry.lastmod ? `    <lastmod>${escapeXml(entry.lastmod)}</lastmod>\n` : '';
      return `  <url>\n    <loc>${escapeXml(entry.loc)}</loc>\n${lastmod}${links}  </url>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${urls}
</urlset>
`;
}
