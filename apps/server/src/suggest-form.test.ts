/**
 * The "suggest an update" form over real HTTP, as a browser without
 * JavaScript uses it: GET shows the form prefilled (never stored by the
 * response cache: it carries a one-time token), a bad POST re-renders with
 * the typed values and each error beside its field in the page's language and
 * stores nothing, a good POST answers 303 and stores an unconfirmed suggestion
 * without moving any data scope. Needs the built site (`pnpm --filter @cos/web build`).
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

/** A form token as if the form had been shown ten seconds ago: past the minimum fill time. */
const tokenShownEarlier = () => formTokenShown(server.handle);

/**
 * A form post as the browser sends it from the public origin: Host and Origin
 * agree (as behind the proxy). node:http, because fetch will not set Host.
 */
function post(
  path: string,
  fields: Record<string, string | string[]>,
): Promise<{ status: number; location: string | undefined; text: () => Promise<string> }> {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
  }
  const url = new URL(path, server.baseUrl);
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          origin: server.origin,
          host: new URL(server.origin).host,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: response.statusCode ?? 0,
            location: response.headers.location,
            text: () => Promise.resolve(text),
          });
        });
      },
    );
    request.on('error', reject);
    request.end(body.toString());
  });
}

const scopes = () => server.handle.sqlite.prepare('SELECT * FROM data_scopes ORDER BY name').all();
const stored = () =>
  server.handle.sqlite.prepare('SELECT count(*) FROM update_suggestions').pluck().get() as number;

/** The fields the form shows, as it shows them (text inputs, textareas, selected option). */
function formFields(html: string): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = {};
  fields.areaIds = [...html.matchAll(/name="areaIds" value="(\d+)" checked/g)].map((m) => m[1]!);
  for (const m of html.matchAll(
    /<input type="(?:text|url|email|hidden)"[^>]*?name="(\w+)"[^>]*?value="([^"]*)"/g,
  ))
    fields[m[1]!] = m[2]!.replaceAll('&amp;', '&');
  for (const m of html.matchAll(/<textarea[^>]*name="(\w+)"[^>]*>([^<]*)<\/textarea>/g))
    fields[m[1]!] = m[2]!;
  const place = /<select[^>]*name="place"[\s\S]*?<option value="([^"]+)" selected/.exec(html);
  if (place) fields.place = place[1]!;
  return fields;
}

describe('suggest an update without JavaScript', () => {
  const path = '/medlemmar/ericsson/foresla-andring';

  it('shows the form prefilled, never stored for the next visitor', async () => {
    const first = await server.fetch(path);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toContain('no-store');
    const html = await first.text();
    const fields = formFields(html);
    expect(fields.name).toBe('Ericsson');
    expect(fields.formToken).toMatch(/^\d+\./);
    const again = await server.fetch(path);
    expect(again.headers.get('x-cache')).not.toBe('hit');
    expect(formFields(await again.text()).formToken).not.toBe(fields.formToken);
  });

  it('a bad post re-renders with what was typed and the Swedish errors beside the fields', async () => {
    const before = scopes();
    const fields = formFields(await (await server.fetch(path)).text());
    const response = await post(path, {
      ...fields,
      name: 'Ericsson Nytt Namn',
      senderName: 'Eva Ek',
      senderEmail: 'inte-en-adress',
      formToken: tokenShownEarlier(),
    });
    const html = await response.text();
    expect(response.status, html.slice(0, 3000)).toBe(400);
    expect(html).toContain('value="Ericsson Nytt Namn"');
    expect(html).toContain('value="inte-en-adress"');
    expect(html).toMatch(/id="senderEmail-error">\s*E-postadressen är inte giltig/);
    expect(html).toMatch(/id="consent-error">\s*Kryssa i rutan/);
    expect(stored()).toBe(0);
    expect(scopes()).toEqual(before);
  });

  it('no change is refused with a clear message; a good post answers 303 and stores it unconfirmed', async () => {
    const before = scopes();
    const fields = formFields(await (await server.fetch(path)).text());
    const sender = {
      senderName: 'Eva Ek',
      senderEmail: 'eva.ek@example.se',
      consent: 'yes',
    };
    const same = await post(path, { ...fields, ...sender, formToken: tokenShownEarlier() });
    expect(same.status).toBe(400);
    expect(await same.text()).toContain('Inget har ändrats');
    expect(stored()).toBe(0);

    const sent = await post(path, {
      ...fields,
      ...sender,
      website: 'https://www.ericsson.example',
      formToken: tokenShownEarlier(),
    });
    expect(sent.status).toBe(303);
    expect(sent.location).toBe(`${path}?skickat=1`);
    expect(stored()).toBe(1);
    expect(scopes()).toEqual(before);
    const thanks = await server.fetch(`${path}?skickat=1`);
    expect(await thanks.text()).toContain('Tack! Bekräfta ditt förslag');
  });

  it('the English page answers in English', async () => {
    const en = '/en/clusters/opentech/suggest-update';
    const fields = formFields(await (await server.fetch(en)).text());
    const response = await post(en, {
      ...fields,
      senderName: 'Eve',
      senderEmail: 'eve@example.com',
      consent: 'yes',
      formToken: tokenShownEarlier(),
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('Nothing was changed');
  });
});
