/**
 * The image upload route and the media files it makes, over real HTTP: who
 * may upload, what is refused (with a coded message naming the field, and
 * nothing stored), and how the files are served (type, year-long immutable
 * caching, ETag and 304).
 */
import { readdirSync } from 'node:fs';
import { testImage } from '@cos/api/test-images';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, EDITOR, cookieHeader, startTestServer, type TestServer } from './test-server';

let server: TestServer;
let adminCookie = '';
let editorCookie = '';
const mediaDir = () => `${server.handle.path}.media`;
const stored = () => {
  try {
    return readdirSync(mediaDir()).length;
  } catch {
    return 0;
  }
};
const rows = () =>
  (server.handle.sqlite.prepare('SELECT count(*) AS n FROM images').get() as { n: number }).n;

async function signIn(account: { email: string; password: string }) {
  const response = await server.fetch('/api/auth/sign-in/email', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.origin },
    body: JSON.stringify(account),
  });
  return cookieHeader(response);
}

beforeAll(async () => {
  server = await startTestServer();
  adminCookie = await signIn(ADMIN);
  editorCookie = await signIn(EDITOR);
});
afterAll(() => server.close());

const upload = (body: Uint8Array | string, headers: Record<string, string> = {}, field = 'logo') =>
  server.fetch(`/api/admin/images?field=${field}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/octet-stream',
      cookie: adminCookie,
      origin: server.origin,
      ...headers,
    },
    // A copy on its own ArrayBuffer: fetch's BodyInit takes no SharedArrayBuffer-backed view.
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });

interface Refusal {
  message: string;
  field: string;
  messageCode: string;
  messageParams: Record<string, unknown>;
}

describe('POST /api/admin/images', () => {
  it('stores a PNG (sent as "image/jpeg": the bytes decide) and serves its widths', async () => {
    const png = await testImage({ width: 500, height: 250 });
    const response = await upload(png, { 'content-type': 'image/jpeg' });
    expect(response.status).toBe(201);
    const info = (await response.json()) as { hash: string; type: string; widths: number[] };
    expect(info).toMatchObject({ type: 'image/png', width: 500, height: 250 });
    expect(info.widths).toEqual([96, 192, 384, 500]);
    expect(rows()).toBe(1);

    const media = await server.fetch(`/media/${info.hash}-192.webp`);
    expect(media.status).toBe(200);
    expect(media.headers.get('content-type')).toBe('image/webp');
    expect(media.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(media.headers.get('x-content-type-options')).toBe('nosniff');
    const body = new Uint8Array(await media.arrayBuffer());
    expect(String.fromCharCode(...body.subarray(8, 12))).toBe('WEBP');
    expect(Number(media.headers.get('content-length'))).toBe(body.length);

    const etag = media.headers.get('etag') ?? '';
    expect(etag).toBe(`"${info.hash}-192"`);
    const again = await server.fetch(`/media/${info.hash}-192.webp`, {
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);

    // The same bytes again: the same image, nothing new stored.
    const files = stored();
    const repeat = await upload(png);
    expect(repeat.status).toBe(200);
    expect(((await repeat.json()) as { hash: string }).hash).toBe(info.hash);
    expect(stored()).toBe(files);

    // The editor's preview reads the description.
    const described = await server.fetch(`/api/admin/images/${info.hash}`, {
      headers: { cookie: editorCookie },
    });
    expect(described.status).toBe(200);
    expect(await described.json()).toMatchObject({ hash: info.hash, widths: info.widths });
  });

  it('lets an editor upload too (the record update decides where it may go)', async () => {
    const response = await upload(
      await testImage({ format: 'webp', colour: { r: 1, g: 2, b: 3 } }),
      {
        cookie: editorCookie,
      },
    );
    expect(response.status).toBe(201);
  });

  it('refuses anonymous and cross-site uploads before reading them, storing nothing', async () => {
    const before = [stored(), rows()];
    const png = await testImage({ colour: { r: 200, g: 0, b: 0 } });
    const anonymous = await upload(png, { cookie: '' });
    expect(anonymous.status).toBe(401);
    const crossSite = await upload(png, { origin: 'http://evil.example' });
    expect(crossSite.status).toBe(403);
    const fetchSite = await upload(png, { 'sec-fetch-site': 'cross-site' });
    expect(fetchSite.status).toBe(403);
    expect([stored(), rows()]).toEqual(before);
  });

  it('refuses a file over 10 MB with 413 and a message naming the field', async () => {
    const before = [stored(), rows()];
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    const response = await upload(big, {}, 'coverImage');
    expect(response.status).toBe(413);
    const body = (await response.json()) as Refusal;
    expect(body).toMatchObject({
      message: 'Cover image: the file is larger than 10 MB',
      field: 'coverImage',
      messageCode: 'image.tooLarge',
      messageParams: { label: 'coverImage', maxMb: 10 },
    });
    expect([stored(), rows()]).toEqual(before);
  });

  it('refuses a text file named .png, SVG and a damaged image with 400, storing nothing', async () => {
    const before = [stored(), rows()];
    const cases: [Uint8Array | string, string, string, RegExp][] = [
      ['just some text', 'image/png', 'image.type', /^Logo: the file is not a PNG, JPEG or WebP/],
      ['<svg xmlns="http://www.w3.org/2000/svg"/>', 'image/svg+xml', 'image.svg', /SVG files/],
      [(await testImage()).subarray(0, 200), 'image/png', 'image.unreadable', /damaged/],
    ];
    for (const [body, type, code, message] of cases) {
      const response = await upload(body, { 'content-type': type });
      expect(response.status).toBe(400);
      const refusal = (await response.json()) as Refusal;
      expect(refusal).toMatchObject({ field: 'logo', messageCode: code });
      expect(refusal.message).toMatch(message);
    }
    expect([stored(), rows()]).toEqual(before);
  });
});

describe('GET /media', () => {
  it('answers 404 for names that are not a stored width, and never leaves the folder', async () => {
    for (const name of ['nope.webp', `${'a'.repeat(64)}-96.webp`, '..%2Ftest.db', 'x-96.png']) {
      const response = await server.fetch(`/media/${name}`);
      expect(response.status, name).toBe(404);
    }
  });
});
