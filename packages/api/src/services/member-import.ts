/**
 * CSV import of members: every row is checked with the same schema as a
 * single create (memberCreateInput), references are resolved (areas and
 * clusters by slug or name, municipalities by name or code), and duplicates
 * are found against the register and earlier rows. Applying writes all valid
 * rows in one transaction — all of them or none — with one audit entry per
 * new member, and rebuilds their search rows in one statement.
 */
import {
  indexMembersAfter,
  lastMemberId,
  withSearchSyncPaused,
  type DatabaseHandle,
} from '@cos/db';
import {
  findMunicipality,
  formatMessage,
  issueMessage,
  MEMBER_KIND_LABELS,
  MEMBER_KINDS,
  memberCreateInput,
  organisationNameKey,
  swedishSortKey,
  uniqueSlug,
  type ImportRow,
  type MemberCreateInput,
  type MemberImportInput,
  type MessageCode,
  type MessageParams,
  type WireParams,
} from '@cos/domain';
import type { Actor } from '../actor';
import { forbidden } from '../errors';
import type { AuditTrail } from './audit';
import { isAdmin } from './permissions';
import { memberColumnValues, prepareMemberStatements } from './member-statements';
import { onFirstUse } from './prepared';
import type { ResultCache } from './result-cache';
import type { StatementCache } from './statement-cache';
import { loadTaxonomy } from './taxonomy';

export interface ImportProblem {
  /** 1-based data row number (the header is row 0). */
  row: number;
  field: string;
  message: string;
}

/** A problem with the catalogue code behind its message, when it has one. */
type CodedProblem = ImportProblem & { coded?: { code: MessageCode; params: WireParams } };

function problem<C extends MessageCode>(
  row: number,
  field: string,
  code: C,
  params: MessageParams<C> & WireParams,
): CodedProblem {
  return { row, field, message: formatMessage('en', code, params), coded: { code, params } };
}

export interface ImportReport {
  total: number;
  valid: number;
  invalid: number;
  duplicates: number;
  created: number;
  dryRun: boolean;
  /** At most 1000 problems are listed; counts above are complete. */
  problems: ImportProblem[];
  /**
   * The message catalogue's code and parameters of each listed problem, in the
   * same order (null where a problem has none), so clients word it in their
   * language. A separate list keeps each problem's own shape as it was.
   */
  problemCodes: ({ code: MessageCode; params: WireParams } | null)[];
  duplicateRows: { row: number; name: string; existing: { slug: string; name: string } | null }[];
}

const PROBLEM_LIST_MAX = 1000;
const KIND_BY_LABEL = new Map<string, MemberCreateInput['kind']>();
for (const kind of MEMBER_KINDS) {
  KIND_BY_LABEL.set(kind, kind);
  KIND_BY_LABEL.set(MEMBER_KIND_LABELS[kind].sv.toLocaleLowerCase('sv'), kind);
  KIND_BY_LABEL.set(MEMBER_KIND_LABELS[kind].en.toLowerCase(), kind);
}
const OUTSIDE_WORDS = new Set(['', 'outside', 'utanför skåne', 'outside skåne']);

const list = (value: string | undefined) =>
  (value ?? '')
    .split(/[;,|]/)
    .map((v) => v.trim())
    .filter(Boolean);

export class MemberImport {
  private readonly memberStatements = onFirstUse(() => prepareMemberStatements(this.handle));

  constructor(
    private readonly handle: Pick<DatabaseHandle, 'db' | 'sqlite'>,
    private readonly statements: StatementCache,
    private readonly audit: AuditTrail,
    private readonly cache: ResultCache,
  ) {}

