/** The cluster queries the write service runs, prepared once per connection. */
import { swedishSortKey } from '@cos/domain';
import {
  areas,
  clusterAreas,
  clusterContacts,
  clusters,
  clusterSources,
  municipalities,
  users,
  type DatabaseHandle,
} from '@cos/db';
import { asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { clusterRecordOut } from '../outputs';
import {
  byIdAndVersion,
  existsById,
  firstVersion,
  nextVersion,
  param,
  placeholders,
  slugStatements,
} from './prepared';

export type ClusterRecord = z.infer<typeof clusterRecordOut>;

/** What an edit may change: the record without its bookkeeping. */
export type ClusterEditable = Omit<ClusterRecord, 'id' | 'version' | 'createdAt' | 'updatedAt'>;
type Editable = ClusterEditable;

const EDITABLE_COLUMNS = [
  'slug',
  'name',
  'sortKey',
  'shortName',
  'descriptionSv',
  'descriptionEn',
  'website',
  'email',
  'city',
  'municipalityCode',
  'phone',
  'postalStreet',
  'postalPostcode',
  'postalCity',
  'visitingStreet',
  'visitingPostcode',
  'visitingCity',
  'membershipSv',
  'membershipEn',
  'membershipUrl',
  'foundedYear',
  'logoUrl',
  'logoImage',
  'logoAltSv',
  'logoAltEn',
  'confidence',
  'sourceNoteSv',
  'sourceNoteEn',
  'reportedMembers',
  'reportedMembersQualifier',
  'reportedMembersYear',
  'status',
] as const satisfies readonly (keyof typeof clusters.$inferInsert)[];

export function columnValues(e: Editable) {
  return {
    slug: e.slug,
    name: e.name,
    sortKey: swedishSortKey(e.name),
    shortName: e.shortName,
    descriptionSv: e.description.sv,
    descriptionEn: e.description.en,
    website: e.website,
    email: e.email,
    city: e.city,
    municipalityCode: e.municipalityCode,
    phone: e.phone,
    postalStreet: e.postalAddress.street,
    postalPostcode: e.postalAddress.postcode,
    postalCity: e.postalAddress.city,
    visitingStreet: e.visitingAddress.street,
    visitingPostcode: e.visitingAddress.postcode,
    visitingCity: e.visitingAddress.city,
    membershipSv: e.membershipText.sv,
    membershipEn: e.membershipText.en,
    membershipUrl: e.membershipUrl,
    foundedYear: e.foundedYear,
    logoUrl: e.logoUrl,
    logoImage: e.logo?.hash ?? null,
    logoAltSv: e.logo?.alt.sv ?? null,
    logoAltEn: e.logo?.alt.en ?? null,
    confidence: e.confidence,
    sourceNoteSv: e.sourceNoteText.sv,
    sourceNoteEn: e.sourceNoteText.en,
    reportedMembers: e.reportedMembers.count,
    reportedMembersQualifier: e.reportedMembers.qualifier,
    reportedMembersYear: e.reportedMembers.year,
    status: e.status,
  } satisfies Record<(typeof EDITABLE_COLUMNS)[number], unknown>;
}

export function prepareClusterStatements({ db }: Pick<DatabaseHandle, 'db'>) {
  const id = sql.placeholder('id');
  const versioned = byIdAndVersion(clusters);
  return {
    byId: db.select().from(clusters).where(eq(clusters.id, id)).prepare(),
    all: db.select().from(clusters).orderBy(asc(clusters.sortKey), asc(clusters.id)).prepare(),
    areaIds: db
      .select({ id: clusterAreas.areaId })
      .from(clusterAreas)
      .where(eq(clusterAreas.clusterId, id))
      .orderBy(asc(clusterAreas.areaId))
      .prepare(),
    ...slugStatements(db, clusters),
    areaExists: existsById(db, areas),
    municipalityExists: db
      .select({ code: municipalities.code })
      .from(municipalities)
      .where(eq(municipalities.code, sql.placeholder('code')))
      .prepare(),
    hasEditors: db.select({ id: users.id }).from(users).where(eq(users.clusterId, id)).prepare(),
    insert: db
      .insert(clusters)
      .values({ ...placeholders(EDITABLE_COLUMNS), ...firstVersion() })
      .prepare(),
    update: db
      .update(clusters)
      .set({ ...placeholders(EDITABLE_COLUMNS), ...nextVersion(clusters) })
      .where(versioned)
      .prepare(),
    setStatus: db
      .update(clusters)
      .set({ status: param('status'), ...nextVersion(clusters) })
      .where(versioned)
      .prepare(),
    delete: db.delete(clusters).where(versioned).prepare(),
    deleteAreas: db.delete(clusterAreas).where(eq(clusterAreas.clusterId, id)).prepare(),
    contacts: db
      .select({
        name: clusterContacts.name,
        role: clusterContacts.role,
        email: clusterContacts.email,
        phone: clusterContacts.phone,
      })
      .from(clusterContacts)
      .where(eq(clusterContacts.clusterId, id))
      .orderBy(asc(clusterContacts.position))
      .prepare(),
    deleteContacts: db.delete(clusterContacts).where(eq(clusterContacts.clusterId, id)).prepare(),
    insertContact: db
      .insert(clusterContacts)
      .values({
        clusterId: id,
        position: sql.placeholder('position'),
        name: sql.placeholder('name'),
        role: sql.placeholder('role'),
        email: sql.placeholder('email'),
        phone: sql.placeholder('phone'),
      })
      .prepare(),
    sources: db
      .select({
        titleSv: clusterSources.titleSv,
        titleEn: clusterSources.titleEn,
        year: clusterSources.year,
        url: clusterSources.url,
      })
      .from(clusterSources)
      .where(eq(clusterSources.clusterId, id))
      .orderBy(asc(clusterSources.position))
      .prepare(),
    deleteSources: db.delete(clusterSources).where(eq(clusterSources.clusterId, id)).prepare(),
    insertSource: db
      .insert(clusterSources)
      .values({
        clusterId: id,
        position: sql.placeholder('position'),
        titleSv: sql.placeholder('titleSv'),
        titleEn: sql.placeholder('titleEn'),
        year: sql.placeholder('year'),
        url: sql.placeholder('url'),
      })
      .prepare(),
    insertArea: db
      .insert(clusterAreas)
      .values({ clusterId: id, areaId: sql.placeholder('areaId') })
      .prepare(),
  };
}
