/**
 * Reads a member spreadsheet (CSV, UTF-8 with or without BOM; comma,
 * semicolon — Swedish Excel writes semicolons — or tab) into import rows,
 * mapping headings to fields unless a mapping is given. The rules are the
 * member CSV contract in @cos/domain, which the admin reads files by too.
 */
import {
  guessImportMapping,
  memberCsvParseOptions,
  restoreFormula,
  type ImportField,
  type ImportRow,
} from '@cos/domain';
import { parse } from 'csv-parse/sync';

export interface CsvRows {
  headers: string[];
  mapping: Record<string, ImportField | null>;
  rows: ImportRow[];
}

export function readMemberCsv(text: string, mapping?: Record<string, ImportField | null>): CsvRows {
  const records: string[][] = parse(text, memberCsvParseOptions(text));
  const [headers = [], ...data] = records;
  const map = mapping ?? guessImportMapping(headers);
  const rows = data.map((record) => {
    const row: ImportRow = {};
    headers.forEach((header, i) => {
      const field = map[header];
      if (field) row[field] = restoreFormula(record[i] ?? '');
    });
    return row;
  });
  return { headers, mapping: map, rows };
}
