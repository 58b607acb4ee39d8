import { describe, expect, it } from 'vitest';
import { displayHost, excerpt, formatDate, formatNumber, safeHref } from './format';
import { kindLabel, placeLabel, shownIn, sizeLabel } from './labels';
import { siteOrigin } from './site';

describe('formatting', () => {
  it('writes numbers and dates the way each language does', () => {
    expect(formatNumber(1234, 'en')).toBe('1,234');
    expect(formatNumber(1234, 'sv').replace(/\s/g, ' ')).toBe('1 234');
    expect(formatDate('2021-01-11T08:00:00.000Z', 'sv')).toBe('11 januari 2021');
    expect(formatDate('2021-01-11T08:00:00.000Z', 'en')).toBe('11 January 2021');
    expect(formatDate('not a date', 'en')).toBe('not a date');
  });

  it('links only http(s) addresses', () => {
    expect(safeHref('https://example.se')).toBe('https://example.se/');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,x')).toBeNull();
    expect(safeHref('not a url')).toBeNull();
    expect(safeHref(null)).toBeNull();
    expect(displayHost('https://www.example.se/')).toBe('www.example.se');
    expect(displayHost('https://example.se/om')).toBe('example.se/om');
  });

  it('cuts long text at a word', () => {
    expect(excerpt('kort')).toBe('kort');
    const long = excerpt('ord '.repeat(100), 40);
    expect(long.length).toBeLessThanOrEqual(41);
    expect(long.endsWith('ord…')).toBe(true);
  });

  it('labels kinds, sizes and places in either language', () => {
    expect(kindLabel('public-sector', 'sv')).toBe('Offentlig sektor');
    expect(kindLabel('startup', 'en')).toBe('Startup');
    expect(kindLabel('unknown-kind', 'en')).toBe('unknown-kind');
    expect(sizeLabel('250+', 'en')).toBe('250+ employees');
    expect(sizeLabel(null, 'sv')).toBeNull();
    // No municipality: outside Skåne only when marked so, otherwise not known.
    expect(placeLabel(null, true, 'en')).toBe('Outside Skåne');
    expect(placeLabel(null, false, 'en')).toBe('Municipality not known');
    expect(placeLabel(null, true, 'sv')).toBe('Utanför Skåne');
    expect(placeLabel(null, false, 'sv')).toBe('Kommun okänd');
    expect(placeLabel({ name: 'Lund' }, false, 'en')).toBe('Lund');
    expect(shownIn({ sv: 'hej', en: '' }, 'en')).toBe('sv');
    expect(shownIn({ sv: 'hej', en: 'hi' }, 'en')).toBe('en');
  });

  it('takes the public origin from the server settings, never the Host header', () => {
    const url = new URL('http://evil.example/x');
    expect(siteOrigin(url, { PUBLIC_ORIGIN: 'https://clusters.example/' }, false)).toBe(
      'https://clusters.example',
    );
    expect(siteOrigin(url, { PORT: '3400' }, false)).toBe('http://localhost:3400');
    expect(siteOrigin(url, {}, false)).toBe('http://localhost:3000');
    expect(siteOrigin(new URL('http://localhost:4321/'), {}, true)).toBe('http://localhost:4321');
  });
});
