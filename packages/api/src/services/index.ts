/**
 * One set of services per open database: they hold the prepared statements
 * and the result cache, so they live as long as the connection does. Each
 * field is named for what it holds: reads or writes, and of what.
 */
import type { DatabaseHandle } from '@cos/db';
import { AreaWrites } from './area-writes';
import { ArticleReads } from './article-reads';
import { ArticleWrites } from './article-writes';
import { Attention } from './attention';
import { AuditTrail } from './audit';
import { ClusterWrites } from './cluster-writes';
import { MemberDirectory } from './directory';
import { MemberImport } from './member-import';
import { MemberWrites } from './member-writes';
import { PublicReads } from './public-reads';
import { PublishedCounts } from './published-counts';
import { ResultCache } from './result-cache';
import { StatementCache } from './statement-cache';
import { Statistics } from './statistics';
import { TaxonomyReads } from './taxonomy';
import { UserWrites } from './user-writes';

export interface Services {
  statements: StatementCache;
  cache: ResultCache;
  /** The member directory: search, filters, facets (public and admin lists). */
  directory: MemberDirectory;
  /** Published areas, clusters and member profiles. */
  publicReads: PublicReads;
  statistics: Statistics;
  /** Area and cluster ids and names for the admin's pickers. */
  taxonomy: TaxonomyReads;
  /** The admin dashboard's "needs attention" lists. */
  attention: Attention;
  articleReads: ArticleReads;
  audit: AuditTrail;
  memberWrites: MemberWrites;
  memberImport: MemberImport;
  areaWrites: AreaWrites;
  clusterWrites: ClusterWrites;
  articleWrites: ArticleWrites;
  userWrites: UserWrites;
}

const byHandle = new WeakMap<DatabaseHandle, Services>();

export function getServices(handle: DatabaseHandle): Services {
  let services = byHandle.get(handle);
  if (!services) {
    const statements = new StatementCache(handle.sqlite);
    const cache = new ResultCache(handle.sqlite);
    const directory = new MemberDirectory(statements, cache);
    const counts = new PublishedCounts(statements, cache, directory);
    const publicReads = new PublicReads(statements, cache, directory, counts);
    const audit = new AuditTrail(handle.db);
    services = {
      statements,
      cache,
      directory,
      publicReads,
      statistics: new Statistics(statements, cache, publicReads, counts),
      taxonomy: new TaxonomyReads(statements, cache),
      attention: new Attention(handle.db),
      articleReads: new ArticleReads(handle.db),
      audit,
      memberWrites: new MemberWrites(handle, audit, cache),
      memberImport: new MemberImport(handle, statements, audit, cache),
      areaWrites: new AreaWrites(handle, audit, cache),
      clusterWrites: new ClusterWrites(handle, audit, cache),
      articleWrites: new ArticleWrites(handle, audit, cache),
      userWrites: new UserWrites(handle, audit, cache),
    };
    byHandle.set(handle, services);
  }
  return services;
}
