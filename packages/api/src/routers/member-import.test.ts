/**
 * CSV import through member.admin.import: a dry run reports every bad row and
 * likely duplicate and writes nothing; applying writes all valid rows at once,
 * searchable and audited; editors import only into their own cluster.
 */
import { luhnCheckDigit } from '@cos/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, trpcError, type TestApi } from '../test-support';

const orgnr = (nine: string) => `${nine.slice(0, 6)}-${nine.slice(6)}${luhnCheckDigit(nine)}`;

let api: TestApi;
beforeEach(() => {
  api = createTestApi();
});
afterEach(() => api.cleanup());

const rows = () => [
  // 1: good, with area/cluster by name and municipality by name
  {
    name: 'Österlen Förpackning AB',
    organisationNumber: orgnr('559900001'),
    kind: 'Företag',
    municipality: 'Simrishamn',
    areas: 'Livsmedel; tech',
    clusters: 'Packbridge',
    status: 'published',
    descriptionEn: 'Packaging from Österlen',
  },
  // 2: bad organisation number and unknown area
  { name: 'Felaktiga AB', organisationNumber: '556016-0681', kind: 'company', areas: 'rymdfart' },
  // 3: likely duplicate of a seeded member
  { name: 'Ericsson AB', kind: 'company' },
  // 4: same organisation number as row 1
  { name: 'Tvilling AB', organisationNumber: orgnr('559900001'), kind: 'company' },
  // 5: unknown municipality, bad kind
  { name: 'Okänd Ort AB', kind: 'rocket', municipality: 'Atlantis' },
  // 6: good, outside Skåne, draft by default
  { name: 'Lundagård Labs', kind: 'startup', municipality: '' },
];

describe('member import', () => {
  it('a dry run reports bad rows with their reasons and duplicates, and writes nothing', async () => {
    const before = api.checksum();
    const report = await api.admin.member.admin.import({ rows: rows(), dryRun: true });
    expect(api.checksum()).toBe(before);
    expect(report).toMatchObject({
      total: 6,
      valid: 2,
      invalid: 3,
      duplicates: 1,
      created: 0,
      dryRun: true,
    });
    const fields = (row: number) =>
      report.problems
        .filter((p) => p.row === row)
        .map((p) => p.field)
        .sort();
    expect(fields(2)).toEqual(['areas', 'organisationNumber']);
    expect(
      report.problems.find((p) => p.row === 2 && p.field === 'organisationNumber')?.message,
    ).toMatch(/check digit/);
    expect(fields(4)).toEqual(['organisationNumber']);
    expect(report.problems.find((p) => p.row === 4)?.message).toMatch(/repeats row 1/);
    expect(fields(5)).toEqual(['kind', 'municipality']);
    expect(report.duplicateRows).toEqual([
      { row: 3, line: 4, name: 'Ericsson AB', existing: { slug: 'ericsson', name: 'Ericsson' } },
    ]);
  });

  it('applying writes every valid row in one go: searchable, linked and audited', async () => {
    const members = api.count('members');
    // Rows 1 and 6, and row 3 (a likely duplicate, skipped): applying is all or nothing now,
    // so the file's bad rows would stop the whole import (see member-import-apply.test.ts).
    const good = rows().filter((_, i) => [0, 2, 5].includes(i));
    const report = await api.admin.member.admin.import({ rows: good, dryRun: false });
    expect(report.created).toBe(2);
    expect(api.count('members')).toBe(members + 2);
    const imported = api.sqlite
      .prepare(
        "SELECT id, slug, status, municipality_code AS m FROM members WHERE name = 'Österlen Förpackning AB'",
      )
      .get() as { id: number; slug: string; status: string; m: string };
    expect(imported).toMatchObject({
      slug: 'osterlen-forpackning-ab',
      status: 'published',
      m: '1291',
    });
    const found = await api.anonymous.member.directory({ q: 'osterlen packaging' });
    expect(found.items.map((i) => i.slug)).toEqual(['osterlen-forpackning-ab']);
    expect(found.items[0]?.clusters.map((c) => c.slug)).toEqual(['packbridge']);
    expect(found.items[0]?.areas.map((a) => a.slug).sort()).toEqual(['livsmedel', 'tech']);
    const byCluster = await api.anonymous.member.directory({ q: 'packbridge osterlen' });
    expect(byCluster.total).toBe(1);
    const audit = await api.admin.audit.list({ entity: 'member', entityId: String(imported.id) });
    expect(audit.items.map((e) => e.action)).toEqual(['import']);
    const draft = api.sqlite
      .prepare("SELECT status, municipality_code AS m FROM members WHERE name = 'Lundagård Labs'")
      .get();
    expect(draft).toEqual({ status: 'draft', m: null });
  });

  it('with skipDuplicates off, a likely duplicate is imported too', async () => {
    const report = await api.admin.member.admin.import({
      rows: [{ name: 'Ericsson AB', kind: 'company' }],
      dryRun: false,
      skipDuplicates: false,
    });
    expect(report).toMatchObject({ duplicates: 1, created: 1 });
    expect(api.sqlite.prepare("SELECT slug FROM members WHERE name = 'Ericsson AB'").get()).toEqual(
      { slug: 'ericsson-ab' },
    );
  });

  it('an editor imports into their own cluster only', async () => {
    const editor = api.editor('opentech');
    const own = await editor.member.admin.import({
      rows: [{ name: 'Redaktörens AB', kind: 'company' }],
      dryRun: false,
    });
    expect(own.created).toBe(1);
    const id = (
      api.sqlite.prepare("SELECT id FROM members WHERE name = 'Redaktörens AB'").get() as {
        id: number;
      }
    ).id;
    expect(
      api.sqlite.prepare('SELECT cluster_id AS c FROM memberships WHERE member_id = ?').all(id),
    ).toEqual([{ c: api.clusterId('opentech') }]);
    const foreign = await editor.member.admin.import({
      rows: [{ name: 'Annans AB', kind: 'company', clusters: 'packbridge' }],
      dryRun: true,
    });
    expect(foreign.problems).toEqual([
      {
        row: 1,
        line: 2,
        field: 'clusters',
        message: 'editors may only import into their own cluster',
        code: 'import.foreignCluster',
        params: {},
      },
    ]);
  });

  it('refuses malformed requests and anonymous callers without writing', async () => {
    const before = api.checksum();
    expect(
      (await trpcError(api.anonymous.member.admin.import({ rows: rows(), dryRun: false }))).code,
    ).toBe('UNAUTHORIZED');
    expect((await trpcError(api.admin.member.admin.import({ rows: [], dryRun: false }))).code).toBe(
      'BAD_REQUEST',
    );
    const bad = { rows: [{ nickname: 'x' }], dryRun: false } as unknown as Parameters<
      typeof api.admin.member.admin.import
    >[0];
    expect((await trpcError(api.admin.member.admin.import(bad))).code).toBe('BAD_REQUEST');
    expect(api.checksum()).toBe(before);
  });
});
