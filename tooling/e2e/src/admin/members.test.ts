/**
 * Members in the admin: a bad organisation number is shown next to its field
 * and nothing is saved; fixed and published, the member is on the public API.
 * The list keeps search, filters, sort and page in the URL (Back keeps its
 * counters), sorts by column headers, finds members by organisation number,
 * changes many members' status or areas at once after a confirmation,
 * remembers the chosen columns and exports CSV.
 */
import { mkdirSync, readFileSync } from 'node:fs';
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
import type { Page } from 'playwright-core';

const SHOTS = '/tmp/shots-h5';
mkdirSync(SHOTS, { recursive: true });
/** A name as a literal inside a RegExp. */
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

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
    await page.getByLabel('Kopplad till OpenTech sedan').fill('2024-02-01');
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
      .getByRole('searchbox', { name: 'Sök på namn, beskrivning eller organisationsnummer' })
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

  it('publishes several drafts at once, after saying how many and what', async () => {
    await page.goto(adminUrl(h.origin, '/members?status=draft&sort=name'));
    const rows = page.locator('table.data tbody tr');
    await rows.first().waitFor();
    const names: string[] = [];
    await rows.nth(0).getByRole('checkbox').check();
    await page.getByText('1 vald', { exact: true }).waitFor();
    names.push((await rows.nth(0).locator('td').nth(1).locator('a').textContent()) ?? '');
    await rows.nth(1).getByRole('checkbox').check();
    names.push((await rows.nth(1).locator('td').nth(1).locator('a').textContent()) ?? '');
    await page.getByText('2 valda', { exact: true }).waitFor();
    await page.getByLabel('Ändring').selectOption({ label: 'Publicera' });
    await page.getByRole('button', { name: 'Fortsätt …' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ändra 2 medlemmar?' });
    await dialog.getByText('2 medlemmar publiceras.').waitFor();
    await dialog.getByRole('button', { name: 'Ändra', exact: true }).click();
    await page.getByText('Klart: 2 medlemmar ändrades.').waitFor();
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
    // The export menu (MemberExportMenu; export.test.ts tests it in full) streams from the server.
    const download = page.waitForEvent('download');
    await page.locator('summary', { hasText: 'Exportera' }).click();
    await page.getByRole('link', { name: 'CSV för Excel' }).click();
    const file = await (await download).path();
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('\uFEFFid;slug;name;organisation_number;')).toBe(true);
    const lines = text.trim().split('\r\n');
    expect(lines).toHaveLength(archived.length + 1);
    expect(lines.slice(1).every((l) => l.includes(';archived;'))).toBe(true);

    // A published-only list also links to the open-data CSV with the same filters.
    await page.goto(adminUrl(h.origin, '/members?status=published&kind=company'));
    const link = page.getByRole('link', { name: /Öppna data/ });
    expect(await link.getAttribute('href')).toBe('/api/v1/members.csv?kind=company');
  });

  it('sorts by a column header, both ways, with the state in the URL', async () => {
    await page.goto(adminUrl(h.origin, '/members'));
    await page.locator('table.data tbody tr').first().waitFor();
    const header = page.getByRole('columnheader', { name: /Kommun/ });
    expect(await header.getAttribute('aria-sort')).toBeNull();
    expect(await page.getByRole('columnheader', { name: /Namn/ }).getAttribute('aria-sort')).toBe(
      'ascending',
    );
    /** The municipality column's texts, top to bottom (its place depends on the columns shown). */
    const municipalities = () =>
      page.evaluate(() => {
        const headers = [...document.querySelectorAll('table.data thead th')];
        const index = headers.findIndex((th) => th.textContent?.includes('Kommun'));
        return [...document.querySelectorAll('table.data tbody tr')].map(
          (tr) => tr.children[index]?.textContent?.trim() ?? '',
        );
      });
    // Members with no municipality (outside Skåne, or not known) come last either way.
    const noPlace = (n: string | undefined) => n === 'Utanför Skåne' || n === 'Kommun okänd';
    const inOrder = (names: string[], dir: 1 | -1) =>
      names.every(
        (n, i) =>
          i === 0 ||
          noPlace(n) ||
          (!noPlace(names[i - 1]) && dir * names[i - 1]!.localeCompare(n, 'sv') <= 0),
      );
    await header.getByRole('button').click();
    await page.waitForURL(/[?&]sort=municipality(?!&order)/);
    await page.locator('th[aria-sort="ascending"]', { hasText: 'Kommun' }).waitFor();
    expect(inOrder(await municipalities(), 1)).toBe(true);
    await header.getByRole('button').click();
    await page.waitForURL(/sort=municipality&order=desc/);
    await page.locator('th[aria-sort="descending"]', { hasText: 'Kommun' }).waitFor();
    expect(inOrder(await municipalities(), -1)).toBe(true);

    // Name: first A–Ö, then Ö–A; the first row is then the member last in Swedish order.
    const nameButton = page.getByRole('columnheader', { name: /Namn/ }).getByRole('button');
    await nameButton.click();
    await page.waitForURL(/sort=name$/);
    await page.locator('th[aria-sort="ascending"]', { hasText: 'Namn' }).waitFor();
    await nameButton.click();
    await page.waitForURL(/sort=name&order=desc/);
    const last = h.query<{ name: string }>(
      'SELECT name FROM members ORDER BY sort_key DESC, id DESC LIMIT 1',
    )[0]?.name;
    await page.locator('table.data tbody tr').first().getByRole('link', { name: last }).waitFor();
    // Reload keeps the sort.
    await page.reload();
    await page.locator('th[aria-sort="descending"]', { hasText: 'Namn' }).waitFor();
  });

  it('shows page N of M with the total, and Back keeps the counters and the selection', async () => {
    const total = h.query<{ n: number }>('SELECT count(*) AS n FROM members')[0]!.n;
    const pages = Math.ceil(total / 20);
    expect(pages).toBeGreaterThan(3);
    await page.goto(adminUrl(h.origin, '/members?sort=name'));
    const status = page.getByTestId('list-status');
    await status.getByText(`${total} träffar`).waitFor();
    await status.getByText(`Sida 1 av ${pages}`).waitFor();
    const pager = page.getByRole('navigation', { name: 'Sidor' });
    await pager.getByRole('link', { name: 'Sida 3', exact: true }).click();
    await page.waitForURL(/page=3/);
    await status.getByText(`Sida 3 av ${pages}`).waitFor();
    await status.getByText('visar 41–60').waitFor();
    expect(await pager.getByRole('link', { name: 'Sida 3' }).getAttribute('aria-current')).toBe(
      'page',
    );
    const rows = page.locator('table.data tbody tr');
    await rows.nth(0).getByRole('checkbox').check();
    await rows.nth(1).getByRole('checkbox').check();
    await page.getByTestId('selected-count').getByText('2 valda').waitFor();

    await pager.getByRole('link', { name: /Nästa sida/ }).click();
    await page.waitForURL(/page=4/);
    await status.getByText(`Sida 4 av ${pages}`).waitFor();
    await status.getByText('visar 61–80').waitFor();
    await rows.nth(0).getByRole('checkbox').check();
    await page.getByTestId('selected-count').getByText('3 valda').waitFor();

    await page.goBack();
    await page.waitForURL(/page=3/);
    await status.getByText(`Sida 3 av ${pages}`).waitFor();
    await status.getByText('visar 41–60').waitFor();
    await status.getByText(`${total} träffar`).waitFor();
    await page.getByTestId('selected-count').getByText('3 valda').waitFor();
    expect(await rows.nth(0).getByRole('checkbox').isChecked()).toBe(true);
    expect(await rows.nth(2).getByRole('checkbox').isChecked()).toBe(false);

    await page.goBack();
    await page.waitForURL((url) => !url.search.includes('page='));
    await status.getByText(`Sida 1 av ${pages}`).waitFor();
    await status.getByText('visar 1–20').waitFor();
    await page.goForward();
    await status.getByText(`Sida 3 av ${pages}`).waitFor();
    await page.getByRole('button', { name: 'Avmarkera alla' }).click();
    expect(await page.getByTestId('selected-count').count()).toBe(0);
  });

  it('adds an area to 3 selected members in one change, with one history entry each', async () => {
    const area = h.query<{ id: number }>("SELECT id FROM areas WHERE slug = 'livsmedel'")[0]!.id;
    const lacking = h.query<{ id: number; name: string }>(
      'SELECT id, name FROM members m WHERE NOT EXISTS (SELECT 1 FROM member_areas a WHERE a.member_id = m.id AND a.area_id = ?) ORDER BY sort_key LIMIT 3',
      area,
    );
    expect(lacking).toHaveLength(3);
    const q = lacking.map((m) => m.name);
    const auditBefore = h.query<{ n: number }>('SELECT count(*) AS n FROM audit_log')[0]!.n;
    await page.goto(adminUrl(h.origin, '/members?sort=name&limit=100'));
    for (const name of q) {
      await page.getByRole('checkbox', { name: new RegExp(`^Markera ${escape(name)}$`) }).check();
    }
    await page.getByTestId('selected-count').getByText('3 valda').waitFor();
    await page.getByLabel('Ändring').selectOption({ label: 'Lägg till område' });
    await page.getByLabel('Område', { exact: true }).selectOption({ label: 'Livsmedel' });
    await page.getByRole('button', { name: 'Fortsätt …' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ändra 3 medlemmar?' });
    await dialog.getByText('Området ”Livsmedel” läggs till hos 3 medlemmar.').waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/bulk-confirm-sv-1280.png` });
    await dialog.getByRole('button', { name: 'Ändra', exact: true }).click();
    await page.getByText('Klart: 3 medlemmar ändrades.').waitFor();
    for (const m of lacking) {
      expect(
        h.query('SELECT 1 FROM member_areas WHERE member_id = ? AND area_id = ?', m.id, area),
      ).toHaveLength(1);
    }
    const auditAfter = h.query<{ n: number }>('SELECT count(*) AS n FROM audit_log')[0]!.n;
    expect(auditAfter - auditBefore).toBe(3);
    // The list shows it at once, and the selection ended with the change.
    expect(await page.getByTestId('selected-count').count()).toBe(0);
    await page.goto(adminUrl(h.origin, `/members?area=livsmedel&q=${encodeURIComponent(q[0]!)}`));
    await page.getByRole('link', { name: q[0]!, exact: true }).waitFor();
  });

  it('finds a member by its organisation number in any common form', async () => {
    const member = h.query<{ name: string; orgnr: string }>(
      'SELECT name, organisation_number AS orgnr FROM members WHERE organisation_number IS NOT NULL ORDER BY id DESC LIMIT 1',
    )[0]!;
    const digits = member.orgnr.replace('-', '');
    for (const typed of [
      `16${digits}`,
      digits,
      `${member.orgnr.slice(0, 6)} ${member.orgnr.slice(7)}`,
    ]) {
      await page.goto(adminUrl(h.origin, `/members?q=${encodeURIComponent(typed)}`));
      const first = page.locator('table.data tbody tr').first();
      await first.getByRole('link', { name: member.name, exact: true }).waitFor();
    }
    // Typed into the box as one would.
    await page.goto(adminUrl(h.origin, '/members'));
    await page.getByRole('searchbox').fill(`16${member.orgnr}`);
    await page.waitForURL(/q=16/);
    await page
      .locator('table.data tbody tr')
      .first()
      .getByRole('link', { name: member.name, exact: true })
      .waitFor();
  });

  it("as an editor: only their own cluster's members and changes, refusals named", async () => {
    const { page: ed } = await h.newPage();
    await openSignedIn(ed, h.origin, '/members?sort=name', EDITOR);
    const opentech = h.query<{ id: number }>("SELECT id FROM clusters WHERE slug = 'opentech'")[0]!
      .id;
    const inScope = h.query<{ n: number }>(
      'SELECT count(*) AS n FROM memberships WHERE cluster_id = ?',
      opentech,
    )[0]!.n;
    await ed.getByTestId('list-status').getByText(`${inScope} träffar`).waitFor();
    // A member only in OpenTech cannot be taken off its only cluster.
    const only = h.query<{ name: string; version: number }>(
      `SELECT m.name, m.version FROM members m JOIN memberships s ON s.member_id = m.id AND s.cluster_id = ?
       WHERE (SELECT count(*) FROM memberships x WHERE x.member_id = m.id) = 1 ORDER BY m.sort_key LIMIT 1`,
      opentech,
    )[0]!;
    await ed.getByRole('checkbox', { name: new RegExp(`^Markera ${escape(only.name)}$`) }).check();
    const options = await ed.getByLabel('Ändring').locator('option').allTextContents();
    expect(options).toContain('Ta bort från kluster');
    expect(options).not.toContain('Lägg till i kluster');
    await ed.getByLabel('Ändring').selectOption({ label: 'Ta bort från kluster' });
    // Their own cluster is the only one offered, and chosen for them.
    expect(
      await ed.getByLabel('Kluster', { exact: true }).locator('option').allTextContents(),
    ).toEqual(['Välj …', 'OpenTech']);
    await ed.getByRole('button', { name: 'Fortsätt …' }).click();
    const dialog = ed.getByRole('dialog', { name: 'Ändra 1 medlem?' });
    await dialog.getByText('1 medlem tas bort från klustret ”OpenTech”.').waitFor();
    await ed.setViewportSize({ width: 320, height: 800 });
    await ed.screenshot({ path: `${SHOTS}/editor-confirm-sv-320.png`, fullPage: true });
    await dialog.getByRole('button', { name: 'Ändra', exact: true }).click();
    await ed
      .getByText(
        new RegExp(`Ingenting ändrades: ”${escape(only.name)}” tillhör inget annat kluster`),
      )
      .waitFor();
    await ed.screenshot({ path: `${SHOTS}/editor-refused-sv-320.png`, fullPage: true });
    expect(
      h.query<{ version: number }>('SELECT version FROM members WHERE name = ?', only.name)[0]
        ?.version,
    ).toBe(only.version);
    // The selection stays after a refusal, to fix and try again.
    await ed.getByTestId('selected-count').getByText('1 vald').waitFor();
    await ed.setViewportSize({ width: 1280, height: 900 });
    await ed.screenshot({ path: `${SHOTS}/editor-list-sv-1280.png`, fullPage: true });
  });

  it('reads in English, and works at 320 px', async () => {
    const { page: en } = await h.newPage();
    await openSignedIn(en, h.origin, '/members');
    await en.getByRole('button', { name: /In English/ }).click();
    const total = h.query<{ n: number }>('SELECT count(*) AS n FROM members')[0]!.n;
    const pages = Math.ceil(total / 20);
    const status = en.getByTestId('list-status');
    await status.getByText(`${total} results`).waitFor();
    await status.getByText(`Page 1 of ${pages}`).waitFor();
    await en
      .getByRole('navigation', { name: 'Pages' })
      .getByRole('link', { name: 'Page 2', exact: true })
      .click();
    await status.getByText(`Page 2 of ${pages}`).waitFor();
    await en.locator('table.data tbody tr').first().getByRole('checkbox').check();
    await en.getByTestId('selected-count').getByText('1 selected').waitFor();
    await en.getByLabel('Change', { exact: true }).selectOption({ label: 'Add an area' });
    await en.getByLabel('Area', { exact: true }).selectOption({ label: 'Tech' });
    await en.getByRole('button', { name: 'Continue …' }).click();
    const dialog = en.getByRole('dialog', { name: 'Change 1 member?' });
    await dialog.getByText('The area "Tech" will be added to 1 member.').waitFor();
    await en.screenshot({ path: `${SHOTS}/bulk-confirm-en-1280.png` });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await en.setViewportSize({ width: 320, height: 800 });
    await en.screenshot({ path: `${SHOTS}/list-en-320.png`, fullPage: true });
    // The counters, the sort and the bulk bar as the 320 px screen shows them.
    await en.getByTestId('list-status').evaluate((el) => el.scrollIntoView());
    await en.screenshot({ path: `${SHOTS}/toolbar-en-320.png` });
    // Nothing is wider than the screen but the table, which scrolls in its own box.
    const overflow = await en.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await accessibilityProblems(en)).toEqual([]);
    await en.getByRole('button', { name: /svenska/ }).click();
    await en.getByTestId('list-status').getByText(`Sida 2 av ${pages}`).waitFor();
    await en.screenshot({ path: `${SHOTS}/list-sv-320.png`, fullPage: true });
  });

  it('is accessible, and looks right', async () => {
    await page.goto(adminUrl(h.origin, '/members?status=draft&status=published'));
    await page.locator('table.data tbody tr').first().waitFor();
    await page.locator('table.data tbody tr').first().getByRole('checkbox').check();
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshotScreen(page, 'members-list');
    await page.screenshot({ path: `${SHOTS}/list-sv-1280.png`, fullPage: true });
    expect(errors).toEqual([]);
  });
});
