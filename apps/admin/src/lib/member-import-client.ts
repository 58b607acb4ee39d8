/**
 * The import page's side of the wire: the check and the apply go through
 * tRPC while the JSON body stays under the server's limit, and to the import
 * route (the same procedure, as JSON up to 64 MB) above it — a 20,000-row file
 * with its line numbers and matched versions is larger than one tRPC call takes.
 */
import {
  MEMBER_KIND_LABELS,
  municipalityByCode,
  SIZE_BAND_LABELS,
  type CsvEncoding,
  type MemberKind,
  type SizeBand,
} from '@cos/domain';
import type { Delimiter } from './csv';
import type { MessageKey } from './i18n';
import { i18n, t } from './i18n/locale.svelte';
import { api, onUnauthorizedNow, type RouterInputs, type RouterOutputs } from './api';
import { IMPORT_FIELDS, JSON_IMPORT_LIMIT, type ImportField } from './member-import';

export type ImportReport = RouterOutputs['member']['admin']['import'];
export type ImportInput = RouterInputs['member']['admin']['import'];

/** Checks (dryRun) or applies the rows in one request; the answer is the same report either way. */
export async function sendImport(input: ImportInput): Promise<ImportReport> {
  const body = JSON.stringify(input);
  if (body.length < JSON_IMPORT_LIMIT) return api.member.admin.import.mutate(input);
  const response = await fetch('/api/admin/members/import', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    credentials: 'same-origin',
    body,
  });
  const json = (await response.json()) as ImportReport & {
    error?: string;
    message?: string;
    useOrigin?: string;
    messageCode?: string;
    messageParams?: Record<string, unknown>;
    current?: unknown;
  };
  if (response.status === 401) onUnauthorizedNow();
  if (!response.ok)
    throw Object.assign(new Error(json.message ?? response.statusText), {
      data: {
        code: json.error,
        useOrigin: json.useOrigin,
        messageCode: json.messageCode,
        messageParams: json.messageParams,
        current: json.current,
      },
    });
  return json;
}

/** Each import field's label: a Record, so a field added in the domain is a type error until named. */
const FIELD_LABELS: Record<ImportField, MessageKey> = {
  name: 'import.field.name',
  slug: 'import.field.slug',
  organisationNumber: 'import.field.organisationNumber',
  kind: 'import.field.kind',
  sizeBand: 'import.field.sizeBand',
  municipality: 'import.field.municipality',
  outsideSkane: 'import.field.outsideSkane',
  website: 'import.field.website',
  descriptionSv: 'import.field.descriptionSv',
  descriptionEn: 'import.field.descriptionEn',
  areas: 'import.field.areas',
  clusters: 'import.field.clusters',
  status: 'import.field.status',
};

/** An import field's name in the interface language; anything else as it came. */
export const importFieldLabel = (field: string): string =>
  (IMPORT_FIELDS as readonly string[]).includes(field)
    ? t(FIELD_LABELS[field as ImportField])
    : field;

/** An encoding's name as people know it. */
export function encodingLabel(encoding: CsvEncoding): string {
  switch (encoding) {
    case 'utf-8':
      return 'UTF-8';
    case 'windows-1252':
      return 'Windows-1252';
    case 'iso-8859-1':
      return 'ISO-8859-1';
    case 'utf-16le':
      return 'UTF-16 LE';
    case 'utf-16be':
      return 'UTF-16 BE';
  }
}

export function delimiterLabel(delimiter: Delimiter): string {
  return t(
    delimiter === ','
      ? 'import.delimiter.comma'
      : delimiter === ';'
        ? 'import.delimiter.semicolon'
        : 'import.delimiter.tab',
  );
}

/** A value of the report's field changes as people read it (codes as names, nothing as "(empty)"). */
export function importValueText(field: string, value: string | null): string {
  if (value === null || value === '') return t('import.empty');
  const locale = i18n.locale;
  switch (field) {
    case 'kind':
      return MEMBER_KIND_LABELS[value as MemberKind]?.[locale] ?? value;
    case 'sizeBand':
      return SIZE_BAND_LABELS[value as SizeBand]?.[locale] ?? value;
    case 'municipality':
      return value === 'outside'
        ? t('import.outsideSkane')
        : (municipalityByCode(value)?.name ?? value);
    case 'status':
      return value === 'draft' || value === 'published' || value === 'archived'
        ? t(`status.${value}`)
        : value;
    default:
      return value;
  }
}
