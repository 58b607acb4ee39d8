/**
 * What changed between two states of a record, and what undoing or restoring
 * a recorded change would give each field. Pure functions on the records'
 * JSON, shared by the audit read (which fields an entry changed), the restore
 * preview and the restore itself — so the confirmation a person reads is
 * computed by the same code that then writes.
 */

type Rec = Record<string, unknown>;

/** Bookkeeping that changes on every write, or that no edit sets. */
const BOOKKEEPING = new Set(['id', 'version', 'createdAt', 'updatedAt', 'isDemo']);

/**
 * Publication status, and the date publishing sets (articles): changed by a
 * restore only when the person explicitly asks for it.
 */
export const PUBLICATION_FIELDS: ReadonlySet<string> = new Set(['status', 'publishedAt']);

export interface FieldDiff {
  /** The field, with ".sv"/".en" for one language of a bilingual text. */
  field: string;
  from: unknown;
  to: unknown;
}

export function asRecord(value: unknown): Rec | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Rec) : null;
}

/**
 * Structural equality of JSON values. A missing value, null and '' are the
 * same empty field to a person (a new record's empty English text is no change).
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if ((a ?? '') === (b ?? '')) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => sameJson(v, b[i]));
  }
  const ra = a as Rec;
  const rb = b as Rec;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  return [...keys].every((k) => sameJson(ra[k], rb[k]));
}

const isBilingual = (value: unknown): boolean => {
  const r = asRecord(value);
  return (
    r !== null && Object.keys(r).length > 0 && Object.keys(r).every((k) => k === 'sv' || k === 'en')
  );
};

/** The editable fields of a recorded state (bookkeeping left out). */
export function editableFields(state: Rec): Rec {
  return Object.fromEntries(Object.entries(state).filter(([key]) => !BOOKKEEPING.has(key)));
}

/**
 * The fields that differ between two states, bilingual texts split per
 * language so a changed English text shows (and is undone) alone. A missing
 * state (create, delete) counts as every field empty.
 */
export function fieldDiffs(from: Rec | null, to: Rec | null): FieldDiff[] {
  const a = from ?? {};
  const b = to ?? {};
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(
    (k) => !BOOKKEEPING.has(k),
  );
  const out: FieldDiff[] = [];
  for (const key of keys) {
    const av = a[key];
    const bv = b[key];
    if ((isBilingual(av) || isBilingual(bv)) && !Array.isArray(av) && !Array.isArray(bv)) {
      const ar = asRecord(av);
      const br = asRecord(bv);
      if ((ar === null || isBilingual(ar)) && (br === null || isBilingual(br))) {
        for (const lang of ['sv', 'en']) {
          if (!sameJson(ar?.[lang], br?.[lang])) {
            out.push({ field: `${key}.${lang}`, from: ar?.[lang] ?? null, to: br?.[lang] ?? null });
          }
        }
        continue;
      }
    }
    if (!sameJson(av, bv)) out.push({ field: key, from: av ?? null, to: bv ?? null });
  }
  return out;
}

/** The names of the fields an audit entry changed (for the history lines). */
export function changedFieldNames(before: unknown, after: unknown): string[] {
  return fieldDiffs(asRecord(before), asRecord(after)).map((d) => d.field);
}

/** One list item's identity: a membership is its cluster, anything else its value. */
function identity(item: unknown): string {
  const r = asRecord(item);
  return r && 'clusterId' in r ? `cluster:${String(r.clusterId)}` : JSON.stringify(item);
}

/**
 * A list with one entry's change taken back, onto the list as it is now:
 * what the entry added is removed, what it removed comes back, what it changed
 * (a membership's date) returns to its old value unless changed again since.
 * Items added or removed by later changes stay as they are.
 */
function revertList(current: unknown[], before: unknown[], after: unknown[]): unknown[] {
  const was = new Map(before.map((v) => [identity(v), v]));
  const became = new Map(after.map((v) => [identity(v), v]));
  const out: unknown[] = [];
  for (const item of current) {
    const id = identity(item);
    if (became.has(id) && !was.has(id)) continue;
    out.push(became.has(id) && sameJson(item, became.get(id)) ? was.get(id) : item);
  }
  const present = new Set(out.map(identity));
  for (const [id, item] of was) if (!became.has(id) && !present.has(id)) out.push(item);
  return out;
}

/**
 * The values undoing an entry gives the fields it changed, onto the record as
 * it is now: each changed field (or language, or list item) goes back to its
 * value before the entry; every other field keeps its current value.
 */
export function undoValues(current: Rec, before: Rec, after: Rec): Rec {
  const out: Rec = {};
  for (const diff of fieldDiffs(before, after)) {
    const [key = diff.field, lang] = diff.field.split('.');
    if (!(key in before)) continue; // a field the entry's time did not have: nothing to go back to
    const was = before[key];
    if (lang) {
      const base = asRecord(out[key]) ?? asRecord(current[key]) ?? {};
      out[key] = { ...base, [lang]: asRecord(was)?.[lang] ?? '' };
    } else if (Array.isArray(was) && Array.isArray(after[key]) && Array.isArray(current[key])) {
      out[key] = revertList(current[key], was, after[key]);
    } else {
      out[key] = was;
    }
  }
  return out;
}

/**
 * What of `wanted` would change the current record: publication fields are
 * left out unless asked for, and fields already at the wanted value too.
 */
export function changingValues(current: Rec, wanted: Rec, includeStatus: boolean): Rec {
  return Object.fromEntries(
    Object.entries(wanted).filter(
      ([key, value]) =>
        value !== undefined &&
        !BOOKKEEPING.has(key) &&
        (includeStatus || !PUBLICATION_FIELDS.has(key)) &&
        !sameJson(current[key], value),
    ),
  );
}
