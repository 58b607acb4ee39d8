/**
 * Inputs for list and search queries. Filters accept one value or several
 * (a GET form sends `?area=tech&area=livsmedel` or just `?area=tech`), so the
 * same schema serves tRPC, the REST open-data routes and the public site.
 */
import { z } from 'zod';
import { municipalityFilterSchema } from './municipalities';
import { slugSchema } from './slug';
import { idSchema, memberKindSchema, sizeBandSchema, statusSchema } from './vocabulary';

export const LIST_LIMIT_DEFAULT = 20;
export const LIST_LIMIT_MAX = 100;
export const SEARCH_QUERY_MAX = 100;

/** One value or a list of them, always a de-duplicated list. */
function manyOf<T extends z.ZodType>(item: T, label: string, max = 40) {
  return (
    z
      .preprocess(
        (v: unknown): unknown =>
          v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v],
        z.array(item).max(max, `${label}: at most ${max} values`),
      )
      // optional() keeps the key optional for callers (a preprocess alone types it as required).
      .optional()
      .transform((values: z.output<T>[] | undefined) => [...new Set(values ?? [])])
  );
}

const limitSchema = z.coerce
  .number({ error: 'Limit must be a number' })
  .int('Limit must be a whole number')
  .min(1, 'Limit must be at least 1')
  .max(LIST_LIMIT_MAX, `Limit must be at most ${LIST_LIMIT_MAX}`)
  .default(LIST_LIMIT_DEFAULT);

const cursorSchema = z.string().max(500, 'Cursor is too long').optional();

const searchTextSchema = z
  .string()
  .trim()
  .max(SEARCH_QUERY_MAX, `Search text must be at most ${SEARCH_QUERY_MAX} characters`)
  .optional()
  .transform((q) => (q === '' ? undefined : q));

export const MEMBER_SORTS = ['relevance', 'name', 'newest'] as const;
export type MemberSort = (typeof MEMBER_SORTS)[number];

/** The member directory: free text, filters, sort and keyset pagination. */
export const memberDirectoryQuery = z.object({
  q: searchTextSchema,
  area: manyOf(slugSchema, 'Area'),
  cluster: manyOf(slugSchema, 'Cluster'),
  municipality: manyOf(municipalityFilterSchema, 'Municipality', 34),
  kind: manyOf(memberKindSchema, 'Kind'),
  size: manyOf(sizeBandSchema, 'Size'),
  /** Default: relevance when there is search text, name otherwise. */
  sort: z
    .enum(MEMBER_SORTS, { error: `Sort must be one of: ${MEMBER_SORTS.join(', ')}` })
    .optional(),
  cursor: cursorSchema,
  limit: limitSchema,
});
export type MemberDirectoryQuery = z.output<typeof memberDirectoryQuery>;
export type MemberDirectoryQueryInput = z.input<typeof memberDirectoryQuery>;
export type MemberFilterKey = 'area' | 'cluster' | 'municipality' | 'kind' | 'size';
export const MEMBER_FILTER_KEYS: readonly MemberFilterKey[] = [
  'area',
  'cluster',
  'municipality',
  'kind',
  'size',
];

/** The admin's member list: like the directory, plus status and every record. */
export const adminMemberListQuery = memberDirectoryQuery.extend({
  status: manyOf(statusSchema, 'Status'),
  demo: z.boolean().optional(),
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
  entity: z.enum(['area', 'cluster', 'member', 'article', 'user']).optional(),
  entityId: z.string().max(100).optional(),
  userId: z.string().max(100).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  cursor: cursorSchema,
  limit: limitSchema,
});
export type AuditListQuery = z.output<typeof auditListQuery>;

export const bySlugInput = z.object({ slug: slugSchema });
export const byIdInput = z.object({ id: idSchema });
