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
import type { SessionUser } from '../actor';
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
    throw new FieldError(
      'entryId',
      `the recorded state no longer fits the record (${first?.path.join('.')}: ${first?.message})`,
    );
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
  user: SessionUser,
  expected: E,
  input: RestoreInput,
): Restored[E] {
  return restore(services, user, expected, input) as Restored[E];
}

function restore(services: Services, user: SessionUser, expected: Restorable, input: RestoreInput) {
  const entry = services.audit.get(input.entryId);
  if (!entry) throw notFound('audit entry', input.entryId);
  if (entry.entity !== expected) {
    const a = (word: string) => `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;
    throw new FieldError('entryId', `is an entry about ${a(entry.entity)}, not ${a(expected)}`);
  }
  const state = (input.side === 'after' ? entry.after : entry.before) as
    (Record<string, unknown> & { id: number }) | null;
  if (!state)
    throw new FieldError(
      'side',
      `this entry has no "${input.side}" state (it was a ${entry.action})`,
    );
  const onto = (exists: boolean) => {
    if (exists && input.version === undefined) {
      throw new FieldError('version', `is required to restore onto an existing ${entry.entity}`);
    }
    return { ...editableFields(state), id: state.id, version: input.version };
  };

  switch (entry.entity) {
    case 'member': {
      const snapshot = state as unknown as MemberRecord;
      if (!services.members.load(snapshot.id)) return services.members.recreate(user, snapshot);
      return services.members.update(user, parseState(memberUpdateInput, onto(true)), 'restore');
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
  throw new FieldError('entryId', 'this kind of record cannot be restored');
}
