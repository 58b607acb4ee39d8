/**
 * The member CSV contract, one for every reader and writer: the admin's file
 * import and export (in the browser), the REST import route and the CLI (on
 * the server) and the open-data export. It holds the rules only — delimiter
 * detection, formula neutralising, the export columns and the options every
 * side hands to csv-parse / csv-stringify — so the domain stays free of the
 * parser: the server uses csv-parse's Node build, the admin its browser build
 * (see README.md). Column headings → fields are in member-import.ts.
 */

export const CSV_DELIMITERS = [',', ';', '\t'] as const;
/** Comma, semicolon (what Swedish Excel writes) or tab. */
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/** How many records the delimiter sniff reads: the header and a few rows. */
const SNIFF_RECORDS = 12;

/**
 * The delimiter of a file, counted outside quotes (a quoted cell may hold
 * commas, semicolons and line breaks). The header decides when it has one
 * that every sniffed row repeats as often; when the header is ambiguous (no
 * delimiter, or a tie) the rows decide: the delimiter that splits every row
 * alike and most often. Ties: comma, then semicolon, then tab; a comma if none occurs.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const records = countDelimiters(text.startsWith('\uFEFF') ? text.slice(1) : text);
  const [header, ...rows] = records;
  if (!header) return ',';
  const steady = (d: CsvDelimiter, n: number) => rows.every((r) => r[d] === n);
  const ranked = [...CSV_DELIMITERS].sort((a, b) => header[b] - header[a]);
  const [first, second] = ranked as [CsvDelimiter, CsvDelimiter];
  const headerDecides = header[first] > 0 && header[first] > header[second];
  if (headerDecides) return first;
  // Ambiguous: the delimiter every row (header included, when it has any) splits the same, most often.
  let best: CsvDelimiter | null = null;
  for (const d of CSV_DELIMITERS) {
    const n = rows[0]?.[d] ?? header[d];
    if (n === 0 || !steady(d, n) || (header[d] !== 0 && header[d] !== n)) continue;
    if (best === null || n > (rows[0]?.[best] ?? header[best])) best = d;
  }
  return best ?? (header[first] > 0 ? first : ',');
}

/** Per record (quote-aware, up to SNIFF_RECORDS of them), how often each delimiter occurs. */
function countDelimiters(text: string): Record<CsvDelimiter, number>[] {
  const records: Record<CsvDelimiter, number>[] = [];
  let counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  let empty = true;
  for (let i = 0; i < text.length && records.length < SNIFF_RECORDS; i++) {
    const ch = text[i] as string;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (!empty) records.push(counts);
      counts = { ',': 0, ';': 0, '\t': 0 };
      empty = true;
      continue;
    } else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
    empty = false;
  }
  // The last record counts only when complete (the sniff may stop inside one).
  if (!empty && records.length < SNIFF_RECORDS && !quoted) records.push(counts);
  return records;
}

/**
 * Spreadsheet programs run a cell that starts with = + - @ (or a tab or
 * carriage return) as a formula: a member's name could then call out or run
 * commands on a reader's machine. Such cells get a leading apostrophe, which
 * Excel and LibreOffice show as text (OWASP's advice for CSV injection).
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Undoes neutraliseFormula on import, so an exported file imports as it was stored. */
export function restoreFormula(value: string): string {
  return /^'[=+\-@]/.test(value) ? value.slice(1) : value;
}

/** The open-data export's columns (published members; snake_case, as stored). */
export const MEMBER_EXPORT_COLUMNS = [
  'slug',
  'name',
  'organisation_number',
  'kind',
  'size_band',
  'municipality_code',
  'municipality',
  // true: known to be outside Skåne; false with no municipality: not known.
  'outside_skane',
  'website',
  'description_sv',
  'description_en',
  'areas',
  // Every cluster the organisation is linked to, of any kind…
  'clusters',
  // …and each link with its kind: "opentech:member;packbridge:founder". Only 'member' is a membership.
  'cluster_relations',
  'updated_at',
] as const;
export type MemberExportColumn = (typeof MEMBER_EXPORT_COLUMNS)[number];

/**
 * csv-parse options for a member file: a UTF-8 byte-order mark is dropped,
 * fully empty lines are skipped, short or long rows are kept (a spreadsheet
 * leaves trailing empty cells out), and the delimiter is detected unless given.
 */
export function memberCsvParseOptions(text: string, delimiter?: CsvDelimiter) {
  return {
    bom: true,
    delimiter: delimiter ?? detectDelimiter(text.startsWith('\uFEFF') ? text.slice(1) : text),
    skip_empty_lines: true,
    relax_column_count: true,
  } as const;
}

/**
 * csv-stringify options every member file is written with: each text cell
 * formula-neutralised, and a cell holding a line break quoted — CR or LF
 * alone too, which csv-stringify leaves bare unless it is the record
 * delimiter (a reader would split the row there).
 */
export const MEMBER_CSV_WRITE_OPTIONS = {
  // Booleans as words (csv-stringify's default writes false as an empty cell).
  cast: { string: neutraliseFormula, boolean: (value: boolean) => (value ? 'true' : 'false') },
  quoted_match: /[\r\n]/,
} as const;
