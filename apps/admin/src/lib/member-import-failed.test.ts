import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';
import { FAILED_ROWS_BOM, failedRowsCsv, failedRowsFileName } from './member-import-failed';

describe('failedRowsCsv', () => {
  const header = ['Namn', 'Org.nr', 'Kommun'];
  const rows = [
    ['Bra AB', '556036-0793', 'Malmö'],
    ['=HYPERLINK("http://x")', '123', 'Oslo'],
    ['Kort rad'],
  ];

  it("is the file's own failed rows with a reason column, as UTF-8 with BOM in the file's delimiter", () => {
    const text = failedRowsCsv({
      header,
      rows,
      delimiter: ';',
      reasonHeading: 'Orsak',
      failures: [
        { row: 2, reason: 'Rad 3: Kommun: ”Oslo” är inte en av Skånes 33 kommuner' },
        { row: 3, reason: 'Rad 4: Namn; för kort' },
      ],
    });
    expect(text.startsWith(FAILED_ROWS_BOM)).toBe(true);
    const back = parseCsv(text).rows;
    expect(parseCsv(text).delimiter).toBe(';');
    expect(back).toEqual([
      ['Namn', 'Org.nr', 'Kommun', 'Orsak'],
      // A formula-like cell is neutralised: a spreadsheet shows it as text (the import strips the mark).
      [
        `'=HYPERLINK("http://x")`,
        '123',
        'Oslo',
        'Rad 3: Kommun: ”Oslo” är inte en av Skånes 33 kommuner',
      ],
      ['Kort rad', '', '', 'Rad 4: Namn; för kort'],
    ]);
  });

  it('keeps a long row whole and the reasons in one column', () => {
    const text = failedRowsCsv({
      header: ['a'],
      rows: [['1', '2', '3']],
      delimiter: ',',
      reasonHeading: 'Reason',
      failures: [{ row: 1, reason: 'bad' }],
    });
    expect(parseCsv(text).rows).toEqual([
      ['a', '', '', 'Reason'],
      ['1', '2', '3', 'bad'],
    ]);
  });
});

describe('failedRowsFileName', () => {
  it('names the download after the file', () => {
    expect(failedRowsFileName('medlemmar.CSV', 'felrader')).toBe('medlemmar-felrader.csv');
    expect(failedRowsFileName('.csv', 'failed-rows')).toBe('import-failed-rows.csv');
  });
});
