/**
 * For tests only: real PNG, JPEG and WebP files made with sharp itself, so no
 * binary fixtures live in the repository.
 */
import { crc32 } from 'node:zlib';
import sharp from 'sharp';

export interface TestImageOptions {
  width?: number;
  height?: number;
  format?: 'png' | 'jpeg' | 'webp';
  /** A colour, so two images differ in content (and hash). */
  colour?: { r: number; g: number; b: number };
  /** EXIF orientation to write (6 = the camera was turned 90°). */
  orientation?: number;
}

export async function testImage(options: TestImageOptions = {}): Promise<Buffer> {
  const { width = 400, height = 200, format = 'png', colour = { r: 20, g: 120, b: 80 } } = options;
  let image = sharp({ create: { width, height, channels: 3, background: colour } });
  if (options.orientation !== undefined)
    image = image.withMetadata({ orientation: options.orientation });
  if (format === 'jpeg') return image.jpeg().toBuffer();
  if (format === 'webp') return image.webp().toBuffer();
  return image.png().toBuffer();
}

/** A PNG whose header claims `width` × `height` but carries almost no data (a bomb's shape). */
export function pngClaiming(width: number, height: number, real: Buffer): Buffer {
  const copy = Buffer.from(real);
  // IHDR starts at byte 8 (length) + 4 (type): width and height are its first 8 bytes.
  copy.writeUInt32BE(width, 16);
  copy.writeUInt32BE(height, 20);
  // The chunk's CRC covers its type and data: fix it, so only the size is a lie.
  copy.writeUInt32BE(crc32(copy.subarray(12, 29)), 29);
  return copy;
}
