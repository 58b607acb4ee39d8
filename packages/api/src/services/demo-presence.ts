/**
 * Whether generated demo members are in the register, for the banner every
 * page shows while they are. Read on every page, so it is one row kept by
 * triggers (migration 0013) under a scope of its own ('demo'): a member
 * write does not make the pages that read nothing else of members stale.
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
    return this.cache.get(['demo'], 'public:demo-presence', () => {
      const row = this.statements.one<DemoPresence>(
        'SELECT published, total FROM demo_presence WHERE id = 1',
        [],
      );
      return { published: row?.published ?? 0, total: row?.total ?? 0 };
    });
  }
}
