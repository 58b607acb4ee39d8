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
  /** The line of the file each row starts on (1-based), as a spreadsheet or editor numbers them. */
  lines: number[];
}

/** Every row as a list of cells; fully empty lines are dropped. Throws on malformed quoting. */
export function parseCsv(input: string, delimiter?: Delimiter): ParsedCsv {
  const options = memberCsvParseOptions(input, delimiter);
  const rows: string[][] = parse(input, options);
  const lines = recordStartLines(input);
  // Should the scan and csv-parse ever disagree, a row's position is the honest fallback.
  return {
    rows,
    delimiter: options.delimiter,
    lines: lines.length === rows.length ? lines : rows.map((_, i) => i + 1),
  };
}

/**
 * The line each record starts on, skipping empty lines as the parser does.
 * csv-parse's own line count runs ahead after a CRLF inside quotes, and a
 * cell may hold line breaks, so "row + 1" would name the wrong line in the
 * report of a file with multi-line descriptions: a quote-aware scan instead.
 */
export function recordStartLines(input: string): number[] {
  const starts: number[] = [];
  let line = 1;
  let quoted = false;
  let inRecord = false;
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const lineBreak = c === '\n' || (c === '\r' && text[i + 1] !== '\n');
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') i++;
        else quoted = false;
      } else if (lineBreak) line++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      if (lineBreak) {
        line++;
        inRecord = false;
      }
      continue;
    }
    if (!inRecord) {
      starts.push(line);
      inRecord = true;
    }
    if (c === '"') quoted = true;
  }
  return starts;
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
