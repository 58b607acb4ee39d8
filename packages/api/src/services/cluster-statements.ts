/** The cluster queries the write service runs, prepared once per connection. */
import { swedishSortKey } from '@cos/domain';
import { areas, clusterAreas, clusters, municipalities, users, type DatabaseHandle } from '@cos/db';
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { clusterRecordOut } from '../outputs';
import { param } from './prepared';

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
  'foundedYear',
  'logoUrl',
  'confidence',
  'sourceNote',
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
    foundedYear: e.foundedYear,
    logoUrl: e.logoUrl,
    confidence: e.confidence,
    sourceNote: e.sourceNote,
    status: e.status,
  } satisfies Record<(typeof EDITABLE_COLUMNS)[number], unknown>;
}

const placeholders = () =>
  Object.fromEntries(EDITABLE_COLUMNS.map((c) => [c, param(c)])) as Record<
    (typeof EDITABLE_COLUMNS)[number],
    ReturnType<typeof param>
  >;

export function prepareClusterStatements({ db }: Pick<DatabaseHandle, 'db'>) {
  const id = sql.placeholder('id');
  const byIdAndVersion = and(eq(clusters.id, id), eq(clusters.version, sql.placeholder('version')));
  return {
    byId: db.select().from(clusters).where(eq(clusters.id, id)).prepare(),
    all: db.select().from(clusters).orderBy(asc(clusters.sortKey), asc(clusters.id)).prepare(),
    areaIds: db
      .select({ id: clusterAreas.areaId })
      .from(clusterAreas)
      .where(eq(clusterAreas.clusterId, id))
      .orderBy(asc(clusterAreas.areaId))
      .prepare(),
    slugTaken: db
      .select({ id: clusters.id })
      .from(clusters)
      .where(eq(clusters.slug, sql.placeholder('slug')))
      .prepare(),
    slugElsewhere: db
      .select({ id: clusters.id })
      .from(clusters)
      .where(
        and(eq(clusters.slug, sql.placeholder('slug')), ne(clusters.id, sql.placeholder('self'))),
      )
      .prepare(),
    areaExists: db.select({ id: areas.id }).from(areas).where(eq(areas.id, id)).prepare(),
    municipalityExists: db
      .select({ code: municipalities.code })
      .from(municipalities)
      .where(eq(municipalities.code, sql.placeholder('code')))
      .prepare(),
    hasEditors: db.select({ id: users.id }).from(users).where(eq(users.clusterId, id)).prepare(),
    insert: db
      .insert(clusters)
      .values({
        ...placeholders(),
        version: 1,
        createdAt: param('now'),
        updatedAt: param('now'),
      })
      .prepare(),
    update: db
      .update(clusters)
      .set({ ...placeholders(), version: sql`${clusters.version} + 1`, updatedAt: param('now') })
      .where(byIdAndVersion)
      .prepare(),
    setStatus: db
      .update(clusters)
      .set({
        status: param('status'),
        version: sql`${clusters.version} + 1`,
        updatedAt: param('now'),
      })
      .where(byIdAndVersion)
      .prepare(),
    delete: db.delete(clusters).where(byIdAndVersion).prepare(),
    deleteAreas: db.delete(clusterAreas).where(eq(clusterAreas.clusterId, id)).prepare(),
    insertArea: db
      .insert(clusterAreas)
      .values({ clusterId: id, areaId: sql.placeholder('areaId') })
      .prepare(),
  };
}
