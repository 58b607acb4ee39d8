/**
 * Cached search rankings: every member id matching a full-text query, best
 * first, with its bm25 score. Ranking every match of a common word is the
 * expensive part of search, so a ranking is computed once per text and then
 * kept up to date in place: after a member write only the changed members
 * are matched again (the FTS query restricted to their rowids) and spliced
 * out of and back into the list by score — work in proportion to the members
 * changed, not to the matches.
 *
 * What is approximate: bm25 weighs a term by corpus statistics (how many rows
 * hold it, average lengths). Unchanged rows keep the scores computed when the
 * ranking was made, and the spliced rows are scored against today's corpus;
 * after a few edits the order may differ slightly from a fresh ranking, never
 * the membership — which hits match is always exact. A ranking is computed
 * afresh when the area or cluster names change (they are part of every
 * member's search text), when more than MAX_SPLICE log rows are pending, when
 * the change log was pruned past it or a bulk write happened (the log says
 * "reset"), or when it falls out of the 64 most recent searches.
 * Raw SQL: FTS5's MATCH and bm25 have no query-builder form.
 */
import type { MemberChangeLog } from '@cos/db';
import { recordReads } from '../read-scopes';
import type { ResultCache } from './result-cache';
import type { SearchPlan } from './search-plan';
import type { StatementCache } from './statement-cache';
import type { Taxonomy } from './taxonomy';

/** Rankings kept (large entries: one id and score per hit). */
const MAX_RANKINGS = 64;
/** Change-log rows applied one by one at most; past that, ranking afresh is cheaper. */
const MAX_SPLICE = 1000;

interface Ranking {
  ids: Int32Array;
  scores: Float64Array;
  /** The change log's seq and the members version the ranking is up to date with. */
  seq: number;
  members: number;
  /** The taxonomy it was ranked under (a new object when areas or clusters change). */
  taxonomy: Taxonomy;
  /** Rankings with a given organisation number's member first, derived from this one. */
  derived: Map<string, Int32Array>;
}

const byScore = (a: [number, number], b: [number, number]) => a[1] - b[1] || a[0] - b[0];

export class Rankings {
  private readonly entries = new Map<string, Ranking>();
  /** How often a ranking was computed in full, and brought up to date in place (tests, operators). */
  readonly counts = { ranked: 0, spliced: 0 };

  constructor(
    private readonly statements: StatementCache,
    private readonly cache: ResultCache,
    private readonly log: MemberChangeLog,
  ) {}

  /** Every id the plan matches, best first (its tiers, then bm25: search-plan.ts). */
  ids(plan: SearchPlan, taxonomy: Taxonomy): Int32Array {
    return this.ranking(plan, taxonomy).ids;
  }

  /** The same list with `first` (ids) moved to the front, cached with the ranking. */
  withFirst(plan: SearchPlan, taxonomy: Taxonomy, key: string, first: () => number[]): Int32Array {
    const ranking = this.ranking(plan, taxonomy);
    let list = ranking.derived.get(key);
    if (!list) {
      const exact = first();
      const rest = Array.from(ranking.ids).filter((id) => !exact.includes(id));
      list = Int32Array.from([...exact, ...rest]);
      ranking.derived.set(key, list);
    }
    return list;
  }

  private ranking(plan: SearchPlan, taxonomy: Taxonomy): Ranking {
    const fts = plan.key;
    recordReads(['members', 'areas', 'clusters']);
    const members = this.cache.versions().members;
    const inTransaction = this.statements.sqlite.inTransaction;
    const cached = this.entries.get(fts);
    if (cached && cached.taxonomy === taxonomy) {
      if (cached.members === members) return this.touch(fts, cached);
      // Inside a write transaction nothing is updated: what it wrote may roll back.
      if (!inTransaction && this.splice(cached, plan, members)) return this.touch(fts, cached);
    }
    this.counts.ranked++;
    const seq = this.log.lastSeq(); // before ranking: a change committed meanwhile is applied later
    const rows = this.statements.rows<[number, number]>(
      `${plan.rankSql(false)} ORDER BY score, rowid`,
      plan.rankParams(),
    );
    const ranking: Ranking = {
      ids: Int32Array.from(rows, (r) => r[0]),
      scores: Float64Array.from(rows, (r) => r[1]),
      seq,
      members,
      taxonomy,
      derived: new Map(),
    };
    if (inTransaction) return ranking;
    if (!cached && this.entries.size >= MAX_RANKINGS) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return this.touch(fts, ranking);
  }

  private touch(fts: string, ranking: Ranking): Ranking {
    this.entries.delete(fts);
    this.entries.set(fts, ranking);
    return ranking;
  }

  /** Brings a ranking up to date with the changed members; false when it must be ranked afresh. */
  private splice(ranking: Ranking, plan: SearchPlan, members: number): boolean {
    const changes = this.log.since(ranking.seq, MAX_SPLICE);
    if (changes.ids === 'reset') return false;
    if (changes.ids.length > 0) {
      const changed = new Set(changes.ids);
      const hits = this.statements
        .rows<[number, number]>(plan.rankSql(true), plan.rankParams(JSON.stringify(changes.ids)))
        .sort(byScore);
      // Merge the kept hits (already in order) with the re-matched ones.
      const n = ranking.ids.length;
      const ids = new Int32Array(n + hits.length);
      const scores = new Float64Array(n + hits.length);
      let out = 0;
      let h = 0;
      for (let i = 0; i < n; i++) {
        const id = ranking.ids[i] ?? 0;
        if (changed.has(id)) continue;
        const score = ranking.scores[i] ?? 0;
        for (; h < hits.length && byScore(hits[h] as [number, number], [id, score]) < 0; h++) {
          ids[out] = hits[h]?.[0] ?? 0;
          scores[out++] = hits[h]?.[1] ?? 0;
        }
        ids[out] = id;
        scores[out++] = score;
      }
      for (; h < hits.length; h++) {
        ids[out] = hits[h]?.[0] ?? 0;
        scores[out++] = hits[h]?.[1] ?? 0;
      }
      ranking.ids = ids.slice(0, out);
      ranking.scores = scores.slice(0, out);
      ranking.derived.clear();
      this.counts.spliced++;
    }
    ranking.seq = changes.seq;
    ranking.members = members;
    return true;
  }
}
