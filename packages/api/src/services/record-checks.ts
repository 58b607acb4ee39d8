/**
 * Rules the database knows but the schema cannot, shared by the write
 * services: a slug is free, and the records a write refers to exist. Each is
 * checked inside the write's transaction, so the answer holds for the write.
 */
import { uniqueSlug, type MessageParams } from '@cos/domain';
import { FieldError } from '../errors';

/** A prepared lookup that finds a row or nothing. */
interface Lookup<Values> {
  get(values: Values): unknown;
}

/** The slug asked for, or a free one made from the record's name. */
export function slugOrFree(
  slug: string | undefined,
  name: string,
  slugTaken: Lookup<{ slug: string }>,
): string {
  return slug ?? uniqueSlug(name, (s) => slugTaken.get({ slug: s }) !== undefined);
}

/** Refuses a slug another record has (`selfId`: the record being changed, if any). */
export function assertSlugFree(
  slugElsewhere: Lookup<{ slug: string; self: number }>,
  entity: MessageParams<'taken.slug'>['entity'],
  slug: string,
  selfId: number | undefined,
): void {
  if (slugElsewhere.get({ slug, self: selfId ?? -1 })) {
    throw FieldError.coded('slug', 'taken.slug', { entity }, 'conflict');
  }
}

/** Refuses the first of `ids` that names no row, on the field that gave it. */
export function assertExist(
  exists: Lookup<{ id: number }>,
  field: string,
  entity: MessageParams<'reference.missing'>['entity'],
  ids: readonly number[],
): void {
  for (const id of ids) {
    if (!exists.get({ id })) throw FieldError.coded(field, 'reference.missing', { entity, id });
  }
}
