/**
 * Uploaded images in the public reads: one SQL fragment that fetches an
 * image's size and stored widths beside the record (a correlated subquery,
 * so the hot reads need no extra join), and the mapping to <img> attributes.
 */
import { imageSources, type ImageSlot } from '@cos/domain';
import type { z } from 'zod';
import type { publicImageOut } from '../outputs';

type PublicImage = z.infer<typeof publicImageOut>;

/** `[width, height, [widths…]]` as JSON text, or null when the column holds no image. */
export const imageInfoSql = (hashColumn: string) =>
  `(SELECT json_array(width, height, json(widths)) FROM images WHERE hash = ${hashColumn})`;

/** The columns a record's image reads as: hash, alt texts and the info above. */
export interface ImageColumns {
  hash: string | null;
  altSv: string | null;
  altEn: string | null;
  info: string | null;
}

export function publicImage(columns: ImageColumns, slot: ImageSlot): PublicImage | null {
  if (columns.hash === null || columns.info === null) return null;
  const [width, height, widths] = JSON.parse(columns.info) as [number, number, number[]];
  return {
    ...imageSources({ hash: columns.hash, width, height, widths }, slot),
    alt: { sv: columns.altSv ?? '', en: columns.altEn ?? '' },
  };
}
