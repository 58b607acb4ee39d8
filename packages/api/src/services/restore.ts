/**
 * Taking back a change kept in the audit trail, in one of two ways:
 * 'undo' reverts only the fields that entry changed, onto the record as it is
 * now; 'whole' puts every field back to the state recorded then. Neither
 * touches publication status unless `includeStatus` asks for it — an undo of
 * a description change must not re-publish an archived member.
 *
 * The values go through the same domain schema and write service as an edit,
 * so a restore obeys every rule an edit does: permissions, the version check
 * (no lost updates), unique slugs — and it is audited as 'restore'. The
 * preview is computed by the same `plan` the restore writes from, so the
 * confirmation shows exactly what will change.
 */
import {
  areaCreateInput,
  areaUpdateInput,
  articleCreateInput,
  articleUpdateInput,
  clusterCreateInput,
  clusterUpdateInput,
  memberUpdateInput,
} from '@cos/domain';
import type { z } from 'zod';
import type { Actor } from '../actor';
import { FieldError, notFound } from '../errors';
import type { Services } from '.';
import type { AuditEntry } from './audit';
import type { ArticleRecord } from './article-writes';
import type { MemberRecord } from './member-writes';
import { assertAdmin, assertCanEditArticle, assertCanEditMember } from './permissions';
import {
  changingValues,
  editableFields,
  fieldDiffs,
  PUBLICATION_FIELDS,
  undoValues,
  type FieldDiff,
} from './record-changes';

export interface RestoreInput {
  entryId: number;
  /** 'undo': only the fields the entry changed; 'whole': the whole recorded state. */
  mode?: 'undo' | 'whole';
  /** Which recorded state a whole restore takes (undo always goes back to 'before'). */
  side: 'before' | 'after';
  /** The record's current version; required when it still exists. */
  version?: number;
  /** Also restore publication status (and an article's publishing date). */
  includeStatus?: boolean;
}

export interface FieldChange {
  field: string;
  now: unknown;
  becomes: unknown;
}

export interface RestorePreview {
  entity: Restorable;
  entityId: string;
  /** 'update' onto the living record, or 'recreate' a deleted one. */
  action: 'update' | 'recreate';
  /** The record's version the preview was computed on (null when it is deleted). */
  version: number | null;
  /** Exactly the fields the restore (with the same input) writes, and their values. */
  changes: FieldChange[];
  /** What `includeStatus: true` would change in addition (empty when nothing). */
  statusChanges: FieldChange[];
}

/** Parses a recorded state with today's schema; an old shape gets a clear error, not a crash. */
function parseState<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw FieldError.coded('entryId', 'restore.stateMismatch', {
      path: String(first?.path.join('.')),
      detail: String(first?.message),
    });
  }
  return parsed.data;
}

type Restorable = 'member' | 'area' | 'cluster' | 'article';
type Rec = Record<string, unknown> & { id: number; version: number };

/** What restoring needs of each kind of record, over its write service. */
interface Kind {
  load(id: number): Rec | undefined;
  /** The stored record, with the caller's rights checked. */
  get(user: Actor, id: number): Rec;
  update: z.ZodType;
  write(user: Actor, input: never): Rec;
  /** The caller's right to bring back a deleted record like `state`. */
  assertCanCreate(user: Actor, state: Rec): void;
  recreate(user: Actor, state: Rec): Rec;
  /** A state recorded in an older shape, in today's (a renamed field); absent when none changed. */
  upgrade?(state: Rec): Rec;
}

/**
 * Cluster states recorded before migration 0016 carry one `sourceNote`
 * string, which was English shorthand: it comes back as the English note
 * (as the migration moved it), so an old entry can still be restored or undone.
 */
function upgradeClusterState(state: Rec): Rec {
  if (!('sourceNote' in state)) return state;
  const { sourceNote, ...rest } = state;
  if ('sourceNoteText' in rest) return { ...rest, id: state.id, version: state.version };
  const en = typeof sourceNote === 'string' ? sourceNote : '';
  return { ...rest, id: state.id, version: state.version, sourceNoteText: { sv: '', en } };
}

const asRec = (record: object) => record as unknown as Rec;

/**
 * Article states recorded before migration 0018 hold tags as words and no
 * English slug: a tag takes the English name it has now, and the English
 * slug is the one the article has now (or is made again on re-creation).
 */
