/**
 * Skåne's 33 municipalities (county code 12) with their official four-digit
 * codes from Statistics Sweden. Members outside Skåne carry no code.
 * `row`/`col` place each one on a rough tile-grid map of Skåne (north at the
 * top) so a site can draw a map without shipping outlines.
 */
import { z } from 'zod';
import { msg } from './messages/format';

export const MUNICIPALITIES = [
  { code: '1214', name: 'Svalöv', row: 2, col: 2 },
  { code: '1230', name: 'Staffanstorp', row: 5, col: 2 },
  { code: '1231', name: 'Burlöv', row: 5, col: 1 },
  { code: '1233', name: 'Vellinge', row: 7, col: 1 },
  { code: '1256', name: 'Östra Göinge', row: 1, col: 5 },
  { code: '1257', name: 'Örkelljunga', row: 0, col: 2 },
  { code: '1260', name: 'Bjuv', row: 1, col: 1 },
  { code: '1261', name: 'Kävlinge', row: 4, col: 1 },
  { code: '1262', name: 'Lomma', row: 4, col: 0 },
  { code: '1263', name: 'Svedala', row: 6, col: 2 },
  { code: '1264', name: 'Skurup', row: 6, col: 3 },
  { code: '1265', name: 'Sjöbo', row: 5, col: 4 },
  { code: '1266', name: 'Hörby', row: 3, col: 4 },
  { code: '1267', name: 'Höör', row: 3, col: 3 },
  { code: '1270', name: 'Tomelilla', row: 5, col: 5 },
  { code: '1272', name: 'Bromölla', row: 1, col: 7 },
  { code: '1273', name: 'Osby', row: 0, col: 5 },
  { code: '1275', name: 'Perstorp', row: 1, col: 3 },
  { code: '1276', name: 'Klippan', row: 1, col: 2 },
  { code: '1277', name: 'Åstorp', row: 1, col: 0 },
  { code: '1278', name: 'Båstad', row: 0, col: 1 },
  { code: '1280', name: 'Malmö', row: 6, col: 1 },
  { code: '1281', name: 'Lund', row: 5, col: 3 },
  { code: '1282', name: 'Landskrona', row: 3, col: 1 },
  { code: '1283', name: 'Helsingborg', row: 2, col: 0 },
  { code: '1284', name: 'Höganäs', row: 0, col: 0 },
  { code: '1285', name: 'Eslöv', row: 3, col: 2 },
  { code: '1286', name: 'Ystad', row: 6, col: 4 },
  { code: '1287', name: 'Trelleborg', row: 7, col: 2 },
  { code: '1290', name: 'Kristianstad', row: 2, col: 6 },
  { code: '1291', name: 'Simrishamn', row: 5, col: 6 },
  { code: '1292', name: 'Ängelholm', row: 0, col: 3 },
  { code: '1293', name: 'Hässleholm', row: 2, col: 5 },
] as const;

export type Municipality = (typeof MUNICIPALITIES)[number];
export type MunicipalityCode = Municipality['code'];

export const MUNICIPALITY_CODES = MUNICIPALITIES.map((m) => m.code) as unknown as readonly [
  MunicipalityCode,
  ...MunicipalityCode[],
];

/** The filter value for members known to be outside Skåne (outside_skane = 1). */
export const OUTSIDE_SKANE = 'outside' as const;

/**
 * The filter value for members whose municipality is not known: no code and
 * not marked outside Skåne. Kept apart from OUTSIDE_SKANE on purpose — a
 * register that has no place for a company must not claim it is elsewhere.
 */
export const MUNICIPALITY_UNKNOWN = 'unknown' as const;

/** Where a member is, as one filter/facet value: a municipality code, 'outside' or 'unknown'. */
export type PlaceKey = MunicipalityCode | typeof OUTSIDE_SKANE | typeof MUNICIPALITY_UNKNOWN;

/** The place value of a stored member (municipality code, outside flag). */
export function placeKey(code: string | null, outsideSkane: boolean | number): string {
  if (code !== null) return code;
  return outsideSkane === true || outsideSkane === 1 ? OUTSIDE_SKANE : MUNICIPALITY_UNKNOWN;
}

/** The two place values that are not a municipality, labelled for lists and facets. */
export const NON_MUNICIPALITY_PLACES = [
  { value: OUTSIDE_SKANE, label: { sv: 'Utanför Skåne', en: 'Outside Skåne' } },
  { value: MUNICIPALITY_UNKNOWN, label: { sv: 'Kommun okänd', en: 'Municipality not known' } },
] as const;

/** Lower case, å/ä/ö and other marks folded, spaces single: "MALMÖ" and "Malmo" read alike. */
function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

const byCode = new Map<string, Municipality>(MUNICIPALITIES.map((m) => [m.code, m]));
const byName = new Map<string, Municipality>(MUNICIPALITIES.map((m) => [foldName(m.name), m]));

export function municipalityByCode(code: string): Municipality | undefined {
  return byCode.get(code);
}

