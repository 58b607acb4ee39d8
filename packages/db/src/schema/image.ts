import { IMAGE_TYPES } from '@cos/domain';
import { sql } from 'drizzle-orm';
import { check, integer, sqliteTable, text, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { nowIso } from './columns';
import { isOneOf } from './vocabulary-check';

/**
 * Uploaded images, one row per distinct content (the SHA-256 of the uploaded
 * bytes): the files themselves live in the media folder beside the database
 * as <hash>-<width>.webp, one per width in `widths`. Records point here by
 * hash; uploading the same bytes again finds this row and stores nothing new.
 * uploaded_by has no foreign key, like the audit log: the row outlives the account.
 */
export const images = sqliteTable(
  'images',
  {
    hash: text('hash').primaryKey(),
    /** The original's type, sniffed from its bytes. */
    type: text('type', { enum: IMAGE_TYPES }).notNull(),
    /** Upright size after EXIF rotation. */
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    /** The original's size in bytes (the original itself is not kept). */
    bytes: integer('bytes').notNull(),
    /** JSON array of the stored widths, ascending. */
    widths: text('widths', { mode: 'json' }).$type<number[]>().notNull(),
    uploadedBy: text('uploaded_by'),
    createdAt: text('created_at').notNull().$defaultFn(nowIso),
  },
  (t) => [
    check('images_hash_format', sql`length(${t.hash}) = 64 and ${t.hash} not glob '*[^0-9a-f]*'`),
    check('images_type_valid', isOneOf(t.type, IMAGE_TYPES)),
    check('images_size_positive', sql`${t.width} > 0 and ${t.height} > 0 and ${t.bytes} > 0`),
  ],
);

/** The alt-text rule every image column shares: no image without Swedish alt text. */
export const hasAltWhenSet = (image: SQLiteColumn, altSv: SQLiteColumn) =>
  sql`${image} is null or length(trim(coalesce(${altSv}, ''))) > 0`;
