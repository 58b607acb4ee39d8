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

/** The filter value that stands for "outside Skåne" (a member with no municipality code). */
export const OUTSIDE_SKANE = 'outside' as const;

const byCode = new Map<string, Municipality>(MUNICIPALITIES.map((m) => [m.code, m]));
const byName = new Map<string, Municipality>(
  MUNICIPALITIES.map((m) => [m.name.toLocaleLowerCase('sv'), m]),
);

export function municipalityByCode(code: string): Municipality | undefined {
  return byCode.get(code);
}

/**
 * Finds a municipality by its name ("Malmö", "malmö stad", "Malmö kommun"), its
 * official name with the genitive s ("Lunds kommun", "Helsingborgs stad") or its code.
 */
export function findMunicipality(nameOrCode: string): Municipality | undefined {
  const text = nameOrCode.normalize('NFC').trim().toLocaleLowerCase('sv').replace(/\s+/g, ' ');
  const key = text.replace(/ (kommun|stad)$/, '');
  const found = byCode.get(key) ?? byName.get(key);
  if (found || key === text || !key.endsWith('s')) return found;
  // "Lunds kommun" → "Lund"; "Höganäs kommun" already matched above.
  return byName.get(key.slice(0, -1));
}

export const municipalityCodeSchema = z.enum(MUNICIPALITY_CODES, {
  error: msg('municipality.code', {}),
});

export const municipalityFilterSchema = z.union(
  [municipalityCodeSchema, z.literal(OUTSIDE_SKANE)],
  {
    error: msg('municipality.filter', { outside: OUTSIDE_SKANE }),
  },
);
