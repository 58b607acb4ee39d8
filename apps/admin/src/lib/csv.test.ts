import { describe, expect, it } from 'vitest';
import { parseCsv, recordStartLines, toCsv } from './csv';

describe('parseCsv', () => {
  it('reads plain rows with a comma', () => {
    expect(parseCsv('name,kind\nAcme AB,company\n').rows).toEqual([
      ['name', 'kind'],
      ['Acme AB', 'company'],
    ]);
  });

  it('reads quoted cells with delimiters, doubled quotes and line breaks', () => {
    const { rows } = parseCsv('a,b\r\n"Ett, två","Han sa ""hej""\nigen"\r\n');
    expect(rows).toEqual([
      ['a', 'b'],
      ['Ett, två', 'Han sa "hej"\nigen'],
    ]);
  });

  it('detects semicolons (Swedish Excel) and strips a byte-order mark', () => {
    const parsed = parseCsv('\uFEFFnamn;typ\r\nÅkes Bageri;company');
    expect(parsed.delimiter).toBe(';');
    expect(parsed.rows).toEqual([
      ['namn', 'typ'],
      ['Åkes Bageri', 'company'],
    ]);
  });

  it('keeps empty cells, drops empty lines', () => {
    expect(parseCsv('a,b,c\n\n1,,3\n,,\n').rows).toEqual([
      ['a', 'b', 'c'],
      ['1', '', '3'],
      ['', '', ''],
    ]);
  });

  it('reads a last line without a line break', () => {
    expect(parseCsv('a\n"b"').rows).toEqual([['a'], ['b']]);
  });
});

describe('toCsv', () => {
  it('quotes what needs quoting and ends lines with CRLF', () => {
    expect(
      toCsv([
        ['name', 'note'],
        ['Acme, AB', 'sa "hej"'],
        ['Tom', null],
      ]),
    ).toBe('name,note\r\n"Acme, AB","sa ""hej"""\r\nTom,\r\n');
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    // The rule itself (which cells, which mark) is tested with the contract in @cos/domain.
    expect(toCsv([['@SUM(A1)']])).toBe(`'@SUM(A1)\r\n`);
  });

  it('round-trips through parseCsv', () => {
    const rows = [
      ['a', 'b;c', 'd\ne'],
      ['"', '', 'å'],
    ];
    expect(parseCsv(toCsv(rows, ';'), ';').rows).toEqual(rows);
  });
});

describe('recordStartLines', () => {
  it('names the line each row starts on, past empty lines and line breaks in cells', () => {
    const text = '\uFEFFa;b\r\n1;"två\r\nrader"\r\n\r\n3;"""x"""\r\n;\r\n5;6';
    expect(recordStartLines(text)).toEqual([1, 2, 5, 6, 7]);
    const parsed = parseCsv(text);
    expect(parsed.rows).toHaveLength(5);
    expect(parsed.lines).toEqual([1, 2, 5, 6, 7]);
  });

  it('counts a lone CR (old Mac files) and LF alike', () => {
    expect(recordStartLines('a\rb\n\nc')).toEqual([1, 2, 4]);
  });
});
