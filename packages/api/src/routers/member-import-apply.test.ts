/**
 * Import that updates, and an apply that is all or nothing for real: rows
 * matched by organisation number or slug show field-by-field differences;
 * apply checks everything again inside its transaction, refuses as a
 * conflict when a matched member changed after the preview, and writes
 * nothing when any row fails — the report naming each by its file line.
 */
import { luhnCheckDigit } from '@cos/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError } from '../errors';
import { createTestApi, trpcError, type TestApi } from '../test-support';

const orgnr = (nine: string) => `${nine.slice(0, 6)}-${nine.slice(6)}${luhnCheckDigit(nine)}`;
const ACME = orgnr('559900123');

let api: TestApi;
beforeEach(async () => {
  api = createTestApi();
  await api.admin.member.admin.import({
    rows: [
      {
        name: 'Acme Förpackning AB',
        organisationNumber: ACME,
        kind: 'company',
        municipality: 'Malmö',
        clusters: 'packbridge',
        descriptionSv: 'Kartonger',
      },
    ],
    dryRun: false,
  });
});
afterEach(() => api.cleanup());

const acme = () =>
  api.sqlite
    .prepare(
      `SELECT id, version, municipality_code AS m, outside_skane AS outside, description_sv AS sv, description_en AS en
       FROM members WHERE organisation_number = ?`,
    )
    .get(ACME) as {
    id: number;
    version: number;
    m: string | null;
    outside: number;
    sv: string;
    en: string;
  };

describe('import that updates', () => {
  it('matches by organisation number in any common form and shows each difference', async () => {
    const { id, version } = acme();
    const digits = ACME.replace('-', '');
    const report = await api.admin.member.admin.import({
      rows: [
        { organisationNumber: `16${digits}`, municipality: 'Lunds kommun', descriptionEn: 'Boxes' },
        { slug: 'ericsson', name: 'Ericsson' },
      ],
      mode: 'upsert',
      dryRun: true,
    });
    expect(report.rows).toEqual([
      {
        row: 1,
        line: 2,
        action: 'update',
        name: 'Acme Förpackning AB',
        match: { id, slug: 'acme-forpackning-ab', name: 'Acme Förpackning AB', version },
        changes: [
          { field: 'municipality', before: '1280', after: '1281' },
          { field: 'descriptionEn', before: null, after: 'Boxes' },
        ],
      },
      expect.objectContaining({ row: 2, action: 'unchanged', changes: [] }),
    ]);
    expect(report).toMatchObject({
      planned: { create: 0, update: 1, unchanged: 1 },
      applied: false,
    });
  });

  it('applies the update the preview showed: one audit entry, searchable, blank cells kept', async () => {
    const { id, version } = acme();
    const rows = [
      { organisationNumber: ACME, descriptionEn: 'Sturdy boxes', municipality: 'Stockholm' },
    ];
    const preview = await api.admin.member.admin.import({ rows, mode: 'upsert', dryRun: true });
    const expected = preview.rows.flatMap((r) =>
      r.match ? [{ row: r.row, id: r.match.id, version: r.match.version }] : [],
    );
    const report = await api.admin.member.admin.import({
      rows,
      mode: 'upsert',
      dryRun: false,
      expected,
    });
    expect(report).toMatchObject({ applied: true, updated: 1, created: 0 });
    expect(acme()).toEqual({
      id,
      version: version + 1,
      m: null,
      outside: 1,
      sv: 'Kartonger',
      en: 'Sturdy boxes',
    });
    const audit = await api.admin.audit.list({ entity: 'member', entityId: String(id) });
    expect(audit.items.map((e) => e.action)).toEqual(['update', 'import']);
    const found = await api.admin.member.admin.list({ q: 'sturdy' });
    expect(found.items.map((i) => i.id)).toEqual([id]);
  });

  it('writes nothing for unchanged rows', async () => {
    const before = api.checksum();
    const report = await api.admin.member.admin.import({
      rows: [{ organisationNumber: ACME, name: 'Acme Förpackning AB', municipality: '1280 Malmö' }],
      mode: 'upsert',
      dryRun: false,
    });
    expect(report).toMatchObject({ applied: true, updated: 0, unchanged: 1 });
    expect(api.checksum()).toBe(before);
  });

  it('refuses the whole apply as a conflict naming the line when a matched member changed', async () => {
    const rows = [
      { name: 'Ny Medlem AB', kind: 'company' },
      { organisationNumber: ACME, descriptionEn: 'From the file' },
    ];
    const preview = await api.admin.member.admin.import({
      rows,
      mode: 'upsert',
      dryRun: true,
      lines: [2, 5],
    });
    const expected = preview.rows.flatMap((r) =>
      r.match ? [{ row: r.row, id: r.match.id, version: r.match.version }] : [],
    );
    const { id, version } = acme();
    await api.admin.member.admin.update({
      id,
      version,
      description: { sv: 'Kartonger', en: 'Another tab' },
    });
    const before = api.checksum();
    const error = await trpcError(
      api.admin.member.admin.import({
        rows,
        mode: 'upsert',
        dryRun: false,
        expected,
        lines: [2, 5],
      }),
    );
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/line 5/);
    expect(error.cause).toBeInstanceOf(ConflictError);
    expect((error.cause as ConflictError).messageCode).toBe('import.conflict');
    expect((error.cause as ConflictError).current).toEqual({
      rows: [
        {
          row: 2,
          line: 5,
          id,
          name: 'Acme Förpackning AB',
          version: version + 1,
          expectedVersion: version,
        },
      ],
    });
    expect(api.checksum()).toBe(before);
    expect(acme().en).toBe('Another tab');
  });
});

