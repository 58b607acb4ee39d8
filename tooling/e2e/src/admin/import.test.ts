/**
 * CSV import of members through the page, with real files: a UTF-8 file with
 * good, bad and duplicate rows (mapped, checked, refused while any row is
 * bad, its failed rows downloadable), a Windows-1252 semicolon file from
 * Swedish Excel (encoding found, changeable, names stored right), an update
 * import with field-by-field differences, a member saved by someone else
 * between preview and apply (a conflict naming the row), and a row that
 * becomes invalid between preview and apply (nothing written, the row listed
 * and in the download with its reason).
 */
import { readFileSync } from 'node:fs';
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
import { walkImportPage } from './import-walk';

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
];

const countNamed = (pattern: string) =>
  h.query<{ n: number }>('SELECT count(*) AS n FROM members WHERE name LIKE ?', pattern)[0]?.n ?? 0;

const rowOf = (name: string) => page.locator('table.preview tbody tr').filter({ hasText: name });

async function upload(name: string, buffer: Buffer) {
  await page.goto(adminUrl(h.origin, '/members/import'));
  await page.getByLabel('CSV-fil').setInputFiles({ name, mimeType: 'text/csv', buffer });
  await page.getByRole('heading', { name: '2. Kolumner', level: 2 }).waitFor();
}

async function check() {
  await page.getByRole('button', { name: 'Granska rader' }).click();
  await page.getByRole('heading', { name: '3. Förhandsgranska', level: 2 }).waitFor();
}

/** A tRPC mutation with the page's session, from our own origin (as the admin sends it). */
async function mutate<T>(path: string, input: unknown): Promise<T> {
  const response = await page.request.post(`${h.origin}/trpc/${path}`, {
    data: input,
    headers: { origin: h.origin },
  });
  if (response.status() !== 200) throw new Error(`${path}: ${await response.text()}`);
  return ((await response.json()) as { result: { data: T } }).result.data;
}

