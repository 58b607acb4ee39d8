/**
 * Output schemas: what each procedure may return. tRPC validates every
 * response against these and zod objects drop keys they do not name, so a
 * column added to a query can never leak by accident.
 */
import {
  AUDIT_ACTIONS,
  AUDIT_ENTITIES,
  CONFIDENCES,
  MEMBER_KINDS,
  MEMBER_SORTS,
  SIZE_BANDS,
  STATUSES,
  USER_ROLES,
} from '@cos/domain';
import { z } from 'zod';

export const bilingualOut = z.object({ sv: z.string(), en: z.string() });
export const areaRefOut = z.object({ slug: z.string(), name: bilingualOut });
export const clusterRefOut = z.object({ slug: z.string(), name: z.string() });
export const municipalityOut = z.object({ code: z.string(), name: z.string() }).nullable();

export const directoryItemOut = z.object({
  slug: z.string(),
  name: z.string(),
  kind: z.string(),
  sizeBand: z.string().nullable(),
  municipality: municipalityOut,
  website: z.string().nullable(),
  description: bilingualOut,
  areas: z.array(areaRefOut),
  clusters: z.array(clusterRefOut),
});

export const adminDirectoryItemOut = directoryItemOut.extend({
  id: z.number(),
  status: z.string(),
  version: z.number(),
  isDemo: z.boolean(),
  organisationNumber: z.string().nullable(),
  updatedAt: z.string(),
});

const facetValueOut = z.object({ value: z.string(), label: bilingualOut, count: z.number() });
export const facetsOut = z.object({
  area: z.array(facetValueOut),
  cluster: z.array(facetValueOut),
  municipality: z.array(facetValueOut),
  kind: z.array(facetValueOut),
  size: z.array(facetValueOut),
});

export const directoryOut = z.object({
  items: z.array(directoryItemOut),
  total: z.number(),
  nextCursor: z.string().nullable(),
  sort: z.enum(MEMBER_SORTS),
  facets: facetsOut,
});

export const memberPageOut = z.object({
  items: z.array(directoryItemOut),
  total: z.number(),
  nextCursor: z.string().nullable(),
});

export const areaOut = z.object({
  slug: z.string(),
  name: bilingualOut,
  summary: bilingualOut,
  sortOrder: z.number(),
  memberCount: z.number(),
  clusterCount: z.number(),
});

export const clusterOut = z.object({
  slug: z.string(),
  name: z.string(),
  shortName: z.string(),
  description: bilingualOut,
  website: z.string().nullable(),
  /** The cluster organisation's own address, not a person's. */
  email: z.string().nullable(),
  city: z.string(),
  municipality: municipalityOut,
  foundedYear: z.number().nullable(),
  logoUrl: z.string().nullable(),
  confidence: z.enum(CONFIDENCES),
  sourceNote: z.string(),
  memberCount: z.number(),
  areas: z.array(areaRefOut),
});

export const areaDetailOut = areaOut.extend({
  clusters: z.array(clusterOut),
  relatedAreas: z.array(areaRefOut.extend({ sharedMembers: z.number() })),
  members: memberPageOut,
});

export const clusterDetailOut = clusterOut.extend({ members: memberPageOut });

export const memberDetailOut = z.object({
  slug: z.string(),
  name: z.string(),
  organisationNumber: z.string().nullable(),
  kind: z.string(),
  sizeBand: z.string().nullable(),
  municipality: municipalityOut,
  website: z.string().nullable(),
  description: bilingualOut,
  createdAt: z.string(),
  updatedAt: z.string(),
  areas: z.array(areaRefOut),
  clusters: z.array(clusterRefOut.extend({ since: z.string().nullable() })),
  related: z.array(
    z.object({
      slug: z.string(),
      name: z.string(),
      kind: z.string(),
      municipality: municipalityOut,
      clusters: z.array(clusterRefOut),
    }),
  ),
});

export const articleSummaryOut = z.object({
  slug: z.string(),
  title: bilingualOut,
  summary: bilingualOut,
  coverImage: z.object({ src: z.string(), alt: bilingualOut }).nullable(),
  author: z.string(),
  publishedAt: z.string(),
  cluster: clusterRefOut.nullable(),
  tags: z.array(z.string()),
});
export const articleOut = articleSummaryOut.extend({ body: bilingualOut });
export const articleListOut = z.object({
  items: z.array(articleSummaryOut),
  nextCursor: z.string().nullable(),
});

