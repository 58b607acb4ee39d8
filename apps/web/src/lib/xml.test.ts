import { describe, expect, it } from 'vitest';
import { escapeXml, rss, sitemap } from './xml';

describe('XML output', () => {
  it('escapes markup and drops characters XML forbids', () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>\u0001`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;',
    );
  });

  it('writes an RSS 2.0 channel with escaped items and RFC 822 dates', () => {
    const xml = rss({
      title: 'Nyheter',
      link: 'https://example.se/nyheter',
      self: 'https://example.se/nyheter/rss.xml',
      description: 'Allt nytt',
      language: 'sv-SE',
      items: [
        {
          title: '<script>alert(1)</script> & mer',
          link: 'https://example.se/nyheter/a?b=1&c=2',
          description: 'Sammanfattning',
          publishedAt: '2021-01-11T08:00:00.000Z',
          categories: ['plattform'],
        },
      ],
    });
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"')).toBe(true);
    expect(xml).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; mer</title>');
    expect(xml).toContain('<link>https://example.se/nyheter/a?b=1&amp;c=2</link>');
    expect(xml).toContain('<pubDate>Mon, 11 Jan 2021 08:00:00 GMT</pubDate>');
    expect(xml).toContain('<category>plattform</category>');
    expect(xml).not.toMatch(/<script/);
  });

  it('writes an empty feed without a build date', () => {
    const xml = rss({
      title: 't',
      link: 'l',
      self: 's',
      description: 'd',
      language: 'en-GB',
      items: [],
    });
    expect(xml).not.toContain('lastBuildDate');
    expect(xml).toContain('</channel>');
  });

  it('writes a sitemap with hreflang alternates', () => {
    const xml = sitemap([
      {
        loc: 'https://example.se/kluster',
        alternates: { sv: 'https://example.se/kluster', en: 'https://example.se/en/clusters' },
        lastmod: '2021-01-11',
      },
    ]);
    expect(xml).toContain('<loc>https://example.se/kluster</loc>');
    expect(xml).toContain('<lastmod>2021-01-11</lastmod>');
    expect(xml).toContain(
      '<xhtml:link rel="alternate" hreflang="en" href="https://example.se/en/clusters"/>',
    );
    expect(xml.match(/<url>/g)).toHaveLength(1);
  });
});
