import { MEMBER_KINDS, RELATION_KINDS, SIZE_BANDS, STATUSES } from '@cos/domain';
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { areas } from './area';
import { clusters } from './cluster';
import { recordColumns } from './columns';
import { hasAltWhenSet, images } from './image';
import { municipalities } from './municipality';
import { isOneOf } from './vocabulary-check';

/**
 * A member company or organisation. Every directory filter and sort has an
 * index: (status, sort_key) for name order, (status, created_at) for newest,
 * and status-led indexes for municipality, kind and size.
 */
export const members = sqliteTable(
  'members',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    sortKey: text('sort_key').notNull(),
    organisationNumber: text('organisation_number').unique(),
    kind: text('kind', { enum: MEMBER_KINDS }).notNull(),
    sizeBand: text('size_band', { enum: SIZE_BANDS }),
    municipalityCode: text('municipality_code').references(() => municipalities.code),
    /** Known to be outside Skåne (no municipality code); false with no code means "not known". */
    outsideSkane: integer('outside_skane', { mode: 'boolean' }).notNull().default(false),
    website: text('website'),
    descriptionSv: text('description_sv').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    /** The uploaded logo; restrict: an image in use is never deleted. */
    logoImage: text('logo_image').references(() => images.hash, { onDelete: 'restrict' }),
    logoAltSv: text('logo_alt_sv'),
    logoAltEn: text('logo_alt_en'),
    status: text('status', { enum: STATUSES }).notNull().default('draft'),
    /** Generated demo records: never shown as real, never exported as real. */
    isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
    ...recordColumns,
  },
  (t) => [
    index('members_status_sort_idx').on(t.status, t.sortKey, t.id),
    index('members_status_created_idx').on(t.status, t.createdAt, t.id),
    index('members_status_municipality_idx').on(t.status, t.municipalityCode, t.sortKey),
    index('members_status_kind_idx').on(t.status, t.kind, t.sortKey),
    index('members_status_size_idx').on(t.status, t.sizeBand, t.sortKey),
    index('members_updated_idx').on(t.updatedAt),
    check('members_status_valid', isOneOf(t.status, STATUSES)),
    check('members_kind_valid', isOneOf(t.kind, MEMBER_KINDS)),
    check('members_size_valid', sql`${t.sizeBand} is null or ${isOneOf(t.sizeBand, SIZE_BANDS)}`),
    check(
      'members_orgnr_format',
      sql`${t.organisationNumber} is null or ${t.organisationNumber} glob '[0-9][0-9][0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9]'`,
    ),
    check(
      'members_place_one_answer',
      sql`${t.outsideSkane} in (0, 1) and not (${t.outsideSkane} = 1 and ${t.municipalityCode} is not null)`,
    ),
    check('members_name_not_empty', sql`length(trim(${t.name})) > 1`),
    check('members_logo_has_alt', hasAltWhenSet(t.logoImage, t.logoAltSv)),
    check('members_slug_format', sql`${t.slug} <> '' and ${t.slug} not glob '*[^a-z0-9-]*'`),
  ],
);

export const memberAreas = sqliteTable(
  'member_areas',
  {
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    areaId: integer('area_id')
      .notNull()
      .references(() => areas.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.memberId, t.areaId] }),
    index('member_areas_area_idx').on(t.areaId, t.memberId),
  ],
);

/**
 * Organisation ↔ cluster, with the kind of link (only 'member' is a
 * membership) and the date it began when it is known.
 */
export const memberships = sqliteTable(
  'memberships',
  {
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    clusterId: integer('cluster_id')
      .notNull()
      .references(() => clusters.id, { onDelete: 'cascade' }),
    since: text('since'),
    note: text('note').notNull().default(''),
    kind: text('kind', { enum: RELATION_KINDS }).notNull().default('member'),
  },
  (t) => [
    primaryKey({ columns: [t.memberId, t.clusterId] }),
    index('memberships_cluster_idx').on(t.clusterId, t.memberId),
    index('memberships_kind_cluster_idx').on(t.kind, t.clusterId, t.memberId),
    check('memberships_kind_valid', isOneOf(t.kind, RELATION_KINDS)),
    check(
      'memberships_since_format',
      sql`${t.since} is null or ${t.since} glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'`,
    ),
  ],
);
