import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';
// guessMapping is the domain's guessImportColumns: tested in @cos/domain (member-import.test.ts).
import { assignColumn, importRowsToCsv, toImportRows, verdictsByRow } from './member-import';

describe('assignColumn', () => {
  it('moves a field to the chosen column', () => {
    expect(assignColumn(['name', null, 'kind'], 1, 'name')).toEqual([null, 'name', 'kind']);
    expect(assignColumn(['name', null], 0, null)).toEqual([null, null]);
  });
});

describe('toImportRows', () => {
  it('keeps mapped cells by field and undoes export formula guards', () => {
    const rows = toImportRows(
      [
        ['Acme', 'x', `'=1+1`],
        ['Beta', 'y'],
      ],
      ['name', null, 'descriptionSv'],
    );
    expect(rows).toEqual([
      { name: 'Acme', descriptionSv: '=1+1' },
      { name: 'Beta', descriptionSv: '' },
    ]);
  });

  it('round-trips through the CSV the server route reads', () => {
    const rows = [{ name: 'Acme, AB', areas: 'tech;life-science' }, { name: 'Beta' }];
    const parsed = parseCsv(importRowsToCsv(rows)).rows;
    expect(parsed).toEqual([
      ['name', 'areas'],
      ['Acme, AB', 'tech;life-science'],
      ['Beta', ''],
    ]);
  });
});

describe('verdictsByRow', () => {
  it('groups problems and duplicates by row', () => {
    const verdicts = verdictsByRow({
      total: 4,
      valid: 1,
      invalid: 2,
      duplicates: 2,
      created: 0,
      dryRun: true,
      problems: [
        { row: 3, field: 'name', message: 'Name is required' },
        { row: 2, field: 'organisationNumber', message: 'bad' },
        { row: 3, field: 'kind', message: 'bad kind' },
      ],
      duplicateRows: [
        { row: 4, name: 'Acme', existing: { slug: 'acme', name: 'Acme AB' } },
        { row: 5, name: 'Acme 2', existing: null },
      ],
    });
    expect(
      verdicts.map((v) => [
        v.row,
        v.problems.length,
        v.duplicateOf?.slug ?? null,
        v.duplicateInFile,
      ]),
    ).toEqual([
      [2, 1, null, false],
      [3, 2, null, false],
      [4, 0, 'acme', false],
      [5, 0, null, true],
    ]);
  });
});
