/**
 * The image field's side of the wire: the upload route takes the file as the
 * request body (the server sniffs its type from the bytes), and answers with
 * the stored image's hash, size and widths. The preview picks a stored width
 * from those.
 */
import { IMAGE_LIMITS, IMAGE_TYPES, mediaPath, type ImageInfo } from '@cos/domain';
import { onUnauthorizedNow } from './api';

export type ImageFieldName = 'logo' | 'coverImage';

/** A refusal as the route words it: English text plus the catalogue code to word it again. */
export interface UploadProblem {
  message: string;
  messageCode?: string;
  messageParams?: Record<string, string | number>;
}

export type UploadResult = { ok: true; image: ImageInfo } | { ok: false; problem: UploadProblem };

/** What the file input offers; the server decides from the content all the same. */
export const IMAGE_ACCEPT = IMAGE_TYPES.join(',');
export const IMAGE_MAX_MB = IMAGE_LIMITS.maxBytes / 1024 / 1024;

export async function uploadImage(file: Blob, field: ImageFieldName): Promise<UploadResult> {
  let response: Response;
  try {
    response = await fetch(`/api/admin/images?field=${field}`, {
      method: 'POST',
      headers: { 'content-type': file.type || 'application/octet-stream' },
      credentials: 'same-origin',
      body: file,
    });
  } catch (error) {
    return {
      ok: false,
      problem: { message: error instanceof Error ? error.message : String(error) },
    };
  }
  if (response.status === 401) onUnauthorizedNow();
  const body = (await response.json().catch(() => ({}))) as ImageInfo & Partial<UploadProblem>;
  if (response.ok) return { ok: true, image: body };
  const { message = response.statusText, messageCode, messageParams } = body;
  return { ok: false, problem: { message, messageCode, messageParams } };
}

/** A stored image's description (for a record loaded with one), or null if unknown. */
export async function describeImage(hash: string): Promise<ImageInfo | null> {
  const response = await fetch(`/api/admin/images/${encodeURIComponent(hash)}`, {
    credentials: 'same-origin',
  });
  if (response.status === 401) onUnauthorizedNow();
  return response.ok ? ((await response.json()) as ImageInfo) : null;
}

/** The preview's width: the smallest stored one at least `want` wide (else the largest). */
export function previewSrc(image: Pick<ImageInfo, 'hash' | 'widths'>, want = 384): string {
  const width =
    image.widths.find((w) => w >= want) ?? image.widths[image.widths.length - 1] ?? want;
  return mediaPath(image.hash, width);
}
