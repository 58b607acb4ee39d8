import { describe, expect, it } from 'vitest';
import { readMemberCsv, readMemberCsvBytes } from './csv-rows';

describe('readMemberCsv', () => {
  it('maps Swedish headings, strips the BOM and reads semicolon files', () => {
    const csv =
      '\uFEFFNamn;Organisationsnummer;Kommun;Okänd\n"Ystad Mejeri; AB";556016-0680;Ystad;x\n';
    const { rows, mapping } = readMemberCsv(csv);
    expect(mapping).toEqual({
      Namn: 'name',
      Organisationsnummer: 'organisationNumber',
      Kommun: 'municipality',
      Okänd: null,
    });
    expect(rows).toEqual([
      { name: 'Ystad Mejeri; AB', organisationNumber: '556016-0680', municipality: 'Ystad' },
    ]);
  });

  it('reads comma files with quoted commas and line breaks, and honours an explicit mapping', () => {
    const csv = 'company,about\n"Lund, Labs","Rad ett\nrad två"\n';
    const { rows } = readMemberCsv(csv, { company: 'name', about: 'descriptionSv' });
    expect(rows).toEqual([{ name: 'Lund, Labs', descriptionSv: 'Rad ett\nrad två' }]);
  });
});

describe('readMemberCsv line numbers', () => {
  it('gives the line each row starts on, past quoted line breaks (LF or CRLF) and blank lines', () => {
    const csv = 'Namn;Beskrivning\r\nA;"ett\r\ntvå"\r\n\r\nB;x\r\nC;"1\n2\n3"\r\nD;y\r\n';
    const { rows, lines } = readMemberCsv(csv);
    expect(rows.map((r) => r.name)).toEqual(['A', 'B', 'C', 'D']);
    expect(lines).toEqual([2, 5, 6, 9]);
  });
});

describe('readMemberCsvBytes', () => {
  it('decodes Windows-1252 bytes and says how the file was read', () => {
    const bytes = Buffer.from('Namn;Kommun\r\nHälsans Öl AB;Malmö\r\n', 'latin1');
    const read = readMemberCsvBytes(bytes);
    expect(read.rows).toEqual([{ name: 'Hälsans Öl AB', municipality: 'Malmö' }]);
    expect(read.reading).toMatchObject({ detected: true, bom: false, delimiter: ';' });
    expect(read.reading.encoding).toMatch(/^(windows-1252|iso-8859-1)$/);
  });

  it('refuses bytes that are not text in the forced encoding, with the catalogue code', () => {
    expect(() =>
      readMemberCsvBytes(Buffer.from('Namn\nÅ\n', 'latin1'), { encoding: 'utf-8' }),
    ).toThrow(expect.objectContaining({ messageCode: 'csv.undecodable' }));
  });
});
