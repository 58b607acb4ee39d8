/**
 * One import row, read: its cells checked (no U+FFFD, no control
 * characters), references resolved (areas and clusters by slug or name,
 * the place by placeFromText), and turned into either a create input or —
 * for a row matched to a member — the changes an update would make, with
 * the field-by-field differences the preview shows. Pure of the database:
 * the lookups come in as a Taxonomy.
 */
import {
  formatMessage,
  MEMBER_KIND_LABELS,
  MEMBER_KINDS,
  OUTSIDE_SKANE,
  placeFromText,
  type ImportField,
  type ImportRow,
  type MessageCode,
  type MessageParams,
  type WireParams,
} from '@cos/domain';
import type { Actor } from '../actor';
import type { MemberRecord } from './member-statements';
import { isAdmin } from './permissions';
import type { Taxonomy } from './taxonomy';

/** A problem of one row, before its line is known. */
export interface RowProblem {
  field: string;
  message: string;
  coded: { code: MessageCode; params: WireParams } | null;
}

export function rowProblem<C extends MessageCode>(
  field: string,
  code: C,
  params: MessageParams<C> & WireParams,
): RowProblem {
  return { field, message: formatMessage('en', code, params), coded: { code, params } };
}

/** Lookups by slug or name (lower case), and back from id to slug for the differences. */
export interface References {
  areaByKey: Map<string, number>;
  clusterByKey: Map<string, number>;
  areaSlug: Map<number, string>;
  clusterSlug: Map<number, string>;
}

export function references(taxonomy: Taxonomy): References {
  const refs: References = {
    areaByKey: new Map(),
    clusterByKey: new Map(),
    areaSlug: new Map(),
    clusterSlug: new Map(),
  };
  for (const a of taxonomy.areas) {
    refs.areaSlug.set(a.id, a.slug);
    for (const key of [a.slug, a.name.sv, a.name.en])
      refs.areaByKey.set(key.toLocaleLowerCase('sv'), a.id);
  }
  for (const c of taxonomy.clusters) {
    refs.clusterSlug.set(c.id, c.slug);
    for (const key of [c.slug, c.name, c.shortName])
      if (key) refs.clusterByKey.set(key.toLocaleLowerCase('sv'), c.id);
  }
  return refs;
}

const KIND_BY_LABEL = new Map<string, string>();
for (const kind of MEMBER_KINDS) {
  KIND_BY_LABEL.set(kind, kind);
  KIND_BY_LABEL.set(MEMBER_KIND_LABELS[kind].sv.toLocaleLowerCase('sv'), kind);
  KIND_BY_LABEL.set(MEMBER_KIND_LABELS[kind].en.toLowerCase(), kind);
}

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/**
 * Cells that must never be stored: U+FFFD (a letter lost before the file
 * reached us — rows sent as JSON skip the file reader's check) and control
 * characters. Tabs and line breaks are text.
 */
export function cellProblems(row: ImportRow): RowProblem[] {
  const problems: RowProblem[] = [];
  for (const [field, value] of Object.entries(row)) {
    if (value.includes('\uFFFD')) problems.push(rowProblem(field, 'import.replacementChar', {}));
    else if (CONTROL.test(value)) problems.push(rowProblem(field, 'import.controlChar', {}));
  }
  return problems;
}

const text = (v: string | undefined) => (v ?? '').trim();
const list = (value: string | undefined) =>
  text(value)
    .split(/[;,|]/)
    .map((v) => v.trim())
    .filter(Boolean);

function ids(
  values: string[],
  byKey: Map<string, number>,
  field: 'areas' | 'clusters',
  problems: RowProblem[],
): number[] {
  const out: number[] = [];
  for (const v of values) {
    const id = byKey.get(v.toLocaleLowerCase('sv'));
    if (id === undefined)
      problems.push(
        rowProblem(field, field === 'areas' ? 'import.unknownArea' : 'import.unknownCluster', {
          value: v,
        }),
      );
    else if (!out.includes(id)) out.push(id);
  }
  return out;
}

const YES = new Set(['1', 'true', 'yes', 'ja', 'x', 'sant', 'sann']);
const NO = new Set(['0', 'false', 'no', 'nej', 'falskt', 'falsk']);

/** A yes/no cell: true, false, null when blank; a problem otherwise. */
function yesNo(value: string | undefined, problems: RowProblem[]): boolean | null {
  const v = text(value).toLocaleLowerCase('sv');
  if (v === '') return null;
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  problems.push(rowProblem('outsideSkane', 'import.yesNo', { value: text(value) }));
  return null;
}

/**
 * The place a row gives: its municipality cell (a Skåne municipality, or
 * words and places that mean outside Skåne) and an "outside Skåne" yes/no
 * column. Only what the row gives is returned (an update keeps the rest);
 * a municipality together with "yes" is left for the schema to refuse.
 */
function place(row: ImportRow, problems: RowProblem[]) {
  const value = text(row.municipality);
  const found = placeFromText(value);
  if (found.kind === 'unknown')
    problems.push(rowProblem('municipality', 'import.unknownMunicipality', { value }));
  const flag = yesNo(row.outsideSkane, problems);
  const out: { municipalityCode?: string | null; outsideSkane?: boolean } = {};
  if (found.kind !== 'blank') {
    out.municipalityCode = found.kind === 'code' ? found.code : null;
    out.outsideSkane = found.kind === 'outside';
  }
  if (flag !== null) out.outsideSkane = flag || out.outsideSkane === true;
  return out;
}

