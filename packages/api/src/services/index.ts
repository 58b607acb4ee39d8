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
import { OpenDataCatalogue } from './open-data-catalogue';
import { DemoPresenceReads } from './demo-presence';
import { ClusterWrites } from './cluster-writes';
import { ImageLibrary } from './image-library';
import { MemberDirectory } from './directory';
import { MemberBulkEdit } from './member-bulk-edit';
import { MemberImport } from './member-import';
import { MemberWrites } from './member-writes';
import { PublicReads } from './public-reads';
import { PublishedCounts } from './published-counts';
import { SiteSearch } from './site-search';
import { ResultCache } from './result-cache';
import { StatementCache } from './statement-cache';
import { Statistics } from './statistics';
import { TaxonomyReads } from './taxonomy';
import { UserWrites } from './user-writes';
import { UpdateSuggestions } from './update-suggestions';

export interface Services {
  statements: StatementCache;
  cache: ResultCache;
  /** The member directory: search, filters, facets (public and admin lists). */
  directory: MemberDirectory;
  /** Published areas, clusters and member profiles. */
  publicReads: PublicReads;
  statistics: Statistics;
  /** How many generated demo members there are, for the demo banner. */
  demoPresence: DemoPresenceReads;
  openDataCatalogue: OpenDataCatalogue;
  /** Area and cluster ids and names for the admin's pickers. */
  taxonomy: TaxonomyReads;
  /** The admin dashboard's "needs attention" lists. */
  attention: Attention;
  articleReads: ArticleReads;
  /** The site-wide search box: members, clusters, areas and news, grouped by kind. */
  siteSearch: SiteSearch;
  audit: AuditTrail;
  memberWrites: MemberWrites;
  /** The list's bulk edits: areas and cluster memberships of many members at once. */
  memberBulkEdit: MemberBulkEdit;
  memberImport: MemberImport;
  areaWrites: AreaWrites;
  clusterWrites: ClusterWrites;
  articleWrites: ArticleWrites;
  userWrites: UserWrites;
  /** Uploaded images: the upload, and what is stored (image-library.ts). */
  images: ImageLibrary;
  /** Suggested updates from the public, reviewed and applied in the admin. */
  updateSuggestions: UpdateSuggestions;
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
    const memberWrites = new MemberWrites(handle, audit, cache);
    const clusterWrites = new ClusterWrites(handle, audit, cache);
    const articleReads = new ArticleReads(handle.db);
    services = {
      statements,
      cache,
      directory,
      publicReads,
      statistics: new Statistics(statements, cache, publicReads, counts),
      demoPresence: new DemoPresenceReads(statements, cache),
      openDataCatalogue: new OpenDataCatalogue(statements, cache),
      taxonomy: new TaxonomyReads(statements, cache),
      attention: new Attention(handle.db),
      articleReads,
      siteSearch: new SiteSearch(cache, directory, publicReads, articleReads),
      audit,
      memberWrites,
      memberBulkEdit: new MemberBulkEdit(handle, audit, cache, memberWrites),
      memberImport: new MemberImport(handle, statements, audit, cache, memberWrites),
      areaWrites: new AreaWrites(handle, audit, cache),
      clusterWrites,
      articleWrites: new ArticleWrites(handle, audit, cache),
      userWrites: new UserWrites(handle, audit, cache),
      images: new ImageLibrary(handle),
      updateSuggestions: new UpdateSuggestions(handle, audit, memberWrites, clusterWrites),
    };
    byHandle.set(handle, services);
  }
  return services;
}
