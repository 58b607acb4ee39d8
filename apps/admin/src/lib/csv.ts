/**
 * CSV reading and writing in the browser for imports and exports, by the
 * member CSV contract in @cos/domain (delimiter detection, byte-order mark,
 * formula neutralising) that the server's import route and CLI read by too.
 * The parsing itself is csv-parse / csv-stringify, in their browser builds.
 */
import { MEMBER_CSV_WRITE_OPTIONS, memberCsvParseOptions, type CsvDelimiter } from '@cos/domain';
import { parse } from 'csv-parse/browser/esm/sync';
import { stringify } from 'csv-stringify/browser/esm/sync';

export type Delimiter = CsvDelimiter;

export interface ParsedCsv {
  rows: string[][];
  delimiter: Delimiter;
}

/** Every row as a list of cells; fully empty lines are dropped. Throws on malformed quoting. */
export function parseCsv(input: string, delimiter?: Delimiter): ParsedCsv {
  const options = memberCsvParseOptions(input, delimiter);
  const rows: string[][] = parse(input, options);
  return { rows, delimiter: options.delimiter };
}

/** Rows to CSV text with CRLF line ends (what spreadsheets expect), formula-like cells neutralised. */
export function toCsv(
  rows: readonly (readonly (string | null | undefined)[])[],
  delimiter: Delimiter = ',',
): string {
  return stringify(
    rows.map((row) => [...row]),
    { ...MEMBER_CSV_WRITE_OPTIONS, delimiter, record_delimiter: 'windows' },
  );
}
