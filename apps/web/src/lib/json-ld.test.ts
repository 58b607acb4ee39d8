import { describe, expect, it } from 'vitest';
import { jsonLd, newsArticle, organisation } from './json-ld';

describe('JSON-LD', () => {
  it('can never close its <script> element early', () => {
    const text = jsonLd({ name: '</script><script>alert(1)</script>', x: 'a & b' });
    expect(text).not.toMatch(/<\/?script/i);
    expect(JSON.parse(text)).toEqual({ name: '</script><script>alert(1)</script>', x: 'a & b' });
  });

  it('describes an organisation, leaving out what is unknown', () => {
    expect(
      organisation({
        name: 'OpenTech',
        url: 'https://example.se/kluster/opentech',
        website: 'https://opentech.se',
        foundingDate: 2009,
        city: 'Lund',
        memberOf: [{ name: 'X', url: 'u' }],
      }),
    ).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Organization',
      name: 'OpenTech',
      url: 'https://example.se/kluster/opentech',
      sameAs: ['https://opentech.se'],
      foundingDate: '2009',
      address: { '@type': 'PostalAddress', addressLocality: 'Lund', addressCountry: 'SE' },
      memberOf: [{ '@type': 'Organization', name: 'X', url: 'u' }],
    });
    expect(Object.keys(organisation({ name: 'A', url: 'u', memberOf: [] }))).toEqual([
      '@context',
      '@type',
      'name',
      'url',
    ]);
  });

  it('gives the phone, the visiting address and contact persons as schema.org types', () => {
    const ld = organisation({
      name: 'Media Evolution',
      url: 'u',
      city: 'Malmö',
      telephone: '040-12 34 56',
      address: { street: 'Stora Varvsgatan 6A', postcode: '', city: 'Malmö' },
      contactPoints: [
        { name: 'Anna', role: 'Vd', email: 'anna@example.se', phone: null },
        { name: 'Bo', role: '', email: 'bo@example.se', phone: '+46 70 123 45 67' },
      ],
    });
    expect(ld).toMatchObject({
      telephone: '040-12 34 56',
      address: {
        '@type': 'PostalAddress',
        streetAddress: 'Stora Varvsgatan 6A',
        addressLocality: 'Malmö',
        addressCountry: 'SE',
      },
      contactPoint: [
        { '@type': 'ContactPoint', name: 'Anna', contactType: 'Vd', email: 'anna@example.se' },
        {
          '@type': 'ContactPoint',
          name: 'Bo',
          email: 'bo@example.se',
          telephone: '+46 70 123 45 67',
        },
      ],
    });
    expect((ld.address as Record<string, unknown>).postalCode).toBeUndefined();
  });

  it('names a logo and member organisations with theirs, when set', () => {
    const ld = organisation({
      name: 'Clusters of Skåne',
      url: 'https://example.se/',
      logo: 'https://example.se/media/a-384.webp',
      members: [
        {
          name: 'OpenTech',
          url: 'https://example.se/kluster/opentech',
          logo: 'https://example.se/l.webp',
        },
        { name: 'IUC Syd', url: 'https://example.se/kluster/iuc-syd', logo: null },
      ],
    });
    expect(ld.logo).toBe('https://example.se/media/a-384.webp');
    expect(ld.member).toEqual([
      {
        '@type': 'Organization',
        name: 'OpenTech',
        url: 'https://example.se/kluster/opentech',
        logo: 'https://example.se/l.webp',
      },
      { '@type': 'Organization', name: 'IUC Syd', url: 'https://example.se/kluster/iuc-syd' },
    ]);
  });

  it('describes a news article', () => {
    const article = newsArticle({
      headline: 'H',
      url: 'u',
      description: 'd',
      datePublished: '2021-01-11T08:00:00.000Z',
      author: 'Clusters of Skåne',
      image: 'https://example.se/images/launch-cover.svg',
      language: 'sv',
      publisher: { name: 'P', url: 'p' },
    });
    expect(article).toMatchObject({
      '@type': 'NewsArticle',
      headline: 'H',
      image: ['https://example.se/images/launch-cover.svg'],
    });
  });
});
