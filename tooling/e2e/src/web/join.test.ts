/// <reference lib="dom" />
/**
 * "Bli medlem / Become a member" in Chromium against the real platform (no
 * SMTP_URL: mail stays in mail_outbox): with JavaScript off in Swedish and on
 * in English — a too-fast, incomplete form is refused with the errors beside
 * the fields, summed up at the top, and what was typed kept; a good one says
 * "check your e-mail"; the applicant confirms through the link in the mail
 * (a button press, not the link's GET); then the cluster's editor finds it
 * unread in the admin, accepts one (a draft member with the membership) and
 * declines the other with a reason. "Which cluster fits us?" suggests
 * clusters and links to their forms. axe finds nothing on the form (with
 * and without errors), the guide and the admin inbox and request page.
 */
import { openDatabase } from '@cos/db';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../browser';
import {
  accessibilityProblems,
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

const statusOf = (email: string) =>
  h.query<{ status: string }>('SELECT status FROM join_requests WHERE email = ?', email)[0]?.status;

/** Opens the link of the confirmation mail to `to` and presses the button, as the applicant does. */
async function confirmThroughMail(page: Page, to: string, button: string): Promise<void> {
  const [mail] = h.query<{ text: string }>(
    `SELECT text FROM mail_outbox WHERE "to" = ? AND kind = 'join.confirm' ORDER BY id DESC LIMIT 1`,
    to,
  );
  const link = /https?:\/\/\S+token=[\w-]+/.exec(mail?.text ?? '')?.[0];
  expect(link, 'a confirmation link in the mail').toBeTruthy();
  const url = new URL(link ?? '');
  await page.goto(`${h.origin}${url.pathname}${url.search}`);
  // Opening the link confirms nothing (a mail scanner does that much).
  expect(statusOf(to)).toBe('unconfirmed');
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: /confirmed|bekräftad/ }).waitFor();
  await expect.poll(() => statusOf(to), { timeout: 10_000 }).toBe('new');
}

