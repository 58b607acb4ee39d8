/**
 * Reading an import file from its bytes: the domain's reader decides the
 * encoding (byte-order mark, strict UTF-8, else chardet — the same reader the
 * server's import route and the CLI use) and refuses text that would store
 * U+FFFD; csv.ts splits it into rows, noting the line each row starts on.
 * Pure, so it runs in the import worker (off the page's thread) and in tests.
 */
import {
  decodeCsvBytes,
  formatMessage,
  IMPORT_MAX_ROWS,
  type CsvEncoding,
  type MessageCode,
  type WireParams,
} from '@cos/domain';
import { parseCsv, type Delimiter } from './csv';

/** The encodings a person may choose (UTF-16 is only ever read by its byte-order mark). */
export const CHOOSABLE_ENCODINGS = ['utf-8', 'windows-1252', 'iso-8859-1'] as const;

export interface ReadOptions {
  /** Forced by the person; left out, the bytes decide. */
  encoding?: CsvEncoding;
  delimiter?: Delimiter;
}

export interface ReadFile {
  ok: true;
  encoding: CsvEncoding;
  /** true: found from the bytes; false: chosen by the person. */
  encodingDetected: boolean;
  bom: boolean;
  delimiter: Delimiter;
  delimiterDetected: boolean;
  header: string[];
  /** The data rows, below the header. */
  rows: string[][];
  /** The file line each data row starts on (1-based; the header is on line 1 or later). */
  lines: number[];
}

/** Why a file cannot go on: a catalogue code and its parameters, worded where it is shown. */
export interface ReadRefusal {
  ok: false;
  code: MessageCode;
  params: WireParams;
  /** The encoding tried, when decoding got that far (shown beside the refusal). */
  encoding: CsvEncoding | null;
}

export type ReadResult = ReadFile | ReadRefusal;

export function readImportFile(bytes: Uint8Array, options: ReadOptions = {}): ReadResult {
  const decoded = decodeCsvBytes(bytes, options.encoding);
  if (!decoded.ok) {
    return {
      ok: false,
      code: decoded.code,
      params: decoded.params,
      encoding: options.encoding ?? null,
    };
  }
  const encoding = decoded.encoding;
  let parsed;
  try {
    parsed = parseCsv(decoded.text, options.delimiter);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, code: 'request.csvUnreadable', params: { detail }, encoding };
  }
  const [header = [], ...rows] = parsed.rows;
  if (rows.length === 0) return { ok: false, code: 'import.nothing', params: {}, encoding };
  if (rows.length > IMPORT_MAX_ROWS)
    return { ok: false, code: 'import.tooManyRows', params: { max: IMPORT_MAX_ROWS }, encoding };
  return {
    ok: true,
    encoding,
    encodingDetected: decoded.detected,
    bom: decoded.bom,
    delimiter: parsed.delimiter,
    delimiterDetected: options.delimiter === undefined,
    header,
    rows,
    lines: parsed.lines.slice(1),
  };
}

/** A refusal in the interface language (the catalogue words both). */
export function refusalText(refusal: ReadRefusal, locale: 'sv' | 'en'): string {
  return formatMessage(locale, refusal.code, refusal.params);
}

/**
 * A few names from the file to check the letters by: those with letters
 * beyond ASCII first (å, ä, ö show at once whether the encoding is right),
 * then the first ones, from the rows near the top.
 */
export function sampleNames(rows: readonly (readonly string[])[], column: number, count = 5) {
  const names: string[] = [];
  const plain: string[] = [];
  for (const row of rows.slice(0, 2000)) {
    const name = row[column]?.trim();
    if (!name) continue;
    // eslint-disable-next-line no-control-regex -- "anything beyond ASCII" is the point
    if (/[^\u0000-\u007F]/.test(name)) names.push(name);
    else if (plain.length < count) plain.push(name);
    if (names.length >= count) break;
  }
  return [...names, ...plain].slice(0, count);
}
