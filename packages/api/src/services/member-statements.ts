/**
 * The member queries the write services run, prepared once per connection,
 * and the mapping from stored rows to the member record the API returns.
 */
import {
  areas,
  clusters,
  memberAreas,
  members,
  memberships,
  type DatabaseHandle,
  type MemberRow,
} from '@cos/db';
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { memberRecordOut } from '../outputs';
import { imageRef } from './image-library';
import {
  byIdAndVersion,
  existsById,
  firstVersion,
  nextVersion,
  param,
  placeholders,
  slugStatements,
} from './prepared';

export type MemberRecord = z.infer<typeof memberRecordOut>;

/** A member named in a warning: enough to link to it. */
export interface MemberRef {
  id: number;
  slug: string;
  name: string;
}

/** What an edit may change: the record without its bookkeeping. */
export type MemberEditable = Omit<
  MemberRecord,
  'id' | 'isDemo' | 'version' | 'createdAt' | 'updatedAt'
>;

const EDITABLE_COLUMNS = [
  'slug',
  'name',
  'sortKey',
  'organisationNumber',
  'kind',
  'sizeBand',
  'municipalityCode',
  'outsideSkane',
  'website',
  'descriptionSv',
  'descriptionEn',
  'logoImage',
  'logoAltSv',
  'logoAltEn',
  'status',
] as const satisfies readonly (keyof typeof members.$inferInsert)[];
type EditableColumn = (typeof EDITABLE_COLUMNS)[number];

/** The member's own columns as an edit writes them (links are written apart). */
export function memberColumnValues(
  e: MemberEditable,
  sortKey: string,
): Record<EditableColumn, unknown> {
  return {
    slug: e.slug,
    name: e.name,
    sortKey,
    organisationNumber: e.organisationNumber,
    kind: e.kind,
    sizeBand: e.sizeBand,
    municipalityCode: e.municipalityCode,
    outsideSkane: e.outsideSkane ? 1 : 0,
    website: e.website,
    descriptionSv: e.description.sv,
    descriptionEn: e.description.en,
    logoImage: e.logo?.hash ?? null,
    logoAltSv: e.logo?.alt.sv ?? null,
    logoAltEn: e.logo?.alt.en ?? null,
    status: e.status,
  };
}

/** A member row and its links, in the record's shape (and key order, kept in audit JSON). */
export function toMemberRecord(
  m: MemberRow,
  areaIds: number[],
  links: MemberRecord['memberships'],
): MemberRecord {
  return {
    id: m.id,
    slug: m.slug,
    name: m.name,
    organisationNumber: m.organisationNumber,
    kind: m.kind,
    sizeBand: m.sizeBand,
    municipalityCode: m.municipalityCode,
    outsideSkane: m.outsideSkane,
    website: m.website,
    status: m.status,
    version: m.version,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
    isDemo: m.isDemo,
    description: { sv: m.descriptionSv, en: m.descriptionEn },
    logo: imageRef(m.logoImage, m.logoAltSv, m.logoAltEn),
    areaIds,
    memberships: links,
  };
}

export function prepareMemberStatements({ db, sqlite }: Pick<DatabaseHandle, 'db' | 'sqlite'>) {
  const id = sql.placeholder('id');
  const self = sql.placeholder('self');
  const versioned = byIdAndVersion(members);
  return {
    byId: db.select().from(members).where(eq(members.id, id)).prepare(),
    areaIds: db
      .select({ id: memberAreas.areaId })
      .from(memberAreas)
      .where(eq(memberAreas.memberId, id))
      .orderBy(asc(memberAreas.areaId))
      .prepare(),
    memberships: db
      .select({
        clusterId: memberships.clusterId,
        kind: memberships.kind,
        since: memberships.since,
      })
      .from(memberships)
      .where(eq(memberships.memberId, id))
      .orderBy(asc(memberships.clusterId))
      .prepare(),
    /** Every member's keys, for checking an import's rows against the register. */
    allKeys: db
      .select({
        slug: members.slug,
        name: members.name,
        organisationNumber: members.organisationNumber,
      })
      .from(members)
      .prepare(),
    ...slugStatements(db, members),
    sameOrganisationNumber: db
      .select({ id: members.id, slug: members.slug, name: members.name })
      .from(members)
      .where(and(eq(members.organisationNumber, sql.placeholder('orgnr')), ne(members.id, self)))
      .prepare(),
    // Raw SQL: an FTS5 MATCH on the member_search virtual table, which Drizzle's schema does not model.
    similarNames: sqlite.prepare<[match: string, exceptId: number], MemberRef>(
      `SELECT m.id, m.slug, m.name FROM member_search JOIN members m ON m.id = member_search.rowid
       WHERE member_search MATCH ? AND m.id <> ? LIMIT 200`,
    ),
    areaExists: existsById(db, areas),
    clusterExists: existsById(db, clusters),
    clusterName: db
      .select({ name: clusters.name })
      .from(clusters)
      .where(eq(clusters.id, id))
      .prepare(),
    insert: db
      .insert(members)
      .values({ ...placeholders(EDITABLE_COLUMNS), isDemo: false, ...firstVersion() })
      .prepare(),
    /** Brings a deleted member back under its old id. */
    reinsert: db
      .insert(members)
      .values({
        id,
        ...placeholders(EDITABLE_COLUMNS),
        isDemo: param('isDemo'),
        version: param('version'),
        createdAt: param('createdAt'),
        updatedAt: param('now'),
      })
      .prepare(),
    update: db
      .update(members)
      .set({ ...placeholders(EDITABLE_COLUMNS), ...nextVersion(members) })
      .where(versioned)
      .prepare(),
    setStatus: db
      .update(members)
      .set({ status: param('status'), ...nextVersion(members) })
      .where(versioned)
      .prepare(),
    delete: db.delete(members).where(versioned).prepare(),
    deleteAreas: db.delete(memberAreas).where(eq(memberAreas.memberId, id)).prepare(),
    insertArea: db
      .insert(memberAreas)
      .values({ memberId: id, areaId: sql.placeholder('areaId') })
      .prepare(),
    deleteMembership: db
      .delete(memberships)
      .where(
        and(eq(memberships.memberId, id), eq(memberships.clusterId, sql.placeholder('clusterId'))),
      )
      .prepare(),
    /** For a new member, which has no memberships to keep. */
    insertMembership: db
      .insert(memberships)
      .values({
        memberId: id,
        clusterId: sql.placeholder('clusterId'),
        kind: sql.placeholder('kind'),
        since: sql.placeholder('since'),
      })
      .prepare(),
    upsertMembership: db
      .insert(memberships)
      .values({
        memberId: id,
        clusterId: sql.placeholder('clusterId'),
        kind: sql.placeholder('kind'),
        since: sql.placeholder('since'),
      })
      .onConflictDoUpdate({
        target: [memberships.memberId, memberships.clusterId],
        // The row that was refused; Drizzle has no name for SQLite's `excluded` table.
        set: { since: sql`excluded.since`, kind: sql`excluded.kind` },
      })
      .prepare(),
  };
}

export type MemberStatements = ReturnType<typeof prepareMemberStatements>;
