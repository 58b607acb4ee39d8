/**
 * The admin's export: every member the actor may see that matches the admin
 * list's search and filters, in the list's order, with no cap. The plan (SQL
 * and parameters) is made where the taxonomy and the permissions are — the
 * same directoryWhere and directoryScope as the list, so a download is
 * exactly the list — and run on a connection of the caller's choosing: the
 * server gives it a read-only connection of its own, which reads one
 * consistent snapshot for as long as a slow client takes.
 *
 * Rows come in batches read by id; between batches the generator gives the
 * event loop a turn, so a 100,000-row export never holds the process for
 * more than one batch, and memory stays at one batch plus the id list.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import {
  defaultSortOrder,
  STATUSES,
  type AdminExportRow,
  type AdminMemberSort,
  type MemberExportQuery,
} from '@cos/domain';
import type { Sqlite } from '@cos/db';
import type { Actor } from '../actor';
import { orderBy } from './directory-order';
import { directoryWhere } from './directory-where';
import { searchPlanFor } from './search-plan';
import { directoryScope } from './permissions';
import type { ResultCache } from './result-cache';
import type { StatementCache } from './statement-cache';
import { loadTaxonomy } from './taxonomy';

export interface AdminExportPlan {
  /** The matching ids in the list's order. */
  idsSql: string;
  params: unknown[];
}

/** Rows per batch: large enough that a batch's overhead is small, small enough to be a short task. */
export const EXPORT_BATCH_SIZE = 1000;

/** The statement that reads an actor's export of a query (the admin list's filters and sort). */
export function adminExportPlan(
  services: { statements: StatementCache; cache: ResultCache },
  actor: Actor,
  query: MemberExportQuery,
): AdminExportPlan {
  const taxonomy = loadTaxonomy(services.statements, services.cache);
  // The list's own scope: the statuses asked for (all by default), the actor's clusters, demo.
  const where = directoryWhere(
    services.statements,
    query,
    {
      statuses: query.status.length > 0 ? query.status : STATUSES,
      ...directoryScope(actor),
      demo: query.demo,
      admin: true,
    },
    taxonomy,
  );
  const fts = searchPlanFor(services.statements, query.q);
  // The list's sort rules: relevance needs words to rank by; without a sort, relevance with them.
  const sort: AdminMemberSort =
    query.sort === 'relevance' && !fts ? 'name' : (query.sort ?? (fts ? 'relevance' : 'name'));
  const order = query.order ?? defaultSortOrder(sort);
  const ranked = sort === 'relevance' && fts !== null;
  // Relevance as the list ranks it (search-plan.ts); an organisation-number hit that the text
  // does not match has no rank and comes after the ranked ones.
  const join = ranked
    ? `LEFT JOIN (SELECT rowid AS id, score AS rank FROM (${fts.rankSql(false)})) r ON r.id = m.id`
    : '';
  const order_ = ranked
    ? `r.rank IS NULL, r.rank ${order === 'asc' ? 'ASC' : 'DESC'}, m.id`
    : orderBy(sort === 'relevance' ? 'name' : sort, order);
  return {
    idsSql: `SELECT m.id FROM members m ${join} WHERE ${where.sql} ORDER BY ${order_}`,
    params: ranked ? [...fts.rankParams(), ...where.params] : where.params,
  };
}

/** One batch of members by id (the primary key), with their areas and clusters as slug lists. */
const ROWS_SQL = `SELECT m.id, m.slug, m.name, m.organisation_number, m.kind, m.size_band,
    m.municipality_code, mu.name, m.outside_skane, m.website, m.description_sv,
    m.description_en, m.status,
    (SELECT group_concat(a.slug, ';' ORDER BY a.sort_order, a.id)
       FROM member_areas l JOIN areas a ON a.id = l.area_id WHERE l.member_id = m.id),
    (SELECT group_concat(c.slug, ';' ORDER BY c.slug)
       FROM memberships l JOIN clusters c ON c.id = l.cluster_id WHERE l.member_id = m.id),
    (SELECT group_concat(c.slug || ':' || l.kind, ';' ORDER BY c.slug)
       FROM memberships l JOIN clusters c ON c.id = l.cluster_id WHERE l.member_id = m.id),
    m.created_at, m.updated_at, m.version
  FROM members m LEFT JOIN municipalities mu ON mu.code = m.municipality_code
  WHERE m.id IN (SELECT value FROM json_each(?))`;

type RawExportRow = [
  number,
  string,
  string,
  string | null,
  string,
  string | null,
  string | null,
  string | null,
  number,
  string | null,
  string,
  string,
  string,
  string | null,
  string | null,
  string | null,
  string,
  string,
  number,
];

function toRow(r: RawExportRow): AdminExportRow {
  return {
    id: r[0],
    slug: r[1],
    name: r[2],
    organisation_number: r[3],
    kind: r[4],
    size_band: r[5],
    municipality_code: r[6],
    municipality: r[7],
    outside_skane: r[8] === 1,
    website: r[9],
    description_sv: r[10],
    description_en: r[11],
    status: r[12],
    areas: r[13] ? r[13].split(';') : [],
    clusters: r[14] ? r[14].split(';') : [],
    cluster_relations: r[15] ? r[15].split(';') : [],
    created_at: r[16],
    updated_at: r[17],
    version: r[18],
  };
}

/**
 * The plan's rows, `batchSize` at a time, in the plan's order. The order is
 * settled first as a list of ids (4 bytes a member: 400 KB at 100,000);
 * each batch is then read by primary key. Reading the rows through one
 * sorted statement instead made SQLite build the whole sorted result,
 * every column, before the first row — the first batch took the whole
 * export's time, with the event loop held, and the sorter held every row.
 *
 * For one consistent snapshot across batches, run it inside a read
 * transaction on a connection of its own (the server's export route does);
 * no statement stays open between batches, so the connection is free
 * whenever the generator waits.
 */
export async function* adminExportBatches(
  sqlite: Sqlite,
  plan: AdminExportPlan,
  batchSize = EXPORT_BATCH_SIZE,
): AsyncGenerator<AdminExportRow[]> {
  const ids = Int32Array.from(
    sqlite
      .prepare(plan.idsSql)
      .pluck()
      .all(...plan.params) as number[],
  );
  const read = sqlite.prepare(ROWS_SQL).raw(true);
  for (let start = 0; start < ids.length; start += batchSize) {
    if (start > 0) await nextTurn();
    const slice = ids.subarray(start, start + batchSize);
    const byId = new Map<number, AdminExportRow>();
    for (const raw of read.all(JSON.stringify(Array.from(slice))) as RawExportRow[])
      byId.set(raw[0], toRow(raw));
    const batch: AdminExportRow[] = [];
    // A member deleted since the ids were read (no snapshot) is left out, not fabricated.
    for (const id of slice) {
      const row = byId.get(id);
      if (row) batch.push(row);
    }
    yield batch;
  }
}
