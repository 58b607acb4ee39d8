/**
 * Inputs for list and search queries. Filters accept one value or several
 * (a GET form sends `?area=tech&area=livsmedel` or just `?area=tech`), so the
 * same schema serves tRPC, the REST open-data routes and the public site.
 */
import { z } from 'zod';
import { localeSchema } from './bilingual';
import type { FieldLabel } from './messages/labels';
import { msg } from './messages/format';
import { municipalityFilterSchema } from './municipalities';
import { slugSchema } from './slug';
import {
  AUDIT_ENTITIES,
  idSchema,
  memberKindSchema,
  sizeBandSchema,
  statusSchema,
} from './vocabulary';

export const LIST_LIMIT_DEFAULT = 20;
export const LIST_LIMIT_MAX = 100;
export const SEARCH_QUERY_MAX = 100;

/** One value or a list of them, always a de-duplicated list. */
function manyOf<T extends z.ZodType>(item: T, label: FieldLabel, max = 40) {
  return (
    z
      .preprocess(
        (v: unknown): unknown =>
          v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v],
        z.array(item).max(max, { error: msg('tooManyValues', { label, max }) }),
      )
      // optional() keeps the key optional for callers (a preprocess alone types it as required).
      .optional()
      .transform((values: z.output<T>[] | undefined) => [...new Set(values ?? [])])
  );
}

const limitSchema = z.coerce
  .number({ error: msg('notNumber', { label: 'limit' }) })
  .int({ error: msg('notWhole', { label: 'limit' }) })
  .min(1, { error: msg('atLeast', { label: 'limit', min: 1 }) })
  .max(LIST_LIMIT_MAX, { error: msg('atMost', { label: 'limit', max: LIST_LIMIT_MAX }) })
  .default(LIST_LIMIT_DEFAULT);

const cursorSchema = z
  .string()
  .max(500, { error: msg('overlong', { label: 'cursor' }) })
  .optional();

const searchTextSchema = z
  .string()
  .trim()
  .max(SEARCH_QUERY_MAX, { error: msg('tooLong', { label: 'searchText', max: SEARCH_QUERY_MAX }) })
  .optional()
  .transform((q) => (q === '' ? undefined : q));

/**
 * The site-wide search box: one text, every kind of content (members,
 * clusters, areas, news), grouped by kind. No text gives no results.
 */
export const siteSearchQuery = z.object({ q: searchTextSchema });
export type SiteSearchQuery = z.output<typeof siteSearchQuery>;
/** How many members the site-wide search lists before linking to the directory. */
export const SITE_SEARCH_MEMBERS = 5;

export const MEMBER_SORTS = ['relevance', 'name', 'newest'] as const;
export type MemberSort = (typeof MEMBER_SORTS)[number];

/** The member directory: free text, filters, sort and keyset pagination. */
export const memberDirectoryQuery = z.object({
  q: searchTextSchema,
  area: manyOf(slugSchema, 'area'),
  cluster: manyOf(slugSchema, 'cluster'),
  municipality: manyOf(municipalityFilterSchema, 'municipality', 34),
  kind: manyOf(memberKindSchema, 'kind'),
  size: manyOf(sizeBandSchema, 'size'),
  /** Default: relevance when there is search text, name otherwise. */
  sort: z
    .enum(MEMBER_SORTS, {
      error: msg('oneOf', { label: 'sort', options: MEMBER_SORTS.join(', ') }),
    })
    .optional(),
  cursor: cursorSchema,
  limit: limitSchema,
});
export type MemberDirectoryQuery = z.output<typeof memberDirectoryQuery>;

/**
 * Open data (REST /api/v1/members and the downloads) leaves generated demo
 * members out unless `?demo=include` asks for them: a download is never
 * mistaken for the real register.
 */
export const OPEN_DATA_DEMO = ['exclude', 'include'] as const;
export const openDataQuery = memberDirectoryQuery.extend({
  demo: z
    .enum(OPEN_DATA_DEMO, {
      error: msg('oneOf', { label: 'demo', options: OPEN_DATA_DEMO.join(', ') }),
    })
    .default('exclude'),
});
export type OpenDataQuery = z.output<typeof openDataQuery>;
export type MemberDirectoryQueryInput = z.input<typeof memberDirectoryQuery>;
export type MemberFilterKey = 'area' | 'cluster' | 'municipality' | 'kind' | 'size';
export const MEMBER_FILTER_KEYS: readonly MemberFilterKey[] = [
  'area',
  'cluster',
  'municipality',
  'kind',
  'size',
];

/**
 * The admin's list sorts by any of its columns, either way: the directory's
 * sorts plus municipality, kind, created and changed ('newest' is created,
 * newest first, kept so links and callers of the directory's sorts still work).
 */
export const ADMIN_MEMBER_SORTS = [
  ...MEMBER_SORTS,
  'municipality',
  'kind',
  'created',
  'changed',
] as const;
export type AdminMemberSort = (typeof ADMIN_MEMBER_SORTS)[number];
export const SORT_ORDERS = ['asc', 'desc'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];
/** Each admin sort's natural direction: names A–Ö, dates newest first. */
export function defaultSortOrder(sort: AdminMemberSort): SortOrder {
  return sort === 'newest' || sort === 'created' || sort === 'changed' ? 'desc' : 'asc';
}
/** Numbered pages go this far (100 rows a page: a million rows). */
export const LIST_PAGE_MAX = 10_000;

/**
 * The admin's member list: like the directory, plus status, every record,
 * more sorts with a direction, and numbered pages (`page`) beside the cursor.
 */
export const adminMemberListQuery = memberDirectoryQuery.extend({
  status: manyOf(statusSchema, 'status'),
  demo: z.boolean().optional(),
  sort: z
    .enum(ADMIN_MEMBER_SORTS, {
      error: msg('oneOf', { label: 'sort', options: ADMIN_MEMBER_SORTS.join(', ') }),
    })
    .optional(),
  /** Default: each sort's natural direction (names A–Ö, dates newest first). */
  order: z
    .enum(SORT_ORDERS, {
      error: msg('oneOf', { label: 'sortOrder', options: SORT_ORDERS.join(', ') }),
    })
    .optional(),
  page: z.coerce
    .number({ error: msg('notNumber', { label: 'page' }) })
    .int({ error: msg('notWhole', { label: 'page' }) })
    .min(1, { error: msg('atLeast', { label: 'page', min: 1 }) })
    .max(LIST_PAGE_MAX, { error: msg('atMost', { label: 'page', max: LIST_PAGE_MAX }) })
    .optional(),
});
export type AdminMemberListQuery = z.output<typeof adminMemberListQuery>;

export const articleListQuery = z.object({
  tag: z.string().trim().toLowerCase().max(40).optional(),
  cluster: slugSchema.optional(),
  cursor: cursorSchema,
  limit: limitSchema,
});
export type ArticleListQuery = z.output<typeof articleListQuery>;

export const auditListQuery = z.object({
  entity: z.enum(AUDIT_ENTITIES).optional(),
  entityId: z.string().max(100).optional(),
  userId: z.string().max(100).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  cursor: cursorSchema,
  limit: limitSchema,
});
export type AuditListQuery = z.output<typeof auditListQuery>;

export const bySlugInput = z.object({ slug: slugSchema });
/** An article by its address on a page in `locale` (an article has a slug per language). */
export const articleBySlugInput = bySlugInput.extend({ locale: localeSchema.default('sv') });
export const byIdInput = z.object({ id: idSchema });
