/**
 * The database's CHECK lists are built from the domain's vocabularies. This
 * reads them back from a migrated database (the committed migrations, which
 * is what a real database runs) and compares them with @cos/domain: a new
 * kind added to the domain without a migration, or a migration edited by
 * hand, fails here. Inserting shows the lists are enforced, not just written.
 */
import { CONFIDENCES, MEMBER_KINDS, SIZE_BANDS, STATUSES, USER_ROLES } from '@cos/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertMember, openTestDatabase, thrownBy, type TestDatabase } from './test-support';

let t: TestDatabase;
beforeEach(() => {
  t = openTestDatabase();
});
afterEach(() => {
  t.cleanup();
});

/** The quoted values of `… in ('a','b')` in the named CHECK constraint of a table. */
function checkList(table: string, constraint: string): string[] {
  const { sql } = t.sqlite
    .prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?")
    .get(table) as { sql: string };
  const match = new RegExp(`CONSTRAINT "${constraint}" CHECK\\(.* in \\(([^)]*)\\)`).exec(sql);
  if (!match?.[1]) throw new Error(`No list in CHECK ${constraint} of ${table}`);
  return match[1].split(',').map((v) => v.trim().replace(/^'|'$/g, '').replaceAll("''", "'"));
}

describe('CHECK constraints and the domain vocabularies', () => {
  it.each([
    ['members', 'members_status_valid', STATUSES],
    ['members', 'members_kind_valid', MEMBER_KINDS],
    ['members', 'members_size_valid', SIZE_BANDS],
    ['clusters', 'clusters_status_valid', STATUSES],
    ['clusters', 'clusters_confidence_valid', CONFIDENCES],
    ['articles', 'articles_status_valid', STATUSES],
    ['users', 'users_role_valid', USER_ROLES],
  ] as const)('%s %s lists exactly the domain values', (table, constraint, values) => {
    expect(checkList(table, constraint)).toEqual([...values]);
  });

  it('accepts every domain kind, size band and status and refuses any other', () => {
    let n = 0;
    for (const kind of MEMBER_KINDS)
      for (const sizeBand of [...SIZE_BANDS, null])
        for (const status of STATUSES) {
          n++;
          insertMember(t.sqlite, {
            slug: `m-${n}`,
            name: `Member ${n}`,
            kind,
            size_band: sizeBand,
            status,
          });
        }
    expect(n).toBe(MEMBER_KINDS.length * (SIZE_BANDS.length + 1) * STATUSES.length);
    for (const bad of [{ kind: 'government' }, { size_band: '1000+' }, { status: 'deleted' }]) {
      expect(
        thrownBy(() => insertMember(t.sqlite, { slug: 'bad', name: 'Bad AB', ...bad })).message,
      ).toMatch(/CHECK constraint failed: members_(kind|size|status)_valid/);
    }
  });
});