/** A new member from a row, in memberCreateInput's shape (not yet parsed). */
export function toCreateCandidate(
  row: ImportRow,
  user: Actor,
  refs: References,
  problems: RowProblem[],
): Record<string, unknown> {
  const orNull = (v: string | undefined) => (text(v) === '' ? null : text(v));
  const areaIds = ids(list(row.areas), refs.areaByKey, 'areas', problems);
  const clusterIds = ids(list(row.clusters), refs.clusterByKey, 'clusters', problems);
  if (!isAdmin(user)) {
    // An editor imports into their own cluster and no other.
    if (clusterIds.some((id) => id !== user.clusterId))
      problems.push(rowProblem('clusters', 'import.foreignCluster', {}));
    if (user.clusterId !== null && !clusterIds.includes(user.clusterId))
      clusterIds.push(user.clusterId);
  }
  const kindText = text(row.kind).toLocaleLowerCase('sv');
  return {
    ...(text(row.slug) ? { slug: text(row.slug) } : {}),
    name: text(row.name),
    organisationNumber: orNull(row.organisationNumber),
    kind: KIND_BY_LABEL.get(kindText) ?? (kindText === '' ? 'company' : kindText),
    sizeBand: orNull(row.sizeBand),
    municipalityCode: null,
    outsideSkane: false,
    ...place(row, problems),
    website: orNull(row.website),
    description: { sv: text(row.descriptionSv), en: text(row.descriptionEn) },
    areaIds,
    memberships: clusterIds.map((clusterId) => ({ clusterId, since: null })),
    status: text(row.status) === '' ? 'draft' : text(row.status).toLowerCase(),
  };
}

/**
 * The changes a matched row makes, in memberUpdateInput's shape (without id
 * and version). A blank cell leaves the stored value: spreadsheets leave
 * cells empty for "no change" far more often than for "clear it".
 */
export function toUpdateChanges(
  row: ImportRow,
  before: MemberRecord,
  refs: References,
  problems: RowProblem[],
): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  const given = (field: ImportField) => text(row[field]) !== '';
  if (given('name')) changes.name = text(row.name);
  if (given('organisationNumber')) changes.organisationNumber = text(row.organisationNumber);
  if (given('kind')) {
    const kindText = text(row.kind).toLocaleLowerCase('sv');
    changes.kind = KIND_BY_LABEL.get(kindText) ?? kindText;
  }
  if (given('sizeBand')) changes.sizeBand = text(row.sizeBand);
  if (given('municipality') || given('outsideSkane')) Object.assign(changes, place(row, problems));
  if (given('website')) changes.website = text(row.website);
  if (given('descriptionSv') || given('descriptionEn'))
    changes.description = {
      sv: given('descriptionSv') ? text(row.descriptionSv) : before.description.sv,
      en: given('descriptionEn') ? text(row.descriptionEn) : before.description.en,
    };
  if (given('areas')) changes.areaIds = ids(list(row.areas), refs.areaByKey, 'areas', problems);
  if (given('clusters')) {
    // A kept link keeps its kind and date: a file's cluster list never turns a founder into a member.
    const kept = new Map(before.memberships.map((m) => [m.clusterId, m]));
    changes.memberships = ids(list(row.clusters), refs.clusterByKey, 'clusters', problems).map(
      (clusterId) => ({
        clusterId,
        kind: kept.get(clusterId)?.kind ?? 'member',
        since: kept.get(clusterId)?.since ?? null,
      }),
    );
  }
  if (given('status')) changes.status = text(row.status).toLowerCase();
  return changes;
}

type Comparable = Pick<
  MemberRecord,
  | 'name'
  | 'organisationNumber'
  | 'kind'
  | 'sizeBand'
  | 'municipalityCode'
  | 'outsideSkane'
  | 'website'
  | 'description'
  | 'areaIds'
  | 'memberships'
  | 'status'
>;

/** The member's fields as the preview shows them: text, comparable across before and after. */
function asText(m: Comparable, refs: References): Record<string, string | null> {
  const slugs = (values: number[], bySlug: Map<number, string>) =>
    values.length === 0
      ? null
      : values
          .map((id) => bySlug.get(id) ?? String(id))
          .sort()
          .join(', ');
  return {
    name: m.name,
    organisationNumber: m.organisationNumber,
    kind: m.kind,
    sizeBand: m.sizeBand,
    municipality: m.outsideSkane ? OUTSIDE_SKANE : m.municipalityCode,
    website: m.website,
    descriptionSv: m.description.sv || null,
    descriptionEn: m.description.en || null,
    areas: slugs(m.areaIds, refs.areaSlug),
    clusters: slugs(
      m.memberships.map((x) => x.clusterId),
      refs.clusterSlug,
    ),
    status: m.status,
  };
}

/** Field-by-field differences between a member and what an update leaves (memberships' since dates aside). */
export function differences(
  before: Comparable,
  after: Comparable,
  refs: References,
): { field: string; before: string | null; after: string | null }[] {
  const a = asText(before, refs);
  const b = asText(after, refs);
  return Object.keys(a)
    .filter((field) => a[field] !== b[field])
    .map((field) => ({ field, before: a[field] ?? null, after: b[field] ?? null }));
}
