import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';
// guessMapping is the domain's guessImportColumns: tested in @cos/domain (member-import.test.ts).
import { assignColumn, importRowsToCsv, toImportRows } from './member-import';

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
