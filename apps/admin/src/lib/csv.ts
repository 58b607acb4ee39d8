/**
 * CSV reading and writing (RFC 4180) for imports and exports. Reads what
 * spreadsheets write: a byte-order mark, `,` or `;` (Swedish Excel) or tab as
 * the delimiter, quoted cells with doubled quotes and line breaks, CRLF or LF.
 */

export type Delimiter = ',' | ';' | '\t';

export interface ParsedCsv {
  rows: string[][];
  delimiter: Delimiter;
}

/** The delimiter that occurs most often outside quotes in the first line. */
export function detectDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  const best = (Object.entries(counts) as [Delimiter, number][]).sort((a, b) => b[1] - a[1])[0];
  return best && best[1] > 0 ? best[0] : ',';
}

/** Every row as a list of cells; fully empty lines are dropped. */
export function parseCsv(input: string, delimiter?: Delimiter): ParsedCsv {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const sep = delimiter ?? detectDelimiter(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  const endRow = () => {
    row.push(cell);
    cell = '';
    if (row.length > 1 || row[0] !== '') rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        cell += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && cell === '') {
      quoted = true;
    } else if (ch === sep) {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' || ch === '\n') {
      endRow();
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else {
      cell += ch;
    }
    i++;
  }
  if (cell !== '' || row.length > 0) endRow();
  return { rows, delimiter: sep };
}

/**
 * A cell that a spreadsheet would run as a formula (=, +, -, @, tab, CR at the
 * start) gets a leading apostrophe: exported data must not execute (CSV injection).
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function quote(value: string, delimiter: Delimiter): string {
  return value.includes('"') ||
    value.includes(delimiter) ||
    value.includes('\n') ||
    value.includes('\r')
    ? `"${value.replace(/"/g, '""')}"`
    : value;
}

/** Rows to CSV text with CRLF line ends (what spreadsheets expect). */
export function toCsv(
  rows: readonly (readonly (string | number | boolean | null | undefined)[])[],
  delimiter: Delimiter = ',',
): string {
  return (
    rows
      .map((row) =>
        row
          .map((value) =>
            quote(
              neutraliseFormula(value === null || value === undefined ? '' : String(value)),
              delimiter,
            ),
          )
          .join(delimiter),
      )
      .join('\r\n') + '\r\n'
  );
}
