/**
 * Update inputs are partial: a field left out means "leave it as it is".
 * Zod 4 applies `.default()` even inside `.partial()`, so `createInput.partial()`
 * would fill every missing field with its default and an update of one field
 * would silently reset the others (status back to draft, areas emptied …).
 * `updateShape` drops each field's outer default and makes it optional instead.
 * Internal: not re-exported from the package.
 */
import { z } from 'zod';

type WithoutDefault<T> = T extends z.ZodDefault<infer Inner> ? Inner : T;

export type UpdateShape<S extends z.ZodRawShape> = {
  [K in keyof S]: z.ZodOptional<WithoutDefault<S[K]>>;
};

export function updateShape<S extends z.ZodRawShape>(shape: S): UpdateShape<S> {
  const out: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(shape)) {
    out[key] = z.optional(field instanceof z.ZodDefault ? field.unwrap() : field);
  }
  return out as UpdateShape<S>;
}
