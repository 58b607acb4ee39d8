/**
 * What an import would do, row by row, against the register as given: the
 * check a dry run reports and an apply repeats inside its transaction. No
 * writes here; the register comes in as its keys and a loader.
 */
import {
  issueMessage,
  memberCreateInput,
  memberUpdateInput,
  organisationNameKey,
  organisationNumberSchema,
  uniqueSlug,
  withPlace,
  type MemberCreateInput,
  type MemberImportInput,
  type MemberUpdateInput,
} from '@cos/domain';
import type { z } from 'zod';
import type { Actor } from '../actor';
import { AppError, FieldError } from '../errors';
import type { ImportReport } from '../outputs';
import {
  cellProblems,
  differences,
  references,
  rowProblem,
  toCreateCandidate,
  toUpdateChanges,
  type References,
  type RowProblem,
} from './member-import-rows';
import type { MemberRecord } from './member-statements';
import {
  assertCanChangeFields,
  assertCanChangeMemberships,
  assertCanChangeStatus,
  assertCanEditMember,
} from './permissions';
import type { Taxonomy } from './taxonomy';
import { withChanges } from './versioned-record';

/** A member's keys, as matching and the uniqueness checks need them. */
export interface MemberKeys {
  id: number;
  slug: string;
  name: string;
  organisationNumber: string | null;
  version: number;
}

type Action = ImportReport['rows'][number]['action'];

export interface PlannedRow {
  row: number;
  line: number;
  name: string;
  action: Action;
  problems: RowProblem[];
  match: MemberKeys | null;
  changes: ImportReport['rows'][number]['changes'];
  create?: { member: MemberCreateInput; slug: string };
  update?: MemberUpdateInput;
}

export interface Plan {
  report: ImportReport;
  rows: PlannedRow[];
}

interface Register {
  taxonomy: Taxonomy;
  keys: MemberKeys[];
  load: (id: number) => MemberRecord | undefined;
}

export function planImport(user: Actor, input: MemberImportInput, register: Register): Plan {
  const planner = new Planner(user, input, register);
  const rows = input.rows.map((cells, index) => planner.row(cells, index));
  return { rows, report: planner.summary(rows) };
}

type Cells = MemberImportInput['rows'][number];

class Planner {
  private readonly refs: References;
  private readonly slugs: Set<string>;
  private readonly bySlug: Map<string, MemberKeys>;
  private readonly byOrgnr: Map<string, MemberKeys>;
  private readonly byNameKey: Map<string, MemberKeys>;
  // What earlier rows of the file claimed: organisation numbers, members, names.
  private readonly fileOrgnrs = new Map<string, number>();
  private readonly fileMembers = new Map<number, number>();
  private readonly fileNameKeys = new Map<string, number>();
  private readonly duplicateRows: ImportReport['duplicateRows'] = [];

  constructor(
    private readonly user: Actor,
    private readonly input: MemberImportInput,
    private readonly register: Register,
  ) {
    const { keys } = register;
    this.refs = references(register.taxonomy);
    this.slugs = new Set(keys.map((m) => m.slug));
    this.bySlug = new Map(keys.map((m) => [m.slug, m]));
    this.byOrgnr = new Map(
      keys.flatMap((m) => (m.organisationNumber ? [[m.organisationNumber, m] as const] : [])),
    );
    this.byNameKey = new Map(keys.map((m) => [organisationNameKey(m.name), m]));
  }

  row(cells: Cells, index: number): PlannedRow {
    const row = index + 1;
    const problems = cellProblems(cells);
    const planned: PlannedRow = {
      row,
      line: this.input.lines?.[index] ?? row + 1,
      name: (cells.name ?? '').trim(),
      action: 'invalid',
      problems,
      match: null,
      changes: [],
    };
    const match = this.input.mode === 'upsert' ? this.matchOf(cells, problems) : undefined;
    const before = match && this.register.load(match.id);
    if (match && before) {
      planned.match = match;
      planned.name ||= before.name;
      this.planUpdate(planned, cells, before);
    } else this.planCreate(planned, cells);
    if (problems.length > 0) planned.action = 'invalid';
    return planned;
  }

  /** The member a row names by organisation number (any common form) or slug; both must agree. */
  private matchOf(cells: Cells, problems: RowProblem[]): MemberKeys | undefined {
    const orgnr = organisationNumberSchema.safeParse((cells.organisationNumber ?? '').trim());
    const byO = orgnr.success && orgnr.data ? this.byOrgnr.get(orgnr.data) : undefined;
    const byS = this.bySlug.get((cells.slug ?? '').trim());
    if (byO && byS && byO.id !== byS.id)
      problems.push(
        rowProblem('organisationNumber', 'taken.organisationNumber', { name: byO.name }),
      );
    return byO ?? byS;
  }

  private claimOrgnr(orgnr: string | null, planned: PlannedRow): void {
    if (!orgnr) return;
    const earlier = this.fileOrgnrs.get(orgnr);
    if (earlier !== undefined)
      planned.problems.push(
        rowProblem('organisationNumber', 'import.repeatsRow', { row: earlier }),
      );
    else this.fileOrgnrs.set(orgnr, planned.row);
  }

