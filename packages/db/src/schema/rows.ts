/**
 * The rows of the tables as Drizzle reads and writes them, derived from the
 * table definitions so a column's type is declared in one place only.
 */
import type { areas } from './area';
import type { articles, articleTags } from './article';
import type { auditLog } from './audit';
import type { users } from './auth';
import type { clusters } from './cluster';
import type { images } from './image';
import type { members, memberships } from './member';

export type AreaRow = typeof areas.$inferSelect;
export type ClusterRow = typeof clusters.$inferSelect;
export type MemberRow = typeof members.$inferSelect;
export type MemberInsert = typeof members.$inferInsert;
export type MembershipRow = typeof memberships.$inferSelect;
export type ArticleRow = typeof articles.$inferSelect;
export type ArticleTagRow = typeof articleTags.$inferSelect;
export type AuditRow = typeof auditLog.$inferSelect;
export type UserRow = typeof users.$inferSelect;
export type ImageRow = typeof images.$inferSelect;