describe('apply to join', () => {
  it('sv, JavaScript off: refusals beside the fields, values kept, check your e-mail, confirmed', async () => {
    const page = await publicPage(false, 'sv-SE');
    await page.goto(`${h.origin}/kluster/opentech/bli-medlem`);
    await page.getByRole('heading', { level: 1, name: /^Bli medlem i / }).waitFor();

    // Sent at once, with a bad organisation number and e-mail and no consent.
    await page.getByLabel('Organisationens namn').fill('Skånsk Testteknik AB');
    await page.getByLabel(/^Organisationsnummer/).fill('556012-5791');
    await page.getByLabel('Namn', { exact: true }).fill('Tove Test');
    await page.getByLabel('E-postadress').fill('inte-en-adress');
    await page.getByRole('button', { name: 'Skicka ansökan' }).click();
    await page.getByRole('heading', { name: 'Ansökan kunde inte skickas' }).waitFor();
    expect(await page.locator('#organisationNumber-error').innerText()).toContain('kontrollsiffra');
    expect(await page.locator('#email-error').innerText()).toContain(
      'E-postadressen är inte giltig',
    );
    expect(await page.locator('#consent-error').innerText()).toContain('samtycka');
    // The summary at the top links to each field.
    expect(await page.locator('#form-errors a[href="#email"]').count()).toBe(1);
    expect(await page.getByLabel('Organisationens namn').inputValue()).toBe('Skånsk Testteknik AB');
    expect(h.query('SELECT id FROM join_requests')).toEqual([]);

    await page.getByLabel(/^Organisationsnummer/).fill('556012-5790');
    await page.getByLabel('E-postadress').fill('tove@testteknik.se');
    await page.getByLabel('Kommun').selectOption({ label: 'Malmö' });
    await page.getByLabel('Tech').check();
    await page.getByLabel(/Jag godkänner/).check();
    await pastMinimumFillTime(page);
    await page.getByRole('button', { name: 'Skicka ansökan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kolla din e-post' }).waitFor();
    expect(statusOf('tove@testteknik.se')).toBe('unconfirmed');
    await confirmThroughMail(page, 'tove@testteknik.se', 'Bekräfta');
    await page.getByRole('heading', { name: /din e-postadress är bekräftad/ }).waitFor();
    await page.context().close();
  });

  it('en, JavaScript on: the guide suggests clusters, the form is sent and confirmed', async () => {
    const page = await publicPage(true, 'en-GB');
    await page.goto(`${h.origin}/en/join`);
    await page.getByRole('heading', { level: 1, name: 'Which cluster fits us?' }).waitFor();
    await page.getByLabel('Tech').check();
    await page.getByRole('button', { name: 'Show suggestions' }).click();
    await page.getByRole('heading', { name: 'Clusters that fit' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const first = page.locator('.join-suggestions li').first();
    expect(await first.innerText()).toContain('Works with: Tech');
    await first.getByRole('link', { name: /^Apply to / }).click();
    await page.getByRole('heading', { level: 1, name: /^Join / }).waitFor();
    // The rest goes to OpenTech's form, whose editor decides below.
    await page.goto(`${h.origin}/en/clusters/opentech/join`);
    await page.getByRole('heading', { level: 1, name: /^Join / }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Organisation name').fill('Test Company Ltd');
    await page.getByLabel('E-mail address').fill('sam@testcompany.example');
    await page.getByRole('button', { name: 'Send the request' }).click();
    await page.getByRole('heading', { name: 'The request could not be sent' }).waitFor();
    expect(await page.locator('#contactName-error').innerText()).toContain(
      'Contact name is required',
    );
    expect(await page.getByLabel('Organisation name').inputValue()).toBe('Test Company Ltd');
    // The form with its errors shown.
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Name', { exact: true }).fill('Sam Smith');
    await page.getByLabel('Message to the cluster (optional)').fill('We build test rigs.');
    await page.getByLabel(/I agree/).check();
    await pastMinimumFillTime(page);
    await page.getByRole('button', { name: 'Send the request' }).click();
    await page.getByRole('heading', { level: 1, name: 'Check your e-mail' }).waitFor();
    await confirmThroughMail(page, 'sam@testcompany.example', 'Confirm');
    await page.context().close();
  });

  it("the cluster's editor sees them unread, accepts one and declines the other", async () => {
    const { page, errors } = await h.newPage();
    await openSignedIn(page, h.origin, '/', EDITOR);
    await page.getByRole('heading', { name: 'Medlemsansökningar' }).waitFor();
    await page
      .getByText(/olästa ansökningar/)
      .first()
      .waitFor();
    await page.getByRole('link', { name: /^Förfrågningar/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Medlemsansökningar' }).waitFor();
    await page.getByRole('link', { name: 'Skånsk Testteknik AB' }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);

    await page.getByRole('link', { name: 'Skånsk Testteknik AB' }).click();
    await page.getByRole('heading', { level: 2, name: 'Skånsk Testteknik AB' }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    // Someone else changes the request meanwhile: the step is refused as a conflict, then reloaded.
    const other = openDatabase({ url: h.platform.databasePath });
    other.sqlite
      .prepare("UPDATE join_requests SET version = version + 1 WHERE email = 'tove@testteknik.se'")
      .run();
    other.close();
    await page.getByRole('button', { name: 'Godkänn och skapa medlem' }).click();
    await page.getByText(/Någon annan har ändrat ansökan/).waitFor();
    expect(statusOf('tove@testteknik.se')).toBe('read');
    await page.getByRole('button', { name: 'Ladda om' }).click();
    await page.getByRole('button', { name: 'Godkänn och skapa medlem' }).click();
    await page.getByText('Ansökan är godkänd.').first().waitFor();
    expect(
      h.query(
        `SELECT m.status, ms.cluster_id = r.cluster_id AS inCluster FROM join_requests r
         JOIN members m ON m.id = r.member_id JOIN memberships ms ON ms.member_id = m.id
         WHERE r.email = 'tove@testteknik.se'`,
      ),
    ).toEqual([{ status: 'draft', inCluster: 1 }]);
    await expect
      .poll(
        () =>
          h.query(`SELECT kind FROM mail_outbox WHERE "to" = 'tove@testteknik.se' ORDER BY id`)
            .length,
      )
      .toBe(2);

    await page.goto(`${h.origin}/admin/requests?status=open`);
    await page.getByRole('link', { name: 'Test Company Ltd' }).click();
    await page.getByLabel('Skäl (skickas till sökanden)').fill('Vi tar bara in företag i Skåne.');
    await page.getByRole('button', { name: 'Avböj ansökan' }).click();
    await page.getByText('Ansökan är avböjd.').first().waitFor();
    expect(statusOf('sam@testcompany.example')).toBe('declined');
    expect(
      h.query(
        `SELECT decline_reason AS reason FROM join_requests WHERE email = 'sam@testcompany.example'`,
      ),
    ).toEqual([{ reason: 'Vi tar bara in företag i Skåne.' }]);
    expect(errors).toEqual([]);
  });
});
