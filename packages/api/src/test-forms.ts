/**
 * For tests of the public forms over HTTP (apps/server): a form token as the
 * platform issues it, for a form shown `msAgo` milliseconds ago, so a test
 * need not wait out the minimum fill time nor copy the token's format.
 */
import type { DatabaseHandle } from '@cos/db';
import { issueFormToken } from './services/public-forms';

export function formTokenShown(handle: Pick<DatabaseHandle, 'sqlite'>, msAgo = 10_000): string {
  return issueFormToken(handle, Date.now() - msAgo);
}
