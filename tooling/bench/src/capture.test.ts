import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createCaller, createContextInner } from '@cos/api';
import { openDatabase, runMigrations, type DatabaseHandle } from '@cos/db';
import { generateDemoData } from '@cos/db/demo';
import { seedDefaultData } from '@cos/db/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureQueryPlan, type QueryPlan } from './capture';
import { Q1, Q2, Q3_SLUG_SQL } from './cases';

let dir: string;
let handle: DatabaseHandle;
let plan: QueryPlan;
let slug: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'cos-bench-test-'));
  handle = openDatabase({ url: path.join(dir, 'b.db') });
  runMigrations(handle.db);
  seedDefaultData(handle.db);
  generateDemoData(handle.sqlite, { count: 6000, seed: 5 });
  slug = (handle.sqlite.prepare(Q3_SLUG_SQL).get() as { slug: string }).slug;
  plan = await captureQueryPlan(handle, slug);
  // 6,000 demo members seeded and searched: 13 s alone, past a minute beside every other task.
}, 180_000);
afterAll(() => {
  handle.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs a captured plan the way the raw server does. */
const replay = (steps: QueryPlan['q1']) =>
  steps.map((s) =>
    s.mode === 'all'
      ? handle.sqlite.prepare(s.sql).all(...s.params)
      : handle.sqlite.prepare(s.sql).get(...s.params),
  );

describe('the raw baseline runs the very same SQL as the API', () => {
  it('Q1 replays the API page and counts the total with the API own SQL', async () => {
    const api = await createCaller(createContextInner({ handle })).member.directory(Q1);
    expect(plan.q1.some((s) => /GROUP BY/.test(s.sql))).toBe(false);
    const results = replay(plan.q1);
    const page = results[0] as { slug: string }[];
    expect(page.slice(0, 20).map((r) => r.slug)).toEqual(api.items.map((i) => i.slug));
    expect(results[results.length - 1]).toEqual({ n: api.total });
  });

  it('Q2 replays a first search: every match ranked, then the page filled in rank order', async () => {
    const api = await createCaller(createContextInner({ handle })).member.directory(Q2);
    // Ranked by bm25 (ordered by the expression itself, or by its alias `score`), after the
    // search plan's reads of the vocabulary (its version, and the compounds of the words).
    const at = plan.q2.findIndex((s) => /MATCH[\s\S]* ORDER BY (bm25|score)/.test(s.sql));
    expect(at).toBeGreaterThanOrEqual(0);
    expect(plan.q2.slice(0, at).every((s) => /search_terms/.test(s.sql))).toBe(true);
    expect(plan.q2[at]?.sql).toMatch(/bm25\(/);
    const [ranked, ...rest] = replay(plan.q2).slice(at) as [
      { id?: number; rowid?: number }[],
      ...unknown[],
    ];
    const rows = new Map(
      rest
        .flatMap((r) => (Array.isArray(r) ? (r as { id?: number; slug?: string }[]) : []))
        .filter((r) => r.slug)
        .map((r) => [r.id, r.slug]),
    );
    const inRankOrder = ranked.map((r) => rows.get(r.id ?? r.rowid)).filter(Boolean);
    expect(inRankOrder.slice(0, 20)).toEqual(api.items.map((i) => i.slug));
  });

  it('Q3 replays every statement of the member page, starting with the member by slug', () => {
    expect(plan.q3[0]?.params).toEqual([slug]);
    expect((replay(plan.q3)[0] as { slug: string }).slug).toBe(slug);
    expect(plan.q3.length).toBeGreaterThan(2);
  });
});
