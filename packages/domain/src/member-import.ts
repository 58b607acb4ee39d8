/**
 * Bulk import of members from a spreadsheet: the fields a CSV column can map
 * to, the header names we recognise for them (Swedish and English), and the
 * shape of an import request. The server turns each row into a
 * memberCreateInput and reports every bad row with its reasons.
 */
import { z } from 'zod';
import { msg } from './messages/format';
import { slugify } from './slug';

export const IMPORT_FIELDS = [
  'name',
  'organisationNumber',
  'kind',
  'sizeBand',
  'municipality',
  'website',
  'descriptionSv',
  'descriptionEn',
  'areas',
  'clusters',
  'status',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export const importFieldSchema = z.enum(IMPORT_FIELDS, {
  error: msg('oneOf', { label: 'field', options: IMPORT_FIELDS.join(', ') }),
});

/**
 * Column headings people actually use, per field, most specific first, in
 * slug form (slugify: lower case, å/ä/ö folded, other signs as "-"), so
 * "Org.nr", "org nr" and "ORG-NR" all match "org-nr".
 */
export const IMPORT_HEADER_SYNONYMS: Record<ImportField, readonly string[]> = {
  name: ['name', 'namn', 'company', 'foretag', 'foretagsnamn', 'organisation', 'organisationsnamn'],
  organisationNumber: [
    'organisation-number',
    'organisationnumber',
    'organization-number',
    'organisationsnummer',
    'orgnr',
    'org-nr',
    'org-number',
  ],
  kind: ['kind', 'typ', 'type', 'organisation-type', 'organisationstyp'],
  sizeBand: ['size-band', 'sizeband', 'size', 'storlek', 'storleksklass', 'anstallda', 'employees'],
  municipality: ['municipality-code', 'municipality', 'kommunkod', 'kommun'],
  website: ['website', 'webb', 'webbplats', 'hemsida', 'url', 'web'],
  descriptionSv: [
    'description-sv',
    'descriptionsv',
    'beskrivning-sv',
    'beskrivning',
    'description',
  ],
  descriptionEn: ['description-en', 'descriptionen', 'beskrivning-en', 'english-description'],
  areas: ['areas', 'area', 'omraden', 'omrade', 'specialiseringsomraden'],
  clusters: ['clusters', 'cluster', 'kluster', 'memberships', 'medlemskap'],
  status: ['status'],
};

/** Every synonym → its field (the same table, flat). */
export const IMPORT_HEADER_ALIASES: Record<string, ImportField> = Object.fromEntries(
  IMPORT_FIELDS.flatMap((field) => IMPORT_HEADER_SYNONYMS[field].map((s) => [s, field])),
);

/**
 * A field for each column from its heading (null: not imported); each field
 * goes to one column at most. Synonyms are tried in order, so a
 * "municipality_code" column wins over a "municipality" one.
 */
export function guessImportColumns(headers: readonly string[]): (ImportField | null)[] {
  const keys = headers.map((h) => slugify(h));
  const columns: (ImportField | null)[] = headers.map(() => null);
  for (const field of IMPORT_FIELDS) {
    for (const synonym of IMPORT_HEADER_SYNONYMS[field]) {
      const index = keys.findIndex((k, i) => k === synonym && columns[i] === null);
      if (index >= 0) {
        columns[index] = field;
        break;
      }
    }
  }
  return columns;
}

/** The same guess keyed by heading, as the import route reports it. */
export function guessImportMapping(headers: readonly string[]): Record<string, ImportField | null> {
  const columns = guessImportColumns(headers);
  const mapping: Record<string, ImportField | null> = {};
  headers.forEach((header, i) => {
    mapping[header] = mapping[header] ?? columns[i] ?? null;
  });
  return mapping;
}

export const IMPORT_MAX_ROWS = 200_000;

/** One spreadsheet row, already mapped to our field names; every value is text. */
export const importRowSchema = z.partialRecord(
  importFieldSchema,
  z.string().max(10_000, { error: msg('import.cellTooLong', {}) }),
);
export type ImportRow = z.infer<typeof importRowSchema>;

export const memberImportInput = z.strictObject({
  rows: z
    .array(importRowSchema)
    .min(1, { error: msg('import.nothing', {}) })
    .max(IMPORT_MAX_ROWS, { error: msg('import.tooManyRows', { max: IMPORT_MAX_ROWS }) }),
  /** Check only: report what would happen, write nothing. */
  dryRun: z.boolean().default(true),
  /** Leave out rows that look like members already registered (same name). */
  skipDuplicates: z.boolean().default(true),
});
export type MemberImportInput = z.infer<typeof memberImportInput>;
