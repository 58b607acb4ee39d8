/**
 * Migration 0017 on a register that was running before it: every link was a
 * membership then. The default data's founder links become 'founder',
 * Krinova's sourced agenda links are added, and links an administrator made
 * stay memberships.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from './client';
import { runMigrations } from './migrate';
import { idBySlug, insertMember, makeTempDir, migrationsBefore } from './test-support';

let dir: string;
let handle: DatabaseHandle;

const addCluster = (slug: string) =>
  handle.sqlite
    .prepare(
      `INSERT INTO clusters (slug, name, sort_key, status, created_at, updated_at)
       VALUES (?, ?, ?, 'published', '2024-01-01', '2024-01-01')`,
    )
    .run(slug, slug, slug);

const link = (member: string, cluster: string, note: string) =>
  handle.sqlite
    .prepare('INSERT INTO memberships (member_id, cluster_id, note) VALUES (?, ?, ?)')
    .run(
      idBySlug(handle.sqlite, 'members', member),
      idBySlug(handle.sqlite, 'clusters', cluster),
      note,
    );

const links = () =>
  handle.sqlite
    .prepare(
      `SELECT m.slug AS member, c.slug AS cluster, ms.kind FROM memberships ms
       JOIN members m ON m.id = ms.member_id JOIN clusters c ON c.id = ms.cluster_id
       ORDER BY m.slug, c.slug`,
    )
    .all();

beforeEach(() => {
  dir = makeTempDir();
  handle = openDatabase({ url: path.join(dir, 'before.db') });
});
afterEach(() => handle.close());

describe('migration 0017 (relation kinds) on an existing register', () => {
  it('turns seeded founder links into founders, adds Krinova’s agenda links, keeps memberships', () => {
    runMigrations(handle.db, migrationsBefore(dir, '0017'));
    for (const slug of ['opentech', 'packbridge', 'livsmedelsakademin']) addCluster(slug);
    insertMember(handle.sqlite, { slug: 'ericsson', name: 'Ericsson' });
    insertMember(handle.sqlite, { slug: 'krinova', name: 'Krinova' });
    insertMember(handle.sqlite, { slug: 'lundcell', name: 'Lundcell AB' });
    insertMember(handle.sqlite, { slug: 'demo-founder', name: 'Demo Founder', is_demo: 1 });
    link('ericsson', 'opentech', 'Founder: part of the 2007 initiative. Source: facts (H).');
    link('lundcell', 'opentech', '');
    link('demo-founder', 'packbridge', 'Founder of nothing real');

    runMigrations(handle.db);

    expect(links()).toEqual([
      { member: 'demo-founder', cluster: 'packbridge', kind: 'member' },
      { member: 'ericsson', cluster: 'opentech', kind: 'founder' },
      { member: 'krinova', cluster: 'livsmedelsakademin', kind: 'agenda-co-lead' },
      { member: 'krinova', cluster: 'packbridge', kind: 'agenda-co-lead' },
      { member: 'lundcell', cluster: 'opentech', kind: 'member' },
    ]);
    expect(() => handle.sqlite.prepare("UPDATE memberships SET kind = 'owner'").run()).toThrow(
      /CHECK constraint failed/,
    );
  });
});
