/**
 * The admin's member export: its formats, its columns and the query it takes.
 * The query is the admin member list's own URL (search, filters, sort, as
 * the list writes them), so a download is always of the list the person is
 * looking at; paging (cursor, limit, page) is left out, because an export is
 * every matching row.
 */
import { z } from 'zod';
import { msg } from './messages/format';
import { adminMemberListQuery } from './query';

/**
 * `csv-excel`: what Swedish Excel opens with a double-click (semicolon, UTF-8
 * with a byte-order mark, CRLF); `csv`: RFC 4180 (comma, CRLF, UTF-8 without
 * a BOM) for other programs; `xlsx`: an Excel workbook; `json`: an array of objects.
 */
export const MEMBER_EXPORT_FORMATS = ['csv-excel', 'csv', 'xlsx', 'json'] as const;
export type MemberExportFormat = (typeof MEMBER_EXPORT_FORMATS)[number];

/**
 * The columns, in order, as every format names them (snake_case, as the
 * open-data export and the import read them). Areas and clusters are slugs.
 */
export const ADMIN_EXPORT_COLUMNS = [
  'id',
  'slug',
  'name',
  'organisation_number',
  'kind',
  'size_band',
  'municipality_code',
  'municipality',
  'outside_skane',
  'website',
  'description_sv',
  'description_en',
  'status',
  'areas',
  'clusters',
  'cluster_relations',
  'created_at',
  'updated_at',
  'version',
] as const;
export type AdminExportColumn = (typeof ADMIN_EXPORT_COLUMNS)[number];

/** One exported member, typed (JSON keeps these types; CSV and XLSX write them as cells). */
export interface AdminExportRow {
  id: number;
  slug: string;
  name: string;
  organisation_number: string | null;
  kind: string;
  size_band: string | null;
  municipality_code: string | null;
  municipality: string | null;
  outside_skane: boolean;
  website: string | null;
  description_sv: string;
  description_en: string;
  status: string;
  areas: string[];
  clusters: string[];
  /** "slug:kind" for each link (member, founder, partner, agenda-co-lead); read by no import. */
  cluster_relations: string[];
  created_at: string;
  updated_at: string;
  version: number;
}

/** The list's URL parameters plus the format; `demo` as the list's URL writes it (only / none). */
export const memberExportQuery = adminMemberListQuery
  .omit({ cursor: true, limit: true, page: true })
  .extend({
    format: z
      .enum(MEMBER_EXPORT_FORMATS, {
        error: msg('oneOf', { label: 'format', options: MEMBER_EXPORT_FORMATS.join(', ') }),
      })
      .default('csv-excel'),
    demo: z
      .enum(['only', 'none'], { error: msg('oneOf', { label: 'demo', options: 'only, none' }) })
      .optional()
      .transform((d) => (d === undefined ? undefined : d === 'only')),
  });
export type MemberExportQuery = z.output<typeof memberExportQuery>;
export type MemberExportQueryInput = z.input<typeof memberExportQuery>;
