/**
 * A large tRPC batch of directory queries, as the flood sent: one GET
 * naming member.directory N times with 100 rows each. N is as large as fits
 * the URL length Node accepts by default (16 KB of request head), which is how
 * an attacker would size it (the 280 queries returned 16 MB).
 */
const SORTS = ['name', 'newest'] as const;

export function batchPath(maxItems: number, maxUrlBytes = 15_000): { path: string; items: number } {
  let best = { path: '', items: 0 };
  const input: Record<string, unknown> = {};
  const names: string[] = [];
  for (let i = 0; i < maxItems; i++) {
    input[String(i)] = { limit: 100, sort: SORTS[i % SORTS.length] };
    names.push('member.directory');
    const path = `/trpc/${names.join(',')}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`;
    if (path.length > maxUrlBytes) break;
    best = { path, items: i + 1 };
  }
  return best;
}