/**
 * Finds a municipality in the forms people write it: its name in any case,
 * with or without å/ä/ö ("Malmö", "MALMO", "malmo"), with "kommun" or "stad"
 * ("Malmö stad"), in the official genitive ("Lunds kommun", "Helsingborgs
 * stad"), by its code ("1280") or code and name ("1280 Malmö", "Malmö (1280)").
 * A code and a name that disagree find nothing.
 */
export function findMunicipality(nameOrCode: string): Municipality | undefined {
  let text = foldName(nameOrCode).replace(/,? ?(skane lan|skane)$/, '');
  const code = /^(\d{4})\b[ .,:-]*(.*)$/.exec(text) ?? /^(.*?)[ ,]*\((\d{4})\)$/.exec(text);
  if (code) {
    const [digits, rest] = /^\d{4}$/.test(code[1] ?? '') ? [code[1], code[2]] : [code[2], code[1]];
    const byItsCode = byCode.get(digits ?? '');
    if (!rest) return byItsCode;
    return byItsCode && findByName(rest) === byItsCode ? byItsCode : undefined;
  }
  text = text.replace(/^(kommun|stad) /, '');
  return findByName(text);
}

function findByName(text: string): Municipality | undefined {
  const key = text.replace(/ (kommun|stad|municipality|city)$/, '');
  const found = byName.get(key);
  if (found || key === text || !key.endsWith('s')) return found;
  // "Lunds kommun" → "Lund"; "Höganäs kommun" already matched above.
  return byName.get(key.slice(0, -1));
}

/**
 * Words for "outside Skåne" in an import, and common Swedish municipalities
 * that are not in Skåne (folded as foldName does). A member there is
 * outside Skåne, which is an answer — unlike a blank cell, which is "not known".
 */
const OUTSIDE_SKANE_WORDS = new Set([
  'outside',
  'outside skane',
  'utanfor skane',
  'utanfor',
  'ej skane',
  'inte skane',
  'annan ort',
  'annan kommun',
  'ovrigt sverige',
  'rest of sweden',
  'utomlands',
  'abroad',
  'utlandet',
]);
const NON_SKANE_MUNICIPALITIES = new Set(
  [
    'Stockholm',
    'Göteborg',
    'Gothenburg',
    'Uppsala',
    'Linköping',
    'Örebro',
    'Västerås',
    'Norrköping',
    'Helsingör',
    'Jönköping',
    'Umeå',
    'Växjö',
    'Karlskrona',
    'Karlshamn',
    'Ronneby',
    'Sölvesborg',
    'Olofström',
    'Halmstad',
    'Laholm',
    'Varberg',
    'Falkenberg',
    'Kungsbacka',
    'Markaryd',
    'Älmhult',
    'Ljungby',
    'Kalmar',
    'Borås',
    'Gävle',
    'Sundsvall',
    'Luleå',
    'Karlstad',
    'Eskilstuna',
    'Södertälje',
    'Solna',
    'Sundbyberg',
    'Nacka',
    'Huddinge',
    'Täby',
    'Mölndal',
    'Trollhättan',
    'Skövde',
    'Östersund',
    'Falun',
    'Gotland',
    'Visby',
    'Köpenhamn',
    'Copenhagen',
    'København',
    'Danmark',
    'Denmark',
    'Norge',
    'Norway',
  ].map(foldName),
);

/** What an import's municipality cell says: a code, "outside Skåne", not known (blank), or unknown. */
export type ImportPlace =
  | { kind: 'code'; code: MunicipalityCode }
  | { kind: 'outside' }
  | { kind: 'blank' }
  | { kind: 'unknown' };

export function placeFromText(text: string): ImportPlace {
  const folded = foldName(text);
  if (folded === '') return { kind: 'blank' };
  const found = findMunicipality(text);
  if (found) return { kind: 'code', code: found.code };
  // A Swedish municipality code of another county (01–25, not Skåne's 12), e.g. "0180 Stockholm".
  const code = /^(\d{2})\d{2}\b/.exec(folded)?.[1];
  if (code && code !== '12' && Number(code) >= 1 && Number(code) <= 25) return { kind: 'outside' };
  const name = folded.replace(/s? (kommun|stad|municipality|city)$/, '');
  if (OUTSIDE_SKANE_WORDS.has(folded) || NON_SKANE_MUNICIPALITIES.has(folded))
    return { kind: 'outside' };
  if (NON_SKANE_MUNICIPALITIES.has(name)) return { kind: 'outside' };
  return { kind: 'unknown' };
}

export const municipalityCodeSchema = z.enum(MUNICIPALITY_CODES, {
  error: msg('municipality.code', {}),
});

export const municipalityFilterSchema = z.union(
  [municipalityCodeSchema, z.literal(OUTSIDE_SKANE), z.literal(MUNICIPALITY_UNKNOWN)],
  {
    error: msg('municipality.filter', { outside: OUTSIDE_SKANE, unknown: MUNICIPALITY_UNKNOWN }),
  },
);
