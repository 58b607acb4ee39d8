/** The member directory's shapes: its scope, its rows as read and as answered, its result. */
import type {
  AdminMemberSort,
  MemberDirectoryQuery,
  MemberFilterKey,
  MemberSort,
  RelationKind,
  SortOrder,
  Status,
} from '@cos/domain';

export interface DirectoryScope {
  statuses: readonly Status[];
  /** Only members in one of these clusters (an editor's view). */
  clusterIds?: readonly number[];
  /** true = only demo records, false = no demo records, undefined = both. */
  demo?: boolean;
  /** Include admin columns (status, version, demo flag, organisation number). */
  admin?: boolean;
}

/** A WHERE clause and its parameters. */
export interface Where {
  sql: string;
  params: unknown[];
}

export interface DirectoryRow {
  id: number;
  slug: string;
  name: string;
  kind: string;
  sizeBand: string | null;
  municipality: { code: string; name: string } | null;
  /** Known to be outside Skåne (municipality is then null); false with no municipality: not known. */
  outsideSkane: boolean;
  website: string | null;
  description: { sv: string; en: string };
  createdAt: string;
  areas: { slug: string; name: { sv: string; en: string } }[];
  clusters: { slug: string; name: string; relation: RelationKind }[];
  /** A generated demo record (shown with a badge). */
  isDemo: boolean;
  // admin scope only
  status?: string;
  version?: number;
  organisationNumber?: string | null;
  updatedAt?: string;
}

export interface FacetValue {
  value: string;
  label: { sv: string; en: string };
  count: number;
}

export interface DirectoryResult {
  items: DirectoryRow[];
  total: number;
  nextCursor: string | null;
  /** The way back (keyset pages only): null on the first page, `{ cursor: null }` when it is the first page. */
  previous: { cursor: string | null } | null;
  sort: MemberSort;
  facets: Record<MemberFilterKey, FacetValue[]>;
  /**
   * A spelling the register holds, when the text found little
   * (search-correction.ts); `applied` when it found nothing and these are the
   * corrected search's results instead.
   */
  correction: { q: string; applied: boolean } | null;
}

/** A list's query: the directory's, or the admin's with more sorts, a direction and a page number. */
export type ListQuery = Omit<MemberDirectoryQuery, 'sort'> & {
  sort?: AdminMemberSort;
  order?: SortOrder;
  page?: number;
};

/** A list's answer: the directory's, with the sort's direction and, for numbered pages, where it is. */
export interface ListResult extends Omit<DirectoryResult, 'sort' | 'correction'> {
  sort: AdminMemberSort;
  order: SortOrder;
  /** The page shown (1-based), or null for a cursor-walked directory page. */
  page: number | null;
  /** How many pages of this size the matches fill (at least 1). */
  pages: number;
}

/** A row as the page queries read it (decorate() turns it into a DirectoryRow). */
export interface RawRow {
  id: number;
  slug: string;
  name: string;
  kind: string;
  sizeBand: string | null;
  municipalityCode: string | null;
  outsideSkane: number;
  website: string | null;
  descriptionSv: string;
  descriptionEn: string;
  createdAt: string;
  cursorKey: string | number;
  status?: string;
  version?: number;
  isDemo?: number;
  organisationNumber?: string | null;
  updatedAt?: string;
}

export const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(',');
