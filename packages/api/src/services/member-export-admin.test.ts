import { memberExportQuery, type AdminExportRow, type MemberExportQueryInput } from '@cos/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import { createTestApi, type TestApi } from '../test-support';
import { getServices } from './index';
import { adminExportBatches, adminExportPlan } from './member-export-admin';

// More members than the browser-built export's old cap of 20,000.
const DEMO = 21_000;
let api: TestApi;
beforeAll(() => {
  api = createTestApi({ demo: DEMO });
}, 120_000);
afterAll(() => api?.cleanup());

async function exportRows(
  actor: Actor,
  input: MemberExportQueryInput = {},
  batchSize?: number,
): Promise<{ rows: AdminExportRow[]; batches: number[] }> {
  const plan = adminExportPlan(getServices(api.handle), actor, memberExportQuery.parse(input));
  const rows: AdminExportRow[] = [];
  const batches: number[] = [];
  for await (const batch of adminExportBatches(api.sqlite, plan, batchSize)) {
    batches.push(batch.length);
    rows.push(...batch);
  }
  return { rows, batches };
}

const membersCount = () => api.count('members');

describe('admin member export', () => {
  it('exports every member, beyond 20,000, in batches, each once', async () => {
    const { rows, batches } = await exportRows(api.adminUser);
    expect(rows.length).toBe(membersCount());
    expect(rows.length).toBeGreaterThan(20_000);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(Math.max(...batches)).toBe(1000);
    expect(batches.length).toBe(Math.ceil(rows.length / 1000));
  });

  it('gives every column, typed, as stored', async () => {
    const stored = api.sqlite
      .prepare(
        `SELECT m.id, m.slug, m.name, m.organisation_number, m.kind, m.size_band,
           m.municipality_code, mu.name AS municipality, m.website, m.description_sv,
           m.description_en, m.status, m.created_at, m.updated_at, m.version
         FROM members m LEFT JOIN municipalities mu ON mu.code = m.municipality_code
         WHERE m.is_demo = 0 AND m.municipality_code IS NOT NULL ORDER BY m.id LIMIT 1`,
      )
      .get() as Record<string, unknown>;
    const areaSlugs = api.sqlite
      .prepare(
        `SELECT a.slug FROM member_areas l JOIN areas a ON a.id = l.area_id
         WHERE l.member_id = ? ORDER BY a.sort_order, a.id`,
      )
      .pluck()
      .all(stored.id);
    const clusterSlugs = api.sqlite
      .prepare(
        `SELECT c.slug FROM memberships l JOIN clusters c ON c.id = l.cluster_id
         WHERE l.member_id = ? ORDER BY c.slug`,
      )
      .pluck()
      .all(stored.id);
    const relations = api.sqlite
      .prepare(
        `SELECT c.slug || ':' || l.kind FROM memberships l JOIN clusters c ON c.id = l.cluster_id
         WHERE l.member_id = ? ORDER BY c.slug`,
      )
      .pluck()
      .all(stored.id);
    const { rows } = await exportRows(api.adminUser, { demo: 'none' });
    expect(rows.find((r) => r.id === stored.id)).toEqual({
      ...stored,
      outside_skane: false,
      areas: areaSlugs,
      clusters: clusterSlugs,
      cluster_relations: relations,
    });
    // The default data's founders are exported as founders, not as members.
    expect(rows.find((r) => r.slug === 'lunds-universitet')?.cluster_relations).toContain(
      'packbridge:founder',
    );
  });

  it('tells a member known to be outside Skåne from one whose place is not known', async () => {
    const [outside, unknown] = api.sqlite
      .prepare('SELECT id FROM members WHERE is_demo = 1 ORDER BY id LIMIT 2')
      .pluck()
      .all() as number[];
    const place = api.sqlite.prepare(
      'UPDATE members SET municipality_code = NULL, outside_skane = ? WHERE id = ?',
    );
    place.run(1, outside);
    place.run(0, unknown);
    const { rows } = await exportRows(api.adminUser, {
      demo: 'only',
      sort: 'created',
      order: 'asc',
    });
    const pick = (id: number | undefined) => rows.find((r) => r.id === id);
    expect(pick(outside)).toMatchObject({ municipality_code: null, outside_skane: true });
    expect(pick(unknown)).toMatchObject({ municipality_code: null, outside_skane: false });
  });

  it.each<[string, MemberExportQueryInput]>([
    ['status', { status: 'draft' }],
    ['area and kind', { area: 'tech', kind: ['company', 'startup'] }],
    ['search text', { q: 'nordic' }],
    ['municipality, outside Skåne included', { municipality: ['1280', 'outside'] }],
    ['demo records only, sorted by municipality', { demo: 'only', sort: 'municipality' }],
    ['changed, oldest first', { sort: 'changed', order: 'asc', size: '1-9' }],
  ])('applies the list’s filters and order: %s', async (_name, input) => {
    const { rows } = await exportRows(api.adminUser, input);
    const demo = input.demo === 'only' ? true : input.demo === 'none' ? false : undefined;
    const list = await api.admin.member.admin.list({ ...input, demo, limit: 100 });
    expect(rows.length).toBe(list.total);
    expect(rows.length).toBeLessThan(membersCount());
    // The list's first page is the export's first rows, in the same order.
    expect(rows.slice(0, 100).map((r) => r.id)).toEqual(list.items.map((i) => i.id));
  });

  it('finds a member by its organisation number in any spelling, as the list does', async () => {
    const orgnr = (
      api.sqlite
        .prepare(
          'SELECT organisation_number AS o FROM members WHERE organisation_number IS NOT NULL LIMIT 1',
        )
        .get() as { o: string }
    ).o;
    const { rows } = await exportRows(api.adminUser, { q: `16${orgnr.replace('-', '')}` });
    expect(rows.map((r) => r.organisation_number)).toContain(orgnr);
  });

  it('gives an editor only their own cluster’s members, whatever they ask for', async () => {
    const editor = api.editorUser('opentech');
    const { rows } = await exportRows(editor);
    const own = (
      api.sqlite
        .prepare(
          `SELECT count(DISTINCT member_id) AS n FROM memberships
           WHERE cluster_id = (SELECT id FROM clusters WHERE slug = 'opentech')`,
        )
        .get() as { n: number }
    ).n;
    expect(rows.length).toBe(own);
    expect(rows.length).toBeLessThan(membersCount());
    expect(rows.every((r) => r.clusters.includes('opentech'))).toBe(true);
    // Asking for another cluster narrows within the scope; it never widens it.
    const other = await exportRows(editor, { cluster: 'packbridge' });
    expect(other.rows.every((r) => r.clusters.includes('opentech'))).toBe(true);
    expect(other.rows.length).toBeLessThan(rows.length);
  });

  it('closes its statement when the reader stops early, so the connection writes again', async () => {
    const plan = adminExportPlan(
      getServices(api.handle),
      api.adminUser,
      memberExportQuery.parse({}),
    );
    let seen = 0;
    for await (const batch of adminExportBatches(api.sqlite, plan, 100)) {
      seen += batch.length;
      if (seen >= 300) break;
    }
    expect(seen).toBe(300);
    expect(() =>
      api.sqlite.prepare("UPDATE areas SET sort_order = sort_order WHERE slug = 'tech'").run(),
    ).not.toThrow();
  });
});
