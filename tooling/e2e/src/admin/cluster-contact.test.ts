/**
 * The cluster form's contact details in the admin: phone, addresses, contact
 * persons added, moved and removed with plain buttons, and the "become a
 * member" text and link. A wrong postcode or e-mail is shown next to its own
 * field and nothing is saved; once fixed, the save lands in the database in
 * the order shown and the public page shows it. axe finds nothing.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessibilityProblems,
  adminUrl,
  openSignedIn,
  startAdminHarness,
  type AdminHarness,
} from './support';

let h: AdminHarness;
let page: Page;
let errors: string[];

beforeAll(async () => {
  h = await startAdminHarness({ demo: 0 });
  ({ page, errors } = await h.newPage());
  await openSignedIn(page, h.origin, '/');
});
afterAll(async () => {
  await h?.close();
});

const opentechId = () =>
  h.query<{ id: number }>("SELECT id FROM clusters WHERE slug = 'opentech'")[0]?.id as number;

describe('the cluster form’s contact details', () => {
  it('are entered, checked per field, reordered and saved', async () => {
    const id = opentechId();
    await page.goto(adminUrl(h.origin, `/clusters/${id}`));
    await page.getByRole('heading', { name: /^Redigera / }).waitFor();
    await page.getByRole('heading', { name: 'Kontaktuppgifter' }).waitFor();
    expect(await page.getByText('Inga kontaktpersoner angivna.').count()).toBe(1);

    await page.locator('#cluster-phone').fill('046-12 34 56');
    await page.locator('#cluster-visitingAddress-street').fill('Scheelevägen 27');
    await page.locator('#cluster-visitingAddress-postcode').fill('2236');
    await page.locator('#cluster-visitingAddress-city').fill('Lund');
    for (const [name, email] of [
      ['Anna Andersson', 'anna@example.se'],
      ['Bo Berg', 'inte-en-adress'],
      ['Cia Ceder', 'cia@example.se'],
    ]) {
      await page.getByRole('button', { name: 'Lägg till kontaktperson' }).click();
      const n = await page.locator('.person-list > li').count();
      await page.locator(`#cluster-contact-${n - 1}-name`).fill(name!);
      await page.locator(`#cluster-contact-${n - 1}-email`).fill(email!);
    }
    await page.locator('#cluster-membershipText-sv').fill('Alla techföretag kan bli medlemmar.');
    await page.locator('#cluster-membershipUrl').fill('opentech.se/medlem');
    expect(await accessibilityProblems(page)).toEqual([]);

    const versionBefore = h.query<{ version: number }>(
      'SELECT version FROM clusters WHERE id = ?',
      id,
    )[0]?.version;
    await page.getByRole('button', { name: 'Spara', exact: true }).click();
    await page.locator('#cluster-visitingAddress-postcode-error').waitFor();
    expect(await page.locator('#cluster-visitingAddress-postcode-error').textContent()).toContain(
      'fem siffror',
    );
    expect(await page.locator('#cluster-contact-1-email-error').textContent()).toMatch(/e-post/i);
    expect(
      h.query<{ version: number }>('SELECT version FROM clusters WHERE id = ?', id)[0]?.version,
    ).toBe(versionBefore);
    expect(await accessibilityProblems(page)).toEqual([]);

    // Fix both; move Cia up above Bo, then remove Bo.
    await page.locator('#cluster-visitingAddress-postcode').fill('22363');
    await page.locator('#cluster-contact-1-email').fill('bo@example.se');
    await page.getByRole('button', { name: 'Flytta upp person 3' }).click();
    expect(await page.locator('#cluster-contact-1-name').inputValue()).toBe('Cia Ceder');
    await page.getByRole('button', { name: 'Ta bort person 3' }).click();
    expect(await page.locator('.person-list > li').count()).toBe(2);
    await page.getByRole('button', { name: 'Spara', exact: true }).click();
    await expect
      .poll(() => h.query<{ name: string }>('SELECT name FROM cluster_contacts ORDER BY position'))
      .toEqual([{ name: 'Anna Andersson' }, { name: 'Cia Ceder' }]);
    expect(
      h.query(
        'SELECT phone, visiting_postcode AS postcode, membership_url AS url FROM clusters WHERE id = ?',
        id,
      ),
    ).toEqual([{ phone: '046-12 34 56', postcode: '223 63', url: 'https://opentech.se/medlem' }]);

    const site = await page.context().newPage();
    await site.goto(`${h.origin}/kluster/opentech`);
    expect(await site.locator('#kontakt .contact-persons li strong').allTextContents()).toEqual([
      'Anna Andersson',
      'Cia Ceder',
    ]);
    await site.close();
    expect(errors).toEqual([]);
  });
});
