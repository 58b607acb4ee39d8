/**
 * Share images over real HTTP: every page type's address answers a 1200 × 630
 * PNG, immutable and revalidated by ETag; the two languages differ; an old
 * version is redirected to the current one; a page that does not exist is
 * 404; and a cluster's uploaded logo gives its card a new address.
 */
import { testImage } from '@cos/api/test-images';
import { shareCard, shareInputs, sharePath, type ShareInput } from '@cos/domain/share';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionCookie, trpcData, trpcMutation, trpcQuery } from './reliability/http';
import { SHARE_CACHE_CONTROL } from './share-image-route';
import { ADMIN, startTestServer, type TestServer } from './test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(async () => {
  await server.close();
});

async function json<T>(response: Response): Promise<T> {
  return trpcData<T>(await response.json());
}

interface Cluster {
  slug: string;
  name: string;
  areas: { name: { sv: string; en: string } }[];
  logo: { src: string } | null;
}

const clusterPath = async (locale: 'sv' | 'en') => {
  const cluster = await json<Cluster>(
    await trpcQuery(server, 'cluster.bySlug', { slug: 'opentech' }),
  );
  return sharePath(shareCard(shareInputs.cluster(cluster, locale), locale));
};

describe('GET /share/…png', () => {
  it('answers each page type as a 1200 × 630 PNG, immutable, different per language', async () => {
    const article = await json<{ items: { slug: string }[] }>(
      await trpcQuery(server, 'article.list', { limit: 1 }),
    );
    const inputs: ShareInput[] = [
      { kind: 'page', page: 'home' },
      { kind: 'page', page: 'clusters' },
    ];
    const paths = [
      ...inputs.flatMap((input) => {
        if (input.kind !== 'page') return [];
        return [sharePath(shareCard(input, 'sv')), sharePath(shareCard(input, 'en'))];
      }),
      await clusterPath('sv'),
      await clusterPath('en'),
    ];
    expect(article.items.length).toBeGreaterThan(0);
    const bodies: Buffer[] = [];
    for (const path of paths) {
      const response = await server.fetch(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
      expect(response.headers.get('cache-control')).toBe(SHARE_CACHE_CONTROL);
      const body = Buffer.from(await response.arrayBuffer());
      const meta = await sharp(body).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['png', 1200, 630]);
      bodies.push(body);
    }
    // sv and en of the same page are different pictures.
    for (let i = 0; i < bodies.length; i += 2)
      expect(bodies[i]?.equals(bodies[i + 1] ?? Buffer.alloc(0))).toBe(false);
  });

  it('revalidates by ETag with a 304', async () => {
    const path = sharePath(shareCard({ kind: 'page', page: 'news' }, 'sv'));
    const first = await server.fetch(path);
    await first.arrayBuffer();
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[0-9a-f]{12}"$/);
    const again = await server.fetch(path, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('redirects an old version to the current one, and 404s what does not exist', async () => {
    const current = sharePath(shareCard({ kind: 'page', page: 'about' }, 'en'));
    const stale = current.replace(/\.[0-9a-f]{12}\.png$/, '.000000000000.png');
    const moved = await server.fetch(stale, { redirect: 'manual' });
    expect(moved.status).toBe(302);
    expect(moved.headers.get('location')).toBe(current);
    expect(moved.headers.get('cache-control')).toBe('public, max-age=300');
    for (const path of [
      '/share/sv/cluster/no-such-cluster.000000000000.png',
      '/share/de/page/home.000000000000.png',
      '/share/sv/secret/home.000000000000.png',
      '/share/sv/page/home.png',
      '/share/sv/page/..%2F..%2Fetc.000000000000.png',
    ]) {
      const response = await server.fetch(path, { redirect: 'manual' });
      expect(response.status, path).toBe(404);
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
  });

  it("moves a cluster's card to a new address when its logo is uploaded", async () => {
    const before = await clusterPath('sv');
    const admin = await sessionCookie(server, ADMIN);
    const upload = await server.fetch('/api/admin/images?field=logo', {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', cookie: admin, origin: server.origin },
      body: Uint8Array.from(await testImage({ width: 300, height: 150 })),
    });
    const { hash } = (await upload.json()) as { hash: string };
    const id = server.handle.sqlite
      .prepare("SELECT id FROM clusters WHERE slug = 'opentech'")
      .pluck()
      .get() as number;
    const record = await json<{ version: number }>(
      await trpcQuery(server, 'cluster.admin.get', { id }, admin),
    );
    const saved = await trpcMutation(
      server,
      'cluster.admin.update',
      JSON.stringify({ id, version: record.version, logo: { hash, alt: { sv: 'Logotyp' } } }),
      admin,
    );
    expect(saved.status).toBe(200);
    const after = await clusterPath('sv');
    expect(after).not.toBe(before);
    const moved = await server.fetch(before, { redirect: 'manual' });
    expect(moved.headers.get('location')).toBe(after);
    const image = await server.fetch(after);
    expect((await sharp(Buffer.from(await image.arrayBuffer())).metadata()).width).toBe(1200);
  });
});
