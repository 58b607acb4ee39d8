/**
 * An apply plans before it takes SQLite's write lock and keeps that plan only
 * when no other connection committed meanwhile (member-import.ts). Here
 * another connection — as the CLI or another process would — changes the
 * matched member in exactly that gap: the apply must check again against
 * the register as it is inside its transaction, and so refuse as a conflict,
 * writing nothing.
 */
import { openDatabase } from '@cos/db';
import { luhnCheckDigit } from '@cos/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, trpcError, type TestApi } from '../test-support';

const ACME = `559900-123${luhnCheckDigit('559900123')}`;

let api: TestApi;
beforeEach(async () => {
  api = createTestApi();
  await api.admin.member.admin.import({
    rows: [{ name: 'Acme Förpackning AB', organisationNumber: ACME, kind: 'company' }],
    dryRun: false,
  });
});
afterEach(() => api.cleanup());

describe('an apply whose register changes between its plan and its write lock', () => {
  it('checks again inside the transaction: a conflict, nothing written', async () => {
    const rows = [{ organisationNumber: ACME, descriptionEn: 'From the file' }];
    const preview = await api.admin.member.admin.import({ rows, mode: 'upsert', dryRun: true });
    const expected = preview.rows.flatMap((r) =>
      r.match ? [{ row: r.row, id: r.match.id, version: r.match.version }] : [],
    );
    expect(expected).toHaveLength(1);

    // Another connection commits right before the import's transaction begins, i.e. after the
    // import made its plan outside the lock.
    const other = openDatabase({ url: api.handle.path });
    const { sqlite } = api.handle;
    const transaction = sqlite.transaction.bind(sqlite);
    sqlite.transaction = ((fn: () => unknown) => {
      other.sqlite
        .prepare(
          'UPDATE members SET version = version + 1, description_en = ? WHERE organisation_number = ?',
        )
        .run('Changed elsewhere', ACME);
      sqlite.transaction = transaction;
      return transaction(fn);
    }) as typeof sqlite.transaction;
    try {
      const before = api.count('audit_log');
      const error = await trpcError(
        api.admin.member.admin.import({ rows, mode: 'upsert', dryRun: false, expected }),
      );
      expect(error.code).toBe('CONFLICT');
      expect(api.count('audit_log')).toBe(before);
      const stored = sqlite
        .prepare('SELECT description_en AS en FROM members WHERE organisation_number = ?')
        .get(ACME);
      expect(stored).toEqual({ en: 'Changed elsewhere' });
    } finally {
      sqlite.transaction = transaction;
      other.close();
    }
  });
});
