/// <reference lib="dom" />
/**
 * Contact details on the public site, with JavaScript off, in both languages:
 * a cluster page's "Kontakt / Contact" section (mailto:, tel:, addresses and
 * persons exactly as the admin entered them) and its "Bli medlem / Become a
 * member" section with the join link; a cluster with nothing entered saying
 * so; the /kontakt and /en/contact page listing every cluster, linked from the
 * footer and the accessibility statement; no sideways scrolling at 320 px or
 * 1280 px; and axe finding no WCAG 2.1 A/AA violations on these pages.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser } from '../browser';
import { startPlatform, type Platform } from '../platform';
import { adminCookie, mutate } from './site';

let platform: Platform;
let browser: Browser;

const CONTACT = {
  email: 'info@opentech.example',
  phone: '046-12 34 56',
  visitingAddress: { street: 'Ideon Gateway, Scheelevägen 27', postcode: '22363', city: 'Lund' },
  postalAddress: { street: 'Box 117', postcode: '221 00', city: 'Lund' },
  contactPersons: [
    { name: 'Anna Andersson', role: 'Verksamhetschef', email: 'anna@opentech.example' },
    {
      name: 'Bo Berg',
      role: 'Projektledare',
      email: 'bo@opentech.example',
      phone: '+46 70 123 45 67',
    },
  ],
  membershipText: {
    sv: 'Företag och organisationer inom tech kan bli medlemmar.',
    en: 'Tech companies and organisations can join.',
  },
  membershipUrl: 'https://opentech.se/medlemskap',
};

beforeAll(async () => {
  [platform, browser] = await Promise.all([startPlatform(), launchBrowser()]);
  const cookie = await adminCookie(platform.origin);
  const response = await fetch(`${platform.origin}/trpc/cluster.admin.list`, {
    headers: { cookie, origin: platform.origin },
  });
  const list = (await response.json()) as {
    result?: { data: { id: number; slug: string; version: number }[] };
  };
  const opentech = list.result?.data.find((c) => c.slug === 'opentech');
  if (!opentech) throw new Error(`no opentech: ${response.status} ${JSON.stringify(list)}`);
  await mutate(platform.origin, cookie, 'cluster.admin.update', {
    id: opentech.id,
    version: opentech.version,
    ...CONTACT,
  });
});

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

/** A page, by default with JavaScript off: everything here must work without it (axe needs it on). */
async function open(path: string, width = 1280, javaScriptEnabled = false): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled });
  const page = await context.newPage();
  const response = await page.goto(platform.origin + path);
  expect(response?.status()).toBe(200);
  return page;
}

const text = async (page: Page, selector: string) =>
  ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

const LOCALES = [
  {
    locale: 'sv',
    cluster: '/kluster/opentech',
    empty: '/kluster/packbridge',
    contact: '/kontakt',
    accessibility: '/tillganglighet',
    join: '/kluster/opentech/bli-medlem',
    words: {
      contact: 'Kontakt',
      membership: 'Bli medlem',
      visiting: 'Besöksadress',
      persons: 'Kontaktpersoner',
      none: 'Inga kontaktuppgifter angivna ännu — besök klustrets webbplats',
      join: 'Ansök om medlemskap i OpenTech',
    },
  },
  {
    locale: 'en',
    cluster: '/en/clusters/opentech',
    empty: '/en/clusters/packbridge',
    contact: '/en/contact',
    accessibility: '/en/accessibility',
    join: '/en/clusters/opentech/join',
    words: {
      contact: 'Contact',
      membership: 'Become a member',
      visiting: 'Visiting address',
      persons: 'Contact persons',
      none: 'No contact details given yet — visit the cluster’s website',
      join: 'Apply to join OpenTech',
    },
  },
] as const;

