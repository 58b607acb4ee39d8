/** An area's form values (what inputs hold) and their conversion to the API's inputs through the shared schemas, as in member-form.ts. */
import {
  areaCreateInput,
  areaUpdateInput,
  type AreaCreateInput,
  type AreaUpdateInput,
} from '@cos/domain';
import { numberOrNull, validatedBy, type Validated, type Bilingual } from './forms';

export interface AreaFormValues {
  slug: string;
  name: Bilingual;
  summary: Bilingual;
  sortOrder: string;
}

export interface AreaRecordLike {
  slug: string;
  name: Bilingual;
  summary: Bilingual;
  sortOrder: number;
}

export const AREA_FIELD_PATHS = [
  'slug',
  'name.sv',
  'name.en',
  'summary.sv',
  'summary.en',
  'sortOrder',
] as const;

export function emptyAreaValues(): AreaFormValues {
  return { slug: '', name: { sv: '', en: '' }, summary: { sv: '', en: '' }, sortOrder: '0' };
}

export function areaToValues(r: AreaRecordLike): AreaFormValues {
  return {
    slug: r.slug,
    name: { ...r.name },
    summary: { ...r.summary },
    sortOrder: String(r.sortOrder),
  };
}

function areaRaw(v: AreaFormValues) {
  return {
    slug: v.slug.trim(),
    name: v.name,
    summary: v.summary,
    sortOrder: numberOrNull(v.sortOrder) ?? 0,
  };
}

export function validateAreaCreate(v: AreaFormValues): Validated<AreaCreateInput> {
  return validatedBy(areaCreateInput.safeParse(areaRaw(v)));
}

export function validateAreaUpdate(
  v: AreaFormValues,
  id: number,
  version: number,
): Validated<AreaUpdateInput> {
  return validatedBy(areaUpdateInput.safeParse({ ...areaRaw(v), id, version }));
}
