/**
 * Images on records: an upload is stored once per content (files + row), and
 * a record takes it through its normal versioned update — audited, checked
 * for permission, alt text required — and the public reads show it with
 * srcset and size. A refused write changes nothing.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UnauthorizedError } from '../errors';
import { testImage } from '../image-test-images';
import { MediaFolder } from '../services/media-folder';
import { getServices } from '../services';
import { blamedFields, createTestApi, trpcError, type TestApi } from '../test-support';

let api: TestApi;
let dir: string;
let folder: MediaFolder;
beforeEach(() => {
  api = createTestApi();
  dir = mkdtempSync(path.join(os.tmpdir(), 'cos-media-test-'));
  folder = new MediaFolder(dir);
});
afterEach(() => {
  api.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

async function upload(options: Parameters<typeof testImage>[0] = {}) {
  const bytes = await testImage(options);
  return getServices(api.handle).images.upload(api.adminUser, bytes, 'logo', folder);
}

describe('uploads', () => {
  it('store each width once per content: the same bytes again store nothing new', async () => {
    const first = await upload({ width: 500, height: 250 });
    expect(first).toMatchObject({ stored: true, width: 500, widths: [96, 192, 384, 500] });
    expect(readdirSync(dir).sort()).toEqual(
      [96, 192, 384, 500].map((w) => `${first.hash}-${w}.webp`).sort(),
    );
    const again = await upload({ width: 500, height: 250 });
    expect(again).toMatchObject({ stored: false, hash: first.hash });
    expect(readdirSync(dir)).toHaveLength(4);
    expect(api.count('images')).toBe(1);
    const row = api.sqlite.prepare('SELECT type, uploaded_by AS by FROM images').get();
    expect(row).toEqual({ type: 'image/png', by: api.adminUser.id });
  });

  it('refuse anonymous uploads and store nothing for a refused file', async () => {
    const images = getServices(api.handle).images;
    await expect(images.upload(null, await testImage(), 'logo', folder)).rejects.toBeInstanceOf(
      UnauthorizedError,
    );
    await expect(
      images.upload(api.adminUser, Buffer.from('<svg/>'), 'logo', folder),
    ).rejects.toThrow(/SVG files are not accepted/);
    expect(readdirSync(dir)).toEqual([]);
    expect(api.count('images')).toBe(0);
  });
});

describe('a cluster logo', () => {
  it('is set through the versioned update, audited, and shown on the public cluster', async () => {
    const image = await upload({ width: 800, height: 400 });
    const id = api.clusterId('opentech');
    const before = await api.admin.cluster.admin.get({ id });
    const logo = { hash: image.hash, alt: { sv: 'OpenTechs logotyp', en: 'OpenTech logo' } };
    const updated = await api.admin.cluster.admin.update({ id, version: before.version, logo });
    expect(updated).toMatchObject({ logo, version: before.version + 1 });
    const [entry] = (await api.admin.audit.list({ entity: 'cluster', entityId: String(id) })).items;
    expect(entry?.before).toMatchObject({ logo: null });
    expect(entry?.after).toMatchObject({ logo });

    const shown = await api.anonymous.cluster.bySlug({ slug: 'opentech' });
    expect(shown.logo).toEqual({
      src: `/media/${image.hash}-384.webp`,
      srcset: [96, 192, 384].map((w) => `/media/${image.hash}-${w}.webp ${w}w`).join(', '),
      width: 384,
      height: 192,
      alt: logo.alt,
    });
    const listed = await api.anonymous.cluster.list();
    expect(listed.find((c) => c.slug === 'opentech')?.logo?.src).toBe(shown.logo?.src);

    // Removing it is an update like any other.
    const removed = await api.admin.cluster.admin.update({
      id,
      version: updated.version,
      logo: null,
    });
    expect(removed.logo).toBeNull();
    expect((await api.anonymous.cluster.bySlug({ slug: 'opentech' })).logo).toBeNull();
  });

  it('is refused without Swedish alt text, or when never uploaded, and nothing changes', async () => {
    const image = await upload();
    const id = api.clusterId('opentech');
    const { version } = await api.admin.cluster.admin.get({ id });
    const checksum = api.checksum();
    const noAlt = await trpcError(
      api.admin.cluster.admin.update({ id, version, logo: { hash: image.hash, alt: { sv: ' ' } } }),
    );
    expect(blamedFields(noAlt)).toEqual(['logo.alt.sv']);
    expect(noAlt.message).toMatch(/Logo alt text in Swedish is required/);
    const unknown = await trpcError(
      api.admin.cluster.admin.update({
        id,
        version,
        logo: { hash: 'f'.repeat(64), alt: { sv: 'Logotyp' } },
      }),
    );
    expect(blamedFields(unknown)).toEqual(['logo.hash']);
    expect(unknown.message).toBe('logo.hash: Logo: no such uploaded image; upload it again');
    const notHash = await trpcError(
      api.admin.cluster.admin.update({ id, version, logo: { hash: '../x', alt: { sv: 'L' } } }),
    );
    expect(blamedFields(notHash)).toEqual(['logo.hash']);
    expect(api.checksum()).toBe(checksum);
  });
});

describe('a member logo', () => {
  it('may be set by the editor of its cluster, not by another cluster’s editor', async () => {
    const image = await upload();
    const { member } = await api.admin.member.admin.create({
      name: 'Bildbolaget AB',
      kind: 'company',
      memberships: [{ clusterId: api.clusterId('opentech') }],
      status: 'published',
    });
    const logo = { hash: image.hash, alt: { sv: 'Bildbolagets logotyp', en: '' } };
    const checksum = api.checksum();
    const foreign = await trpcError(
      api.editor('packbridge').member.admin.update({ id: member.id, version: 1, logo }),
    );
    expect(foreign.code).toBe('FORBIDDEN');
    expect(api.checksum()).toBe(checksum);

    const updated = await api
      .editor('opentech')
      .member.admin.update({ id: member.id, version: 1, logo });
    expect(updated.logo).toEqual(logo);
    const page = await api.anonymous.member.bySlug({ slug: member.slug });
    expect(page.logo).toMatchObject({ src: `/media/${image.hash}-384.webp`, alt: logo.alt });
  });
});

describe('an article cover', () => {
  it('takes an uploaded image and is shown with srcset, width and height', async () => {
    const image = await getServices(api.handle).images.upload(
      api.adminUser,
      await testImage({ width: 1600, height: 900, format: 'jpeg' }),
      'coverImage',
      folder,
    );
    const alt = { sv: 'Ett ljust kontor', en: 'A bright office' };
    const article = await api.admin.article.admin.create({
      title: { sv: 'Bildnyhet' },
      coverImage: { image: image.hash, alt },
      status: 'published',
    });
    expect(article.coverImage).toEqual({ image: image.hash, alt });
    const shown = await api.anonymous.article.bySlug({ slug: article.slug });
    expect(shown.coverImage).toEqual({
      src: `/media/${image.hash}-1600.webp`,
      srcset: [640, 1280, 1600].map((w) => `/media/${image.hash}-${w}.webp ${w}w`).join(', '),
      width: 1600,
      height: 900,
      alt,
    });
    const both = await trpcError(
      api.admin.article.admin.update({
        id: article.id,
        version: article.version,
        coverImage: { image: image.hash, src: '/x.jpg', alt },
      }),
    );
    expect(blamedFields(both)).toEqual(['coverImage.image']);
  });

  it('still takes an address on the site, shown without a size', async () => {
    const article = await api.admin.article.admin.create({
      title: { sv: 'Adressnyhet' },
      coverImage: { src: '/images/launch-cover.svg', alt: { sv: 'En åker' } },
      status: 'published',
    });
    const shown = await api.anonymous.article.bySlug({ slug: article.slug });
    expect(shown.coverImage).toEqual({
      src: '/images/launch-cover.svg',
      alt: { sv: 'En åker', en: '' },
      srcset: null,
      width: null,
      height: null,
    });
  });
});
