/**
 * Restoring a record to a state kept in the audit trail. The state goes back
 * through the same domain schema and the same write service as an edit, so a
 * restore obeys every rule an edit does: permissions, the version check (no
 * lost updates), unique slugs — and it is audited as 'restore'.
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
import type { MemberRecord } from './member-writes';

export interface RestoreInput {
  entryId: number;
  side: 'before' | 'after';
  version?: number;
}

const BOOKKEEPING = new Set(['id', 'version', 'createdAt', 'updatedAt', 'isDemo']);

function editableFields(state: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(state).filter(([key]) => !BOOKKEEPING.has(key)));
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
  return restore(services, user, expected, input) as Restored[E];
}

function restore(services: Services, user: Actor, expected: Restorable, input: RestoreInput) {
  const entry = services.audit.get(input.entryId);
  if (!entry) throw notFound('auditEntry', input.entryId);
  if (entry.entity !== expected) {
    throw FieldError.coded('entryId', 'restore.wrongEntity', { entity: entry.entity, expected });
  }
  const state = (input.side === 'after' ? entry.after : entry.before) as
    (Record<string, unknown> & { id: number }) | null;
  if (!state)
    throw FieldError.coded('side', 'restore.noState', { side: input.side, action: entry.action });
  const onto = (exists: boolean) => {
    if (exists && input.version === undefined) {
      throw FieldError.coded('version', 'restore.versionRequired', { entity: entry.entity });
    }
    return { ...editableFields(state), id: state.id, version: input.version };
  };

  switch (entry.entity) {
    case 'member': {
      const snapshot = state as unknown as MemberRecord;
      if (!services.memberWrites.load(snapshot.id))
        return services.memberWrites.recreate(user, snapshot);
      return services.memberWrites.update(
        user,
        parseState(memberUpdateInput, onto(true)),
        'restore',
      );
    }
    case 'area': {
      if (!services.areaWrites.load(state.id)) {
        return services.areaWrites.create(
          user,
          parseState(areaCreateInput, editableFields(state)),
          'restore',
        );
      }
      return services.areaWrites.update(user, parseState(areaUpdateInput, onto(true)), 'restore');
    }
    case 'cluster': {
      if (!services.clusterWrites.load(state.id)) {
        return services.clusterWrites.create(
          user,
          parseState(clusterCreateInput, editableFields(state)),
          'restore',
        );
      }
      return services.clusterWrites.update(
        user,
        parseState(clusterUpdateInput, onto(true)),
        'restore',
      );
    }
    case 'article': {
      if (!services.articleWrites.load(state.id)) {
        return services.articleWrites.create(
          user,
          parseState(articleCreateInput, editableFields(state)),
          'restore',
        );
      }
      return services.articleWrites.update(
        user,
        parseState(articleUpdateInput, onto(true)),
        'restore',
      );
    }
  }
  throw FieldError.coded('entryId', 'restore.unsupported', {});
}
