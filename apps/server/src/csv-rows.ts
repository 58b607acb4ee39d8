/**
 * Reads a member spreadsheet into import rows: the file's bytes decoded by
 * the domain's reader (UTF-8 with or without BOM, Windows-1252, ISO-8859-1,
 * UTF-16 by its BOM — see csv-decoding.ts in @cos/domain, which the admin
 * reads files by too), the delimiter detected (comma, semicolon, tab),
 * headings mapped to fields unless a mapping is given, and each row's line
 * in the file kept, so a report names the line a person sees in their editor.
 */
import { BadRequestError, coded } from '@cos/api';
import {
  decodeCsvBytes,
  guessImportMapping,
  memberCsvParseOptions,
  restoreFormula,
  type CsvDelimiter,
  type CsvEncoding,
  type ImportField,
  type ImportRow,
} from '@cos/domain';
import { parse } from 'csv-parse/sync';

export interface CsvRows {
  headers: string[];
  mapping: Record<string, ImportField | null>;
  rows: ImportRow[];
  /** The file line each row starts on (the header is line 1, unless blank lines come first). */
  lines: number[];
}

/** How the file was read, as the preview shows it. */
export interface CsvReading {
  encoding: CsvEncoding;
  /** false: the caller chose the encoding. */
  detected: boolean;
  bom: boolean;
  delimiter: CsvDelimiter;
}

export function readMemberCsv(text: string, mapping?: Record<string, ImportField | null>): CsvRows {
  const options = memberCsvParseOptions(text);
  // `info: true` wraps each record with where it was read; csv-parse's types do not follow the option.
  const records = parse(text, { ...options, info: true }) as unknown as {
    record: string[];
    info: { lines: number };
  }[];
  const [head, ...data] = records;
  const headers = head?.record ?? [];
  const map = mapping ?? guessImportMapping(headers);
  const lines: number[] = [];
  // csv-parse counts the line a record ends on, and counts every CR and LF in a
  // quoted cell as a line of its own (CRLF as two): undo both to get the line
  // the record starts on, as an editor numbers it.
  let overCount = 0;
  const rows = data.map(({ record, info }) => {
    const chars = record.reduce((n, cell) => n + (cell.match(/[\r\n]/g)?.length ?? 0), 0);
    lines.push(info.lines - overCount - chars);
    overCount += record.reduce((n, cell) => n + (cell.match(/\r\n/g)?.length ?? 0), 0);
    const row: ImportRow = {};
    headers.forEach((header, i) => {
      const field = map[header];
      if (field) row[field] = restoreFormula(record[i] ?? '');
    });
    return row;
  });
  return { headers, mapping: map, rows, lines };
}

/**
 * The bytes of an uploaded or read file, decoded and read. A file that
 * cannot be decoded cleanly is refused with the reason (a BadRequestError
 * worded by the catalogue); nothing is guessed past that.
 */
export function readMemberCsvBytes(
  bytes: Uint8Array,
  options: { encoding?: CsvEncoding; mapping?: Record<string, ImportField | null> } = {},
): CsvRows & { reading: CsvReading } {
  const decoded = decodeCsvBytes(bytes, options.encoding);
  if (!decoded.ok) throw new BadRequestError(coded(decoded.code, decoded.params));
  const read = readMemberCsv(decoded.text, options.mapping);
  return {
    ...read,
    reading: {
      encoding: decoded.encoding,
      detected: decoded.detected,
      bom: decoded.bom,
      delimiter: memberCsvParseOptions(decoded.text).delimiter,
    },
  };
}
