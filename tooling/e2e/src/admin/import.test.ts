/**
 * CSV import of members: a file with good, bad and duplicate rows is mapped,
 * checked (each bad row with its reasons, each likely duplicate named), and
 * cancelling writes nothing; applying writes the valid rows in one go.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  accessibilityProblems,
  adminUrl,
  openSignedIn,
  screenshotScreen,
  startAdminHarness,
  type AdminHarness,
} from './support';

let h: AdminHarness;
let page: Page;
let errors: string[];

beforeAll(async () => {
  h = await startAdminHarness({ demo: 20 });
  ({ page, errors } = await h.newPage());
  await openSignedIn(page, h.origin, '/');
});
afterAll(async () => {
  await h?.close();
});

function withCheckDigit(nine: string): string {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return `${nine.slice(0, 6)}-${nine.slice(6)}${(10 - (sum % 10)) % 10}`;
}

const FILE = [
  'Namn;Org.nr;Typ;Kommun;Områden;Kluster;Webbplats',
  `Importbolaget Ett AB;${withCheckDigit('559911223')};Företag;Malmö;tech;opentech;ett.se`,
  `Importbolaget Två AB;${withCheckDigit('559911224')};startup;Lunds kommun;Life science & hälsa|tech;Packbridge;`,
  'Felraden;123;rymdskepp;Oslo;månen;;javascript:alert(1)',
  'Ericsson;;company;;;;',
].join('\r\n');

const countNamed = (pattern: string) =>
  h.query<{ n: number }>('SELECT count(*) AS n FROM members WHERE name LIKE ?', pattern)[0]?.n ?? 0;

async function uploadAndCheck() {
  await page.goto(adminUrl(h.origin, '/members/import'));
  await page.getByLabel('CSV-fil').setInputFiles({
    name: 'medlemmar.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`\uFEFF${FILE}`, 'utf8'),
  });
  await page.getByRole('heading', { name: '2. Kolumner', level: 2 }).waitFor();
}

describe('CSV import', () => {
  it('maps the columns, flags bad rows and duplicates, and writes nothing when cancelled', async () => {
    await uploadAndCheck();
    await page.getByText('medlemmar.csv – 4 rader').waitFor();
    const field = (header: string) => page.getByLabel(`Importeras som: ${header}`);
    expect(await field('Namn').inputValue()).toBe('name');
    expect(await field('Org.nr').inputValue()).toBe('organisationNumber');
    expect(await field('Kommun').inputValue()).toBe('municipality');
    expect(await field('Områden').inputValue()).toBe('areas');
    expect(await field('Kluster').inputValue()).toBe('clusters');
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshotScreen(page, 'import-mapping');

    await page.getByRole('button', { name: 'Granska rader' }).click();
    await page.getByText('2 giltiga, 1 med fel, 1 möjliga dubbletter av 4.').waitFor();
    const bad = page.locator('table.preview tbody tr').filter({ hasText: 'Felraden' });
    const reasons = await bad.locator('li').allTextContents();
    expect(reasons.join('\n')).toMatch(/Organisationsnummer:/);
    expect(reasons.join('\n')).toMatch(/Typ:/);
    expect(reasons.join('\n')).toMatch(/Kommun: ”Oslo” är inte en av Skånes 33 kommuner/);
    expect(reasons.join('\n')).toMatch(/Områden: okänt område ”månen”/);
    expect(reasons.join('\n')).toMatch(/Webbplats:/);
    const duplicate = page
      .locator('table.preview tbody tr')
      .filter({ hasText: 'Liknar befintlig medlem Ericsson' });
    expect(await duplicate.count()).toBe(1);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshotScreen(page, 'import-preview');

    await page.getByRole('button', { name: 'Avbryt' }).click();
    await page.getByRole('heading', { name: '1. Fil', level: 2 }).waitFor();
    expect(countNamed('Importbolaget%')).toBe(0);
  });

  it('applies the valid rows and reports', async () => {
    const ericssons = countNamed('Ericsson');
    await uploadAndCheck();
    await page.getByRole('button', { name: 'Granska rader' }).click();
    await page.getByRole('button', { name: 'Importera 2 rader' }).click();
    await page.getByText('Klart: 2 skapade, 1 misslyckades.').waitFor();
    expect(countNamed('Importbolaget%')).toBe(2);
    expect(countNamed('Felraden')).toBe(0);
    expect(countNamed('Ericsson')).toBe(ericssons);
    const two = h.query<{ municipality_code: string; status: string }>(
      "SELECT municipality_code, status FROM members WHERE name = 'Importbolaget Två AB'",
    )[0];
    expect(two).toEqual({ municipality_code: '1281', status: 'draft' });
    expect(
      h.query<{ action: string }>("SELECT DISTINCT action FROM audit_log WHERE action = 'import'")
        .length,
    ).toBe(1);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshotScreen(page, 'import-report');
    expect(errors).toEqual([]);
  });
});
