/**
 * From an uploaded file to the WebP widths the site shows. The type is decided
 * by the file's bytes (file-type's magic-number sniffing), never by its name
 * or the Content-Type the browser claims; sharp (libvips) then reads the
 * header for the size, refuses anything over the pixel limit before decoding
 * (limitInputPixels guards against decompression bombs: a small PNG claiming
 * 100 000 × 100 000 pixels), turns it upright from its EXIF orientation and
 * writes each width. sharp drops EXIF/XMP (camera, GPS position) unless asked
 * to keep it, so none of it reaches the site.
 *
 * SVG is refused rather than sanitised: an SVG is a program (scripts, event
 * handlers, external references) and a sanitiser is one more thing to keep
 * right; logos are rarely only available as SVG, and PNG or WebP serve them
 * as well at the widths the site uses.
 */
import { createHash } from 'node:crypto';
import {
  IMAGE_LIMITS,
  IMAGE_TYPES,
  variantWidths,
  type FieldLabel,
  type ImageInfo,
  type ImageType,
  type MessageCode,
  type MessageParams,
  type WireParams,
} from '@cos/domain';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { FieldError } from '../errors';

export interface ImageVariant {
  width: number;
  height: number;
  data: Buffer;
}

export interface ProcessedImage {
  info: ImageInfo;
  variants: ImageVariant[];
}

/** Which field the upload is for: its errors name it ("Logo: …", "Logotypen: …"). */
export type ImageFieldLabel = Extract<FieldLabel, 'logo' | 'coverImage' | 'image'>;
export const IMAGE_FIELD_LABELS = ['logo', 'coverImage', 'image'] as const;

const SHARP_FORMAT: Record<ImageType, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'image/webp': 'webp',
};

/** WebP quality 82: visually clean for photos, a fraction of the JPEG's size. */
const WEBP = { quality: 82, effort: 4 } as const;

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** An SVG (or any XML/HTML) document: text whose first tag is <svg>, perhaps after a prolog. */
function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 4096))
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  return head.startsWith('<') && /<svg[\s>/]/i.test(head);
}

type ImageCode = Extract<MessageCode, `image.${string}`>;

/** A refusal naming the field: `label` is both the error's field and the message's label. */
function refuse<C extends ImageCode>(
  label: ImageFieldLabel,
  code: C,
  ...params: Record<string, never> extends Omit<MessageParams<C>, 'label'>
    ? []
    : [Omit<MessageParams<C>, 'label'>]
): FieldError {
  const full = { label, ...params[0] } as MessageParams<C> & WireParams;
  return FieldError.coded(label, code, full);
}

/** The sniffed type of an accepted upload, or the coded reason it is refused. */
export async function sniffImageType(
  bytes: Uint8Array,
  label: ImageFieldLabel,
): Promise<ImageType> {
  if (bytes.byteLength === 0) throw refuse(label, 'image.empty');
  if (bytes.byteLength > IMAGE_LIMITS.maxBytes)
    throw refuse(label, 'image.tooLarge', { maxMb: IMAGE_LIMITS.maxBytes / 1024 / 1024 });
  const sniffed = await fileTypeFromBuffer(bytes);
  const type = IMAGE_TYPES.find((t) => t === sniffed?.mime);
  if (type) return type;
  // file-type calls an SVG with a prolog XML; either way it gets its own reason.
  if (looksLikeSvg(bytes)) throw refuse(label, 'image.svg');
  throw refuse(label, 'image.type');
}

const options = { limitInputPixels: IMAGE_LIMITS.maxPixels } as const;

/** Checks an upload and renders its widths; nothing is written anywhere. */
export async function processImage(
  bytes: Uint8Array,
  label: ImageFieldLabel,
): Promise<ProcessedImage> {
  const type = await sniffImageType(bytes, label);
  const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let meta: Awaited<ReturnType<ReturnType<typeof sharp>['metadata']>>;
  try {
    // The header only (no pixels are decoded), without the pixel limit so that
    // an oversized image is refused below with its size named; every decode
    // after this runs with limitInputPixels.
    meta = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    throw refuse(label, 'image.unreadable');
  }
  // libvips read the header itself: a PNG signature in front of a JPEG is a
  // file that lies about itself, and nothing the site should serve.
  if (meta.format !== SHARP_FORMAT[type]) throw refuse(label, 'image.unreadable');
  const turned = (meta.orientation ?? 1) >= 5;
  const width = turned ? meta.height : meta.width;
  const height = turned ? meta.width : meta.height;
  const size = { width, height };
  if (width * height > IMAGE_LIMITS.maxPixels)
    throw refuse(label, 'image.tooManyPixels', {
      ...size,
      maxMegapixels: IMAGE_LIMITS.maxPixels / 1_000_000,
    });
  if (Math.max(width, height) > IMAGE_LIMITS.maxSide)
    throw refuse(label, 'image.tooWide', { ...size, max: IMAGE_LIMITS.maxSide });
  if (Math.min(width, height) < IMAGE_LIMITS.minSide)
    throw refuse(label, 'image.tooSmall', { ...size, min: IMAGE_LIMITS.minSide });

  const widths = variantWidths(width);
  let variants: ImageVariant[];
  try {
    variants = await Promise.all(
      widths.map(async (w) => {
        const { data, info } = await sharp(input, options)
          .rotate()
          .resize({ width: w, withoutEnlargement: true })
          .webp(WEBP)
          .toBuffer({ resolveWithObject: true });
        return { width: info.width, height: info.height, data };
      }),
    );
  } catch {
    // A header that reads but pixel data that does not (a truncated file).
    throw refuse(label, 'image.unreadable');
  }
  return {
    info: { hash: sha256Hex(bytes), type, width, height, bytes: bytes.byteLength, widths },
    variants,
  };
}
