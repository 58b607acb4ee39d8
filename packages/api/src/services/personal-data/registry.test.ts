/**
 * A guard for the registry: every table with a column that can hold an e-mail
 * address, a client address or a person's name is either covered by a holder
 * or said here not to hold personal data. A feature that adds such a table
 * without a holder fails this test — and then the privacy page needs a line too.
 */
import { openDatabase, runMigrations } from '@cos/db';
import { describe, expect, it } from 'vitest';
import { PERSONAL_DATA_HOLDERS } from './registry';

/** Table → the holder that exports, erases and purges it, or why it holds nothing personal. */
const COVERED: Record<string, string> = {
  users: 'accounts',
  sessions: 'accounts',
  accounts: 'accounts',
  sign_in_address_limits: 'accounts',
  sign_in_account_limits: 'accounts',
  sign_in_known_addresses: 'accounts',
  audit_log: 'auditTrail',
  join_requests: 'joinRequests',
  email_confirmations: 'joinRequests',
  public_form_limits: 'joinRequests',
  update_suggestions: 'updateSuggestions',
  cluster_contacts: 'clusterContacts',
  mail_outbox: 'mail',
  clusters: 'not personal: the organisation’s own public address',
};

const PERSONAL_COLUMN =
  /(^|_)(email|e_mail|to|ip_address|address|account|account_id|user_agent|contact_name|sender_name)$/;

describe('the personal-data registry', () => {
  it('covers every table that can hold personal data', () => {
    const handle = openDatabase({ url: ':memory:' });
    try {
      runMigrations(handle.db);
      const tables = handle.sqlite
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .pluck()
        .all() as string[];
      const holding = tables.filter((table) =>
        (handle.sqlite.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).some(
          (c) => PERSONAL_COLUMN.test(c.name),
        ),
      );
      const uncovered = holding.filter((t) => !(t in COVERED));
      expect(uncovered, `add a holder (or a reason) for ${uncovered.join(', ')}`).toEqual([]);
      const names = new Set(PERSONAL_DATA_HOLDERS.map((h) => h.name));
      for (const [table, by] of Object.entries(COVERED)) {
        if (by.startsWith('not personal')) continue;
        expect(names.has(by), `${table}: no holder named ${by} in the registry`).toBe(true);
      }
    } finally {
      handle.close();
    }
  });

  it('has unique holder names (an export keys its parts by them)', () => {
    const names = PERSONAL_DATA_HOLDERS.map((h) => h.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