  run(user: Actor, input: MemberImportInput): ImportReport {
    const taxonomy = loadTaxonomy(this.statements, this.cache);
    const areaByKey = new Map<string, number>();
    for (const a of taxonomy.areas) {
      for (const key of [a.slug, a.name.sv, a.name.en])
        areaByKey.set(key.toLocaleLowerCase('sv'), a.id);
    }
    const clusterByKey = new Map<string, number>();
    for (const c of taxonomy.clusters) {
      for (const key of [c.slug, c.name, c.shortName])
        if (key) clusterByKey.set(key.toLocaleLowerCase('sv'), c.id);
    }
    // Everything duplicates are checked against, read once: one scan beats a query per row.
    const existing = this.memberStatements().allKeys.all();
    const slugs = new Set(existing.map((m) => m.slug));
    const byOrgnr = new Map(
      existing.filter((m) => m.organisationNumber).map((m) => [m.organisationNumber as string, m]),
    );
    const byNameKey = new Map(existing.map((m) => [organisationNameKey(m.name), m]));

    const report: ImportReport = {
      total: input.rows.length,
      valid: 0,
      invalid: 0,
      duplicates: 0,
      created: 0,
      dryRun: input.dryRun,
      problems: [],
      problemCodes: [],
      duplicateRows: [],
    };
    const accepted: { member: MemberCreateInput; slug: string }[] = [];
    const fileOrgnrs = new Map<string, number>();
    const fileNameKeys = new Map<string, number>();

    input.rows.forEach((row, index) => {
      const rowNumber = index + 1;
      const problems: CodedProblem[] = [];
      const candidate = this.toCandidate(row, user, rowNumber, problems, areaByKey, clusterByKey);
      const parsed = memberCreateInput.safeParse(candidate);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const coded = issueMessage(issue);
          problems.push({
            row: rowNumber,
            field: fieldName(issue.path),
            message: issue.message,
            ...(coded ? { coded } : {}),
          });
        }
      }
      if (parsed.success && parsed.data.organisationNumber) {
        const orgnr = parsed.data.organisationNumber;
        const taken = byOrgnr.get(orgnr);
        if (taken)
          problems.push(
            problem(rowNumber, 'organisationNumber', 'taken.organisationNumber', {
              name: taken.name,
            }),
          );
        else if (fileOrgnrs.has(orgnr)) {
          problems.push(
            problem(rowNumber, 'organisationNumber', 'import.repeatsRow', {
              row: fileOrgnrs.get(orgnr) ?? 0,
            }),
          );
        } else fileOrgnrs.set(orgnr, rowNumber);
      }
      if (problems.length > 0 || !parsed.success) {
        report.invalid++;
        for (const { coded, ...p } of problems) {
          if (report.problems.length >= PROBLEM_LIST_MAX) break;
          report.problems.push(p);
          report.problemCodes.push(coded ?? null);
        }
        return;
      }
      const key = organisationNameKey(parsed.data.name);
      const twin = byNameKey.get(key);
      if (twin || fileNameKeys.has(key)) {
        report.duplicates++;
        if (report.duplicateRows.length < PROBLEM_LIST_MAX) {
          report.duplicateRows.push({
            row: rowNumber,
            name: parsed.data.name,
            existing: twin ? { slug: twin.slug, name: twin.name } : null,
          });
        }
        if (input.skipDuplicates) return;
      }
      fileNameKeys.set(key, rowNumber);
      report.valid++;
      const slug = uniqueSlug(parsed.data.name, (s) => slugs.has(s));
      slugs.add(slug);
      accepted.push({ member: parsed.data, slug });
    });

    if (!input.dryRun && accepted.length > 0) {
      this.write(user, accepted);
      report.created = accepted.length;
    }
    return report;
  }

  private toCandidate(
    row: ImportRow,
    user: Actor,
    rowNumber: number,
    problems: CodedProblem[],
    areaByKey: Map<string, number>,
    clusterByKey: Map<string, number>,
  ) {
    const text = (v: string | undefined) => (v ?? '').trim();
    const orNull = (v: string | undefined) => (text(v) === '' ? null : text(v));

    let municipalityCode: string | null = null;
    const place = text(row.municipality);
    if (!OUTSIDE_WORDS.has(place.toLocaleLowerCase('sv'))) {
      const found = findMunicipality(place);
      if (found) municipalityCode = found.code;
      else
        problems.push(
          problem(rowNumber, 'municipality', 'import.unknownMunicipality', { value: place }),
        );
    }
    const areaIds: number[] = [];
    for (const a of list(row.areas)) {
      const id = areaByKey.get(a.toLocaleLowerCase('sv'));
      if (id === undefined)
        problems.push(problem(rowNumber, 'areas', 'import.unknownArea', { value: a }));
      else if (!areaIds.includes(id)) areaIds.push(id);
    }
    const clusterIds: number[] = [];
    for (const c of list(row.clusters)) {
      const id = clusterByKey.get(c.toLocaleLowerCase('sv'));
      if (id === undefined)
        problems.push(problem(rowNumber, 'clusters', 'import.unknownCluster', { value: c }));
      else if (!clusterIds.includes(id)) clusterIds.push(id);
    }
    if (!isAdmin(user)) {
      // An editor imports into their own cluster and no other.
      if (clusterIds.some((id) => id !== user.clusterId)) {
        problems.push(problem(rowNumber, 'clusters', 'import.foreignCluster', {}));
      }
      if (user.clusterId !== null && !clusterIds.includes(user.clusterId))
        clusterIds.push(user.clusterId);
    }
    const kindText = text(row.kind).toLocaleLowerCase('sv');
    return {
      name: text(row.name),
      organisationNumber: orNull(row.organisationNumber),
      kind: KIND_BY_LABEL.get(kindText) ?? (kindText === '' ? 'company' : kindText),
      sizeBand: orNull(row.sizeBand),
      municipalityCode,
      website: orNull(row.website),
      description: { sv: text(row.descriptionSv), en: text(row.descriptionEn) },
      areaIds,
      memberships: clusterIds.map((clusterId) => ({ clusterId, since: null })),
      status: text(row.status) === '' ? 'draft' : text(row.status).toLowerCase(),
    };
  }

  private write(user: Actor, accepted: { member: MemberCreateInput; slug: string }[]): void {
    if (!isAdmin(user) && user.clusterId === null)
      throw forbidden('permission.editorImportCluster', {});
    const now = new Date().toISOString();
    const { insert, insertArea, insertMembership } = this.memberStatements();
    const { sqlite } = this.handle;
    sqlite.transaction(() => {
      const before = lastMemberId(sqlite);
      withSearchSyncPaused(sqlite, () => {
        for (const { member: m, slug } of accepted) {
          const { lastInsertRowid } = insert.run({
            ...memberColumnValues({ ...m, slug }, swedishSortKey(m.name)),
            now,
          });
          const id = Number(lastInsertRowid);
          for (const areaId of m.areaIds) insertArea.run({ id, areaId });
          for (const ms of m.memberships)
            insertMembership.run({ id, clusterId: ms.clusterId, since: ms.since });
          this.audit.record(user, 'member', id, 'import', null, {
            id,
            slug,
            ...m,
            areaIds: [...m.areaIds].sort((a, b) => a - b),
            memberships: [...m.memberships].sort((a, b) => a.clusterId - b.clusterId),
            isDemo: false,
            version: 1,
            createdAt: now,
            updatedAt: now,
          });
        }
      });
      indexMembersAfter(sqlite, before);
    })();
    this.cache.invalidate();
  }
}

function fieldName(path: readonly PropertyKey[]): string {
  const [first] = path;
  if (first === 'municipalityCode') return 'municipality';
  if (first === 'areaIds') return 'areas';
  if (first === 'memberships') return 'clusters';
  if (first === 'description') return path[1] === 'en' ? 'descriptionEn' : 'descriptionSv';
  return typeof first === 'string' ? first : 'row';
}
