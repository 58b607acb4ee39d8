/**
 * Who is acting (id, role, cluster): the signed-in user as the services see
 * them. Its own module so that services need not import the request context
 * (which imports the services): imports run one way, context → services → actor.
 */
import type { UserRole } from '@cos/domain';

export interface Actor {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  /** The cluster an editor runs; null for administrators. */
  clusterId: number | null;
}
