/**
 * An image field's form value: which upload (its content hash, '' for none)
 * and its alt text. The record's side is `{ hash, alt } | null` (a logo) —
 * the schemas in @cos/domain check it, alt text in Swedish required.
 */
import type { Bilingual } from './forms';

export interface ImageValue {
  hash: string;
  alt: Bilingual;
}

export const emptyImage = (): ImageValue => ({ hash: '', alt: { sv: '', en: '' } });

export function imageToValue(ref: { hash: string; alt: Bilingual } | null): ImageValue {
  return ref ? { hash: ref.hash, alt: { ...ref.alt } } : emptyImage();
}

/** The value as the API takes it: no image is null (its alt text is then dropped too). */
export function imageRaw(value: ImageValue): { hash: string; alt: Bilingual } | null {
  return value.hash === '' ? null : { hash: value.hash, alt: value.alt };
}

/** The paths an image field's errors come under, e.g. logo.hash, logo.alt.sv. */
export const imagePaths = <P extends string>(path: P) =>
  [`${path}.hash`, `${path}.alt.sv`, `${path}.alt.en`] as const;
