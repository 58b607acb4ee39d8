/// <reference lib="dom" />
/**
 * "Föreslå ändring / Suggest an update" in Chromium against the real
 * platform (no SMTP_URL: mail stays in mail_outbox): from a member page with
 * JavaScript off in Swedish and from a cluster page with JavaScript on in
 * English — a too-fast or incomplete form is refused with the errors beside
 * the fields and what was typed kept; a good one is thanked for; the sender
 * confirms through the link the mail carries; then the member's cluster
 * editor applies it in the admin from the difference table and an
 * administrator the cluster's. axe finds nothing on the form (both states)
 * and on the admin difference page.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../browser';
import {
  accessibilityProblems,
  ADMIN,
  EDITOR,
  openSignedIn,
  startAdminHarness,
  type AdminHarness,
} from '../admin/support';

let h: AdminHarness;

beforeAll(async () => {
  h = await startAdminHarness({ demo: 5 });
});
afterAll(async () => {
  await h?.close();
});

async function publicPage(javaScriptEnabled: boolean, locale: 'sv-SE' | 'en-GB'): Promise<Page> {
  const context = await h.browser.newContext({ javaScriptEnabled, locale });
  return context.newPage();
}

/** Waits until the form on the page has been shown longer than the minimum fill time (3 s). */
async function pastMinimumFillTime(page: Page): Promise<void> {
  const token = await page.locator('input[name="formToken"]').inputValue();
  const shown = Number(token.split('.')[0]);
  await expect
    .poll(() => Date.now() - shown, { timeout: 10_000, interval: 200 })
    .toBeGreaterThan(3_200);
}

/** The confirmation link of the newest mail to `to`, opened and followed as the sender does. */
async function confirmThroughMail(page: Page, to: string): Promise<void> {
  const [mail] = h.query<{ text: string }>(
    `SELECT text FROM mail_outbox WHERE "to" = ? AND kind = 'suggestion-confirm' ORDER BY id DESC LIMIT 1`,
    to,
  );
  const link = mail?.text.match(/https?:\/\/\S+token=[\w-]+/)?.[0];
  expect(link, 'a confirmation link in the mail').toBeTruthy();
  const url = new URL(link!);
  await page.goto(`${h.origin}${url.pathname}${url.search}`);
  // The shared confirmation page confirms on a button press (a link preview must not confirm).
  const button = page.getByRole('button', { name: /Bekräfta|Confirm/ });
  if (await button.count()) await button.first().click();
  const shown = await page.locator('main').innerText();
  await expect
    .poll(
      () =>
        h.query<{ status: string }>(
          'SELECT status FROM update_suggestions WHERE sender_email = ?',
          to,
        )[0]?.status,
      { message: `the confirmation page said: ${shown}` },
    )
    .toBe('new');
}

