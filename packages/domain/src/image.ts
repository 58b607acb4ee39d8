/**
 * Uploaded images: the limits an upload must keep, the widths the site shows,
 * and the reference a record keeps to one (content hash + alt text). Pure: the
 * server sniffs and resizes (packages/api image-processing.ts), the admin and
 * the site only read these rules and build the media addresses.
 */
import { z } from 'zod';
import { bilingualText } from './bilingual';
import { msg } from './messages/format';
import type { FieldLabel } from './messages/labels';

/** The types accepted, as sniffed from the file's first bytes (never its name). */
export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];

/**
 * Limits. 10 MB is a large phone photo; 40 megapixels (e.g. 8000 × 5000) is
 * more than any cover needs, and the pixel cap is what stops a small file
 * that claims to be 100 000 × 100 000 (a decompression bomb) from being decoded.
 */
export const IMAGE_LIMITS = {
  maxBytes: 10 * 1024 * 1024,
  maxPixels: 40_000_000,
  maxSide: 12_000,
  minSide: 16,
} as const;

/**
 * Every upload is stored at these widths (never enlarged): logos use the
 * small ones (96/192/384 for 1×–4× screens), covers the large ones. One list
 * for both keeps an image's files the same whichever record uses it.
 */
export const IMAGE_WIDTHS = [96, 192, 384, 640, 1280, 1920] as const;

/** The widths a given image gets: those smaller than it, plus its own width (≤ the largest). */
export function variantWidths(width: number): number[] {
  const largest = IMAGE_WIDTHS[IMAGE_WIDTHS.length - 1] ?? width;
  const smaller = IMAGE_WIDTHS.filter((w) => w < width);
  return [...new Set([...smaller, Math.min(width, largest)])];
}

/** The widths a slot on the site chooses from (srcset), per use. */
export const IMAGE_SLOTS = {
  logo: [96, 192, 384],
  cover: [640, 1280, 1920],
} as const;
export type ImageSlot = keyof typeof IMAGE_SLOTS;

/** A SHA-256 of the uploaded bytes, in lower-case hex: the image's name on disk. */
export const imageHashSchema = z
  .string({ error: msg('image.hash', {}) })
  .regex(/^[0-9a-f]{64}$/, { error: msg('image.hash', {}) });

/** The server's address of one stored width. */
export const mediaPath = (hash: string, width: number) => `/media/${hash}-${width}.webp`;

/** A record's image: which upload, and what it shows (Swedish alt text required). */
export function imageRefSchema(altLabel: FieldLabel) {
  return z.strictObject({
    hash: imageHashSchema,
    alt: bilingualText({ max: 300, label: altLabel }),
  });
}
export type ImageRef = { hash: string; alt: { sv: string; en: string } };

/** What the server knows about a stored image (the upload's answer, the admin's preview). */
export interface ImageInfo {
  hash: string;
  /** The original's type as sniffed. */
  type: ImageType;
  /** Upright size (after EXIF rotation). */
  width: number;
  height: number;
  bytes: number;
  widths: number[];
}

/**
 * The <img> attributes for a slot: the stored widths that suit it (falling
 * back to all stored ones), the largest as src, height scaled to match.
 */
export function imageSources(
  info: Pick<ImageInfo, 'hash' | 'width' | 'height' | 'widths'>,
  slot: ImageSlot,
) {
  const wanted: readonly number[] = IMAGE_SLOTS[slot];
  const suited = info.widths.filter(
    (w) => wanted.includes(w) || w === info.widths[info.widths.length - 1],
  );
  const widest = wanted[wanted.length - 1] ?? info.width;
  const widths = suited.filter((w) => w <= widest);
  const chosen = widths.length > 0 ? widths : [info.widths[0] ?? info.width];
  const largest = chosen[chosen.length - 1] ?? info.width;
  return {
    src: mediaPath(info.hash, largest),
    srcset: chosen.map((w) => `${mediaPath(info.hash, w)} ${w}w`).join(', '),
    width: largest,
    height: Math.max(1, Math.round((info.height * largest) / info.width)),
  };
}
