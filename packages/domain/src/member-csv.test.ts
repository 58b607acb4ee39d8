import { describe, expect, it } from 'vitest';
import {
  detectDelimiter,
  MEMBER_EXPORT_COLUMNS,
  memberCsvParseOptions,
  neutraliseFormula,
  restoreFormula,
} from './member-csv';
import { ADMIN_EXPORT_COLUMNS } from './member-export';
import { guessImportColumns } from './member-import';

describe('detectDelimiter', () => {
  it('ignores delimiters inside quotes', () => {
    expect(detectDelimiter('"a;b;c",d,e\n')).toBe(',');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('single')).toBe(',');
  });

  it('reads only the first line and prefers the commoner sign', () => {
    expect(detectDelimiter('Namn;Kommun;Typ\r\na,b,c,d,e,f')).toBe(';');
    expect(detectDelimiter('a;b,c\n')).toBe(',');
  });
});

describe('memberCsvParseOptions', () => {
  it('detects the delimiter past a byte-order mark, or takes the one given', () => {
    expect(memberCsvParseOptions('\uFEFFnamn;typ\r\n').delimiter).toBe(';');
    expect(memberCsvParseOptions('a,b', ';').delimiter).toBe(';');
    expect(memberCsvParseOptions('a').bom).toBe(true);
  });
});

describe('neutraliseFormula', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(neutraliseFormula('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(neutraliseFormula('-5')).toBe(`'-5`);
    expect(neutraliseFormula('\tx')).toBe(`'\tx`);
    expect(neutraliseFormula('Acme')).toBe('Acme');
  });

  it('is undone on import, and only where it was applied', () => {
    for (const value of ['=1+1', '+46 40 123', '-5', '@SUM(A1)', 'Acme', "'quoted'"]) {
      expect(restoreFormula(neutraliseFormula(value))).toBe(value);
    }
    expect(restoreFormula("'Acme")).toBe("'Acme");
  });
});

describe('export columns', () => {
  it('the admin export holds every open-data column, and every column a person edits imports again', () => {
    expect(ADMIN_EXPORT_COLUMNS).toEqual(expect.arrayContaining([...MEMBER_EXPORT_COLUMNS]));
    // The bookkeeping columns (id, created_at, updated_at, version) are not read,
    // nor the municipality's name beside its code (the code decides); slug is (it
    // matches rows to members when updating), and outside_skane.
    const read = guessImportColumns([...ADMIN_EXPORT_COLUMNS]);
    // cluster_relations neither: a link's kind is set in the member form, and an import keeps it.
    expect(ADMIN_EXPORT_COLUMNS.filter((_, i) => read[i] === null)).toEqual([
      'id',
      'municipality',
      'cluster_relations',
      'created_at',
      'updated_at',
      'version',
    ]);
  });
});

describe('detectDelimiter over several lines', () => {
  it('counts outside quotes, across a quoted line break in the header', () => {
    expect(detectDelimiter('"Namn;\nfull";"Org, nr";Kommun\r\nA;B;C\r\n')).toBe(';');
    expect(detectDelimiter('"a;b;c",d\n"e;f;g",h\n')).toBe(',');
  });

  it('lets the rows decide when the header is ambiguous', () => {
    // A one-column header, or a tie in it: the rows split alike on one sign.
    expect(detectDelimiter('Namn\nAcme AB;Malmö\nBeta AB;Lund\n')).toBe(';');
    expect(detectDelimiter('a;b,c\n1;2\n4;5\n')).toBe(';');
    expect(detectDelimiter('Namn\tKommun\nAcme, Inc\tMalmö\n')).toBe('\t');
  });
});
