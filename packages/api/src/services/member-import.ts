/**
 * CSV import of members. Every row is checked with the same schemas and
 * rules as a single create or update; in 'upsert' mode a row whose
 * organisation number or slug matches a member updates it (blank cells keep
 * what is stored), and the report shows per row create / update (field by
 * field) / unchanged / invalid. A dry run writes nothing.
 *
 * Applying is all or nothing, for real: the whole check holds for the
 * register as it is inside the one write transaction (made just before it,
 * and made again inside when another connection committed meanwhile). Any failing
 * row — or a matched member that changed since the preview the caller saw
 * (`expected`) — means nothing is written; the report (or the conflict)
 * names every such row by its line in the file.
 */
import {
  indexMembersAfter,
  lastMemberId,
  withSearchSyncPaused,
  type DatabaseHandle,
} from '@cos/db';
import { swedishSortKey, type MemberCreateInput, type MemberImportInput } from '@cos/domain';
import type { Actor } from '../actor';
import { AppError, coded, ConflictError, forbidden } from '../errors';
import type { ImportReport } from '../outputs';
import type { AuditTrail } from './audit';
import { listProblems, planImport, type Plan, type PlannedRow } from './member-import-plan';
import { memberColumnValues, prepareMemberStatements } from './member-statements';
import type { MemberWrites } from './member-writes';
import { isAdmin } from './permissions';
import { onFirstUse } from './prepared';
import type { ResultCache } from './result-cache';
import type { StatementCache } from './statement-cache';
import { loadTaxonomy } from './taxonomy';

export type { ImportReport } from '../outputs';

/** Thrown inside the apply transaction so it rolls back; carries the report to return. */
class RolledBack extends Error {
  constructor(readonly report: ImportReport) {
    super('import rolled back');
  }
}

export class MemberImport {
  private readonly memberStatements = onFirstUse(() => prepareMemberStatements(this.handle));

  constructor(
    private readonly handle: Pick<DatabaseHandle, 'db' | 'sqlite'>,
    private readonly statements: StatementCache,
    private readonly audit: AuditTrail,
    private readonly cache: ResultCache,
    private readonly memberWrites: MemberWrites,
  ) {}

  run(user: Actor, input: MemberImportInput): ImportReport {
    if (input.dryRun) return this.plan(user, input).report;
    // The check is made before SQLite's write lock is taken, and kept if no other connection
    // committed meanwhile (data_version is unchanged once the lock is ours); otherwise it runs
    // again inside the transaction. Planning 200,000 rows takes seconds: other writers (another
    // process, the server while the import worker applies) wait only for the writes.
    const seen = this.dataVersion();
    const early = this.plan(user, input);
    try {
      return this.handle.sqlite
        .transaction(() =>
          this.apply(user, input, this.dataVersion() === seen ? early : this.plan(user, input)),
        )
        .immediate();
    } catch (error) {
      if (error instanceof RolledBack) return error.report;
      throw error;
    } finally {
      this.cache.invalidate();
    }
  }

  private plan(user: Actor, input: MemberImportInput): Plan {
    return planImport(user, input, {
      taxonomy: loadTaxonomy(this.statements, this.cache),
      keys: this.handle.sqlite
        .prepare<
          [],
          {
            id: number;
            slug: string;
            name: string;
            organisationNumber: string | null;
            version: number;
          }
        >('SELECT id, slug, name, organisation_number AS organisationNumber, version FROM members')
        .all(),
      load: (id) => this.memberWrites.load(id),
    });
  }

  /** Commits by other connections since this one last looked (SQLite's data_version). */
  private dataVersion(): number {
    return this.handle.sqlite.pragma('data_version', { simple: true }) as number;
  }

