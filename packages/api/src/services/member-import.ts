/**
 * CSV import of members: every row is checked with the same schema as a
 * single create (memberCreateInput), references are resolved (areas and
 * clusters by slug or name, municipalities by name or code), and duplicates
 * are found against the register and earlier rows. Applying writes all valid
 * rows in one transaction — all of them or none — with one audit entry per
 * new member, and rebuilds their search rows in one statement.
 */
import { indexMembersAfter, lastMemberId, withSearchSyncPaused, type Sqlite } from '@cos/db';
import {
  findMunicipality,
  MEMBER_KIND_LABELS,
  MEMBER_KINDS,
  memberCreateInput,
  organisationNameKey,
  swedishSortKey,
  uniqueSlug,
  type ImportRow,
  type MemberCreateInput,
  type MemberImportInput,
} from '@cos/domain';
import type { SessionUser } from '../actor';
import { forbidden } from '../errors';
import type { AuditTrail } from './audit';
import { isAdmin } from './permissions';
import type { ResultCache } from './result-cache';
import type { StatementCache } from './statement-cache';
import { loadTaxonomy } from './taxonomy';

export interface ImportProblem {
  /** 1-based data row number (the header is row 0). */
  row: number;
  field: string;
  message: string;
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
  constructor(
    private readonly sqlite: Sqlite,
    private readonly statements: StatementCache,
    private readonly audit: AuditTrail,
    private readonly cache: ResultCache,
  ) {}

  run(user: SessionUser, input: MemberImportInput): ImportReport {
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
    const existing = this.statements.all<{
      slug: string;
      name: string;
      organisationNumber: string | null;
    }>('SELECT slug, name, organisation_number AS organisationNumber FROM members');
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
      duplicateRows: [],
    };
    const accepted: { member: MemberCreateInput; slug: string }[] = [];
    const fileOrgnrs = new Map<string, number>();
    const fileNameKeys = new Map<string, number>();

    input.rows.forEach((row, index) => {
      const rowNumber = index + 1;
      const problems: ImportProblem[] = [];
      const candidate = this.toCandidate(row, user, rowNumber, problems, areaByKey, clusterByKey);
      const parsed = memberCreateInput.safeParse(candidate);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          problems.push({ row: rowNumber, field: fieldName(issue.path), message: issue.message });
        }
      }
      if (parsed.success && parsed.data.organisationNumber) {
        const orgnr = parsed.data.organisationNumber;
        const taken = byOrgnr.get(orgnr);
        if (taken)
          problems.push({
            row: rowNumber,
            field: 'organisationNumber',
            message: `is already registered for ${taken.name}`,
          });
        else if (fileOrgnrs.has(orgnr)) {
          problems.push({
            row: rowNumber,
            field: 'organisationNumber',
            message: `repeats row ${fileOrgnrs.get(orgnr)}`,
          });
        } else fileOrgnrs.set(orgnr, rowNumber);
      }
      if (problems.length > 0 || !parsed.success) {
        report.invalid++;
        for (const p of problems)
          if (report.problems.length < PROBLEM_LIST_MAX) report.problems.push(p);
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
    user: SessionUser,
    rowNumber: number,
    problems: ImportProblem[],
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
        problems.push({
          row: rowNumber,
          field: 'municipality',
          message: `"${place}" is not one of Skåne's 33 municipalities`,
        });
    }
    const areaIds: number[] = [];
    for (const a of list(row.areas)) {
      const id = areaByKey.get(a.toLocaleLowerCase('sv'));
      if (id === undefined)
        problems.push({ row: rowNumber, field: 'areas', message: `unknown area "${a}"` });
      else if (!areaIds.includes(id)) areaIds.push(id);
    }
    const clusterIds: number[] = [];
    for (const c of list(row.clusters)) {
      const id = clusterByKey.get(c.toLocaleLowerCase('sv'));
      if (id === undefined)
        problems.push({ row: rowNumber, field: 'clusters', message: `unknown cluster "${c}"` });
      else if (!clusterIds.includes(id)) clusterIds.push(id);
    }
    if (!isAdmin(user)) {
      // An editor imports into their own cluster and no other.
      if (clusterIds.some((id) => id !== user.clusterId)) {
        problems.push({
          row: rowNumber,
          field: 'clusters',
          message: 'editors may only import into their own cluster',
        });
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

  private write(user: SessionUser, accepted: { member: MemberCreateInput; slug: string }[]): void {
    if (!isAdmin(user) && user.clusterId === null)
      throw forbidden('Editors need a cluster to import into');
    const now = new Date().toISOString();
    const insertMember = this.statements.get(
      `INSERT INTO members (slug, name, sort_key, organisation_number, kind, size_band, municipality_code, website,
         description_sv, description_en, status, is_demo, version, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 1, ?, ?)`,
    );
    const insertArea = this.statements.get(
      'INSERT INTO member_areas (member_id, area_id) VALUES (?, ?)',
    );
    const insertMembership = this.statements.get(
      'INSERT INTO memberships (member_id, cluster_id, since) VALUES (?, ?, ?)',
    );
    this.sqlite.transaction(() => {
      const before = lastMemberId(this.sqlite);
      withSearchSyncPaused(this.sqlite, () => {
        for (const { member: m, slug } of accepted) {
          const { lastInsertRowid } = insertMember.run(
            slug,
            m.name,
            swedishSortKey(m.name),
            m.organisationNumber,
            m.kind,
            m.sizeBand,
            m.municipalityCode,
            m.website,
            m.description.sv,
            m.description.en,
            m.status,
            now,
            now,
          );
          const id = Number(lastInsertRowid);
          for (const areaId of m.areaIds) insertArea.run(id, areaId);
          for (const ms of m.memberships) insertMembership.run(id, ms.clusterId, ms.since);
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
      indexMembersAfter(this.sqlite, before);
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
