/**
 * Where a cluster's facts come from, in words a visitor can read: a source
 * note in Swedish and English, the sources themselves (title, year and, where
 * the source is public, a link), and the member count those sources report —
 * kept apart from the members registered here.
 */
import { z } from 'zod';
import { webAddressSchema } from './contact';
import { customIssue, msg } from './messages/format';
import { REPORTED_MEMBER_QUALIFIERS } from './vocabulary';

const THIS_YEAR = new Date().getUTCFullYear();

/** Sources per cluster: a short list a visitor reads, not a bibliography. */
export const MAX_CLUSTER_SOURCES = 20;
/** A reported count above this is a typing error, not a cluster (the largest reports 400+). */
export const MAX_REPORTED_MEMBERS = 100_000;
/** The platform's facts start in the 1990s (the oldest cluster, 1994); an older count is a typo. */
export const REPORTED_MEMBERS_FIRST_YEAR = 1990;
/** A source may be older than any count (a founding document). */
export const SOURCE_FIRST_YEAR = 1900;

function yearSchema(label: 'reportedMembersYear' | 'sourceYear', min: number) {
  return z
    .number({ error: msg('notNumber', { label }) })
    .int({ error: msg('notWhole', { label }) })
    .min(min, { error: msg('yearFrom', { label, min }) })
    .max(THIS_YEAR, { error: msg('yearTo', { label, max: THIS_YEAR }) });
}

const EMPTY_REPORTED = { count: null, qualifier: null, year: null } as const;

/**
 * The membership the cluster's sources report: how many, how the source put
 * it (about 150, at least 400, exactly 122) and the year it refers to. All
 * three empty means "no source gives a figure". A qualifier or a year without
 * a count describes nothing, so it is refused on the count; a count without a
 * qualifier is taken as exact.
 */
export const reportedMembersSchema = z
  .strictObject(
    {
      count: z
        .number({ error: msg('notNumber', { label: 'reportedMembers' }) })
        .int({ error: msg('notWhole', { label: 'reportedMembers' }) })
        .min(0, { error: msg('atLeast', { label: 'reportedMembers', min: 0 }) })
        .max(MAX_REPORTED_MEMBERS, {
          error: msg('atMost', { label: 'reportedMembers', max: MAX_REPORTED_MEMBERS }),
        })
        .nullable()
        .default(null),
      qualifier: z
        .enum(REPORTED_MEMBER_QUALIFIERS, {
          error: msg('oneOf', {
            label: 'reportedMembersQualifier',
            options: REPORTED_MEMBER_QUALIFIERS.join(', '),
          }),
        })
        .nullable()
        .default(null),
      year: yearSchema('reportedMembersYear', REPORTED_MEMBERS_FIRST_YEAR).nullable().default(null),
    },
    { error: msg('reportedMembers.shape', {}) },
  )
  .superRefine((r, ctx) => {
    if (r.count === null && (r.qualifier !== null || r.year !== null)) {
      ctx.addIssue(customIssue('reportedMembers.countNeeded', {}, ['count']));
    }
  })
  .transform((r) =>
    r.count !== null && r.qualifier === null ? { ...r, qualifier: 'exact' as const } : r,
  )
  .default({ ...EMPTY_REPORTED });
export type ReportedMembers = z.infer<typeof reportedMembersSchema>;

/** One source: a title in Swedish (English optional), the year if known, a link if it is public. */
export const clusterSourceSchema = z.strictObject(
  {
    title: z.strictObject(
      {
        sv: z
          .string({ error: msg('requiredIn', { label: 'sourceTitle', lang: 'sv' }) })
          .trim()
          .min(1, { error: msg('requiredIn', { label: 'sourceTitle', lang: 'sv' }) })
          .max(300, { error: msg('tooLongIn', { label: 'sourceTitle', lang: 'sv', max: 300 }) }),
        en: z
          .string({ error: msg('textIn', { label: 'sourceTitle', lang: 'en' }) })
          .trim()
          .max(300, { error: msg('tooLongIn', { label: 'sourceTitle', lang: 'en', max: 300 }) })
          .default(''),
      },
      { error: msg('bilingualShape', { label: 'sourceTitle' }) },
    ),
    year: yearSchema('sourceYear', SOURCE_FIRST_YEAR).nullable().default(null),
    /** Only http(s) (webAddressSchema): a link on a public page must not run script. */
    url: webAddressSchema.nullable().default(null),
  },
  { error: msg('sources.shape', {}) },
);
export type ClusterSource = z.infer<typeof clusterSourceSchema>;

export const clusterSourcesSchema = z
  .array(clusterSourceSchema, { error: msg('sources.shape', {}) })
  .max(MAX_CLUSTER_SOURCES, { error: msg('sources.tooMany', { max: MAX_CLUSTER_SOURCES }) })
  .default([]);
