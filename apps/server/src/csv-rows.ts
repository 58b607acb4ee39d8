/**
 * Reads a member spreadsheet (CSV, UTF-8 with or without BOM, comma or
 * semicolon — Swedish Excel writes semicolons) into import rows, mapping
 * headings to fields by the domain's aliases unless a mapping is given.
 */
import { guessImportMapping, type ImportField, type ImportRow } from '@cos/domain';
import { parse } from 'csv-parse/sync';

export interface CsvRows {
  headers: string[];
  mapping: Record<string, ImportField | null>;
  rows: ImportRow[];
}

export function readMemberCsv(text: string, mapping?: Record<string, ImportField | null>): CsvRows {
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'));
  const delimiter =
    (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const records: string[][] = parse(text, {
    bom: true,
    delimiter,
    skip_empty_lines: true,
    relax_column_count: true,
  });
  const [headers = [], ...data] = records;
  const map = mapping ?? guessImportMapping(headers);
  const rows = data.map((record) => {
    const row: ImportRow = {};
    headers.forEach((header, i) => {
      const field = map[header];
      if (field) row[field] = record[i] ?? '';
    });
    return row;
  });
  return { headers, mapping: map, rows };
}