describe.each(LOCALES)('in $locale', (c) => {
  it('a cluster page shows its contact details as entered, and how to become a member', async () => {
    const page = await open(c.cluster);
    expect(await text(page, '#contact-heading')).toBe(c.words.contact);
    const contact = page.locator('#kontakt');
    expect(await contact.locator('a[href="mailto:info@opentech.example"]').count()).toBe(1);
    expect(await contact.locator('a[href="tel:+4646123456"]').textContent()).toBe('046-12 34 56');
    expect(await text(page, '#kontakt')).toContain(c.words.visiting);
    expect(await text(page, '#kontakt')).toContain('Ideon Gateway, Scheelevägen 27 223 63 Lund');
    expect(await text(page, '#kontakt')).toContain('Box 117 221 00 Lund');
    expect(await text(page, '#kontakt .contact-persons-heading')).toBe(c.words.persons);
    const persons = await page.$$eval('#kontakt .contact-persons li', (items) =>
      items.map((li) => li.textContent?.replace(/\s+/g, ' ').trim()),
    );
    expect(persons).toEqual([
      'Anna Andersson Verksamhetschef anna@opentech.example',
      'Bo Berg Projektledare bo@opentech.example +46 70 123 45 67',
    ]);
    expect(await contact.locator('a[href="tel:+46701234567"]').count()).toBe(1);

    expect(await text(page, '#membership-heading')).toBe(c.words.membership);
    expect(await text(page, '#bli-medlem .membership-text')).toBe(CONTACT.membershipText[c.locale]);
    expect(await page.locator('#bli-medlem a[href="https://opentech.se/medlemskap"]').count()).toBe(
      1,
    );
    const join = page.locator('#bli-medlem a.join-link');
    expect(await join.getAttribute('href')).toBe(c.join);
    expect((await join.textContent())?.trim()).toBe(c.words.join);

    // Structured data: the phone, the visiting address and the persons as ContactPoints.
    const ld = await page.$$eval('script[type="application/ld+json"]', (scripts) =>
      scripts.map((s) => JSON.parse(s.textContent ?? '{}') as Record<string, unknown>),
    );
    const organisation = ld.find((d) => d['@type'] === 'Organization');
    expect(organisation).toMatchObject({
      telephone: '046-12 34 56',
      address: { postalCode: '223 63', addressLocality: 'Lund' },
      contactPoint: [
        { '@type': 'ContactPoint', name: 'Anna Andersson' },
        { '@type': 'ContactPoint', name: 'Bo Berg' },
      ],
    });
    await page.context().close();
  });

  it('a cluster with nothing entered says so and points to its website, never a guess', async () => {
    const page = await open(c.empty);
    const empty = page.locator('#kontakt .contact-empty a');
    expect((await empty.textContent())?.trim()).toBe(c.words.none);
    expect(await empty.getAttribute('href')).toMatch(/^https:\/\/packbridge\.se/);
    expect(await page.locator('#kontakt a[href^="tel:"], #kontakt address').count()).toBe(0);
    expect(await page.locator('#bli-medlem a.join-link').getAttribute('href')).toBe(
      c.join.replace('opentech', 'packbridge'),
    );
    await page.context().close();
  });

  it('the contact page lists every cluster, and the footer and accessibility statement lead there', async () => {
    const page = await open(c.contact);
    expect(await text(page, 'h1')).toBe(c.words.contact);
    const names = await page.$$eval('.contact-list > li > h2', (hs) =>
      hs.map((h) => h.textContent?.trim()),
    );
    expect(names).toHaveLength(7);
    expect(names).toContain('OpenTech');
    const opentech = page.locator('.contact-list > li', { hasText: 'OpenTech' });
    expect(await opentech.locator('a[href="mailto:anna@opentech.example"]').count()).toBe(1);
    expect(await opentech.locator('a[href="tel:+4646123456"]').count()).toBe(1);
    // Media Evolution's visiting address is the one contact detail the sources give.
    const media = page.locator('.contact-list > li', { hasText: 'Media Evolution' });
    expect(await media.locator('address').first().textContent()).toContain('Stora Varvsgatan 6A');
    expect(await page.locator(`footer a[href="${c.contact}"]`).count()).toBe(1);
    await page.context().close();

    const statement = await open(c.accessibility);
    expect(await statement.locator(`main a[href="${c.contact}"]`).count()).toBe(1);
    await statement.context().close();
  });

  it.each([320, 1280])(
    'fits %i px without scrolling sideways, with no axe violations',
    async (width) => {
      for (const path of [c.contact, c.cluster]) {
        const page = await open(path, width, true);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - window.innerWidth,
        );
        expect(overflow, path).toBeLessThanOrEqual(0);
        expect(await axeViolations(page), path).toEqual([]);
        await page.context().close();
      }
    },
  );
});