  private planUpdate(planned: PlannedRow, cells: Cells, before: MemberRecord): void {
    const { problems } = planned;
    const earlier = this.fileMembers.get(before.id);
    if (earlier !== undefined)
      problems.push(rowProblem('row', 'import.repeatsRow', { row: earlier }));
    else this.fileMembers.set(before.id, planned.row);
    const changes = toUpdateChanges(cells, before, this.refs, problems);
    const parsed = memberUpdateInput.safeParse({
      id: before.id,
      version: before.version,
      ...changes,
    });
    if (!parsed.success) return issues(parsed.error, problems);
    const after = { ...withChanges(before, parsed.data), ...withPlace(before, parsed.data) };
    // The rules a single update runs, so the preview shows what apply would refuse.
    try {
      assertCanEditMember(
        this.user,
        before.memberships.map((m) => m.clusterId),
        before.name,
      );
      if (after.status !== before.status)
        assertCanChangeStatus(this.user, before, after.status, true);
      assertCanChangeFields(this.user, before, after);
      if (parsed.data.memberships)
        assertCanChangeMemberships(this.user, before.memberships, after.memberships, (id) =>
          this.clusterName(id),
        );
    } catch (error) {
      problems.push(
        fromError(error, error instanceof FieldError ? fieldName([error.field]) : 'row'),
      );
      return;
    }
    const orgnr = after.organisationNumber;
    const holder = orgnr ? this.byOrgnr.get(orgnr) : undefined;
    if (holder && holder.id !== before.id)
      problems.push(
        rowProblem('organisationNumber', 'taken.organisationNumber', { name: holder.name }),
      );
    else this.claimOrgnr(orgnr, planned);
    planned.changes = differences(before, after, this.refs);
    planned.update = parsed.data;
    planned.action = planned.changes.length > 0 ? 'update' : 'unchanged';
  }

  private clusterName(id: number): string {
    return this.register.taxonomy.clusters.find((c) => c.id === id)?.name ?? String(id);
  }

  private planCreate(planned: PlannedRow, cells: Cells): void {
    const { problems } = planned;
    const candidate = toCreateCandidate(cells, this.user, this.refs, problems);
    const parsed = memberCreateInput.safeParse(candidate);
    if (!parsed.success) return issues(parsed.error, problems);
    const member = parsed.data;
    const taken = member.organisationNumber
      ? this.byOrgnr.get(member.organisationNumber)
      : undefined;
    if (taken)
      problems.push(
        rowProblem('organisationNumber', 'taken.organisationNumber', { name: taken.name }),
      );
    else this.claimOrgnr(member.organisationNumber, planned);
    if (member.slug && this.slugs.has(member.slug))
      problems.push(rowProblem('slug', 'taken.slug', { entity: 'member' }));
    if (problems.length > 0) return;
    const slug = member.slug ?? uniqueSlug(member.name, (s) => this.slugs.has(s));
    this.slugs.add(slug);
    planned.create = { member, slug };
    planned.action = 'create';
    const key = organisationNameKey(member.name);
    const twin = this.byNameKey.get(key);
    if (twin || this.fileNameKeys.has(key)) {
      planned.action = 'duplicate';
      this.duplicateRows.push({
        row: planned.row,
        line: planned.line,
        name: member.name,
        existing: twin ? { slug: twin.slug, name: twin.name } : null,
      });
    }
    this.fileNameKeys.set(key, planned.row);
  }

  summary(rows: PlannedRow[]): ImportReport {
    const { input } = this;
    const count = (action: Action) => rows.filter((r) => r.action === action).length;
    const problems = listProblems(rows);
    const duplicates = count('duplicate');
    return {
      total: rows.length,
      valid: rows.length - count('invalid') - (input.skipDuplicates ? duplicates : 0),
      invalid: count('invalid'),
      duplicates,
      created: 0,
      updated: 0,
      unchanged: count('unchanged'),
      planned: {
        create: count('create') + (input.skipDuplicates ? 0 : duplicates),
        update: count('update'),
        unchanged: count('unchanged'),
      },
      dryRun: input.dryRun,
      applied: false,
      mode: input.mode,
      problems,
      problemCodes: problems.map((p) => (p.code ? { code: p.code, params: p.params } : null)),
      duplicateRows: this.duplicateRows,
      rows: rows.map((r) => ({
        row: r.row,
        line: r.line,
        action: r.action,
        name: r.name,
        match: r.match && {
          id: r.match.id,
          slug: r.match.slug,
          name: r.match.name,
          version: r.match.version,
        },
        changes: r.changes,
      })),
    };
  }
}

/** Every problem of every row, with its row and line. */
export function listProblems(rows: PlannedRow[]): ImportReport['problems'] {
  return rows.flatMap((r) =>
    r.problems.map((p) => ({
      row: r.row,
      line: r.line,
      field: p.field,
      message: p.message,
      code: p.coded?.code ?? null,
      params: p.coded?.params ?? {},
    })),
  );
}

function issues(error: z.ZodError, problems: RowProblem[]): void {
  for (const issue of error.issues) {
    problems.push({
      field: fieldName(issue.path),
      message: issue.message,
      coded: issueMessage(issue) ?? null,
    });
  }
}

function fromError(error: unknown, field: string): RowProblem {
  if (!(error instanceof AppError)) throw error;
  return {
    field,
    message: error.message,
    coded: { code: error.messageCode, params: error.params },
  };
}

function fieldName(path: readonly PropertyKey[]): string {
  const [first] = path;
  if (first === 'municipalityCode' || first === 'outsideSkane') return 'municipality';
  if (first === 'areaIds') return 'areas';
  if (first === 'memberships') return 'clusters';
  if (first === 'description') return path[1] === 'en' ? 'descriptionEn' : 'descriptionSv';
  return typeof first === 'string' ? first : 'row';
}