describe('CSV import', () => {
  it('maps the columns, flags bad rows and duplicates, and writes nothing when cancelled', async () => {
    await upload('medlemmar.csv', Buffer.from(`\uFEFF${FILE.join('\r\n')}`, 'utf8'));
    await page.getByText('medlemmar.csv – 4 rader').waitFor();
    expect(await page.getByTestId('import-encoding').textContent()).toBe(
      'UTF-8 med BOM (upptäckt)',
    );
    expect(await page.getByTestId('import-delimiter').textContent()).toContain('semikolon (;)');
    const field = (header: string) => page.getByLabel(`Importeras som: ${header}`);
    expect(await field('Namn').inputValue()).toBe('name');
    expect(await field('Org.nr').inputValue()).toBe('organisationNumber');
    expect(await field('Kommun').inputValue()).toBe('municipality');
    expect(await field('Områden').inputValue()).toBe('areas');
    expect(await field('Kluster').inputValue()).toBe('clusters');
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshotScreen(page, 'import-mapping');

    await check();
    expect(await page.getByTestId('import-counts').textContent()).toContain(
      '2 nya, 0 uppdateras, 0 oförändrade, 1 möjliga dubbletter, 1 med fel – av 4 rader.',
    );
    const reasons = (await rowOf('Felraden').locator('li').allTextContents()).join('\n');
    expect(reasons).toMatch(/Organisationsnummer:/);
    expect(reasons).toMatch(/Typ:/);
    expect(reasons).toMatch(/Kommun: ”Oslo” är inte en av Skånes 33 kommuner/);
    expect(reasons).toMatch(/Områden: okänt område ”månen”/);
    expect(reasons).toMatch(/Webbplats:/);
    expect(await rowOf('Felraden').locator('td').first().textContent()).toBe('4');
    expect(await rowOf('Liknar befintlig medlem Ericsson').count()).toBe(1);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshotScreen(page, 'import-preview');

    await page.getByRole('button', { name: 'Avbryt' }).click();
    await page.getByRole('heading', { name: '1. Fil', level: 2 }).waitFor();
    expect(countNamed('Importbolaget%')).toBe(0);
  });

  it('will not apply while any row has errors; the failed rows download as the file with a reason', async () => {
    await upload('medlemmar.csv', Buffer.from(`\uFEFF${FILE.join('\r\n')}`, 'utf8'));
    await check();
    // All or nothing: with one bad row there is nothing to apply.
    expect(await page.getByRole('button', { name: /^Importera \d+ rader$/ }).isDisabled()).toBe(
      true,
    );
    await page.getByText('1 rader har fel. Importen är allt eller inget').waitFor();
    expect(await page.getByTestId('import-failed-list').textContent()).toContain('Rad 4');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Ladda ner felrader' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('medlemmar-felrader.csv');
    const text = readFileSync(await download.path(), 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(`${FILE[0]};Orsak`);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^Felraden;123;rymdskepp;Oslo;månen;;javascript:alert\(1\);"?Rad 4: /);
    expect(lines[1]).toMatch(/”Oslo” är inte en av Skånes 33 kommuner/);

    // The same file without the bad row applies, likely duplicates skipped.
    const ericssons = countNamed('Ericsson');
    await upload('medlemmar.csv', Buffer.from(FILE.filter((l) => !l.startsWith('Fel')).join('\n')));
    await check();
    await page.getByRole('button', { name: 'Importera 2 rader' }).click();
    await page.getByText('Klart: 2 skapade, 0 uppdaterade, 0 oförändrade.').waitFor();
    expect(countNamed('Importbolaget%')).toBe(2);
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
  });

  it('reads a Windows-1252 semicolon file from Swedish Excel, lets the encoding be changed, and stores å/ä/ö', async () => {
    const text = [
      'Namn;Org.nr;Kommun;Kluster',
      `Hälsans Vårdbolag AB;${withCheckDigit('559922331')};Malmö;opentech`,
      `Åbergs Ölbryggeri;${withCheckDigit('559922332')};Höör;opentech`,
      'Östra Mäklarna i Köpenhamn;;Utanför Skåne;',
    ].join('\r\n');
    const bytes = Buffer.from(text, 'latin1');
    // Really single-byte: read as UTF-8 these bytes would not be text at all.
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    await upload('excel.csv', bytes);
    expect(await page.getByTestId('import-encoding').textContent()).toBe('Windows-1252 (upptäckt)');
    expect(await page.getByTestId('import-samples').textContent()).toContain(
      'Hälsans Vårdbolag AB',
    );
    expect(await page.getByLabel('Importeras som: Kommun').inputValue()).toBe('municipality');

    // Forced to UTF-8 the file is refused with the reason, and cannot go on.
    await page.getByLabel('Läs filen som').selectOption('utf-8');
    await page.getByText(/^Filen kan inte importeras:/).waitFor();
    expect(await page.getByRole('heading', { name: '2. Kolumner' }).count()).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshotScreen(page, 'import-undecodable');

    await page.getByLabel('Läs filen som').selectOption('windows-1252');
    await page.getByRole('heading', { name: '2. Kolumner', level: 2 }).waitFor();
    expect(await page.getByTestId('import-encoding').textContent()).toBe('Windows-1252 (vald)');
    expect(await page.getByTestId('import-samples').textContent()).toContain('Åbergs Ölbryggeri');
    await check();
    expect(await page.getByTestId('import-counts').textContent()).toContain('3 nya');
    await page.getByRole('button', { name: 'Importera 3 rader' }).click();
    await page.getByText('Klart: 3 skapade').waitFor();

    const stored = h.query<{
      name: string;
      slug: string;
      municipality_code: string | null;
      outside_skane: number;
    }>(
      "SELECT name, slug, municipality_code, outside_skane FROM members WHERE name IN ('Hälsans Vårdbolag AB', 'Åbergs Ölbryggeri', 'Östra Mäklarna i Köpenhamn') ORDER BY name",
    );
    expect(stored).toEqual([
      {
        name: 'Hälsans Vårdbolag AB',
        slug: 'halsans-vardbolag-ab',
        municipality_code: '1280',
        outside_skane: 0,
      },
      {
        name: 'Åbergs Ölbryggeri',
        slug: 'abergs-olbryggeri',
        municipality_code: '1267',
        outside_skane: 0,
      },
      {
        name: 'Östra Mäklarna i Köpenhamn',
        slug: 'ostra-maklarna-i-kopenhamn',
        municipality_code: null,
        outside_skane: 1,
      },
    ]);
    expect(
      h.query<{ n: number }>(
        'SELECT count(*) AS n FROM members WHERE instr(name, char(65533)) > 0 OR instr(slug, char(65533)) > 0',
      )[0]?.n,
    ).toBe(0);
  });

  it('updates matched members, showing each difference before → after, and leaves unchanged rows', async () => {
    const [a, b] = h.query<{
      id: number;
      name: string;
      organisation_number: string;
      version: number;
      website: string | null;
    }>(
      "SELECT id, name, organisation_number, version, website FROM members WHERE organisation_number IS NOT NULL AND name NOT LIKE 'Import%' ORDER BY id LIMIT 2",
    );
    if (!a || !b) throw new Error('the demo data has members with organisation numbers');
    const file = [
      'name,organisation_number,website',
      `${a.name},${a.organisation_number},https://ny-adress.example`,
      `${b.name},${b.organisation_number},`,
    ].join('\n');
    await upload('uppdatering.csv', Buffer.from(file));
    await check();
    expect(await page.getByTestId('import-counts').textContent()).toContain(
      '0 nya, 1 uppdateras, 1 oförändrade',
    );
    const updated = rowOf(a.name);
    expect(await updated.getByText('Uppdateras', { exact: true }).count()).toBe(1);
    const change = await updated.locator('ul.changes li').allTextContents();
    expect(change).toHaveLength(1);
    expect(change[0]).toContain('Webbplats:');
    expect(await updated.locator('del').textContent()).toContain(a.website ?? '(tomt)');
    expect(await updated.locator('ins').textContent()).toContain('https://ny-adress.example');
    expect(await rowOf(b.name).getByText('Oförändrad', { exact: true }).count()).toBe(1);

    await page.getByRole('radio', { name: /^Uppdateras/ }).check();
    expect(await page.locator('table.preview tbody tr').count()).toBe(1);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshotScreen(page, 'import-update-preview');

    await page.getByRole('button', { name: 'Importera 1 rader' }).click();
    await page.getByText('Klart: 0 skapade, 1 uppdaterade, 1 oförändrade.').waitFor();
    const after = h.query<{ id: number; website: string | null; version: number }>(
      'SELECT id, website, version FROM members WHERE id IN (?, ?) ORDER BY id',
      a.id,
      b.id,
    );
    expect(after).toEqual([
      { id: a.id, website: 'https://ny-adress.example', version: a.version + 1 },
      { id: b.id, website: b.website, version: b.version },
    ]);
  });

  it('refuses the whole apply as a conflict naming the row when a matched member was saved since', async () => {
    const member = h.query<{
      id: number;
      name: string;
      organisation_number: string;
      version: number;
    }>(
      'SELECT id, name, organisation_number, version FROM members WHERE organisation_number IS NOT NULL AND is_demo = 1 ORDER BY id DESC LIMIT 1',
    )[0];
    if (!member) throw new Error('the demo data has members with organisation numbers');
    const file = `namn;orgnr;webbplats\r\n${member.name};${member.organisation_number};https://import.example\r\n`;
    await upload('konflikt.csv', Buffer.from(file));
    await check();
    await rowOf(member.name).getByText('Uppdateras', { exact: true }).waitFor();

    // Another tab saves the member between the preview and the apply.
    await mutate('member.admin.update', {
      id: member.id,
      version: member.version,
      website: 'https://annan-flik.example',
    });
    await page.getByRole('button', { name: 'Importera 1 rader' }).click();
    const conflict = page.getByTestId('import-conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain(`Rad 2: ${member.name}`);
    expect(await conflict.textContent()).toContain('Ingenting sparades');
    expect(
      h.query<{ website: string }>('SELECT website FROM members WHERE id = ?', member.id)[0],
    ).toEqual({ website: 'https://annan-flik.example' });
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshotScreen(page, 'import-conflict');

    // Checking again shows the difference as it is now, and then applies.
    await conflict.getByRole('button', { name: 'Granska igen' }).click();
    await page.getByTestId('import-conflict').waitFor({ state: 'detached' });
    expect(await rowOf(member.name).locator('del').textContent()).toContain(
      'https://annan-flik.example',
    );
    await page.getByRole('button', { name: 'Importera 1 rader' }).click();
    await page.getByText('Klart: 0 skapade, 1 uppdaterade').waitFor();
    expect(
      h.query<{ website: string; version: number }>(
        'SELECT website, version FROM members WHERE id = ?',
        member.id,
      )[0],
    ).toEqual({ website: 'https://import.example', version: member.version + 2 });
  });

  it('writes nothing when a row becomes invalid between preview and apply, and lists it with its reason', async () => {
    const taken = withCheckDigit('559933442');
    const text = [
      'Namn;Org.nr;Kommun',
      `Mellanläge Ett AB;${withCheckDigit('559933441')};Lund`,
      `Mellanläge Två AB;${taken};Ystad`,
    ].join('\r\n');
    await upload('mellan.csv', Buffer.from(text, 'latin1'));
    // Create only: a row whose number is registered by then is an error (with updates on, it
    // would match that member, which the preview never saw: a conflict instead).
    await page.getByRole('checkbox', { name: /^Uppdatera medlemmar som redan finns/ }).uncheck();
    await check();
    expect(await page.getByTestId('import-counts').textContent()).toContain('2 nya');

    // Another tab registers the second row's organisation number first.
    await mutate('member.admin.create', {
      name: 'Hann Före AB',
      organisationNumber: taken,
      kind: 'company',
    });
    await page.getByRole('button', { name: 'Importera 2 rader' }).click();
    await page.getByText('Ingenting importerades').waitFor();
    await page
      .getByText(/rader klarade inte kontrollen vid importen, så ingen rad skrevs/)
      .waitFor();
    expect(countNamed('Mellanläge%')).toBe(0);
    const failed = await page.getByTestId('import-failed-list').textContent();
    expect(failed).toContain('Rad 3');
    expect(failed).not.toContain('Rad 2');
    expect(failed).toMatch(/Organisationsnummer:/);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshotScreen(page, 'import-refused');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Ladda ner felrader' }).click(),
    ]);
    const lines = readFileSync(await download.path(), 'utf8')
      .slice(1)
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('Namn;Org.nr;Kommun;Orsak');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(
      new RegExp(`^Mellanläge Två AB;${taken};Ystad;"?Rad 3: Organisationsnummer`),
    );
    expect(errors).toEqual([]);
  });

  it('reads well as admin and editor, in Swedish and English, at 320 and 1280 px', async () => {
    expect(await walkImportPage(h)).toEqual([]);
  }, 300_000);
});
