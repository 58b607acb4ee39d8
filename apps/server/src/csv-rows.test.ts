import { describe, expect, it } from 'vitest';
import { readMemberCsv } from './csv-rows';

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
