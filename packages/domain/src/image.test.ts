import { describe, expect, it } from 'vitest';
import { articleCreateInput, coverImageSchema } from './article';
import { clusterCreateInput } from './cluster';
import { imageHashSchema, imageRefSchema, imageSources, mediaPath, variantWidths } from './image';
import { memberCreateInput } from './member';
import { formatMessage } from './messages/format';

const hash = 'a'.repeat(64);
const issues = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => (result.error?.issues ?? []).map((i) => ({ path: i.path.join('.'), message: i.message }));

describe('image references', () => {
  it('take a 64-character lower-case hex hash and nothing else', () => {
    expect(imageHashSchema.safeParse(hash).success).toBe(true);
    for (const bad of ['A'.repeat(64), 'a'.repeat(63), '../etc/passwd', `${hash}-96.webp`, ''])
      expect(imageHashSchema.safeParse(bad).success, bad).toBe(false);
  });

  it('require Swedish alt text whenever an image is set, naming the field', () => {
    const ref = imageRefSchema('logoAlt');
    expect(issues(ref.safeParse({ hash, alt: { sv: '  ', en: 'Logo' } }))).toEqual([
      { path: 'alt.sv', message: 'Logo alt text in Swedish is required' },
    ]);
    expect(ref.parse({ hash, alt: { sv: 'OpenTechs logotyp' } })).toEqual({
      hash,
      alt: { sv: 'OpenTechs logotyp', en: '' },
    });
  });

  it('give clusters and members a logo that refuses a missing alt text', () => {
    const noAlt = { logo: { hash, alt: { sv: '' } } };
    expect(issues(clusterCreateInput.safeParse({ name: 'OpenTech', ...noAlt }))[0]).toEqual({
      path: 'logo.alt.sv',
      message: 'Logo alt text in Swedish is required',
    });
    const member = memberCreateInput.safeParse({ name: 'Ab Exempel', kind: 'company', ...noAlt });
    expect(issues(member).map((i) => i.path)).toContain('logo.alt.sv');
  });

  it('let an article cover be an uploaded image or an address, but exactly one', () => {
    const alt = { sv: 'Ett kontor' };
    expect(coverImageSchema.safeParse({ image: hash, alt }).success).toBe(true);
    expect(coverImageSchema.safeParse({ src: '/a.jpg', alt }).success).toBe(true);
    const both = issues(coverImageSchema.safeParse({ src: '/a.jpg', image: hash, alt }));
    expect(both).toEqual([
      {
        path: 'image',
        message: 'Cover image: upload an image or give its address (one, not both)',
      },
    ]);
    expect(issues(coverImageSchema.safeParse({ alt })).map((i) => i.path)).toEqual(['image']);
    const article = articleCreateInput.safeParse({
      title: { sv: 'Nyhet' },
      coverImage: { image: 'not-a-hash', alt },
    });
    expect(issues(article).map((i) => i.path)).toContain('coverImage.image');
  });
});

describe('stored widths and srcset', () => {
  it('never enlarge: a small image gets the standard widths below it plus its own', () => {
    expect(variantWidths(300)).toEqual([96, 192, 300]);
    expect(variantWidths(50)).toEqual([50]);
    expect(variantWidths(4000)).toEqual([96, 192, 384, 640, 1280, 1920]);
    expect(variantWidths(1920)).toEqual([96, 192, 384, 640, 1280, 1920]);
  });

  it('offer a logo slot the logo widths and a cover slot the cover widths', () => {
    const info = { hash, width: 4000, height: 2000, widths: variantWidths(4000) };
    const logo = imageSources(info, 'logo');
    expect(logo.srcset).toBe([96, 192, 384].map((w) => `${mediaPath(hash, w)} ${w}w`).join(', '));
    expect(logo).toMatchObject({ src: `/media/${hash}-384.webp`, width: 384, height: 192 });
    const cover = imageSources(info, 'cover');
    expect(cover).toMatchObject({ src: `/media/${hash}-1920.webp`, width: 1920, height: 960 });
    const small = imageSources(
      { hash, width: 800, height: 600, widths: variantWidths(800) },
      'cover',
    );
    expect(small.srcset).toBe(`/media/${hash}-640.webp 640w, /media/${hash}-800.webp 800w`);
    expect(imageSources({ hash, width: 50, height: 50, widths: [50] }, 'cover').src).toBe(
      `/media/${hash}-50.webp`,
    );
  });
});

describe('upload messages', () => {
  it('name the field in both languages', () => {
    expect(formatMessage('sv', 'image.svg', { label: 'logo' })).toMatch(/^Logotypen: SVG-filer/);
    expect(formatMessage('en', 'image.tooLarge', { label: 'coverImage', maxMb: 10 })).toBe(
      'Cover image: the file is larger than 10 MB',
    );
  });
});
