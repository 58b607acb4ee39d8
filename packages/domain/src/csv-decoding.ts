/**
 * Turning the bytes of an uploaded spreadsheet file into text — one reader
 * for the admin (in the browser), the import route and the CLI (on the
 * server). Swedish Excel's "CSV" is Windows-1252, its "CSV UTF-8" has a BOM,
 * CRMs write UTF-8 without one; read any of them as UTF-8 and every å, ä, ö
 * of a Windows-1252 file becomes U+FFFD — and is stored so, slugs included.
 *
 * So: a byte-order mark decides; otherwise strict UTF-8 (a fatal decoder)
 * is tried first, since a file that is valid UTF-8 almost surely is UTF-8;
 * otherwise chardet (a well-kept, pure-JS port of ICU's detector, which runs
 * in the browser too) names the single-byte encoding. The decoded text must
 * hold neither U+FFFD (a character lost before the file reached us) nor
 * control characters (not a text file): such a file is refused with the line,
 * never half-read. The caller may force an encoding (the admin offers it).
 */
import chardet from 'chardet';
import type { MessageParams } from './messages';

export const CSV_ENCODINGS = [
  'utf-8',
  'windows-1252',
  'iso-8859-1',
  'utf-16le',
  'utf-16be',
] as const;
/**
 * utf-16 is read only by its byte-order mark (Excel's "Unicode text"); the
 * three others are what an office's CSV is in.
 */
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

export interface DecodedCsv {
  ok: true;
  text: string;
  encoding: CsvEncoding;
  /** true: found from the bytes; false: the caller forced `encoding`. */
  detected: boolean;
  /** The file began with a byte-order mark (it is not part of `text`). */
  bom: boolean;
}

type RefusalCode =
  'csv.undecodable' | 'csv.replacementChar' | 'csv.controlChar' | 'csv.unsupportedEncoding';

export type CsvDecodeRefusal = {
  [C in RefusalCode]: { ok: false; code: C; params: MessageParams<C> };
}[RefusalCode];

/** How much of a file chardet reads: enough Swedish names to tell, quick on 20,000 rows. */
const SNIFF_BYTES = 64 * 1024;

/** chardet's names for what we read as Windows-1252 (WHATWG's decoder for both Latin-1 labels). */
const LATIN_GUESSES = new Set(['ISO-8859-1', 'windows-1252', 'ISO-8859-15']);

export function isCsvEncoding(value: string): value is CsvEncoding {
  return (CSV_ENCODINGS as readonly string[]).includes(value);
}

export function decodeCsvBytes(
  bytes: Uint8Array,
  encoding?: CsvEncoding,
): DecodedCsv | CsvDecodeRefusal {
  const bom = byteOrderMark(bytes);
  if (encoding) return checked(decode(bytes, encoding, bom === encoding), encoding, false, bom);
  if (bom) return checked(decode(bytes, bom, true), bom, true, bom);
  const utf8 = decode(bytes, 'utf-8', false);
  if (utf8 !== null) return checked(utf8, 'utf-8', true, null);
  const guess = guessSingleByte(bytes);
  if (!guess.ok) return guess;
  return checked(decode(bytes, guess.encoding, false), guess.encoding, true, null);
}

function byteOrderMark(b: Uint8Array): CsvEncoding | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return null;
}

/** The text, or null when the bytes are not valid in that encoding. */
function decode(bytes: Uint8Array, encoding: CsvEncoding, hasBom: boolean): string | null {
  try {
    // ISO-8859-1 is decoded as Windows-1252 (so does the WHATWG TextDecoder for
    // that label): they differ only in 0x80–0x9F, control codes in Latin-1,
    // which the check below refuses anyway.
    const label = encoding === 'iso-8859-1' ? 'windows-1252' : encoding;
    // ignoreBOM false drops a mark of this encoding; a forced encoding over
    // another encoding's mark keeps its bytes (and the text shows it).
    return new TextDecoder(label, { fatal: true, ignoreBOM: !hasBom }).decode(bytes);
  } catch {
    return null;
  }
}

// Windows-1252 whenever the text is Latin: it is what Swedish Excel writes and
// the name people know; ISO-8859-1 decodes alike on real text (the two differ
// only in 0x80–0x9F, control codes in ISO-8859-1), so it is named only when
// the caller forces it.
const LATIN = { ok: true, encoding: 'windows-1252' } as const;

function guessSingleByte(
  bytes: Uint8Array,
): { ok: true; encoding: CsvEncoding } | CsvDecodeRefusal {
  const sample = bytes.subarray(0, SNIFF_BYTES);
  const best = chardet.analyse(sample)[0]?.name ?? null;
  if (best === null || LATIN_GUESSES.has(best)) return LATIN;
  // chardet's statistics need more text than a short list of names gives: on
  // a few hundred bytes of Swedish ("Åbergs Ölbryggeri;559922-3328") its top
  // guess is often Shift_JIS or ASCII. So a non-Latin guess refuses the file
  // only when the Windows-1252 reading does not look like Western text either.
  if (looksWestern(sample)) return LATIN;
  return { ok: false, code: 'csv.unsupportedEncoding', params: { encoding: best } };
}

/**
 * The letters and signs non-ASCII bytes stand for in Nordic and Western
 * European text read as Windows-1252. Multi-byte encodings (Shift_JIS, GBK,
 * Big5…) read so give mostly other signs (ƒ, Œ, ‚, Ì…).
 */
const WESTERN = /[åäöÅÄÖæøÆØéÉèÈêëüÜúùûíìîïóòôõÓáàâãÁÀçÇñÑßÿý–—‘’‚“”„€£§°´·×«»½¼¾µ©®™…•]/;

/** At least four of five non-ASCII characters are such letters and signs. */
function looksWestern(sample: Uint8Array): boolean {
  // A cut in the middle of a multi-byte sequence is harmless here: Windows-1252
  // maps every byte (the five it leaves undefined become controls, refused later).
  const text = new TextDecoder('windows-1252').decode(sample);
  let foreign = 0;
  let western = 0;
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) continue;
    foreign++;
    if (WESTERN.test(ch)) western++;
  }
  return western * 5 >= foreign * 4;
}

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

function checked(
  text: string | null,
  encoding: CsvEncoding,
  detected: boolean,
  bom: CsvEncoding | null,
): DecodedCsv | CsvDecodeRefusal {
  if (text === null) return { ok: false, code: 'csv.undecodable', params: { encoding } };
  const lost = text.indexOf('\uFFFD');
  if (lost >= 0)
    return { ok: false, code: 'csv.replacementChar', params: { line: lineAt(text, lost) } };
  const control = CONTROL.exec(text);
  if (control)
    return { ok: false, code: 'csv.controlChar', params: { line: lineAt(text, control.index) } };
  return { ok: true, text, encoding, detected, bom: bom === encoding };
}

/** The 1-based line of a position (a quoted cell's line breaks count: it is the file's line). */
function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
