/**
 * The members list as a CSV file, saved by the browser: every page of the
 * current search is fetched (up to a limit), then offered as a download.
 */
import type { RouterOutputs } from './api';
import { collectPages, membersToCsv } from './member-export';

type Item = RouterOutputs['member']['admin']['list']['items'][number];
type Page = { items: Item[]; nextCursor: string | null; total: number };

export const EXPORT_MAX = 20_000;

export async function downloadMembersCsv(
  fetchPage: (cursor: string | undefined) => Promise<Page>,
  onProgress: (done: number, total: number) => void,
): Promise<{ total: number; truncated: boolean }> {
  const { items, total, truncated } = await collectPages<Item>(fetchPage, {
    max: EXPORT_MAX,
    onProgress,
  });
  const blob = new Blob([membersToCsv(items)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `members-${new Date().toISOString().slice(0, 10)}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: some browsers read the file after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { total, truncated };
}
