/**
 * Changing the selected members at once: their status (member.admin.setStatusMany)
 * or their areas and cluster memberships (member.admin.editMany). The server
 * does each in one transaction, all or nothing: either every chosen member
 * changes, or one refusal (someone changed a member since the list was read,
 * or it is not this user's to change) leaves them all as they were. What to
 * offer, what to send and how to word the question and the answer is decided here.
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

export type BulkEdit = 'addArea' | 'removeArea' | 'addCluster' | 'removeCluster';
export type BulkChoice = BulkAction | BulkEdit;

const STATUS_ACTIONS: readonly BulkAction[] = ['publish', 'unpublish', 'archive'];

export function isStatusAction(choice: BulkChoice): choice is BulkAction {
  return (STATUS_ACTIONS as readonly string[]).includes(choice);
}

/** What a choice needs picked besides the members: an area, a cluster, or nothing. */
export function bulkTarget(choice: BulkChoice): 'area' | 'cluster' | null {
  if (choice === 'addArea' || choice === 'removeArea') return 'area';
  if (choice === 'addCluster' || choice === 'removeCluster') return 'cluster';
  return null;
}

/**
 * The choices the bar offers. An editor's list holds only their own cluster's
 * members, so adding that cluster changes nothing and adding another is not
 * theirs to do; they may take their own cluster off shared members.
 */
export function bulkChoices(isAdmin: boolean): BulkChoice[] {
  return isAdmin
    ? [...STATUS_ACTIONS, 'addArea', 'removeArea', 'addCluster', 'removeCluster']
    : [...STATUS_ACTIONS, 'addArea', 'removeArea', 'removeCluster'];
}

/** member.admin.editMany's change: exactly one of these. */
export type BulkChange =
  { addArea: number } | { removeArea: number } | { addCluster: number } | { removeCluster: number };

/** The editMany change for a choice and the picked area or cluster. */
export function bulkChange(choice: BulkEdit, targetId: number): BulkChange {
  switch (choice) {
    case 'addArea':
      return { addArea: targetId };
    case 'removeArea':
      return { removeArea: targetId };
    case 'addCluster':
      return { addCluster: targetId };
    case 'removeCluster':
      return { removeCluster: targetId };
  }
}

/** Every selected member with the version it was listed at (the server checks each). */
export function editItems(selected: Iterable<Listed>): { id: number; version: number }[] {
  return [...selected].map(({ id, version }) => ({ id, version }));
}

/** The question's message key for a choice (the text says how many and what changes). */
export function confirmKey(choice: BulkChoice) {
  return `members.bulk.confirm.${choice}` as const;
}