describe('the place in an import', () => {
  it('tells a municipality, outside Skåne and not known apart, in the forms files use', async () => {
    const report = await api.admin.member.admin.import({
      rows: [
        { name: 'Ett AB', municipality: 'MALMO' },
        { name: 'Två AB', municipality: 'Göteborgs stad' },
        { name: 'Tre AB', municipality: 'Annan ort' },
        { name: 'Fyra AB', municipality: '', outsideSkane: '1' },
        { name: 'Fem AB', municipality: '' },
        { name: 'Sex AB', municipality: 'Narnia' },
        { name: 'Sju AB', municipality: 'Lund', outsideSkane: 'ja' },
        { name: 'Åtta AB', outsideSkane: 'kanske' },
      ],
      dryRun: false,
    });
    expect(report.applied).toBe(false);
    expect(report.problems.map((p) => [p.row, p.field, p.code])).toEqual([
      [6, 'municipality', 'import.unknownMunicipality'],
      [7, 'municipality', 'municipality.outsideWithCode'],
      [8, 'outsideSkane', 'import.yesNo'],
    ]);
    const good = await api.admin.member.admin.import({
      rows: [
        { name: 'Ett AB', municipality: 'MALMO' },
        { name: 'Två AB', municipality: 'Göteborgs stad' },
        { name: 'Fyra AB', municipality: '', outsideSkane: '1' },
        { name: 'Fem AB', municipality: '' },
      ],
      dryRun: false,
    });
    expect(good).toMatchObject({ applied: true, created: 4 });
    const places = api.sqlite
      .prepare(
        "SELECT name, municipality_code AS m, outside_skane AS o FROM members WHERE name IN ('Ett AB', 'Två AB', 'Fyra AB', 'Fem AB') ORDER BY id",
      )
      .all();
    expect(places).toEqual([
      { name: 'Ett AB', m: '1280', o: 0 },
      { name: 'Två AB', m: null, o: 1 },
      { name: 'Fyra AB', m: null, o: 1 },
      { name: 'Fem AB', m: null, o: 0 },
    ]);
  });
});

describe('all or nothing at apply time', () => {
  it('writes nothing when a row became invalid after the preview, and names it', async () => {
    const rows = [
      { name: 'Första AB', kind: 'company' },
      { name: 'Andra AB', kind: 'company', organisationNumber: orgnr('559900555') },
    ];
    const preview = await api.admin.member.admin.import({ rows, dryRun: true, lines: [2, 4] });
    expect(preview.invalid).toBe(0);
    // Another tab registers the second row's organisation number in between.
    await api.admin.member.admin.create({
      name: 'Annan Flik AB',
      kind: 'company',
      organisationNumber: orgnr('559900555'),
    });
    const before = api.checksum();
    const report = await api.admin.member.admin.import({ rows, dryRun: false, lines: [2, 4] });
    expect(api.checksum()).toBe(before);
    expect(report).toMatchObject({ applied: false, created: 0, invalid: 1 });
    expect(report.problems).toEqual([
      expect.objectContaining({
        row: 2,
        line: 4,
        field: 'organisationNumber',
        code: 'taken.organisationNumber',
      }),
    ]);
    expect(report.rows.map((r) => r.action)).toEqual(['create', 'invalid']);
  });

  it('lists every failed row with its line and reason, and writes none of the good ones', async () => {
    const before = api.checksum();
    const report = await api.admin.member.admin.import({
      rows: [
        { name: 'Bra AB', kind: 'company' },
        { name: 'H\uFFFDlsans AB', kind: 'company' },
        { name: 'Okänd AB', kind: 'company', municipality: 'Atlantis' },
        { name: 'Dålig Typ AB', kind: 'rocket' },
      ],
      dryRun: false,
    });
    expect(api.checksum()).toBe(before);
    expect(report.applied).toBe(false);
    expect(report.problems.map((p) => [p.line, p.field, p.code])).toEqual([
      [3, 'name', 'import.replacementChar'],
      [4, 'municipality', 'import.unknownMunicipality'],
      [5, 'kind', expect.any(String)],
    ]);
  });

  it('keeps an editor to members of their own cluster', async () => {
    const editor = api.editor('opentech');
    const report = await editor.member.admin.import({
      rows: [{ organisationNumber: ACME, descriptionEn: 'Not mine' }],
      mode: 'upsert',
      dryRun: false,
    });
    expect(report.applied).toBe(false);
    expect(report.problems).toEqual([
      expect.objectContaining({ row: 1, field: 'row', code: 'permission.editorOwnClusterNamed' }),
    ]);
    expect(acme().en).toBe('');
  });
});