function upgradeArticleState(state: Rec, current: ArticleRecord | undefined): Rec {
  const tags = state.tags;
  const oldTags = Array.isArray(tags) && tags.some((t) => typeof t === 'string');
  if (!oldTags && 'slugEn' in state) return state;
  const nameNow = new Map(current?.tags.map((t) => [t.sv, t.en]));
  const upgraded: Rec = { ...state };
  if (oldTags)
    upgraded.tags = (tags as unknown[]).map((t) =>
      typeof t === 'string' ? { sv: t, en: nameNow.get(t) ?? '' } : t,
    );
  if (!('slugEn' in state) && current) upgraded.slugEn = current.slugEn;
  return upgraded;
}

/**
 * Member states recorded before migration 0017 hold links without a kind:
 * each was then a membership, but the migration made the default data's
 * founders founders. A link takes the kind the member's link to the same
 * cluster has now, else 'member', so restoring an old entry does not turn
 * a founder back into a member.
 */
function upgradeMemberState(state: Rec, current: MemberRecord | undefined): Rec {
  const links = state.memberships;
  if (!Array.isArray(links) || links.every((l) => typeof l === 'object' && l && 'kind' in l))
    return state;
  const kindNow = new Map(current?.memberships.map((m) => [m.clusterId, m.kind]));
  return {
    ...state,
    memberships: (links as { clusterId: number }[]).map((l) =>
      'kind' in l ? l : { ...l, kind: kindNow.get(l.clusterId) ?? 'member' },
    ),
  };
}

function kinds(services: Services): Record<Restorable, Kind> {
  const { memberWrites, areaWrites, clusterWrites, articleWrites } = services;
  return {
    member: {
      load: (id) => {
        const r = memberWrites.load(id);
        return r && asRec(r);
      },
      get: (user, id) => asRec(memberWrites.get(user, id)),
      update: memberUpdateInput,
      write: (user, input) => asRec(memberWrites.update(user, input, 'restore')),
      assertCanCreate: (user, state) =>
        assertCanEditMember(
          user,
          (state as unknown as MemberRecord).memberships.map((m) => m.clusterId),
        ),
      recreate: (user, state) =>
        asRec(memberWrites.recreate(user, state as unknown as MemberRecord)),
      upgrade: (state) => upgradeMemberState(state, memberWrites.load(state.id)),
    },
    area: {
      load: (id) => {
        const r = areaWrites.load(id);
        return r && asRec(r);
      },
      get: (user, id) => asRec(areaWrites.get(user, id)),
      update: areaUpdateInput,
      write: (user, input) => asRec(areaWrites.update(user, input, 'restore')),
      assertCanCreate: (user) => assertAdmin(user, 'manageAreas'),
      recreate: (user, state) =>
        asRec(
          areaWrites.create(user, parseState(areaCreateInput, editableFields(state)), 'restore'),
        ),
    },
    cluster: {
      load: (id) => {
        const r = clusterWrites.load(id);
        return r && asRec(r);
      },
      get: (user, id) => asRec(clusterWrites.get(user, id)),
      update: clusterUpdateInput,
      write: (user, input) => asRec(clusterWrites.update(user, input, 'restore')),
      assertCanCreate: (user) => assertAdmin(user, 'manageClusters'),
      upgrade: upgradeClusterState,
      recreate: (user, state) =>
        asRec(
          clusterWrites.create(
            user,
            parseState(clusterCreateInput, editableFields(state)),
            'restore',
          ),
        ),
    },
    article: {
      load: (id) => {
        const r = articleWrites.load(id);
        return r && asRec(r);
      },
      get: (user, id) => asRec(articleWrites.get(user, id)),
      update: articleUpdateInput,
      write: (user, input) => asRec(articleWrites.update(user, input, 'restore')),
      assertCanCreate: (user, state) =>
        assertCanEditArticle(user, (state.clusterId as number | null | undefined) ?? null),
      upgrade: (state) => upgradeArticleState(state, articleWrites.load(state.id)),
      recreate: (user, state) =>
        asRec(
          articleWrites.create(
            user,
            parseState(articleCreateInput, editableFields(state)),
            'restore',
          ),
        ),
    },
  };
}

const asChanges = (diffs: FieldDiff[]): FieldChange[] =>
  diffs.map((d) => ({ field: d.field, now: d.from, becomes: d.to }));

const pick = (record: Record<string, unknown>, keys: readonly string[]) =>
  Object.fromEntries(keys.filter((k) => k in record).map((k) => [k, record[k]]));

type Plan =
  | { action: 'recreate'; kind: Kind; state: Rec; changes: FieldChange[] }
  | {
      action: 'update';
      kind: Kind;
      current: Rec;
      /** The update input (id, version and only the fields that change), parsed by the domain schema. */
      input: Record<string, unknown>;
      changes: FieldChange[];
      statusChanges: FieldChange[];
    };

