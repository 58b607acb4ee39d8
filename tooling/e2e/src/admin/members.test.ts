/**
 * Members in the admin: a bad organisation number is shown next to its field
 * and nothing is saved; fixed and published, the member is on the public API.
 * The list keeps search, filters and page in the URL, changes many members'
 * status at once, remembers the chosen columns and exports CSV.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessibilityProblems,
  adminUrl,
  openSignedIn,
  screenshotScreen,
  startAdminHarness,
  type AdminHarness,
} from './support';
import type { Page } from 'playwright-core';

let h: AdminHarness;
let page: Page;
let errors: string[];

beforeAll(async () => {
  h = await startAdminHarness({ demo: 80 });
  ({ page, errors } = await h.newPage());
  await openSignedIn(page, h.origin, '/');
});
afterAll(async () => {
  await h?.close();
});

/** A Swedish organisation number with a correct Luhn check digit that no member has. */
function freeOrganisationNumber(): string {
  for (let n = 5560_1000_0; ; n += 7) {
    const nine = String(n);
    let sum = 0;
    for (let i = 0; i < 9; i++) {
      let d = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
      if (d > 9) d -= 9;
      sum += d;
    }
    const number = `${nine.slice(0, 6)}-${nine.slice(6)}${(10 - (sum % 10)) % 10}`;
    if (h.query('SELECT 1 FROM members WHERE organisation_number = ?', number).length === 0)
      return number;
  }
}

const NAME = 'Provbolaget Öresundsteknik AB';
const countNamed = (name: string) =>
  h.query<{ n: number }>('SELECT count(*) AS n FROM members WHERE name = ?', name)[0]?.n ?? 0;