  /** Inside the transaction, with the plan as of now: write all of it or nothing. */
  private apply(user: Actor, input: MemberImportInput, plan: Plan): ImportReport {
    const { report, rows } = plan;
    if (input.expected) assertAsPreviewed(rows, input.expected);
    if (report.invalid > 0) return report;
    const creates = rows.filter(
      (r) => r.action === 'create' || (r.action === 'duplicate' && !input.skipDuplicates),
    );
    if (!isAdmin(user) && user.clusterId === null && creates.length > 0)
      throw forbidden('permission.editorImportCluster', {});
    // Updates through the single-update rules (rights, version, references, audit).
    const failed: PlannedRow[] = [];
    for (const row of rows) {
      if (row.action !== 'update' || !row.update) continue;
      try {
        this.memberWrites.update(user, row.update, 'update');
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        row.problems.push({
          field: 'field' in error && typeof error.field === 'string' ? error.field : 'row',
          message: error.message,
          coded: { code: error.messageCode, params: error.params },
        });
        failed.push(row);
      }
    }
    if (failed.length > 0) {
      for (const row of failed) row.action = 'invalid';
      throw new RolledBack(rebuildReport(report, rows, { applied: false }));
    }
    this.create(user, creates);
    return rebuildReport(report, rows, {
      applied: true,
      created: creates.length,
      updated: rows.filter((r) => r.action === 'update').length,
    });
  }

  private create(user: Actor, rows: PlannedRow[]): void {
    const accepted = rows.flatMap((r) => (r.create ? [r.create] : []));
    if (accepted.length === 0) return;
    const now = new Date().toISOString();
    const { insert, insertArea, insertMembership } = this.memberStatements();
    const { sqlite } = this.handle;
    const before = lastMemberId(sqlite);
    // One search rebuild for every new row instead of the per-row triggers.
    withSearchSyncPaused(sqlite, () => {
      for (const { member: m, slug } of accepted) {
        const { lastInsertRowid } = insert.run({
          ...memberColumnValues({ ...m, slug }, swedishSortKey(m.name)),
          now,
        });
        const id = Number(lastInsertRowid);
        for (const areaId of m.areaIds) insertArea.run({ id, areaId });
        for (const ms of m.memberships)
          insertMembership.run({ id, clusterId: ms.clusterId, kind: ms.kind, since: ms.since });
        this.audit.record(user, 'member', id, 'import', null, auditState(id, slug, m, now));
      }
    });
    indexMembersAfter(sqlite, before);
  }
}

/** The record as a new member's audit entry holds it (the shape memberRecordOut has). */
function auditState(id: number, slug: string, m: MemberCreateInput, now: string) {
  return {
    id,
    slug,
    ...m,
    areaIds: [...m.areaIds].sort((a, b) => a - b),
    memberships: [...m.memberships].sort((a, b) => a.clusterId - b.clusterId),
    isDemo: false,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * The preview's matches must still hold: each row that matched a member
 * then matches the same one now, at the same version, and no row matches a
 * member it did not match then. Otherwise the whole apply is a conflict
 * naming the rows, and nothing is written.
 */
function assertAsPreviewed(
  rows: PlannedRow[],
  expected: NonNullable<MemberImportInput['expected']>,
): void {
  const byRow = new Map(expected.map((e) => [e.row, e]));
  const stale = rows.flatMap((r) => {
    const seen = byRow.get(r.row);
    const now = r.match;
    if (!seen && !now) return [];
    if (seen && now && seen.id === now.id && seen.version === now.version) return [];
    return [
      {
        row: r.row,
        line: r.line,
        id: now?.id ?? seen?.id ?? null,
        name: now?.name ?? r.name,
        version: now?.version ?? null,
        expectedVersion: seen && seen.id === now?.id ? seen.version : null,
      },
    ];
  });
  if (stale.length === 0) return;
  const lines = stale.map((s) => s.line).join(', ');
  throw new ConflictError(
    'member',
    { rows: stale },
    undefined,
    coded('import.conflict', { rows: lines, count: stale.length }),
  );
}

/** The plan's report after the write phase: rows it refused are invalid, the counts what was written. */
function rebuildReport(
  report: ImportReport,
  rows: PlannedRow[],
  done: { applied: boolean; created?: number; updated?: number },
): ImportReport {
  const problems = listProblems(rows);
  const invalid = rows.filter((r) => r.action === 'invalid').length;
  return {
    ...report,
    invalid,
    valid: report.valid - (invalid - report.invalid),
    created: done.created ?? 0,
    updated: done.updated ?? 0,
    applied: done.applied,
    problems,
    problemCodes: problems.map((p) => (p.code ? { code: p.code, params: p.params } : null)),
    rows: report.rows.map((r, i) => ({ ...r, action: rows[i]?.action ?? r.action })),
  };
}
