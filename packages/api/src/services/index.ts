/**
 * One set of services per open database: they hold the prepared statements
 * and the result cache, so they live as long as the connection does.
 */
import type { DatabaseHandle } from '@cos/db';
import { AreaWrites } from './area-writes';
import { ArticleReads } from './article-reads';
import { ArticleWrites } from './article-writes';
import { AuditTrail } from './audit';
import { ClusterWrites } from './cluster-writes';
import { MemberDirectory } from './directory';
import { MemberImport } from './member-import';
import { MemberWrites } from './member-writes';
import { PublicReads } from './public-reads';
import { ResultCache } from './result-cache';
import { StatementCache } from './statement-cache';
import { UserWrites } from './user-writes';

export interface Services {
  statements: StatementCache;
  cache: ResultCache;
  directory: MemberDirectory;
  reads: PublicReads;
  articles: ArticleReads;
  audit: AuditTrail;
  members: MemberWrites;
  memberImport: MemberImport;
  areaWrites: AreaWrites;
  clusterWrites: ClusterWrites;
  articleWrites: ArticleWrites;
  users: UserWrites;
}

const byHandle = new WeakMap<DatabaseHandle, Services>();

export function getServices(handle: DatabaseHandle): Services {
  let services = byHandle.get(handle);
  if (!services) {
    const statements = new StatementCache(handle.sqlite);
    const cache = new ResultCache(handle.sqlite);
    const directory = new MemberDirectory(statements, cache);
    const audit = new AuditTrail(statements);
    services = {
      statements,
      cache,
      directory,
      reads: new PublicReads(statements, cache, directory),
      articles: new ArticleReads(statements),
      audit,
      members: new MemberWrites(handle.sqlite, statements, audit, cache),
      memberImport: new MemberImport(handle.sqlite, statements, audit, cache),
      areaWrites: new AreaWrites(handle.sqlite, statements, audit, cache),
      clusterWrites: new ClusterWrites(handle.sqlite, statements, audit, cache),
      articleWrites: new ArticleWrites(handle.sqlite, statements, audit, cache),
      users: new UserWrites(handle, statements, audit, cache),
    };
    byHandle.set(handle, services);
  }
  return services;
}
