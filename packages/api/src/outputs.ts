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
  MAIL_LANGUAGES,
  NOTIFICATION_MODES,
  RELATION_KINDS,
  REPORTED_MEMBER_QUALIFIERS,
  USER_ROLES,
} from '@cos/domain';
import { z } from 'zod';

export const bilingualOut = z.object({ sv: z.string(), en: z.string() });
export const areaRefOut = z.object({ slug: z.string(), name: bilingualOut });
export const clusterRefOut = z.object({ slug: z.string(), name: z.string() });
/** A cluster an organisation is linked to, and how: only `member` is a membership. */
export const clusterLinkOut = clusterRefOut.extend({ relation: z.enum(RELATION_KINDS) });
/** A record's uploaded image as the admin edits it: which upload, and its alt text. */
export const imageRefOut = z.object({ hash: z.string(), alt: bilingualOut });
/** An uploaded image as the site shows it: <img> attributes for its slot (domain imageSources). */
export const publicImageOut = z.object({
  src: z.string(),
  srcset: z.string(),
  width: z.number(),
  height: z.number(),
  alt: bilingualOut,
});
export const municipalityOut = z.object({ code: z.string(), name: z.string() }).nullable();

export const directoryItemOut = z.object({
  slug: z.string(),
  name: z.string(),
  kind: z.string(),
  sizeBand: z.string().nullable(),
  municipality: municipalityOut,
  /** Known to be outside Skåne; municipality null and this false means "not known". */
  outsideSkane: z.boolean(),
  website: z.string().nullable(),
  description: bilingualOut,
  areas: z.array(areaRefOut),
  clusters: z.array(clusterLinkOut),
  /** A generated demo record: the site shows it with a badge. */
  isDemo: z.boolean(),
});

