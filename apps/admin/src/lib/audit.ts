/** Reading audit entries: which record, its name, and which fields a change touched. */
import { sameValue } from './diff';

export type AuditEntity = 'member' | 'cluster' | 'area' | 'article' | 'user';

export interface AuditEntryLike {
  id: number;
  at: string;
  /** Sent to administrators only. */
  userEmail: string | null;
  userId?: string | null;
  actorName?: string | null;
  actorRole?: 'admin' | 'editor' | null;
  entity: string;
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** A readable name for the record an entry is about (from whichever side exists). */
export function entryName(entry: AuditEntryLike): string {
  const record = asRecord(entry.after) ?? asRecord(entry.before);
  if (!record) return `#${entry.entityId}`;
  const name = record.name ?? record.title ?? record.email;
  if (typeof name === 'string') return name;
  const bilingual = asRecord(name);
  if (bilingual && typeof bilingual.sv === 'string') return bilingual.sv;
  return `#${entry.entityId}`;
}

/** The admin page of the record, when it has one. */
export function entryPath(entry: AuditEntryLike): `/${string}` | null {
  const paths: Record<string, string> = {
    member: 'members',
    cluster: 'clusters',
    area: 'areas',
    article: 'articles',
    user: 'users',
    joinRequest: 'requests',
  };
  const folder = paths[entry.entity];
  return folder ? `/${folder}/${encodeURIComponent(entry.entityId)}` : null;
}

/** Bookkeeping fields that change on every write and say nothing to a person. */
const IGNORED = new Set(['version', 'updatedAt', 'createdAt', 'id']);

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/**
 * The fields that differ between before and after, one level deep, with
 * bilingual objects split into ".sv"/".en" so a changed English text shows alone.
 */
export function changedFields(before: unknown, after: unknown): FieldChange[] {
  const b = asRecord(before) ?? {};
  const a = asRecord(after) ?? {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !IGNORED.has(k));
  const out: FieldChange[] = [];
  for (const key of keys) {
    const bv = b[key];
    const av = a[key];
    const bb = asRecord(bv);
    const ab = asRecord(av);
    const isBilingual = (r: Record<string, unknown> | null) =>
      r !== null && Object.keys(r).every((k) => k === 'sv' || k === 'en');
    if ((bb || ab) && (bb === null || isBilingual(bb)) && (ab === null || isBilingual(ab))) {
      for (const lang of ['sv', 'en']) {
        if (!sameValue(bb?.[lang], ab?.[lang]))
          out.push({
            field: `${key}.${lang}`,
            before: bb?.[lang] ?? null,
            after: ab?.[lang] ?? null,
          });
      }
      continue;
    }
    if (!sameValue(bv, av)) out.push({ field: key, before: bv ?? null, after: av ?? null });
  }
  return out;
}

/**
 * Who made a change, as a person reads it: the account's name (and its role
 * when known), the e-mail only where an administrator gets no name (an
 * account deleted since), and "former account" / "system" otherwise.
 */
export type Actor =
  | { kind: 'person'; name: string; role: 'admin' | 'editor' | null }
  | { kind: 'former' }
  | { kind: 'system' };

export function entryActor(entry: AuditEntryLike): Actor {
  if (entry.actorName)
    return { kind: 'person', name: entry.actorName, role: entry.actorRole ?? null };
  if (entry.userEmail) return { kind: 'person', name: entry.userEmail, role: null };
  return entry.userId ? { kind: 'former' } : { kind: 'system' };
}

/** The ways back from an entry: undo it, restore the whole record then, or re-create a deleted one. */
export interface RestoreAction {
  kind: 'undo' | 'whole' | 'recreate';
  mode: 'undo' | 'whole';
  side: 'before' | 'after';
}

export function restoreActions(entry: AuditEntryLike): RestoreAction[] {
  if (entry.action === 'delete') return [{ kind: 'recreate', mode: 'undo', side: 'before' }];
  const whole: RestoreAction = { kind: 'whole', mode: 'whole', side: 'after' };
  // A creation has nothing before it to go back to field by field.
  if (entry.action === 'create' || !entry.before) return entry.after ? [whole] : [];
  return [{ kind: 'undo', mode: 'undo', side: 'before' }, ...(entry.after ? [whole] : [])];
}
