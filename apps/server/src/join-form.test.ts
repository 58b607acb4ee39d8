/**
 * The join form over real HTTP, as a browser without JavaScript uses it:
 * form-encoded POSTs to the page itself. A bad POST re-renders with the typed
 * values and each error beside its field, and stores nothing; a good one
 * answers 303 to "check your e-mail" and stores an unconfirmed request; a
 * cross-site POST gets the 403 page; the sixth submission from one address
 * gets the 429 page with Retry-After. The confirmation link's GET confirms
 * nothing; its button's POST does. Needs the built site.
 */
import { formTokenShown } from '@cos/api/test-forms';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './test-server';
import { webDistFolder } from './web-site';

let server: TestServer;

beforeAll(async () => {
  if (!webDistFolder())
    throw new Error('build the public site first: pnpm --filter @cos/web build');
  server = await startTestServer({ frontends: true });
}, 60_000);

afterAll(async () => {
  await server.close();
});

/** A token as if the form had been shown ten seconds ago. */
const tokenShownEarlier = () => formTokenShown(server.handle);

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/** A form post from the public origin (or, with `headers`, from elsewhere). node:http sets Host. */
function post(
  path: string,
  fields: Record<string, string | string[]>,
  headers: Record<string, string> = { origin: server.origin },
): Promise<Answer> {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
  }
  return new Promise((resolve, reject) => {
    const request = http.request(
      new URL(path, server.baseUrl),
      {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          host: new URL(server.origin).host,
          ...headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => {
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          });
        });
      },
    );
    request.on('error', reject);
    request.end(body.toString());
  });
}

const good = () => ({
  organisationName: 'Formföretaget AB',
  organisationNumber: '556012-5790',
  municipalityCode: '1280',
  website: 'https://formforetaget.se',
  areaIds: ['1'],
  contactName: 'Fia Form',
  email: 'fia@formforetaget.se',
  message: 'Hej!',
  consent: 'yes',
  formToken: tokenShownEarlier(),
  homepage: '',
});

const requests = () =>
  (server.handle.sqlite.prepare('SELECT count(*) AS n FROM join_requests').get() as { n: number })
    .n;

describe('the join form without JavaScript', () => {
  it('shows the form, never stored by the response cache', async () => {
    const first = await server.fetch('/kluster/opentech/bli-medlem');
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toContain('no-store');
    const html = await first.text();
    expect(html).toContain('name="formToken"');
    expect(html).toContain('name="homepage"');
    const second = await server.fetch('/kluster/opentech/bli-medlem');
    expect(second.headers.get('x-cache')).not.toBe('hit');
    expect((await server.fetch('/kluster/no-such/bli-medlem')).status).toBe(404);
  });

  it('re-renders a bad post with the values kept and errors by the fields, in the page language', async () => {
    const before = requests();
    const sv = await post('/kluster/opentech/bli-medlem', {
      ...good(),
      organisationNumber: '556012-5791',
      email: 'fia@',
      consent: '',
      message: 'x'.repeat(100_000),
    });
    expect(sv.status).toBe(400);
    expect(sv.text).toContain('Organisationsnumrets kontrollsiffra är fel');
    expect(sv.text).toContain('E-postadressen är inte giltig');
    expect(sv.text).toContain('Meddelandet får ha högst 5000 tecken');
    expect(sv.text).toContain('samtycka');
    expect(sv.text).toContain('value="Formföretaget AB"');
    expect(sv.text).toContain('href="#organisationNumber"');
    expect(sv.text).toMatch(/id="email-error"/);
    const en = await post('/en/clusters/opentech/join', { ...good(), website: 'not a url' });
    expect(en.status).toBe(400);
    expect(en.text).toContain('Web address must not contain spaces');
    const honeypot = await post('/kluster/opentech/bli-medlem', { ...good(), homepage: 'x' });
    expect(honeypot.status).toBe(400);
    expect(honeypot.text).toContain('automatiska inskick');
    const fast = await post('/kluster/opentech/bli-medlem', {
      ...good(),
      formToken: issueNow(),
    });
    expect(fast.status).toBe(400);
    expect(fast.text).toContain('för snabbt');
    expect(requests()).toBe(before);
  });

  it('stores a good post and answers 303 to "check your e-mail"', async () => {
    const before = requests();
    const sent = await post('/en/clusters/opentech/join', good());
    expect(sent.status).toBe(303);
    expect(sent.headers.location).toBe('/en/clusters/opentech/join?skickat=1');
    expect(requests()).toBe(before + 1);
    const page = await server.fetch(sent.headers.location ?? '');
    expect(await page.text()).toContain('Check your e-mail');
  });

  it('refuses a cross-site post with the 403 page', async () => {
    const before = requests();
    const evil = await post('/kluster/opentech/bli-medlem', good(), {
      origin: 'https://evil.example',
    });
    expect(evil.status).toBe(403);
    expect(evil.text).toContain('annan webbplats');
    const fetchSite = await post('/kluster/opentech/bli-medlem', good(), {
      'sec-fetch-site': 'cross-site',
    });
    expect(fetchSite.status).toBe(403);
    expect(requests()).toBe(before);
  });

  it('confirms on the button, not on the link', async () => {
    await post('/kluster/opentech/bli-medlem', { ...good(), email: 'link@formforetaget.se' });
    const mail = server.handle.sqlite
      .prepare(`SELECT text FROM mail_outbox WHERE "to" = 'link@formforetaget.se'`)
      .get() as { text: string };
    const link = /https?:\/\/\S+\/bekrafta\?token=[\w-]+/.exec(mail.text)?.[0] ?? '';
    expect(link).not.toBe('');
    const path = new URL(link).pathname + new URL(link).search;
    const token = new URL(link).searchParams.get('token') ?? '';
    const status = () =>
      (
        server.handle.sqlite
          .prepare(`SELECT status FROM join_requests WHERE email = 'link@formforetaget.se'`)
          .get() as { status: string }
      ).status;
    const shown = await server.fetch(path);
    expect(shown.status).toBe(200);
    expect(await shown.text()).toContain('<button type="submit">Bekräfta</button>');
    expect(status()).toBe('unconfirmed');
    const done = await post('/bekrafta', { token });
    expect(done.status).toBe(200);
    expect(done.text).toContain('din e-postadress är bekräftad');
    expect(status()).toBe('new');
    const again = await post('/bekrafta', { token });
    expect(again.status).toBe(400);
    expect(again.text).toContain('redan använts');
  });

  it('answers the sixth submission in ten minutes from one address with 429 and Retry-After', async () => {
    // The earlier tests spent some of this address's allowance: fill it up.
    const answers: Answer[] = [];
    for (let i = 0; i < 6; i++) answers.push(await post('/en/clusters/opentech/join', good()));
    const limited = answers.find((a) => a.status === 429);
    expect(limited).toBeDefined();
    if (!limited) return;
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.text).toContain('Try again in');
    expect(limited.headers['cache-control'] ?? '').toContain('no-store');
  });
});

/** A token issued just now: the form "sent" at once, faster than a person fills it in. */
const issueNow = () => formTokenShown(server.handle, 0);