describe('member form', () => {
  it('shows a bad organisation number next to the field and saves nothing', async () => {
    await page.goto(adminUrl(h.origin, '/members/new'));
    await page.getByRole('textbox', { name: 'Namn', exact: true }).fill(NAME);
    const number = page.getByLabel('Organisationsnummer');
    await number.fill('556036-0794');
    await page.getByRole('button', { name: 'Skapa medlem' }).click();

    const error = page.locator('#member-organisationNumber-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('kontrollsiffra är fel');
    expect(await number.getAttribute('aria-invalid')).toBe('true');
    // The error summary lists it too, linking to the field.
    const summary = page.getByRole('alert').filter({ hasText: 'Formuläret har 1 fel' });
    await summary.waitFor();
    await summary.getByRole('link').click();
    expect(await number.evaluate((el) => el === document.activeElement)).toBe(true);

    expect(countNamed(NAME)).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshotScreen(page, 'member-form-errors');
  });

  it('fixed and published, the member appears on the public REST API', async () => {
    const orgnr = freeOrganisationNumber();
    await page.getByLabel('Organisationsnummer').fill(orgnr);
    await page
      .getByRole('textbox', { name: 'Svenska', exact: true })
      .fill('Mäter broar med laser.');
    await page
      .getByRole('textbox', { name: 'Engelska', exact: true })
      .fill('Measures bridges with lasers.');
    await page.getByRole('checkbox', { name: 'Tech', exact: true }).check();
    await page.getByLabel('Välj kluster att lägga till').selectOption({ label: 'OpenTech' });
    await page.getByRole('button', { name: 'Lägg till kluster' }).click();
    await page.getByLabel('Medlem i OpenTech sedan').fill('2024-02-01');
    await page.getByRole('radio', { name: 'Publicerad' }).check();
    await page.getByRole('button', { name: 'Skapa medlem' }).click();

    await page.waitForURL(/\/admin\/members\/\d+$/);
    await page.getByRole('heading', { name: `Redigera ${NAME}` }).waitFor();
    expect(countNamed(NAME)).toBe(1);
    const slug = await page.getByLabel('Slug (adress)').inputValue();
    expect(slug).toBe('provbolaget-oresundsteknik-ab');

    const response = await fetch(`${h.origin}/api/v1/members/${slug}`);
    expect(response.status).toBe(200);
    const member = (await response.json()) as {
      name: string;
      organisationNumber: string;
      clusters: { slug: string; since: string | null }[];
      areas: { slug: string }[];
    };
    expect(member).toMatchObject({ name: NAME, organisationNumber: orgnr });
    expect(member.clusters).toEqual([
      expect.objectContaining({ slug: 'opentech', since: '2024-02-01' }),
    ]);
    expect(member.areas.map((a) => a.slug)).toEqual(['tech']);
    expect(errors).toEqual([]);
  });

  it('saves with Ctrl+S and warns of a likely duplicate', async () => {
    await page.getByLabel('Webbplats').fill('provbolaget.se');
    await page.keyboard.press('Control+s');
    await page.getByText('Version 2').waitFor();
    expect(
      h.query<{ website: string }>('SELECT website FROM members WHERE name = ?', NAME)[0]?.website,
    ).toBe('https://provbolaget.se');

    await page.goto(adminUrl(h.origin, '/members/new'));
    await page
      .getByRole('textbox', { name: 'Namn', exact: true })
      .fill('Provbolaget Öresundsteknik');
    const warning = page.getByRole('status').filter({ hasText: 'Möjliga dubbletter' });
    await warning.waitFor();
    expect(await warning.getByRole('link', { name: NAME }).count()).toBe(1);
  });
});

describe('member list', () => {
  it('keeps search and filters in the URL, server-side', async () => {
    await page.goto(adminUrl(h.origin, '/members'));
    await page
      .getByRole('searchbox', { name: 'Sök på namn eller beskrivning' })
      .fill('Öresundsteknik');
    await page.waitForURL(/q=%C3%96resundsteknik/);
    await page.getByRole('link', { name: NAME }).waitFor();
    expect(await page.locator('table.data tbody tr').count()).toBe(1);

    await page.reload();
    await page.getByRole('link', { name: NAME }).waitFor();
    expect(await page.getByRole('searchbox').inputValue()).toBe('Öresundsteknik');

    await page.goto(adminUrl(h.origin, '/members?status=draft&status=published&kind=startup'));
    await page.getByRole('heading', { name: 'Medlemmar', level: 1 }).waitFor();
    await page.locator('table.data tbody tr').first().waitFor();
    const total = Number(
      h.query<{ n: number }>(
        "SELECT count(*) AS n FROM members WHERE status IN ('draft','published') AND kind = 'startup'",
      )[0]?.n,
    );
    await page
      .getByText(new RegExp(`av ${total}$`))
      .or(page.getByText(`${total} träffar`))
      .first()
      .waitFor();
    expect(await page.getByRole('checkbox', { name: /^Startup/ }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Arkiverad' }).isChecked()).toBe(false);
    // Each filter group's heading counts its choices, set off by a space ("Typ (1)").
    const headings = (await page.locator('details > summary').allTextContents()).map((text) =>
      text.replace(/\s+/g, ' ').trim(),
    );
    expect(headings).toContain('Typ (1)');
    expect(headings.some((text) => /\S\(\d+\)/.test(text))).toBe(false);
  });

  it('pages forward and back with cursors', async () => {
    await page.goto(adminUrl(h.origin, '/members?sort=name'));
    const firstRow = page.locator('table.data tbody tr').first();
    await firstRow.waitFor();
    const firstName = await firstRow.locator('td').nth(1).textContent();
    await page.getByRole('button', { name: 'Nästa sida' }).click();
    await page.waitForURL(/cursor=/);
    await page.getByText(/^Visar 21–40 av/).waitFor();
    await page.getByRole('button', { name: 'Föregående sida' }).click();
    await page.waitForURL((url) => !url.search.includes('cursor='));
    await page.getByText(/^Visar 1–20 av/).waitFor();
    expect(await firstRow.locator('td').nth(1).textContent()).toBe(firstName);
  });

  it('publishes several drafts at once', async () => {
    await page.goto(adminUrl(h.origin, '/members?status=draft&sort=name'));
    const rows = page.locator('table.data tbody tr');
    await rows.first().waitFor();
    const names: string[] = [];
    for (const i of [0, 1]) {
      names.push((await rows.nth(i).locator('td').nth(1).locator('a').textContent()) ?? '');
      await rows.nth(i).getByRole('checkbox').check();
    }
    await page.getByText('2 markerade').waitFor();
    await page.getByRole('button', { name: 'Publicera', exact: true }).click();
    await page.getByText('2 ändrade, 0 gick inte.').waitFor();
    for (const name of names) {
      expect(
        h.query<{ status: string }>('SELECT status FROM members WHERE name = ?', name)[0]?.status,
      ).toBe('published');
    }
  });

  it('remembers the chosen columns', async () => {
    await page.goto(adminUrl(h.origin, '/members'));
    await page.locator('table.data tbody tr').first().waitFor();
    expect(await page.getByRole('columnheader', { name: 'Typ' }).count()).toBe(0);
    await page.locator('summary', { hasText: 'Kolumner' }).click();
    await page.getByRole('checkbox', { name: 'Typ' }).last().check();
    await page.getByRole('columnheader', { name: 'Typ' }).waitFor();
    await page.reload();
    await page.getByRole('columnheader', { name: 'Typ' }).waitFor();
  });

  it('exports the current list as CSV', async () => {
    await page.goto(adminUrl(h.origin, '/members?status=archived'));
    await page.locator('table.data tbody tr').first().waitFor();
    const archived = h.query<{ name: string }>(
      "SELECT name FROM members WHERE status = 'archived'",
    );
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Exportera CSV' }).click();
    const file = await (await download).path();
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('\uFEFFslug,name,organisation_number,')).toBe(true);
    const lines = text.trim().split('\r\n');
    expect(lines).toHaveLength(archived.length + 1);
    expect(lines.slice(1).every((l) => l.includes(',archived,'))).toBe(true);

    // A published-only list also links to the open-data CSV with the same filters.
    await page.goto(adminUrl(h.origin, '/members?status=published&kind=company'));
    const link = page.getByRole('link', { name: /Öppna data/ });
    expect(await link.getAttribute('href')).toBe('/api/v1/members.csv?kind=company');
  });

  it('is accessible, and looks right', async () => {
    await page.goto(adminUrl(h.origin, '/members?status=draft&status=published'));
    await page.locator('table.data tbody tr').first().waitFor();
    await page.locator('table.data tbody tr').first().getByRole('checkbox').check();
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshotScreen(page, 'members-list');
    expect(errors).toEqual([]);
  });
});
