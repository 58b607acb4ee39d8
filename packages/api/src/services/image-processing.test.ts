import { IMAGE_LIMITS } from '@cos/domain';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { FieldError } from '../errors';
import { pngClaiming, testImage } from '../image-test-images';
import { processImage, sniffImageType } from './image-processing';

async function refusal(call: Promise<unknown>): Promise<FieldError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof FieldError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('sniffImageType: the content decides, never the name', () => {
  it('recognises PNG, JPEG and WebP from their bytes', async () => {
    expect(await sniffImageType(await testImage({ format: 'png' }), 'logo')).toBe('image/png');
    expect(await sniffImageType(await testImage({ format: 'jpeg' }), 'logo')).toBe('image/jpeg');
    expect(await sniffImageType(await testImage({ format: 'webp' }), 'logo')).toBe('image/webp');
  });

  it('refuses a text file (whatever it is called), naming the field', async () => {
    const error = await refusal(sniffImageType(Buffer.from('hello, I am logo.png'), 'logo'));
    expect(error.field).toBe('logo');
    expect(error.messageCode).toBe('image.type');
    expect(error.message).toBe(
      'logo: Logo: the file is not a PNG, JPEG or WebP image (its content was checked, not its name)',
    );
  });

  it('refuses SVG with its own reason, with or without an XML prolog', async () => {
    for (const svg of [
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      '\uFEFF<?xml version="1.0"?>\n<!-- logo -->\n<svg width="10" height="10"/>',
    ]) {
      const error = await refusal(sniffImageType(Buffer.from(svg), 'coverImage'));
      expect(error.messageCode).toBe('image.svg');
      expect(error.params).toEqual({ label: 'coverImage' });
    }
  });

  it('refuses other image types (GIF) and empty or oversized files', async () => {
    const gif = await sharp({ create: { width: 20, height: 20, channels: 3, background: 'red' } })
      .gif()
      .toBuffer();
    expect((await refusal(sniffImageType(gif, 'logo'))).messageCode).toBe('image.type');
    expect((await refusal(sniffImageType(Buffer.alloc(0), 'logo'))).messageCode).toBe(
      'image.empty',
    );
    const huge = Buffer.concat([await testImage(), Buffer.alloc(IMAGE_LIMITS.maxBytes)]);
    const error = await refusal(sniffImageType(huge, 'logo'));
    expect(error.messageCode).toBe('image.tooLarge');
    expect(error.params).toEqual({ label: 'logo', maxMb: 10 });
  });
});

describe('processImage', () => {
  it('renders each stored width as WebP, never enlarging, and hashes the original bytes', async () => {
    const png = await testImage({ width: 700, height: 350 });
    const { info, variants } = await processImage(png, 'coverImage');
    expect(info).toMatchObject({ type: 'image/png', width: 700, height: 350, bytes: png.length });
    expect(info.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(info.widths).toEqual([96, 192, 384, 640, 700]);
    for (const v of variants) {
      const meta = await sharp(v.data).metadata();
      expect(meta.format).toBe('webp');
      expect(meta.width).toBe(v.width);
      expect(meta.height).toBe(Math.round((v.width * 350) / 700));
    }
    expect((await processImage(png, 'logo')).info.hash).toBe(info.hash);
  });

  it('turns a photo upright from its EXIF orientation and drops the EXIF data', async () => {
    const jpeg = await testImage({ format: 'jpeg', width: 300, height: 100, orientation: 6 });
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    const { info, variants } = await processImage(jpeg, 'coverImage');
    expect([info.width, info.height]).toEqual([100, 300]);
    const meta = await sharp(variants[variants.length - 1]?.data).metadata();
    expect([meta.width, meta.height]).toEqual([100, 300]);
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
  });

  it('refuses a decompression bomb by its header, before decoding it', async () => {
    const bomb = pngClaiming(100_000, 100_000, await testImage({ width: 20, height: 20 }));
    const error = await refusal(processImage(bomb, 'logo'));
    expect(error.messageCode).toBe('image.tooManyPixels');
    expect(error.params).toMatchObject({ width: 100_000, height: 100_000, maxMegapixels: 40 });
  });

  it('refuses images too small or too long on one side', async () => {
    const tiny = await testImage({ width: 10, height: 10 });
    expect((await refusal(processImage(tiny, 'logo'))).messageCode).toBe('image.tooSmall');
    const strip = pngClaiming(20_000, 20, await testImage({ width: 20, height: 20 }));
    expect((await refusal(processImage(strip, 'logo'))).messageCode).toBe('image.tooWide');
  });

  it('refuses a file whose header and body disagree, or that is cut short', async () => {
    // A WebP container header in front of JPEG data: it sniffs as WebP but is not one.
    const png = await testImage();
    const jpeg = await testImage({ format: 'jpeg' });
    const riff = Buffer.from('RIFF\0\0\0\0WEBPVP8 ', 'latin1');
    const disguised = Buffer.concat([riff, jpeg]);
    expect(await sniffImageType(disguised, 'logo')).toBe('image/webp');
    expect((await refusal(processImage(disguised, 'logo'))).messageCode).toBe('image.unreadable');
    const truncated = png.subarray(0, Math.floor(png.length / 2));
    expect((await refusal(processImage(truncated, 'logo'))).messageCode).toBe('image.unreadable');
  });
});
