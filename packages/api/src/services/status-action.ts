/** The audit action a status change is recorded as. */
import type { Status } from '@cos/domain';

export function statusAction(status: Status): 'publish' | 'archive' | 'unpublish' {
  return status === 'published' ? 'publish' : status === 'archived' ? 'archive' : 'unpublish';
}
