/**
 * The member list's export: a link to the server's streaming export
 * (GET /api/admin/members/export) with the list's own search, filters and
 * sort, so the file is the list the person is looking at — every row, not
 * just the page. A plain link, not a file built in the browser: the browser
 * saves the stream straight to disk, however many members there are.
 */
import { MEMBER_EXPORT_FORMATS, type MemberExportFormat } from '@cos/domain';

export const EXPORT_FORMATS = MEMBER_EXPORT_FORMATS;
export const EXPORT_PATH = '/api/admin/members/export';

/** The download address for the list's parameters (listFilterParams) in one format. */
export function exportHref(params: URLSearchParams, format: MemberExportFormat): string {
  const query = new URLSearchParams(params);
  // Paging is not filtering: the export is every matching row whatever page is shown.
  for (const key of ['page', 'limit', 'cursor']) query.delete(key);
  query.set('format', format);
  return `${EXPORT_PATH}?${query.toString()}`;
}