export const adminDirectoryItemOut = directoryItemOut.extend({
  id: z.number(),
  status: z.string(),
  version: z.number(),
  isDemo: z.boolean(),
  organisationNumber: z.string().nullable(),
  createdAt: z.string(),
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
  /** Null on the first page; `{ cursor: null }` when the previous page is the first. */
  previous: z.object({ cursor: z.string().nullable() }).nullable(),
  sort: z.enum(MEMBER_SORTS),
  facets: facetsOut,
  /** A spelling the register holds when the text found little; applied when it found nothing. */
  correction: z.object({ q: z.string(), applied: z.boolean() }).nullable(),
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

/** A postal or visiting address as entered; the public outputs give null when nothing is. */
export const addressOut = z.object({ street: z.string(), postcode: z.string(), city: z.string() });
/** A contact person, as the cluster entered them (public: the cluster chose to publish them). */
export const contactPersonOut = z.object({
  name: z.string(),
  role: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
});

/** One of a cluster's sources: a title in both languages, the year and a link where it is public. */
export const clusterSourceOut = z.object({
  title: bilingualOut,
  year: z.number().nullable(),
  url: z.string().nullable(),
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
  logo: publicImageOut.nullable(),
  /** Contact details and "become a member" (cluster-contact.ts in domain): empty when not given. */
  phone: z.string().nullable(),
  postalAddress: addressOut.nullable(),
  visitingAddress: addressOut.nullable(),
  contactPersons: z.array(contactPersonOut),
  membershipText: bilingualOut,
  membershipUrl: z.string().nullable(),
  confidence: z.enum(CONFIDENCES),
  /** Where the facts come from, in sentences, in Swedish and English (replaces `sourceNote`). */
  sourceNoteText: bilingualOut,
  sources: z.array(clusterSourceOut),
  /**
   * What the cluster's own sources report about its membership (with the
   * year it refers to), apart from `memberCount`, the members registered
   * here; null when no source gives a figure.
   */
  reportedMembers: z
    .object({
      count: z.number(),
      qualifier: z.enum(REPORTED_MEMBER_QUALIFIERS),
      year: z.number().nullable(),
    })
    .nullable(),
  /** Published organisations registered here as members of the cluster (`relationCounts.member`). */
  memberCount: z.number(),
  /** Published organisations linked to the cluster, by kind of link: only members are members. */
  relationCounts: z.object({
    member: z.number(),
    founder: z.number(),
    partner: z.number(),
    'agenda-co-lead': z.number(),
  }),
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
  /** A generated demo record: badge, noindex, no JSON-LD; its organisation number is made up. */
  isDemo: z.boolean(),
  organisationNumber: z.string().nullable(),
  kind: z.string(),
  sizeBand: z.string().nullable(),
  municipality: municipalityOut,
  /** Known to be outside Skåne; municipality null and this false means "not known". */
  outsideSkane: z.boolean(),
  website: z.string().nullable(),
  description: bilingualOut,
  logo: publicImageOut.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  areas: z.array(areaRefOut),
  clusters: z.array(clusterLinkOut.extend({ since: z.string().nullable() })),
  related: z.array(
    z.object({
      slug: z.string(),
      name: z.string(),
      kind: z.string(),
      municipality: municipalityOut,
      outsideSkane: z.boolean(),
      isDemo: z.boolean(),
      clusters: z.array(clusterLinkOut),
    }),
  ),
});

/** A tag: its key (the Swedish word, what the news list filters on) and its name in both languages. */
const articleTagOut = z.object({ tag: z.string(), name: bilingualOut });

export const articleSummaryOut = z.object({
  /** The Swedish slug (as before slugs per language). */
  slug: z.string(),
  /** The address's last part in each language; English is the Swedish slug when there is none. */
  slugs: bilingualOut,
  title: bilingualOut,
  summary: bilingualOut,
  /** srcset, width and height are there for an uploaded cover; null for an address. */
  coverImage: z
    .object({
      src: z.string(),
      alt: bilingualOut,
      srcset: z.string().nullable(),
      width: z.number().nullable(),
      height: z.number().nullable(),
    })
    .nullable(),
  author: z.string(),
  publishedAt: z.string(),
  cluster: clusterRefOut.nullable(),
  tags: z.array(articleTagOut),
});
export const articleOut = articleSummaryOut.extend({
  body: bilingualOut,
  /** Clusters the text names whose facts are less than high confidence: the page marks them. */
  unconfirmedClusters: z.array(
    z.object({ slug: z.string(), name: z.string(), confidence: z.enum(CONFIDENCES) }),
  ),
});
export const articleListOut = z.object({
  items: z.array(articleSummaryOut),
  nextCursor: z.string().nullable(),
});

const countOut = z.object({ count: z.number() });
/** Demo members in the register: published (the public banner) and all (the admin's). */
export const demoPresenceOut = z.object({ published: z.number(), total: z.number() });

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
  /** Known to be outside Skåne (municipalityCode is then null); false with no code: not known. */
  outsideSkane: z.boolean(),
  website: z.string().nullable(),
  description: bilingualOut,
  logo: imageRefOut.nullable(),
  areaIds: z.array(z.number()),
  memberships: z.array(
    z.object({
      clusterId: z.number(),
      kind: z.enum(RELATION_KINDS),
      since: z.string().nullable(),
    }),
  ),
  status: z.enum(STATUSES),
  isDemo: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/**
 * A likely duplicate. `scope` says what the asker may know (member-duplicates.ts):
 * 'editable' (named, theirs to open), 'public' (named: published, another
 * cluster's), 'hidden' (another cluster's draft or archived member: `member` is null).
 */
export const duplicateWarningOut = z.object({
  field: z.enum(['organisationNumber', 'name']),
  message: z.string(),
  scope: z.enum(['editable', 'public', 'hidden']),
  member: z.object({ id: z.number(), slug: z.string(), name: z.string() }).nullable(),
});

export const auditEntryOut = z.object({
  id: z.number(),
  at: z.string(),
  userId: z.string().nullable(),
  /** The author's e-mail, for administrators only (null for editors: names and roles suffice). */
  userEmail: z.string().nullable(),
  entity: z.enum(AUDIT_ENTITIES),
  entityId: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  before: z.unknown(),
  after: z.unknown(),
  /** The author's name and role (from their account; null when it is gone or for the system). */
  actorName: z.string().nullable(),
  actorRole: z.enum(USER_ROLES).nullable(),
  /** The fields the entry changed ("description.sv" for one language of a text). */
  changedFields: z.array(z.string()),
  /** Where the change came from besides its author ("suggestion #12 by Eva"), if anywhere. */
  note: z.string().nullable().optional(),
});

const restoreChangeOut = z.object({
  field: z.string(),
  now: z.unknown(),
  becomes: z.unknown(),
});

/** What a restore would change, field by field (audit.restorePreview). */
export const restorePreviewOut = z.object({
  entity: z.enum(['member', 'area', 'cluster', 'article']),
  entityId: z.string(),
  action: z.enum(['update', 'recreate']),
  version: z.number().nullable(),
  changes: z.array(restoreChangeOut),
  statusChanges: z.array(restoreChangeOut),
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
  logo: imageRefOut.nullable(),
  phone: z.string().nullable(),
  postalAddress: addressOut,
  visitingAddress: addressOut,
  contactPersons: z.array(contactPersonOut),
  membershipText: bilingualOut,
  membershipUrl: z.string().nullable(),
  areaIds: z.array(z.number()),
  confidence: z.enum(CONFIDENCES),
  sourceNoteText: bilingualOut,
  sources: z.array(clusterSourceOut),
  /** All three null when no source gives a figure (the form's empty fields). */
  reportedMembers: z.object({
    count: z.number().nullable(),
    qualifier: z.enum(REPORTED_MEMBER_QUALIFIERS).nullable(),
    year: z.number().nullable(),
  }),
  status: statusOut,
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const articleRecordOut = z.object({
  id: z.number(),
  slug: z.string(),
  slugEn: z.string().nullable(),
  title: bilingualOut,
  summary: bilingualOut,
  body: bilingualOut,
  /** Either an uploaded image (`image`, its hash) or an address on the site (`src`). */
  coverImage: z
    .object({ src: z.string().optional(), image: z.string().optional(), alt: bilingualOut })
    .nullable(),
  author: z.string(),
  /** A tag's Swedish word and its English name ('' when it has none). */
  tags: z.array(z.object({ sv: z.string(), en: z.string() })),
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
  notificationMode: z.enum(NOTIFICATION_MODES),
  mailLanguage: z.enum(MAIL_LANGUAGES),
  version: z.number(),
  createdAt: z.string(),
});

export const deletedOut = z.object({ id: z.number() });

const importProblemCodeOut = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

/** One reason a row cannot be imported. */
export const importProblemOut = z.object({
  /** 1-based data row (the header is row 0). */
  row: z.number(),
  /** The file's line the row starts on (the request's `lines`, else row + 1). */
  line: z.number(),
  /** An import field (name, organisationNumber, …) or 'row' for the row as a whole. */
  field: z.string(),
  /** English text; `code`/`params` word it in any language. */
  message: z.string(),
  code: z.string().nullable(),
  params: importProblemCodeOut.shape.params,
});

/** A field an update would change, as text (municipality: a code, 'outside' or null; areas/clusters: slugs). */
export const importChangeOut = z.object({
  field: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});

export const IMPORT_ROW_ACTIONS = [
  'create',
  'update',
  'unchanged',
  'invalid',
  'duplicate',
] as const;

/** What import does (or would do) with one row. */
export const importRowOut = z.object({
  row: z.number(),
  line: z.number(),
  action: z.enum(IMPORT_ROW_ACTIONS),
  /** The row's name, or the matched member's when the row leaves it blank. */
  name: z.string(),
  /** The member the row updates; send its id and version back as `expected` when applying. */
  match: z
    .object({ id: z.number(), slug: z.string(), name: z.string(), version: z.number() })
    .nullable(),
  changes: z.array(importChangeOut),
});

/**
 * What an import found (dryRun) or did. Every problem of every row is listed;
 * `rows` says per row what happens. `applied` is false when nothing was
 * written — a dry run, or an apply refused because some row failed.
 */
export const importReportOut = z.object({
  total: z.number(),
  valid: z.number(),
  invalid: z.number(),
  duplicates: z.number(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  /** What applying does (or did): rows to create (likely duplicates included unless skipped), update, leave. */
  planned: z.object({ create: z.number(), update: z.number(), unchanged: z.number() }),
  dryRun: z.boolean(),
  applied: z.boolean(),
  mode: z.enum(['create', 'upsert']),
  problems: z.array(importProblemOut),
  /** Each problem's message code and parameters, in the same order (kept for older clients). */
  problemCodes: z.array(importProblemCodeOut.nullable()),
  duplicateRows: z.array(
    z.object({
      row: z.number(),
      line: z.number(),
      name: z.string(),
      existing: z.object({ slug: z.string(), name: z.string() }).nullable(),
    }),
  ),
  rows: z.array(importRowOut),
});
export type ImportReport = z.infer<typeof importReportOut>;

/** The conflict's `current` when an apply is refused: the rows whose member changed after the preview. */
export const importConflictOut = z.object({
  rows: z.array(
    z.object({
      row: z.number(),
      line: z.number(),
      id: z.number().nullable(),
      name: z.string(),
      version: z.number().nullable(),
      expectedVersion: z.number().nullable(),
    }),
  ),
});

/** Each open dataset's size and last change (null: it never held anything). */
export const openDataCatalogueOut = z.array(
  z.object({
    dataset: z.enum(['members', 'clusters', 'areas']),
    records: z.number(),
    modified: z.string().nullable(),
  }),
);
