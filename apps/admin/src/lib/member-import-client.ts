/**
 * The import page's side of the wire: rows go through tRPC while the JSON body
 * stays under the server's limit, and as CSV to the import route above it.
 */
import type { MessageKey } from './i18n';
import { t } from './i18n/locale.svelte';
import { api, onUnauthorizedNow, type RouterOutputs } from './api';
import { IMPORT_FIELDS, importRowsToCsv, JSON_IMPORT_LIMIT, type ImportRow } from './member-import';

export type ImportReport = RouterOutputs['member']['admin']['import'];

/** Checks (dryRun) or applies the rows in one request; the answer is the same report either way. */
export async function sendImport(
  rows: ImportRow[],
  dryRun: boolean,
  skipDuplicates: boolean,
): Promise<ImportReport> {
  const body = { rows, dryRun, skipDuplicates };
  if (JSON.stringify(body).length < JSON_IMPORT_LIMIT) return api.member.admin.import.mutate(body);
  const response = await fetch(
    `/api/admin/members/import?dryRun=${dryRun}&skipDuplicates=${skipDuplicates}`,
    {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      credentials: 'same-origin',
      body: importRowsToCsv(body.rows),
    },
  );
  const json = (await response.json()) as ImportReport & {
    error?: string;
    message?: string;
    useOrigin?: string;
    messageCode?: string;
    messageParams?: Record<string, unknown>;
  };
  if (response.status === 401) onUnauthorizedNow();
  if (!response.ok)
    throw Object.assign(new Error(json.message ?? response.statusText), {
      data: {
        code: json.error,
        useOrigin: json.useOrigin,
        messageCode: json.messageCode,
        messageParams: json.messageParams,
      },
    });
  return json;
}

/** An import field's name in the interface language; anything else as it came. */
export const importFieldLabel = (field: string): string =>
  (IMPORT_FIELDS as readonly string[]).includes(field)
    ? t(`import.field.${field}` as MessageKey)
    : field;
