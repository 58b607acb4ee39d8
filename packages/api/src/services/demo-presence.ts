/**
 * Whether generated demo members are in the register, for the banner every
 * page shows while they are. Read on every page, so it is one cached count
 * per data generation (the 'members' scope), not a count per request.
 */
import type { ResultCache } from './result-cache';
import type { StatementCache } from './statement-cache';

export interface DemoPresence {
  /** Published demo members: what the public site shows. */
  published: number;
  /** All demo members, any status: what the admin shows. */
  total: number;
}

export class DemoPresenceReads {
  constructor(
    private readonly statements: StatementCache,
    private readonly cache: ResultCache,
  ) {}

  get(): DemoPresence {
    return this.cache.get(['members'], 'public:demo-presence', () => {
      const row = this.statements.one<{ published: number | null; total: number }>(
        `SELECT count(*) AS total, sum(status = 'published') AS published FROM members WHERE is_demo = 1`,
        [],
      );
      return { published: row?.published ?? 0, total: row?.total ?? 0 };
    });
  }
}
