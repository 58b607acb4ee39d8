/**
 * The conflict view's logic. When a save is refused because someone else
 * saved first, we hold three versions of the form's values: `base` (what this
 * editor loaded), `mine` (what they typed) and `theirs` (what is stored now).
 * Each field where mine and theirs differ is shown; the editor picks a side
 * per field, and the merge is saved against the current version. Nothing is
 * overwritten without a choice being shown.
 */

export type Side = 'mine' | 'theirs';

export interface FieldDifference {
  /** Dotted path into the values, e.g. "description.sv". */
  path: string;
  base: unknown;
  mine: unknown;
  theirs: unknown;
  changedByMe: boolean;
  changedByThem: boolean;
}

/** Structural equality for form values (plain objects, arrays, primitives). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    // '' and null are the same empty field to a person.
    return (a ?? '') === (b ?? '');
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

export function getPath(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** A copy of `target` with `path` set to `value` (objects along the path are copied). */
export function setPath<T>(target: T, path: string, value: unknown): T {
  const [head, ...rest] = path.split('.');
  if (head === undefined) return target;
  const copy = { ...(target as Record<string, unknown>) };
  copy[head] = rest.length === 0 ? value : setPath(copy[head], rest.join('.'), value);
  return copy as T;
}

/** The fields (of `paths`) where my values and the stored ones differ. */
export function differingFields<T>(
  paths: readonly string[],
  base: T,
  mine: T,
  theirs: T,
): FieldDifference[] {
  const out: FieldDifference[] = [];
  for (const path of paths) {
    const b = getPath(base, path);
    const m = getPath(mine, path);
    const t = getPath(theirs, path);
    if (sameValue(m, t)) continue;
    out.push({
      path,
      base: b,
      mine: m,
      theirs: t,
      changedByMe: !sameValue(b, m),
      changedByThem: !sameValue(b, t),
    });
  }
  return out;
}

/**
 * The side offered first: theirs when only they changed the field (keeping
 * mine would silently undo their change), mine when I changed it.
 */
export function defaultSide(difference: FieldDifference): Side {
  return difference.changedByMe ? 'mine' : 'theirs';
}

export function defaultChoices(differences: readonly FieldDifference[]): Record<string, Side> {
  return Object.fromEntries(differences.map((d) => [d.path, defaultSide(d)]));
}

/**
 * The values to save: theirs (the current record) with my value for every
 * field where I chose mine. Fields nobody touched are theirs already.
 */
export function mergeValues<T>(
  mine: T,
  theirs: T,
  differences: readonly FieldDifference[],
  choices: Readonly<Record<string, Side>>,
): T {
  let merged = theirs;
  for (const d of differences) {
    if ((choices[d.path] ?? defaultSide(d)) === 'mine') {
      merged = setPath(merged, d.path, structuredClone(getPath(mine, d.path)));
    }
  }
  return merged;
}
