/**
 * The words the member search indexes, in memory per connection: the
 * search_terms vocabulary (every word of three letters or more written in a
 * member's name or descriptions, migration 0014), its Snowball stems, and the
 * words of the area and cluster names (member_search's areas and clusters
 * columns, which the vocabulary does not hold).
 *
 * Two uses (search-plan.ts):
 * - compounds: the written words that contain a stem, found here instead of
 *   by a LIKE scan of search_terms per typed word;
 * - the last word's prefix: FTS5 answers a prefix ("works"*) by merging the
 *   doclists of every term it begins, the whole list before anything else, so
 *   "ekbyte works"* reads all 100,000 rows that have "works" in every tier.
 *   When no indexed word but the word itself begins with it, "works"* and
 *   "works" match the same rows with the same bm25, and the exact term lets
 *   FTS5 skip through the common word's doclist to the rare word's rows.
 *   The test errs on the side of the prefix: a word whose folded form is not
 *   plain ASCII (FTS5's diacritic folding and foldWord may differ there) may
 *   begin any prefix its ASCII letters allow.
 *
 * Terms are only ever added (max(id) tells that it grew), so the lists grow in
 * place; inside a write transaction the new rows are read but not kept, as
 * the transaction may roll back.
 */
import { foldWord, stemWord, type Sqlite, type Statement } from '@cos/db';

const ASCII = /^[\x20-\x7e]*$/;

/** The first position in a sorted list whose word is not below `word`. */
function lowerBound(list: readonly string[], word: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] ?? '') < word) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Sorted, distinct. */
function insertSorted(list: string[], word: string): void {
  const at = lowerBound(list, word);
  if (list[at] !== word) list.splice(at, 0, word);
}

/** Whether a sorted list holds a word other than `prefix` that begins with it. */
function beginsAnother(list: readonly string[], prefix: string): boolean {
  let at = lowerBound(list, prefix);
  if (list[at] === prefix) at++;
  return (list[at] ?? '').startsWith(prefix);
}

/** Whether a non-ASCII word may begin with `prefix` under FTS5's folding (any non-ASCII letter may fold to anything). */
function mayBegin(word: string, prefix: string): boolean {
  if (word === prefix) return false;
  if (word.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 0x80 && c !== prefix.charCodeAt(i)) return false;
  }
  return true;
}

interface Lists {
  /** Distinct folded words, in id order (compounds scan them). */
  folded: string[];
  /** Sorted ASCII folded words and stems; the rest apart (see mayBegin). */
  words: string[];
  stems: string[];
  oddWords: string[];
  oddStems: string[];
  /** The highest search_terms id read. */
  maxId: number;
}

const emptyLists = (): Lists => ({
  folded: [],
  words: [],
  stems: [],
  oddWords: [],
  oddStems: [],
  maxId: 0,
});

/** Past this many new terms at once, sorting the lists again beats inserting one by one. */
const RESORT = 64;

const sortedDistinct = (list: string[]) => [...new Set(list)].sort();

function addTerms(
  lists: Lists,
  rows: readonly [number, string, string][],
  seen: Set<string>,
): void {
  const many = rows.length > RESORT;
  const add = (list: string[], word: string) => (many ? list.push(word) : insertSorted(list, word));
  for (const [id, term, folded] of rows) {
    if (!seen.has(folded)) {
      seen.add(folded);
      lists.folded.push(folded);
    }
    if (ASCII.test(folded)) add(lists.words, folded);
    else lists.oddWords.push(folded);
    for (const language of ['sv', 'en'] as const) {
      const stem = foldWord(stemWord(term, language));
      if (ASCII.test(stem)) add(lists.stems, stem);
      else if (!lists.oddStems.includes(stem)) lists.oddStems.push(stem);
    }
    lists.maxId = Math.max(lists.maxId, id);
  }
  if (many) {
    lists.words = sortedDistinct(lists.words);
    lists.stems = sortedDistinct(lists.stems);
  }
}