describe('suggest an update', () => {
  it('sv, JavaScript off: a member page, refusals beside the fields, thanks, confirmation by mail', async () => {
    const page = await publicPage(false, 'sv-SE');
    await page.goto(`${h.origin}/medlemmar/ericsson`);
    await page.getByRole('link', { name: 'Föreslå ändring' }).click();
    await page.getByRole('heading', { level: 1, name: 'Föreslå ändring: Ericsson' }).waitFor();
    expect(await page.getByLabel('Namn', { exact: true }).inputValue()).toBe('Ericsson');

    // Sent at once, with a bad address and no consent: refused, typed values kept.
    await page.getByLabel('Namn', { exact: true }).fill('Ericsson Sverige AB');
    await page.getByLabel('Ditt namn').fill('Eva Ek');
    await page.getByLabel('Din e-postadress').fill('inte-en-adress');
    await page.getByRole('button', { name: 'Skicka förslaget' }).click();
    await page.getByRole('heading', { name: 'Förslaget kunde inte skickas' }).waitFor();
    expect(await page.locator('#senderEmail-error').innerText()).toContain(
      'E-postadressen är inte giltig',
    );
    expect(await page.locator('#consent-error').innerText()).toContain('Kryssa i rutan');
    expect(await page.getByLabel('Namn', { exact: true }).inputValue()).toBe('Ericsson Sverige AB');
    expect(h.query('SELECT id FROM update_suggestions')).toEqual([]);

    await page.getByLabel('Din e-postadress').fill('eva.ek@example.se');
    await page.getByLabel(/Jag godkänner/).check();
    await pastMinimumFillTime(page);
    await page.getByRole('button', { name: 'Skicka förslaget' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tack! Bekräfta ditt förslag' }).waitFor();
    await confirmThroughMail(page, 'eva.ek@example.se');
    await page.context().close();
  });

  it('en, JavaScript on: a cluster page, confirmed by mail', async () => {
    const page = await publicPage(true, 'en-GB');
    await page.goto(`${h.origin}/en/clusters/opentech`);
    await page.getByRole('link', { name: 'Suggest an update' }).click();
    await page.getByRole('heading', { level: 1, name: /^Suggest an update: / }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // Sent at once without changing anything: refused, in English, beside nothing but the form.
    await page.getByLabel('Your name').fill('Sam Smith');
    await page.getByLabel('Your e-mail address').fill('sam@example.com');
    await page.getByRole('button', { name: 'Send the suggestion' }).click();
    await page.getByRole('heading', { name: 'The suggestion could not be sent' }).waitFor();
    expect(await page.locator('#consent-error').innerText()).toContain('Tick the box');
    expect(await page.getByLabel('Your name').inputValue()).toBe('Sam Smith');
    // The form with its errors shown: axe (needs scripts, so here rather than with JavaScript off).
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Website').fill('https://opentech.example');
    await page.getByLabel(/I agree/).check();
    await pastMinimumFillTime(page);
    await page.getByRole('button', { name: 'Send the suggestion' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Thank you! Confirm your suggestion' })
      .waitFor();
    await confirmThroughMail(page, 'sam@example.com');
    await page.context().close();
  });

  it("the member's cluster editor applies it from the difference table; an admin the cluster's", async () => {
    const { page, errors } = await h.newPage();
    await openSignedIn(page, h.origin, '/suggestions', EDITOR);
    await page.getByRole('heading', { level: 1, name: 'Ändringsförslag' }).waitFor();
    // The editor sees the member's suggestion, not the cluster's (that is for administrators).
    await page.locator('tbody tr').first().waitFor();
    expect(await page.locator('tbody tr').count()).toBe(1);
    await page.getByRole('link', { name: /Medlem: Ericsson/ }).click();
    await page.getByRole('table', { name: /Nuvarande och föreslagna värden/ }).waitFor();
    const row = page.getByRole('row', { name: /Namn/ });
    expect(await row.innerText()).toContain('Ericsson Sverige AB');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.getByRole('button', { name: 'För in valda fält' }).click();
    await page.getByText('Förslaget är infört.').first().waitFor();
    expect(h.query("SELECT name FROM members WHERE slug = 'ericsson'")).toEqual([
      { name: 'Ericsson Sverige AB' },
    ]);
    const [audit] = h.query<{ note: string | null }>(
      "SELECT note FROM audit_log WHERE entity = 'member' ORDER BY id DESC LIMIT 1",
    );
    expect(audit?.note).toMatch(/^suggestion #\d+ by Eva Ek$/);
    expect(errors).toEqual([]);

    const admin = await h.newPage();
    await openSignedIn(admin.page, h.origin, '/suggestions', ADMIN);
    await admin.page.getByRole('link', { name: /Kluster: / }).click();
    await admin.page.getByRole('button', { name: 'För in valda fält' }).click();
    await admin.page.getByText('Förslaget är infört.').first().waitFor();
    expect(h.query("SELECT website FROM clusters WHERE slug = 'opentech'")).toEqual([
      { website: 'https://opentech.example' },
    ]);
  });
});