const countOut = z.object({ count: z.number() });
export const statisticsOut = z.object({
  totalMembers: z.number(),
  totalClusters: z.number(),
  totalAreas: z.number(),
  byArea: z.array(areaRefOut.merge(countOut)),
  byCluster: z.array(clusterRefOut.merge(countOut)),
  byMunicipality: z.array(z.object({ code: z.string(), name: z.string(), count: z.number() })),
  byKind: z.array(z.object({ kind: z.string(), count: z.number() })),
  clusterAreaMatrix: z.object({
    areas: z.array(areaRefOut),
    rows: z.array(z.object({ cluster: clusterRefOut, counts: z.array(z.number()) })),
  }),
  multiClusterMembers: z.object({
    count: z.number(),
    top: z.array(z.object({ slug: z.string(), name: z.string(), clusterCount: z.number() })),
  }),
});

export const memberRecordOut = z.object({
  id: z.number(),
  slug: z.string(),
  name: z.string(),
  organisationNumber: z.string().nullable(),
  kind: z.enum(MEMBER_KINDS),
  sizeBand: z.enum(SIZE_BANDS).nullable(),
  municipalityCode: z.string().nullable(),
  website: z.string().nullable(),
  description: bilingualOut,
  areaIds: z.array(z.number()),
  memberships: z.array(z.object({ clusterId: z.number(), since: z.string().nullable() })),
  status: z.enum(STATUSES),
  isDemo: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const duplicateWarningOut = z.object({
  field: z.enum(['organisationNumber', 'name']),
  message: z.string(),
  member: z.object({ id: z.number(), slug: z.string(), name: z.string() }),
});

export const auditEntryOut = z.object({
  id: z.number(),
  at: z.string(),
  userId: z.string().nullable(),
  userEmail: z.string().nullable(),
  entity: z.enum(AUDIT_ENTITIES),
  entityId: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  before: z.unknown(),
  after: z.unknown(),
});

const statusOut = z.enum(STATUSES);

export const areaRecordOut = z.object({
  id: z.number(),
  slug: z.string(),
  name: bilingualOut,
  summary: bilingualOut,
  sortOrder: z.number(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const clusterRecordOut = z.object({
  id: z.number(),
  slug: z.string(),
  name: z.string(),
  shortName: z.string(),
  description: bilingualOut,
  website: z.string().nullable(),
  email: z.string().nullable(),
  city: z.string(),
  municipalityCode: z.string().nullable(),
  foundedYear: z.number().nullable(),
  logoUrl: z.string().nullable(),
  areaIds: z.array(z.number()),
  confidence: z.enum(CONFIDENCES),
  sourceNote: z.string(),
  status: statusOut,
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const articleRecordOut = z.object({
  id: z.number(),
  slug: z.string(),
  title: bilingualOut,
  summary: bilingualOut,
  body: bilingualOut,
  coverImage: z.object({ src: z.string(), alt: bilingualOut }).nullable(),
  author: z.string(),
  tags: z.array(z.string()),
  clusterId: z.number().nullable(),
  publishedAt: z.string().nullable(),
  status: statusOut,
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** An account as admins see it: never a password hash or session. */
export const userRecordOut = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(USER_ROLES),
  clusterId: z.number().nullable(),
  disabled: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
});

export const deletedOut = z.object({ id: z.number() });

export const importReportOut = z.object({
  total: z.number(),
  valid: z.number(),
  invalid: z.number(),
  duplicates: z.number(),
  created: z.number(),
  dryRun: z.boolean(),
  problems: z.array(z.object({ row: z.number(), field: z.string(), message: z.string() })),
  /** Each problem's message code and parameters, in the same order (see ImportReport). */
  problemCodes: z.array(
    z
      .object({
        code: z.string(),
        params: z.record(z.string(), z.union([z.string(), z.number()])),
      })
      .nullable(),
  ),
  duplicateRows: z.array(
    z.object({
      row: z.number(),
      name: z.string(),
      existing: z.object({ slug: z.string(), name: z.string() }).nullable(),
    }),
  ),
});
