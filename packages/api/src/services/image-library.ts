/**
 * The images table: what is stored, and the upload that adds to it. An
 * upload is checked and rendered in memory first (image-processing.ts), so a
 * refused file leaves nothing behind; the files are written before the row,
 * so a row always has its files (a crash in between leaves only files, which
 * the next upload of the same bytes writes again).
 */
import { images, type DatabaseHandle } from '@cos/db';
import type { ImageInfo } from '@cos/domain';
import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../actor';
import { FieldError, UnauthorizedError } from '../errors';
import { processImage, sha256Hex, type ImageFieldLabel } from './image-processing';
import type { MediaFolder } from './media-folder';
import { onFirstUse } from './prepared';

/** A record's image columns as the record's `logo`/`coverImage` reference. */
export function imageRef(hash: string | null, altSv: string | null, altEn: string | null) {
  return hash === null ? null : { hash, alt: { sv: altSv ?? '', en: altEn ?? '' } };
}

export class ImageLibrary {
  private readonly statements = onFirstUse(() => ({
    byHash: this.handle.db
      .select()
      .from(images)
      .where(eq(images.hash, sql.placeholder('hash')))
      .prepare(),
  }));

  constructor(private readonly handle: Pick<DatabaseHandle, 'db'>) {}

  find(hash: string): ImageInfo | undefined {
    const row = this.statements().byHash.get({ hash });
    return row
      ? {
          hash: row.hash,
          type: row.type,
          width: row.width,
          height: row.height,
          bytes: row.bytes,
          widths: row.widths,
        }
      : undefined;
  }

  /** For a record's write: the image must have been uploaded (coded, naming the field). */
  assertExists(field: string, label: ImageFieldLabel, hash: string | undefined | null): void {
    if (hash && !this.find(hash)) throw FieldError.coded(field, 'image.unknown', { label });
  }

  /**
   * Stores an upload, or finds it stored: the same bytes give the same hash,
   * the same files and the same row. Any signed-in user may upload; the image
   * shows only once a record they may edit is saved with it.
   */
  async upload(
    user: Actor | null,
    bytes: Uint8Array,
    label: ImageFieldLabel,
    folder: MediaFolder,
  ): Promise<ImageInfo & { stored: boolean }> {
    if (!user) throw new UnauthorizedError();
    const known = this.find(sha256Hex(bytes));
    if (known && known.widths.every((w) => folder.has(known.hash, w)))
      return { ...known, stored: false };
    const { info, variants } = await processImage(bytes, label);
    for (const variant of variants) folder.write(info.hash, variant.width, variant.data);
    this.handle.db
      .insert(images)
      .values({ ...info, uploadedBy: user.id })
      .onConflictDoNothing()
      .run();
    return { ...info, stored: true };
  }
}
