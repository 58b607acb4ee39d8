/**
 * Bulk import of members from a spreadsheet: the fields a CSV column can map
 * to, the header names we recognise for them (Swedish and English), and the
 * shape of an import request. The server turns each row into a
 * memberCreateInput and reports every bad row with its reasons.
 */
import { z } from 'zod';
import { msg } from './messages/format';
import { slugify } from './slug';
import { idSchema, versionSchema } from './vocabulary';

export const IMPORT_FIELDS = [
  'name',
  /** Matches a row to a member (with the organisation number) when updating. */
  'slug',
  'organisationNumber',
  'kind',
  'sizeBand',
  'municipality',
  /** Yes/no (1, true, ja, x …): known to be outside Skåne, as the admin export writes it. */
  'outsideSkane',
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
  slug: ['slug', 'member-slug', 'medlem-slug'],
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
  outsideSkane: ['outside-skane', 'outsideskane', 'utanfor-skane'],
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

export const IMPORT_MODES = ['create', 'upsert'] as const;
/** create: every row is a new member; upsert: a row matching a member (org. number or slug) updates it. */
export type ImportMode = (typeof IMPORT_MODES)[number];

/** A row the preview matched to a member, and the version it saw: apply refuses if either changed. */
export const importExpectedMatch = z.strictObject({
  row: z.number().int().positive(),
  id: idSchema,
  version: versionSchema,
});

const rowLine = z.number().int().positive();

export const memberImportInput = z
  .strictObject({
    rows: z
      .array(importRowSchema)
      .min(1, { error: msg('import.nothing', {}) })
      .max(IMPORT_MAX_ROWS, { error: msg('import.tooManyRows', { max: IMPORT_MAX_ROWS }) }),
    /**
     * The file's line number of each row, in the same order (a quoted cell may
     * span lines, so it is not the row number + 1); reports name rows by it.
     */
    lines: z.array(rowLine).max(IMPORT_MAX_ROWS).optional(),
    /** Check only: report what would happen, write nothing. */
    dryRun: z.boolean().default(true),
    /** Leave out rows that look like members already registered (same name). */
    skipDuplicates: z.boolean().default(true),
    mode: z.enum(IMPORT_MODES).default('create'),
    /**
     * The preview's matches (upsert). When given, apply is refused as a
     * conflict if a row now matches another member, or its member's version
     * moved on. Left out (a one-shot CLI or HTTP import), the matches are
     * made and written inside the one transaction.
     */
    expected: z.array(importExpectedMatch).max(IMPORT_MAX_ROWS).optional(),
  })
  .refine((input) => !input.lines || input.lines.length === input.rows.length, {
    error: msg('import.linesLength', {}),
    path: ['lines'],
  });
export type MemberImportInput = z.infer<typeof memberImportInput>;
