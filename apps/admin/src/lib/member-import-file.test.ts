import { describe, expect, it } from 'vitest';
import { readImportFile, refusalText, sampleNames } from './member-import-file';

/**
 * What Swedish Excel's "CSV" writes: Windows-1252 bytes, semicolons, CRLF.
 * Latin-1 covers å/ä/ö; the en dash is 0x96, a letter only in Windows-1252.
 */
const cp1252 = (text: string) =>
  new Uint8Array(Buffer.from(text.replaceAll('–', '\u0096'), 'latin1'));
const FILE = 'Namn;Kommun\r\nHälsans Hus AB – Syd;Malmö\r\nÅkes Bageri;Lund\r\nEricsson;Lund\r\n';

describe('readImportFile', () => {
  it('finds Windows-1252 and semicolons, and notes where each row starts', () => {
    const read = readImportFile(cp1252(FILE));
    expect(read).toMatchObject({
      ok: true,
      encoding: 'windows-1252',
      encodingDetected: true,
      bom: false,
      delimiter: ';',
      delimiterDetected: true,
      header: ['Namn', 'Kommun'],
      rows: [
        ['Hälsans Hus AB – Syd', 'Malmö'],
        ['Åkes Bageri', 'Lund'],
        ['Ericsson', 'Lund'],
      ],
      lines: [2, 3, 4],
    });
  });

  it('reads the same bytes the way the person chooses', () => {
    const read = readImportFile(cp1252(FILE), { encoding: 'iso-8859-1', delimiter: ',' });
    expect(read).toMatchObject({ ok: true, encoding: 'iso-8859-1', encodingDetected: false });
    expect(read.ok && read.rows[0]).toEqual(['Hälsans Hus AB – Syd;Malmö']);
    expect(read.ok && read.delimiterDetected).toBe(false);
  });

  it('reads UTF-8 with a byte-order mark by its mark', () => {
    const read = readImportFile(new TextEncoder().encode(`\uFEFF${FILE}`));
    expect(read).toMatchObject({ ok: true, encoding: 'utf-8', bom: true });
    expect(read.ok && read.header[0]).toBe('Namn');
  });

  it('refuses Windows-1252 bytes forced through UTF-8, with the reason in both languages', () => {
    const read = readImportFile(cp1252(FILE), { encoding: 'utf-8' });
    expect(read).toMatchObject({ ok: false, code: 'csv.undecodable', encoding: 'utf-8' });
    if (read.ok) return;
    expect(refusalText(read, 'en')).toMatch(/UTF-8|utf-8/);
    expect(refusalText(read, 'sv')).not.toBe(refusalText(read, 'en'));
  });

  it('refuses text that already lost its letters (U+FFFD) and names the line', () => {
    const read = readImportFile(new TextEncoder().encode('Namn\r\nOk AB\r\nH\uFFFDlsans AB\r\n'));
    expect(read).toMatchObject({ ok: false, code: 'csv.replacementChar', params: { line: 3 } });
  });

  it('refuses a file with no rows under the header, and broken quoting', () => {
    expect(readImportFile(cp1252('Namn;Kommun\r\n'))).toMatchObject({
      ok: false,
      code: 'import.nothing',
    });
    const broken = readImportFile(cp1252('Namn;Kommun\r\n"Öppen;Lund\r\n'));
    expect(broken).toMatchObject({ ok: false, code: 'request.csvUnreadable' });
  });
});

describe('sampleNames', () => {
  it('puts names with letters beyond ASCII first', () => {
    const rows = [['Acme'], ['Beta'], ['Åkes'], [''], ['Gösta'], ['Delta']];
    expect(sampleNames(rows, 0, 3)).toEqual(['Åkes', 'Gösta', 'Acme']);
  });
});
