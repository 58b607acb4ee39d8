/**
 * Personal data in a real browser: the privacy page in both languages works
 * without JavaScript at 320 px and 1280 px, passes axe, sets no cookie and is
 * linked from every page's footer; the admin's "Personuppgifter" screen finds
 * what is stored about an address (whatever its case), downloads it as JSON
 * and erases it after an explicit confirmation; editors cannot reach it.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessibilityProblems,
  adminUrl,
  EDITOR,
  openSignedIn,
  screenshotScreen,
  startAdminHarness,
  type AdminHarness,
} from './support';

let h: AdminHarness;

beforeAll(async () => {
  h = await startAdminHarness({ demo: 10 });
});
afterAll(async () => {
  await h?.close();
});

const PRIVACY = {
  sv: { path: '/integritet', h1: 'Så hanterar vi personuppgifter', footer: 'Personuppgifter' },
  en: { path: '/en/privacy', h1: 'How we handle personal data', footer: 'Personal data' },
} as const;

describe.each(['sv', 'en'] as const)('the privacy page in %s', (locale) => {
  const { path, h1, footer } = PRIVACY[locale];

  it.each([320, 1280])(
    'works without JavaScript at %i px, and axe finds nothing',
    async (width) => {
      const context = await h.browser.newContext({
        javaScriptEnabled: false,
        viewport: { width, height: 900 },
      });
      try {
        const page = await context.newPage();
        const foreign: string[] = [];
        page.on('request', (r) => {
          if (!r.url().startsWith(h.origin)) foreign.push(r.url());
        });
        const response = await page.goto(h.origin + path);
        expect(response?.status()).toBe(200);
        // Nothing about the visitor is kept: the page sets no cookie.
        expect(response?.headers()['set-cookie']).toBeUndefined();
        expect(await context.cookies()).toEqual([]);
        expect(await page.getAttribute('html', 'lang')).toBe(locale);
        expect((await page.locator('h1').textContent())?.trim()).toBe(h1);
        // It states the period the job uses and points to the contact route that exists.
        await expect(page.locator('main').textContent()).resolves.toMatch(/12 (månader|months)/);
        const contact = page.locator('main a[href$="/kontakt"], main a[href$="/en/contact"]');
        expect(await contact.count()).toBeGreaterThan(0);
        const contactHref = (await contact.first().getAttribute('href')) ?? '';
        expect((await page.request.get(h.origin + contactHref)).status()).toBe(200);
        // Nothing wider than the screen.
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow).toBeLessThanOrEqual(0);
        expect(foreign).toEqual([]);
      } finally {
        await context.close();
      }
      // axe runs as a script in the page: the same page, the same width, with JavaScript on.
      const checked = await h.browser.newContext({ viewport: { width, height: 900 } });
      try {
        const page = await checked.newPage();
        await page.goto(h.origin + path);
        expect(await accessibilityProblems(page)).toEqual([]);
      } finally {
        await checked.close();
      }
    },
  );

  it('is linked from the footer of other pages', async () => {
    const context = await h.browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(h.origin + (locale === 'sv' ? '/medlemmar' : '/en/members'));
      const link = page.locator('footer').getByRole('link', { name: footer, exact: true });
      expect(await link.getAttribute('href')).toBe(path);
      await link.click();
      expect(new URL(page.url()).pathname).toBe(path);
    } finally {
      await context.close();
    }
  });
});

describe('the personal-data screen', () => {
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    // The editor signs in once, so there is an account, a session and a sign-in address to find.
    const editor = await h.newPage();
    await openSignedIn(editor.page, h.origin, '/', EDITOR);
    // An editor neither sees the screen in the menu nor gets anything from it.
    expect(await editor.page.getByRole('link', { name: 'Personuppgifter' }).count()).toBe(0);
    await editor.page.goto(adminUrl(h.origin, '/personal-data'));
    await editor.page.getByRole('alert').waitFor();
    expect(await editor.page.getByLabel('E-postadress').count()).toBe(0);
    const refused = await editor.page.request.post(`${h.origin}/trpc/personalData.export`, {
      data: { email: EDITOR.email },
      headers: { origin: h.origin },
    });
    expect(refused.status()).toBe(403);
    await editor.context.close();

    ({ page, errors } = await h.newPage());
    await openSignedIn(page, h.origin, '/');
    await page.getByRole('link', { name: 'Personuppgifter' }).click();
    await page.getByRole('heading', { name: 'Personuppgifter', level: 1 }).waitFor();
  });

  it('names the field when the address is not one', async () => {
    await page.getByLabel('E-postadress').fill('inte en adress');
    await page.getByRole('button', { name: 'Visa vad som finns sparat' }).click();
    await expect(page.getByRole('alert').first().textContent()).resolves.toMatch(/E-postadress/);
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('shows what is stored, whatever the case, and downloads it as JSON', async () => {
    await page.getByLabel('E-postadress').fill(EDITOR.email.toUpperCase());
    await page.getByRole('button', { name: 'Visa vad som finns sparat' }).click();
    const heading = page.getByRole('heading', { name: `Sparat om ${EDITOR.email}` });
    await heading.waitFor();
    await expect(page.locator('.parts').textContent()).resolves.toMatch(
      /Konto, inloggningar och inloggningsspärrar/,
    );
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshotScreen(page, 'personal-data');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Ladda ner som JSON' }).click(),
    ]);
    const file = await download.path();
    const document = JSON.parse(readFileSync(file, 'utf8')) as {
      email: string;
      data: { accounts: { account: { email: string } | null; sessions: unknown[] } };
    };
    expect(document.email).toBe(EDITOR.email);
    expect(document.data.accounts.account?.email).toBe(EDITOR.email);
    expect(document.data.accounts.sessions.length).toBeGreaterThan(0);
  });

  it('erases only after the confirmation is ticked', async () => {
    const erase = page.getByRole('button', { name: 'Radera allt' });
    expect(await erase.isDisabled()).toBe(true);
    expect(h.query('SELECT id FROM users WHERE email = ?', EDITOR.email)).toHaveLength(1);
    await page.getByLabel(`Jag förstår att allt om ${EDITOR.email} raderas för gott`).check();
    await erase.click();
    // The screen's own notice (the announcement for screen readers says the same).
    await expect(page.locator('p.notice').textContent()).resolves.toMatch(
      new RegExp(`Raderat: \\d+ rader om ${EDITOR.email.replace('.', '\\.')}`),
    );
    expect(h.query('SELECT id FROM users WHERE email = ?', EDITOR.email)).toEqual([]);
    expect(
      h.query('SELECT 1 FROM sign_in_known_addresses WHERE account = ?', EDITOR.email),
    ).toEqual([]);
    // Audited once, without the address.
    const entries = h.query<{ after: string }>(
      "SELECT after FROM audit_log WHERE entity = 'personal-data' AND action = 'erase'",
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]?.after).not.toContain('@');
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