export class SearchVocabulary {
  private lists = emptyLists();
  private readonly seen = new Set<string>();
  private readonly maxStatement: Statement;
  private readonly since: Statement;
  private readonly taxonomyStatement: Statement;
  /** What the plans made from this state depend on: the vocabulary and the taxonomy's words. */
  version = '';
  /** Rows added inside the current write transaction (not kept). */
  private pending: Lists | null = null;
  private taxonomy: { words: string[]; odd: string[] } = { words: [], odd: [] };
  /** The area and cluster names `taxonomy` was split from. */
  private taxonomyNames: string | null = null;

  constructor(private readonly sqlite: Sqlite) {
    this.maxStatement = sqlite.prepare('SELECT coalesce(max(id), 0) FROM search_terms').pluck();
    this.since = sqlite
      .prepare('SELECT id, term, folded FROM search_terms WHERE id > ? ORDER BY id')
      .raw(true);
    this.taxonomyStatement = sqlite
      .prepare(
        `SELECT name_sv || ' ' || name_en FROM areas UNION ALL SELECT name || ' ' || short_name FROM clusters`,
      )
      .pluck();
  }

  /** Reads what was added since (a max(id) read when nothing was) and the taxonomy's words. */
  refresh(): this {
    const max = this.maxStatement.get() as number;
    this.pending = null;
    if (max > this.lists.maxId) {
      const rows = this.since.all(this.lists.maxId) as [number, string, string][];
      if (this.sqlite.inTransaction) {
        this.pending = emptyLists();
        addTerms(this.pending, rows, new Set(this.seen));
      } else addTerms(this.lists, rows, this.seen);
    }
    const names = (this.taxonomyStatement.all() as string[]).join(' ');
    // Every search asks: split the names into words again only when they changed.
    if (names !== this.taxonomyNames) this.setTaxonomy(names);
    this.version = `${max}:${names}`;
    return this;
  }

  private setTaxonomy(names: string): void {
    this.taxonomyNames = names;
    const words = [
      ...new Set(
        (
          names
            .normalize('NFC')
            .toLowerCase()
            .match(/[\p{L}\p{N}]+/gu) ?? []
        ).map(foldWord),
      ),
    ].sort();
    this.taxonomy = {
      words: words.filter((w) => ASCII.test(w)),
      odd: words.filter((w) => !ASCII.test(w)),
    };
  }

  /** Written words (folded) that contain one of the parts, not `except`, shortest first, at most `limit`. */
  compounds(parts: readonly string[], except: string, limit: number): string[] {
    const found: string[] = [];
    const scan = (list: readonly string[]) => {
      for (const w of list) if (w !== except && parts.some((p) => w.includes(p))) found.push(w);
    };
    scan(this.lists.folded);
    if (this.pending) scan(this.pending.folded);
    return found
      .sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, limit);
  }

  /** Whether an indexed word other than `prefix` (folded) may begin with it in member_search. */
  wordBegunBy(prefix: string): boolean {
    return this.begun(prefix, 'words', 'oddWords', this.taxonomy);
  }

  /** The same among the stems (member_stems: names and descriptions). */
  stemBegunBy(prefix: string): boolean {
    return this.begun(prefix, 'stems', 'oddStems', { words: [], odd: [] });
  }

  private begun(
    prefix: string,
    sorted: 'words' | 'stems',
    odd: 'oddWords' | 'oddStems',
    extra: { words: string[]; odd: string[] },
  ): boolean {
    for (const lists of [this.lists, this.pending]) {
      if (!lists) continue;
      if (beginsAnother(lists[sorted], prefix)) return true;
      if (lists[odd].some((w) => mayBegin(w, prefix))) return true;
    }
    return beginsAnother(extra.words, prefix) || extra.odd.some((w) => mayBegin(w, prefix));
  }
}

const vocabularies = new WeakMap<Sqlite, SearchVocabulary>();

/** The connection's vocabulary, up to date. */
export function searchVocabulary(sqlite: Sqlite): SearchVocabulary {
  let vocabulary = vocabularies.get(sqlite);
  if (!vocabulary) {
    vocabulary = new SearchVocabulary(sqlite);
    vocabularies.set(sqlite, vocabulary);
  }
  return vocabulary.refresh();
}
