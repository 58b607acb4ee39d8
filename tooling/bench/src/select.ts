/**
 * BENCH_CASES: which parts of `pnpm bench` run, e.g. BENCH_CASES=freshness,flood
 * for a quick look at two cases. Unset or "all" runs everything.
 */
export const CASE_GROUPS = [
  /** The limit, the API cases and the pages (the original table). */
  'api',
  'pages',
  /** Bulk import/export, seeding time, start-up, peak RSS. */
  'bulk',
  /** Issue 13: visitors with and without an admin writing once a second. */
  'freshness',
  /** Issue 13: computed Q3 through tRPC and REST as a ratio to the limit. */
  'q3',
  /** Issue 13: compressed bytes for a directory page, a JSON list and a full download. */
  'compression',
  /** Issue 13: download flood and batch flood with /healthz and admin writes meanwhile. */
  'flood',
  /** Issue 13: one worker against two. */
  'workers',
  'reliability',
  /** Ranked search plus facets, computed: distinct texts in-process and over REST (search-case.ts). */
  'search',
] as const;
export type CaseGroup = (typeof CASE_GROUPS)[number];

export function selectCases(setting: string | undefined): Set<CaseGroup> {
  const names = (setting ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length === 0 || names.includes('all')) return new Set(CASE_GROUPS);
  const unknown = names.filter((n) => !(CASE_GROUPS as readonly string[]).includes(n));
  if (unknown.length > 0)
    throw new Error(
      `BENCH_CASES: unknown case ${unknown.join(', ')} (known: ${CASE_GROUPS.join(', ')}, all)`,
    );
  return new Set(names as CaseGroup[]);
}
