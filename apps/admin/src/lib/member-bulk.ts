/**
 * Changing the status of the selected members at once. The server does it in
 * one transaction, all or nothing (member.admin.setStatusMany): either every
 * chosen member changes, or one refusal (someone changed a member since the
 * list was read, or it is not this user's to change) leaves them all as they
 * were. What to send and how to word the answer is decided here.
 */
import type { Status } from '@cos/domain';
import type { ApiProblem, ProblemCode } from './errors';

export type BulkAction = 'publish' | 'unpublish' | 'archive';

export const BULK_TARGET: Record<BulkAction, Status> = {
  publish: 'published',
  unpublish: 'draft',
  archive: 'archived',
};

interface Listed {
  id: number;
  version: number;
  status: string;
}

/** The selected members the action would change (those already in its status need nothing). */
export function bulkItems(
  items: readonly Listed[],
  selected: ReadonlySet<number>,
  action: BulkAction,
): { id: number; version: number }[] {
  return items
    .filter((item) => selected.has(item.id) && item.status !== BULK_TARGET[action])
    .map(({ id, version }) => ({ id, version }));
}

/**
 * Why the whole batch was refused: a stale member is named from the current
 * record the server sends with the conflict; any other refusal has only its message.
 */
export function bulkRefusal(
  problem: ApiProblem,
): { kind: 'stale'; name: string } | ({ kind: 'refused'; message: string } & ProblemCode) {
  if (problem.kind === 'conflict') {
    const current = problem.current as { name?: unknown } | null | undefined;
    if (typeof current?.name === 'string') return { kind: 'stale', name: current.name };
  }
  const { messageCode, messageParams } = problem;
  return messageCode
    ? { kind: 'refused', message: problem.message, messageCode, messageParams }
    : { kind: 'refused', message: problem.message };
}
