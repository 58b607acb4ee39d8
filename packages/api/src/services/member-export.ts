/**
 * Every published member matching the directory filters, as flat rows for
 * CSV/JSON export. The members stream from one statement (iterate), so rows
 * are never all in memory; areas and clusters are joined in as slug lists
 * read beforehand (see linkSlugLists).
 */
import {
  MEMBER_CSV_WRITE_OPTIONS,
  MEMBER_EXPORT_COLUMNS,
  type MemberDirectoryQuery,
  type MemberExportColumn,
} from '@cos/domain';
import type { DataScope, Sqlite } from '@cos/db';
import { placeWhere } from './directory-where';
import { organisationNumberQuery } from './directory-text';
import { searchPlan } from './search-plan';

/**
 * What an export reads (members with their areas and clusters, municipality
 * names): a stored download is made again only when one of these changes.
 * routers/read-scopes.test.ts checks it against the SQL the export runs.
 */
export const PUBLISHED_EXPORT_SCOPES: readonly DataScope[] = [
  'members',
  'clusters',
  'areas',
  'municipalities',
];

/** One exported member: text cells, and outside_skane as a boolean. */
export type ExportRow = Record<Exclude<MemberExportColumn, 'outside_skane'>, string | null> & {
  outside_skane: boolean;
};

export function* exportPublishedMembers(
  sqlite: Sqlite,
  /** `demo: 'exclude'` (open data's default) leaves generated demo members out. */
  query?: Partial<MemberDirectoryQuery> & { demo?: 'exclude' | 'include' },
): Generator<ExportRow> {
  const parts = ["m.status = 'published'"];
  const params: unknown[] = [];
  if (query?.demo === 'exclude') parts.push('m.is_demo = 0');
  const inList = (n: number) => Array.from({ length: n }, () => '?').join(',');
  if (query?.area?.length) {
    parts.push(
      `m.id IN (SELECT ma.member_id FROM member_areas ma JOIN areas a ON a.id = ma.area_id WHERE a.slug IN (${inList(query.area.length)}))`,
    );
    params.push(...query.area);
  }
  if (query?.cluster?.length) {
    parts.push(
      `m.id IN (SELECT ms.member_id FROM memberships ms JOIN clusters c ON c.id = ms.cluster_id WHERE c.slug IN (${inList(query.cluster.length)}))`,
    );
    params.push(...query.cluster);
  }
  if (query?.municipality?.length) {
    // The directory's own place filter: 'outside' and 'unknown' are different answers.
    const place = placeWhere(query.municipality);
    parts.push(place.sql);
    params.push(...place.params);
  }
  if (query?.kind?.length) {
    parts.push(`m.kind IN (${inList(query.kind.length)})`);
    params.push(...query.kind);
  }
  if (query?.q !== undefined) {
    // The directory's own match (stems and compounds too: search-plan.ts), and as there, an
    // organisation number in any spelling finds its member (directory-text.ts).
    const plan = searchPlan(sqlite, query.q);
    const orgnr = organisationNumberQuery(query.q);
    const text = plan ? plan.where.sql : '0';
    parts.push(orgnr === null ? text : `(${text} OR m.organisation_number = ?)`);
    if (plan) params.push(...plan.where.params);
    if (orgnr !== null) params.push(orgnr);
  }
  if (query?.size?.length) {
    parts.push(`m.size_band IN (${inList(query.size.length)})`);
    params.push(...query.size);
  }
  // Every published member: scan all links. A filtered download: only the links of its members
  // (a few thousand lookups instead of a scan of every link: 176 → 31 ms at 100,000).
  const filtered = parts.length > 1;
  const ofMembers = filtered
    ? `WHERE member_id IN (SELECT m.id FROM members m WHERE ${parts.join(' AND ')})`
    : '';
  const linkParams = filtered ? params : [];
  const areas = linkSlugLists(
    sqlite,
    'SELECT id, slug FROM areas',
    `SELECT member_id, area_id FROM member_areas ${ofMembers} ORDER BY member_id, area_id`,
    linkParams,
  );
  const clusters = linkSlugLists(
    sqlite,
    "SELECT id, slug FROM clusters WHERE status = 'published'",
    `SELECT member_id, cluster_id, kind FROM memberships ${ofMembers} ORDER BY member_id, cluster_id`,
    linkParams,
  );
  const statement = sqlite.prepare(
    `SELECT m.id, m.slug, m.name, m.organisation_number, m.kind, m.size_band, m.municipality_code,
       mu.name AS municipality, m.website, m.description_sv, m.description_en, m.updated_at,
       m.outside_skane
     FROM members m LEFT JOIN municipalities mu ON mu.code = m.municipality_code
     WHERE ${parts.join(' AND ')} ORDER BY m.sort_key, m.id`,
  );
  // Raw rows and one object literal per member: half the cost of letting the driver build an
  // object and then copying it into another with the link lists added.
  type RawRow = [number, ...(string | number | null)[]];
  for (const r of statement.raw(true).iterate(...params) as Iterable<RawRow>) {
    const [id, slug, name, orgNr, kind, sizeBand, municipalityCode, municipality] = r as [
      number,
      ...(string | null)[],
    ];
    const [website, descriptionSv, descriptionEn, updatedAt] = r.slice(8, 12) as (string | null)[];
    const outside = r[12] === 1;
    yield {
      slug: slug ?? null,
      name: name ?? null,
      organisation_number: orgNr ?? null,
      kind: kind ?? null,
      size_band: sizeBand ?? null,
      municipality_code: municipalityCode ?? null,
      municipality: municipality ?? null,
      outside_skane: outside,
      website: website ?? null,
      description_sv: descriptionSv ?? null,
      description_en: descriptionEn ?? null,
      areas: areas.get(id)?.slugs ?? null,
      clusters: clusters.get(id)?.slugs ?? null,
      cluster_relations: clusters.get(id)?.withKinds ?? null,
      updated_at: updatedAt ?? null,
    };
  }
}

