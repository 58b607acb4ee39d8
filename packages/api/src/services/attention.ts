/**
 * What needs an editor's attention on the dashboard: members (not archived)
 * with no Swedish description, most recently changed first. An editor sees
 * only their own cluster's (permissions.ts decides the scope). Walks the
 * updated_at index and stops after a page, so it stays cheap on a large register.
 */
import { members, memberships, type Db } from '@cos/db';
import type { Status } from '@cos/domain';
import { and, desc, eq, exists, ne, sql } from 'drizzle-orm';
import type { Actor } from '../actor';
import { onFirstUse, param } from './prepared';
import { memberScope } from './permissions';

export const ATTENTION_LIMIT = 10;

export interface AttentionItem {
  id: number;
  slug: string;
  name: string;
  status: Status;
  updatedAt: string;
}

export class Attention {
  constructor(private readonly db: Db) {}

  private readonly statements = onFirstUse(() => {
    const columns = {
      id: members.id,
      slug: members.slug,
      name: members.name,
      status: members.status,
      updatedAt: members.updatedAt,
    };
    const lacking = and(sql`trim(${members.descriptionSv}) = ''`, ne(members.status, 'archived'));
    const inCluster = exists(
      this.db
        .select({ one: sql`1` })
        .from(memberships)
        .where(
          and(eq(memberships.memberId, members.id), eq(memberships.clusterId, param('clusterId'))),
        ),
    );
    const page = (where: ReturnType<typeof and>) =>
      this.db
        .select(columns)
        .from(members)
        .where(where)
        .orderBy(desc(members.updatedAt), desc(members.id))
        .limit(ATTENTION_LIMIT + 1);
    return {
      everywhere: page(lacking).prepare(),
      inCluster: page(and(lacking, inCluster)).prepare(),
    };
  });

  missingDescription(actor: Actor): { items: AttentionItem[]; more: boolean } {
    const scope = memberScope(actor);
    const rows =
      scope === 'all'
        ? this.statements().everywhere.all()
        : this.statements().inCluster.all({ clusterId: scope.clusterId });
    return { items: rows.slice(0, ATTENTION_LIMIT), more: rows.length > ATTENTION_LIMIT };
  }
}
