/**
 * Share images: a PNG of 1200 × 630 for every page type, once per content
 * version on disk, different per language, and drawing the cluster's
 * uploaded logo (its address changes when the logo does).
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SHARE_PAGES, shareVersion, type ShareKind } from '@cos/domain/share';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testImage } from '../image-test-images';
import { createTestApi, type TestApi } from '../test-support';
import { getServices } from '.';
import { MediaFolder } from './media-folder';
import { ShareImages } from './share-images';

let api: TestApi;
let dir: string;
let media: MediaFolder;
let shares: ShareImages;
beforeEach(() => {
  api = createTestApi();
  dir = mkdtempSync(path.join(os.tmpdir(), 'cos-share-test-'));
  media = new MediaFolder(dir);
  shares = new ShareImages(getServices(api.handle), media, {
    cacheDir: path.join(dir, 'share'),
    artDir: null,
  });
});
afterEach(() => {
  api.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const cached = () => readdirSync(path.join(dir, 'share')).filter((f) => f.endsWith('.png'));

describe('share images', () => {
  it('draw a 1200 × 630 PNG for each page type, and differ by language', async () => {
    const member = (await api.anonymous.member.directory({ limit: 1 })).items[0]?.slug ?? '';
    const article = (await api.anonymous.article.list({ limit: 1 })).items[0]?.slug ?? '';
    const pages: [ShareKind, string][] = [
      ['page', 'home'],
      ['page', 'members'],
      ['cluster', 'opentech'],
      ['member', member],
      ['area', 'tech'],
      ['article', article],
    ];
    for (const [kind, slug] of pages) {
      const sv = shares.card('sv', kind, slug);
      const en = shares.card('en', kind, slug);
      if (!sv || !en) throw new Error(`no card for ${kind} ${slug}`);
      const bytes = await shares.png(sv);
      const meta = await sharp(bytes).metadata();
      expect([meta.format, meta.width, meta.height], `${kind} ${slug}`).toEqual(['png', 1200, 630]);
      if (kind !== 'member') {
        expect(shareVersion(sv)).not.toBe(shareVersion(en));
        expect((await shares.png(en)).equals(bytes)).toBe(false);
      }
    }
    expect(SHARE_PAGES.every((page) => shares.card('en', 'page', page) !== null)).toBe(true);
  });

  it('answer no card for a page that does not exist', () => {
    expect(shares.card('sv', 'cluster', 'no-such-cluster')).toBeNull();
    expect(shares.card('sv', 'member', 'no-such-member')).toBeNull();
    expect(shares.card('sv', 'page', 'constructor')).toBeNull();
    expect(shares.card('en', 'article', 'nope')).toBeNull();
  });

  it('draw a card once per version and keep it on disk', async () => {
    const card = shares.card('sv', 'area', 'tech');
    if (!card) throw new Error('no card');
    const [a, b] = await Promise.all([shares.png(card), shares.png(card)]);
    expect(a.equals(b)).toBe(true);
    expect(cached()).toEqual([`${shareVersion(card)}.png`]);
    // A fresh service (a restart, another worker) reads the stored file.
    const again = new ShareImages(getServices(api.handle), media, {
      cacheDir: path.join(dir, 'share'),
      artDir: null,
    });
    expect((await again.png(card)).equals(a)).toBe(true);
    expect(cached()).toHaveLength(1);
  });

  it("draw a cluster's uploaded logo, under a new version", async () => {
    const before = shares.card('sv', 'cluster', 'opentech');
    const plain = before ? await shares.png(before) : Buffer.alloc(0);
    const image = await getServices(api.handle).images.upload(
      api.adminUser,
      await testImage({ width: 400, height: 200 }),
      'logo',
      media,
    );
    const record = (await api.admin.cluster.admin.list()).find((c) => c.slug === 'opentech');
    if (!record || !before) throw new Error('no opentech');
    await api.admin.cluster.admin.update({
      id: record.id,
      version: record.version,
      logo: { hash: image.hash, alt: { sv: 'OpenTechs logotyp', en: 'OpenTech logo' } },
    });
    const after = shares.card('sv', 'cluster', 'opentech');
    expect(after?.logo?.hash).toBe(image.hash);
    expect(shareVersion(after ?? before)).not.toBe(shareVersion(before));
    const withLogo = after ? await shares.png(after) : Buffer.alloc(0);
    expect(withLogo.equals(plain)).toBe(false);
    expect((await sharp(withLogo).metadata()).width).toBe(1200);
  });
});