/**
 * member id → "slug;slug" for one kind of link, read before the rows, and
 * "slug:kind;…" where the links have a kind (a third column). Two
 * correlated subqueries per exported row cost two-thirds of an export's time
 * (1.3 s → 0.9 s at 100,000 members); the map holds short strings per
 * member (a few MB at 100,000).
 */
function linkSlugLists(
  sqlite: Sqlite,
  slugsSql: string,
  linksSql: string,
  params: unknown[],
): Map<number, { slugs: string; withKinds: string }> {
  const slugs = new Map(sqlite.prepare(slugsSql).raw(true).all() as [number, string][]);
  const lists = new Map<number, { slugs: string; withKinds: string }>();
  for (const [memberId, targetId, kind] of sqlite
    .prepare(linksSql)
    .raw(true)
    .iterate(...params) as Iterable<[number, number, string?]>) {
    const slug = slugs.get(targetId);
    if (slug === undefined) continue; // e.g. a cluster that is not published
    const before = lists.get(memberId);
    const list = before === undefined ? slug : `${before.slugs};${slug}`;
    // Links without a kind (areas) share the one string instead of building it twice.
    const withKinds =
      kind === undefined
        ? list
        : `${before === undefined ? '' : `${before.withKinds};`}${slug}:${kind}`;
    lists.set(memberId, { slugs: list, withKinds });
  }
  return lists;
}

/**
 * csv-stringify options for member exports: header, UTF-8 BOM for Excel,
 * formulas neutralised (the member CSV contract in @cos/domain). The JSON
 * export keeps every value as stored.
 */
export const MEMBER_CSV_OPTIONS = {
  header: true,
  columns: [...MEMBER_EXPORT_COLUMNS],
  bom: true,
  ...MEMBER_CSV_WRITE_OPTIONS,
};

/** A JSON array written piece by piece, so an export of any size streams in flat memory. */
export function* jsonArrayChunks(rows: Iterable<unknown>): Generator<string> {
  yield '[';
  let first = true;
  for (const row of rows) {
    yield `${first ? '' : ','}\n${JSON.stringify(row)}`;
    first = false;
  }
  yield '\n]\n';
}
