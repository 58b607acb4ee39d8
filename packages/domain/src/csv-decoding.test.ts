import { describe, expect, it } from 'vitest';
import { decodeCsvBytes } from './csv-decoding';

const latin1 = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
const utf8 = (text: string) => new TextEncoder().encode(text);
const SWEDISH = 'Namn;Kommun\r\nHälsans Å-ö AB;Malmö\r\nÖrebro Ärende;Lund\r\n';

describe('decodeCsvBytes', () => {
  it('reads a Windows-1252 file from Swedish Excel, å/ä/ö and the € sign intact', () => {
    // 0x80 is € only in Windows-1252; å ä ö are 0xE5 0xE4 0xF6.
    const bytes = new Uint8Array([
      ...latin1('Namn;Pris\r\nH'),
      0xe4,
      ...latin1('lsans '),
      0xe5,
      0xf6,
      ...latin1(';5 '),
      0x80,
      ...latin1('\r\n'),
    ]);
    const decoded = decodeCsvBytes(bytes);
    expect(decoded).toMatchObject({
      ok: true,
      encoding: 'windows-1252',
      detected: true,
      bom: false,
    });
    expect(decoded.ok && decoded.text).toBe('Namn;Pris\r\nHälsans åö;5 €\r\n');
  });

  it('calls Latin-1 text Windows-1252 (what Swedish Excel writes), and reads ISO-8859-1 when told', () => {
    const decoded = decodeCsvBytes(latin1(SWEDISH.repeat(20)));
    expect(decoded).toEqual({
      ok: true,
      text: SWEDISH.repeat(20),
      encoding: 'windows-1252',
      detected: true,
      bom: false,
    });
    const forced = decodeCsvBytes(latin1(SWEDISH), 'iso-8859-1');
    expect(forced).toEqual({
      ok: true,
      text: SWEDISH,
      encoding: 'iso-8859-1',
      detected: false,
      bom: false,
    });
  });

  it('reads UTF-8 with and without a byte-order mark, the mark left out of the text', () => {
    const plain = decodeCsvBytes(utf8(SWEDISH));
    expect(plain).toEqual({
      ok: true,
      text: SWEDISH,
      encoding: 'utf-8',
      detected: true,
      bom: false,
    });
    const marked = decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(SWEDISH)]));
    expect(marked).toEqual({
      ok: true,
      text: SWEDISH,
      encoding: 'utf-8',
      detected: true,
      bom: true,
    });
  });

  it('reads UTF-16 by its byte-order mark (Excel’s "Unicode text")', () => {
    const bytes = new Uint8Array([
      0xff,
      0xfe,
      ...Buffer.from('Namn\tKommun\r\nÅhus AB\tKristianstad', 'utf16le'),
    ]);
    expect(decodeCsvBytes(bytes)).toMatchObject({
      ok: true,
      encoding: 'utf-16le',
      bom: true,
      text: 'Namn\tKommun\r\nÅhus AB\tKristianstad',
    });
  });

  it('takes a forced encoding, and refuses bytes that are not valid in it', () => {
    const forced = decodeCsvBytes(utf8('Malmö'), 'windows-1252');
    expect(forced).toMatchObject({
      ok: true,
      encoding: 'windows-1252',
      detected: false,
      text: 'MalmÃ¶',
    });
    expect(decodeCsvBytes(latin1('Malmö'), 'utf-8')).toEqual({
      ok: false,
      code: 'csv.undecodable',
      params: { encoding: 'utf-8' },
    });
  });

  it('refuses text that already holds U+FFFD, naming the line', () => {
    expect(decodeCsvBytes(utf8('Namn\r\nOk AB\r\nH\uFFFDlsans AB\r\n'))).toEqual({
      ok: false,
      code: 'csv.replacementChar',
      params: { line: 3 },
    });
  });

  it('reads a short Windows-1252 file, where chardet alone guesses an Asian encoding', () => {
    // Two lines of Swedish are too little for chardet's statistics (it says
    // Shift_JIS or ASCII); the file must still be read, not refused.
    for (const text of [
      'namn;orgnr;webbplats\r\nÅbergs Ölbryggeri;559922-3328;https://import.example\r\n',
      'namn;orgnr\r\nHälsans Vårdbolag AB;556677-8899\r\n',
      'namn\r\nÖ\r\n',
    ]) {
      expect(decodeCsvBytes(new Uint8Array(Buffer.from(text, 'latin1')))).toEqual({
        ok: true,
        text,
        encoding: 'windows-1252',
        detected: true,
        bom: false,
      });
    }
  });

  it('refuses Shift_JIS text, naming the encoding chardet sees', () => {
    // 日本語のテキスト in Shift_JIS, a line of it ten times.
    const line = [0x93, 0xfa, 0x96, 0x7b, 0x8c, 0xea, 0x82, 0xcc, 0x83, 0x65, 0x83, 0x4c];
    const bytes = new Uint8Array(
      Array.from({ length: 10 }, () => [...line, 0x83, 0x58, 0x83, 0x67, 0x0d, 0x0a]).flat(),
    );
    const refused = decodeCsvBytes(bytes);
    expect(refused).toMatchObject({ ok: false, code: 'csv.unsupportedEncoding' });
    expect(!refused.ok && refused.params).toEqual({ encoding: 'Shift_JIS' });
  });

  it('refuses a binary file (a spreadsheet saved as .xlsx is a zip)', () => {
    const zip = new Uint8Array([
      0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00,
    ]);
    const refused = decodeCsvBytes(zip);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.code).toMatch(/^csv\.(controlChar|unsupportedEncoding)$/);
  });

  it('refuses a control character in an otherwise readable file, naming its line', () => {
    expect(decodeCsvBytes(utf8('Namn\nA\u0007B\n'))).toEqual({
      ok: false,
      code: 'csv.controlChar',
      params: { line: 2 },
    });
  });
});
