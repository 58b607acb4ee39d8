/**
 * Bulk import of members from a spreadsheet: the fields a CSV column can map
 * to, the header names we recognise for them (Swedish and English), and the
 * shape of an import request. The server turns each row into a
 * memberCreateInput and reports every bad row with its reasons.
 */
import { z } from 'zod';

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
  error: `Field must be one of: ${IMPORT_FIELDS.join(', ')}`,
});

/** Column headings people actually use, lower-cased, mapped to our fields. */
export const IMPORT_HEADER_ALIASES: Record<string, ImportField> = {
  name: 'name',
  namn: 'name',
  företag: 'name',
  organisation: 'name',
  organisationnumber: 'organisationNumber',
  organisation_number: 'organisationNumber',
  'organisation number': 'organisationNumber',
  organisationsnummer: 'organisationNumber',
  orgnr: 'organisationNumber',
  'org.nr': 'organisationNumber',
  kind: 'kind',
  typ: 'kind',
  type: 'kind',
  size: 'sizeBand',
  size_band: 'sizeBand',
  sizeband: 'sizeBand',
  storlek: 'sizeBand',
  municipality: 'municipality',
  municipality_code: 'municipality',
  kommun: 'municipality',
  website: 'website',
  webbplats: 'website',
  webb: 'website',
  url: 'website',
  description_sv: 'descriptionSv',
  descriptionsv: 'descriptionSv',
  beskrivning: 'descriptionSv',
  description_en: 'descriptionEn',
  descriptionen: 'descriptionEn',
  description: 'descriptionEn',
  areas: 'areas',
  områden: 'areas',
  area: 'areas',
  clusters: 'clusters',
  kluster: 'clusters',
  cluster: 'clusters',
  status: 'status',
};

/** Guesses a mapping from CSV headings to fields; unknown headings map to nothing. */
export function guessImportMapping(headers: readonly string[]): Record<string, ImportField | null> {
  const used = new Set<ImportField>();
  const mapping: Record<string, ImportField | null> = {};
  for (const header of headers) {
    const field = IMPORT_HEADER_ALIASES[header.trim().toLocaleLowerCase('sv')];
    mapping[header] = field && !used.has(field) ? field : null;
    if (field) used.add(field);
  }
  return mapping;
}

export const IMPORT_MAX_ROWS = 200_000;

/** One spreadsheet row, already mapped to our field names; every value is text. */
export const importRowSchema = z.partialRecord(
  importFieldSchema,
  z.string().max(10_000, 'Cell is too long'),
);
export type ImportRow = z.infer<typeof importRowSchema>;

export const memberImportInput = z.strictObject({
  rows: z
    .array(importRowSchema)
    .min(1, 'Nothing to import')
    .max(IMPORT_MAX_ROWS, `At most ${IMPORT_MAX_ROWS} rows`),
  /** Check only: report what would happen, write nothing. */
  dryRun: z.boolean().default(true),
  /** Leave out rows that look like members already registered (same name). */
  skipDuplicates: z.boolean().default(true),
});
export type MemberImportInput = z.infer<typeof memberImportInput>;
