import { describe, expect, it } from 'vitest';
import {
  HUES,
  hueFor,
  logoFile,
  monogram,
  parseShareFile,
  shareCard,
  sharePath,
  shareVersion,
} from '.';

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrastWithWhite = (hex: string) => 1.05 / (luminance(hex) + 0.05);

describe('identity', () => {
  it('gives monograms the way the cluster names read', () => {
    expect(monogram('OpenTech')).toBe('OT');
    expect(monogram('IUC Syd')).toBe('IUC');
    expect(monogram('Medicon Valley Alliance')).toBe('MVA');
    expect(monogram('Livsmedelsakademin (Skåne Food Innovation Network)')).toBe('L');
    expect(monogram('Sustainable Business Hub')).toBe('SBH');
    expect(monogram('ängens kluster')).toBe('ÄK');
  });

  it('keeps every hue AA with white text, and a slug on one hue', () => {
    for (const hue of HUES) expect(contrastWithWhite(hue)).toBeGreaterThanOrEqual(4.5);
    expect(hueFor('opentech')).toBe(hueFor('opentech'));
    expect(HUES).toContain(hueFor('some-new-cluster'));
    expect(hueFor('tech')).toBe('#1f4f8f');
  });
});

describe('share cards', () => {
  const hash = 'a'.repeat(64);
  const cluster = (name: string, logoSrc: string | null = null) =>
    shareCard({ kind: 'cluster', slug: 'opentech', name, areas: ['Tech'], logoSrc }, 'sv');

  it('changes its address when what it shows changes, and only then', () => {
    expect(sharePath(cluster('OpenTech'))).toBe(sharePath(cluster('OpenTech')));
    expect(shareVersion(cluster('OpenTech'))).not.toBe(shareVersion(cluster('OpenTech AB')));
    const logo = cluster('OpenTech', `/media/${hash}-384.webp`);
    expect(logo.logo).toEqual({ hash, width: 384 });
    expect(shareVersion(logo)).not.toBe(shareVersion(cluster('OpenTech')));
  });

  it('differs by language and reads back from its address', () => {
    const sv = shareCard({ kind: 'page', page: 'home' }, 'sv');
    const en = shareCard({ kind: 'page', page: 'home' }, 'en');
    expect(sv.title).not.toBe(en.title);
    expect(sharePath(sv)).toMatch(/^\/share\/sv\/page\/home\.[0-9a-f]{12}\.png$/);
    expect(sharePath(en).startsWith('/share/en/page/home.')).toBe(true);
    const file = sharePath(sv).split('/').pop() ?? '';
    expect(parseShareFile(file)).toEqual({ slug: 'home', version: shareVersion(sv) });
    expect(parseShareFile('home.png')).toBeNull();
  });

  it('only draws logos stored on this site', () => {
    expect(logoFile('https://example.com/logo.png')).toBeNull();
    expect(logoFile(`/media/${hash}-96.webp`)).toEqual({ hash, width: 96 });
    expect(logoFile(null)).toBeNull();
  });
});
