import { describe, expect, it } from 'vitest';
import { articleToValues, emptyArticleValues, validateArticleCreate } from './article-form';
import { clusterToValues, emptyClusterValues, validateClusterUpdate } from './cluster-form';
import { emptyImage, imageRaw, imageToValue } from './image-form';
import { previewSrc } from './image-upload';
import { emptyMemberValues, validateMemberCreate } from './member-form';

const hash = 'c'.repeat(64);

describe('image values', () => {
  it('round-trip a reference, and no image is null with its alt text dropped', () => {
    const ref = { hash, alt: { sv: 'Logotyp', en: 'Logo' } };
    expect(imageRaw(imageToValue(ref))).toEqual(ref);
    expect(imageRaw({ hash: '', alt: { sv: 'kvar', en: '' } })).toBeNull();
    expect(imageToValue(null)).toEqual(emptyImage());
  });

  it('preview the smallest stored width that is wide enough', () => {
    expect(previewSrc({ hash, widths: [96, 192, 384, 640] })).toBe(`/media/${hash}-384.webp`);
    expect(previewSrc({ hash, widths: [50] })).toBe(`/media/${hash}-50.webp`);
  });
});

describe('the forms with an image', () => {
  it('a cluster logo without Swedish alt text is refused in the browser, naming the field', () => {
    const values = {
      ...emptyClusterValues(),
      name: 'OpenTech',
      logo: { hash, alt: { sv: '', en: 'x' } },
    };
    const result = validateClusterUpdate(values, 1, 3);
    expect(!result.ok && result.errors['logo.alt.sv']).toEqual([
      'Logo alt text in Swedish is required',
    ]);
    const fixed = validateClusterUpdate(
      { ...values, logo: { hash, alt: { sv: 'Logga', en: '' } } },
      1,
      3,
    );
    expect(fixed.ok && fixed.input.logo).toEqual({ hash, alt: { sv: 'Logga', en: '' } });
    expect(clusterToValues({ ...values, logo: null } as never).logo).toEqual(emptyImage());
  });

  it('a member without a logo sends null', () => {
    const result = validateMemberCreate({ ...emptyMemberValues(), name: 'Bildbolaget AB' });
    expect(result.ok && result.input.logo).toBeNull();
  });

  it('an article cover: an upload wins, an address still works, neither is named', () => {
    const base = { ...emptyArticleValues(), title: { sv: 'Nyhet', en: '' }, hasCover: true };
    const alt = { sv: 'Ett kontor', en: '' };
    const uploaded = validateArticleCreate({
      ...base,
      coverImage: hash,
      coverSrc: '/gammal.jpg',
      coverAlt: alt,
    });
    expect(uploaded.ok && uploaded.input.coverImage).toEqual({ image: hash, alt });
    const address = validateArticleCreate({ ...base, coverSrc: '/a.jpg', coverAlt: alt });
    expect(address.ok && address.input.coverImage).toEqual({ src: '/a.jpg', alt });
    const neither = validateArticleCreate({ ...base, coverAlt: alt });
    expect(!neither.ok && neither.errors['cover.hash']?.[0]).toMatch(
      /upload an image or give its address/,
    );
    const read = articleToValues({
      slug: 's',
      title: { sv: 'T', en: '' },
      summary: { sv: '', en: '' },
      body: { sv: '', en: '' },
      coverImage: { image: hash, alt },
      author: '',
      tags: [],
      clusterId: null,
      publishedAt: null,
      status: 'draft',
    });
    expect(read).toMatchObject({ hasCover: true, coverImage: hash, coverSrc: '' });
  });
});