function stateOf(entry: AuditEntry, side: 'before' | 'after', kind?: Kind): Rec | null {
  const state = (side === 'after' ? entry.after : entry.before) as Rec | null;
  return state && kind?.upgrade ? kind.upgrade(state) : state;
}

/** What a restore of this entry would write: the one computation preview and restore share. */
function plan(services: Services, user: Actor, entry: AuditEntry, input: RestoreInput): Plan {
  const all = kinds(services);
  if (!(entry.entity in all)) throw FieldError.coded('entryId', 'restore.unsupported', {});
  const entity = entry.entity as Restorable;
  const kind = all[entity];
  const mode = input.mode ?? 'whole';
  const side = mode === 'undo' ? 'before' : input.side;
  const state = stateOf(entry, side, kind);
  if (!state) {
    if (mode === 'undo') throw FieldError.coded('mode', 'restore.undoCreate', {});
    throw FieldError.coded('side', 'restore.noState', { side, action: entry.action });
  }
  if (!kind.load(state.id)) {
    // A deleted record comes back whole (as it was), with its id and slug.
    if (mode === 'undo' && entry.action !== 'delete') {
      throw FieldError.coded('entryId', 'restore.recordDeleted', { entity });
    }
    kind.assertCanCreate(user, state);
    return { action: 'recreate', kind, state, changes: asChanges(fieldDiffs(null, state)) };
  }
  const current = kind.get(user, state.id);
  const after = stateOf(entry, 'after', kind);
  const wanted = mode === 'undo' ? undoValues(current, state, after ?? {}) : editableFields(state);
  const build = (includeStatus: boolean, version: number) => {
    const changing = changingValues(current, wanted, includeStatus);
    const parsed = parseState(kind.update, { ...changing, id: current.id, version }) as Record<
      string,
      unknown
    >;
    // The schema may normalise (trim, lower-case tags): show what is written, not what was asked.
    const keys = Object.keys(changing);
    return {
      input: parsed,
      changes: asChanges(fieldDiffs(pick(current, keys), pick(parsed, keys))),
    };
  };
  const version = input.version ?? current.version;
  const chosen = build(input.includeStatus ?? false, version);
  const shown = new Set(chosen.changes.map((c) => c.field));
  const statusChanges = build(true, version).changes.filter(
    (c) => PUBLICATION_FIELDS.has(c.field) && !shown.has(c.field),
  );
  return { action: 'update', kind, current, ...chosen, statusChanges };
}

function entryFor(services: Services, entryId: number): AuditEntry {
  const entry = services.audit.get(entryId);
  if (!entry) throw notFound('auditEntry', entryId);
  return entry;
}

/** What restoring an entry would change, field by field; nothing is written. */
export function restorePreview(
  services: Services,
  user: Actor,
  input: RestoreInput,
): RestorePreview {
  const entry = entryFor(services, input.entryId);
  const planned = plan(services, user, entry, input);
  return {
    entity: entry.entity as Restorable,
    entityId: entry.entityId,
    action: planned.action,
    version: planned.action === 'update' ? planned.current.version : null,
    changes: planned.changes,
    statusChanges: planned.action === 'update' ? planned.statusChanges : [],
  };
}

interface Restored {
  member: MemberRecord;
  area: ReturnType<Services['areaWrites']['update']>;
  cluster: ReturnType<Services['clusterWrites']['update']>;
  article: ReturnType<Services['articleWrites']['update']>;
}

/** Restores a record of the expected kind; an entry about another kind of record is refused. */
export function restoreFromAudit<E extends Restorable>(
  services: Services,
  user: Actor,
  expected: E,
  input: RestoreInput,
): Restored[E] {
  const entry = entryFor(services, input.entryId);
  if (entry.entity !== expected) {
    throw FieldError.coded('entryId', 'restore.wrongEntity', { entity: entry.entity, expected });
  }
  const planned = plan(services, user, entry, input);
  if (planned.action === 'recreate') {
    return planned.kind.recreate(user, planned.state) as unknown as Restored[E];
  }
  if (input.version === undefined) {
    throw FieldError.coded('version', 'restore.versionRequired', { entity: entry.entity });
  }
  // The write service checks the version again inside its transaction; a
  // restore that changes nothing leaves the record (and its version) as it is.
  return planned.kind.write(user, planned.input as never) as unknown as Restored[E];
}
