import { CONFIDENCES, REPORTED_MEMBER_QUALIFIERS, STATUSES } from '@cos/domain';
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { areas } from './area';
import { recordColumns } from './columns';
import { hasAltWhenSet, images } from './image';
import { municipalities } from './municipality';
import { isOneOf } from './vocabulary-check';

/**
 * A cluster organisation. `confidence`, the source notes and `cluster_sources`
 * keep where a fact came from.
 */
export const clusters = sqliteTable(
  'clusters',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    sortKey: text('sort_key').notNull(),
    shortName: text('short_name').notNull().default(''),
    descriptionSv: text('description_sv').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    website: text('website'),
    email: text('email'),
    city: text('city').notNull().default(''),
    municipalityCode: text('municipality_code').references(() => municipalities.code),
    /** Public contact details (migration 0007), as the cluster entered them; '' is "not given". */
    phone: text('phone'),
    postalStreet: text('postal_street').notNull().default(''),
    postalPostcode: text('postal_postcode').notNull().default(''),
    postalCity: text('postal_city').notNull().default(''),
    visitingStreet: text('visiting_street').notNull().default(''),
    visitingPostcode: text('visiting_postcode').notNull().default(''),
    visitingCity: text('visiting_city').notNull().default(''),
    membershipSv: text('membership_sv').notNull().default(''),
    membershipEn: text('membership_en').notNull().default(''),
    membershipUrl: text('membership_url'),
    foundedYear: integer('founded_year'),
    logoUrl: text('logo_url'),
    /** The uploaded logo the site shows; restrict: an image in use is never deleted. */
    logoImage: text('logo_image').references(() => images.hash, { onDelete: 'restrict' }),
    logoAltSv: text('logo_alt_sv'),
    logoAltEn: text('logo_alt_en'),
    confidence: text('confidence', { enum: CONFIDENCES }).notNull().default('high'),
    /** Where the facts come from, as sentences in Swedish and English (0016; was one `source_note`). */
    sourceNoteSv: text('source_note_sv').notNull().default(''),
    sourceNoteEn: text('source_note_en').notNull().default(''),
    /**
     * What the cluster's own sources report about its membership (facts.md),
     * apart from the members registered here: how many, how the source put
     * it (about, at least, exactly) and the year it refers to. Checked by the
     * triggers clusters_reported_members_check_i/_u of migration 0016 (a CHECK
     * cannot be added to an existing SQLite table), not by a `check()` here.
     */
    reportedMembers: integer('reported_members'),
    reportedMembersQualifier: text('reported_members_qualifier', {
      enum: REPORTED_MEMBER_QUALIFIERS,
    }),
    reportedMembersYear: integer('reported_members_year'),
    status: text('status', { enum: STATUSES }).notNull().default('draft'),
    ...recordColumns,
  },
  (t) => [
    index('clusters_status_sort_idx').on(t.status, t.sortKey),
    check('clusters_status_valid', isOneOf(t.status, STATUSES)),
    check('clusters_confidence_valid', isOneOf(t.confidence, CONFIDENCES)),
    check('clusters_name_not_empty', sql`length(trim(${t.name})) > 0`),
    check('clusters_logo_has_alt', hasAltWhenSet(t.logoImage, t.logoAltSv)),
  ],
);

export const clusterAreas = sqliteTable(
  'cluster_areas',
  {
    clusterId: integer('cluster_id')
      .notNull()
      .references(() => clusters.id, { onDelete: 'cascade' }),
    areaId: integer('area_id')
      .notNull()
      .references(() => areas.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.clusterId, t.areaId] }),
    index('cluster_areas_area_idx').on(t.areaId),
  ],
);

/**
 * A cluster's contact persons, in the order the cluster lists them (migration
 * 0007). A child table rather than a JSON column: the e-mail addresses are
 * personal data that an export or erasure must find by address (the index),
 * and each column keeps its own check, as cluster_areas does for areas.
 */
export const clusterContacts = sqliteTable(
  'cluster_contacts',
  {
    clusterId: integer('cluster_id')
      .notNull()
      .references(() => clusters.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    role: text('role').notNull().default(''),
    email: text('email').notNull(),
    phone: text('phone'),
  },
  (t) => [
    primaryKey({ columns: [t.clusterId, t.position] }),
    index('cluster_contacts_email_idx').on(t.email),
    check('cluster_contacts_name_not_empty', sql`length(trim(${t.name})) > 0`),
    check('cluster_contacts_position_valid', sql`${t.position} >= 0`),
  ],
);

/**
 * The sources behind a cluster's facts, in the order the admin lists them
 * (migration 0016): a title in Swedish (English optional), the year and, where
 * the source is public, a link. A child table like cluster_contacts rather
 * than a JSON column, so each column keeps its own check.
 */
export const clusterSources = sqliteTable(
  'cluster_sources',
  {
    clusterId: integer('cluster_id')
      .notNull()
      .references(() => clusters.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    titleSv: text('title_sv').notNull(),
    titleEn: text('title_en').notNull().default(''),
    year: integer('year'),
    url: text('url'),
  },
  (t) => [
    primaryKey({ columns: [t.clusterId, t.position] }),
    check('cluster_sources_title_not_empty', sql`length(trim(${t.titleSv})) > 0`),
    check('cluster_sources_position_valid', sql`${t.position} >= 0`),
    check(
      'cluster_sources_year_valid',
      sql`${t.year} is null or (${t.year} between 1900 and 2100 and typeof(${t.year}) = 'integer')`,
    ),
    check(
      'cluster_sources_url_http',
      sql`${t.url} is null or ${t.url} glob 'http://*' or ${t.url} glob 'https://*'`,
    ),
  ],
);
