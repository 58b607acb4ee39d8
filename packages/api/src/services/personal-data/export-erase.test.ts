/**
 * Export and erasure of one address on a real SQLite file: matched whatever
 * the case, everything or nothing, audited without the address.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FieldError } from '../../errors';
import { createTestApi, type TestApi } from '../../test-support';
import { erasePersonalData, exportPersonalData } from './export-erase';
import type { PersonalDataHolder } from './holder';
import { PERSONAL_DATA_HOLDERS } from './registry';
import { insertJoinRequest, insertMail, insertSession } from './test-rows';

const ADDRESS = 'Eva.Exempel@Example.SE';

let api: TestApi;
beforeEach(() => {
  api = createTestApi();
  const { sqlite } = api;
  // An editor account with that address (stored lower-case, as accounts are), a session,
  // sign-in records, a suggestion sent with the address in other case, and mail.
  sqlite
    .prepare(
      `INSERT INTO users (id, name, email, role, cluster_id, created_at, updated_at)
       VALUES ('user-eva', 'Eva Exempel', 'eva.exempel@example.se', 'editor', ?, 0, 0)`,
    )
    .run(api.clusterId('opentech'));
  insertSession(sqlite, { id: 's-eva', userId: 'user-eva', expiresAt: new Date(Date.now() + 1e8) });
  sqlite
    .prepare(
      "INSERT INTO sign_in_known_addresses (account, address, last_success_at) VALUES ('eva.exempel@example.se', '192.0.2.1', 1)",
    )
    .run();
  sqlite
    .prepare(
      `INSERT INTO update_suggestions (target_type, target_id, target_version, proposed, sender_name,
         sender_email, language, consent_at, status, created_at)
       VALUES ('member', 1, 1, '{"website":"https://eva.se"}', 'Eva Exempel', 'EVA.exempel@example.se',
         'sv', '2026-11-01T00:00:00.000Z', 'new', '2026-11-01T00:00:00.000Z')`,
    )
    .run();
  insertMail(sqlite, { to: 'eva.exempel@EXAMPLE.se', createdAt: new Date() });
  insertJoinRequest(sqlite, {
    clusterId: api.clusterId('packbridge'),
    email: 'Eva.Exempel@example.se',
    status: 'new',
    createdAt: new Date(),
  });
  insertJoinRequest(sqlite, {
    clusterId: api.clusterId('packbridge'),
    email: 'someone.else@example.se',
    status: 'new',
    createdAt: new Date(),
  });
  insertMail(sqlite, { to: 'someone.else@example.se', createdAt: new Date() });
  // Listed as a contact person of a cluster, second after someone else.
  const insertContact = sqlite.prepare(
    "INSERT INTO cluster_contacts (cluster_id, position, name, role, email) VALUES (?, ?, ?, 'Kontakt', ?)",
  );
  insertContact.run(api.clusterId('opentech'), 0, 'Olle Annan', 'olle@example.se');
  insertContact.run(api.clusterId('opentech'), 1, 'Eva Exempel', 'EVA.EXEMPEL@example.se');
  // An audit entry about the account, holding the address in its JSON.
  api.handle.sqlite
    .prepare(
      `INSERT INTO audit_log (at, user_id, user_email, entity, entity_id, action, before, after)
       VALUES ('2026-11-01T00:00:00.000Z', 'user-admin', 'admin.person@example.test', 'user', 'user-eva',
         'create', NULL, '{"email":"eva.exempel@example.se","name":"Eva Exempel"}')`,
    )
    .run();
});
afterEach(() => api.cleanup());

const personalDataEntries = (action: string) =>
  api.sqlite
    .prepare(
      "SELECT user_id, before, after FROM audit_log WHERE entity = 'personal-data' AND action = ?",
    )
    .all(action) as { user_id: string | null; before: string | null; after: string }[];

describe('exportPersonalData', () => {
  it('finds everything about the address whatever its case, and audits the look-up', () => {
    const exported = exportPersonalData(api.handle, api.adminUser, ' eva.EXEMPEL@example.se ');
    expect(exported.email).toBe('eva.exempel@example.se');
    const data = exported.data;
    expect(Object.keys(data)).toEqual(PERSONAL_DATA_HOLDERS.map((h) => h.name));
    expect(data.accounts).toMatchObject({
      account: { id: 'user-eva', name: 'Eva Exempel', role: 'editor' },
      sessions: [{ ipAddress: '192.0.2.1', userAgent: 'test-agent' }],
      signInAddresses: [{ address: '192.0.2.1' }],
    });
    expect(data.updateSuggestions).toMatchObject([{ senderName: 'Eva Exempel' }]);
    expect(data.clusterContacts).toMatchObject([{ cluster: 'opentech', name: 'Eva Exempel' }]);
    expect(data.joinRequests).toMatchObject({
      requests: [{ contactName: 'Eva Exempel', organisationName: 'Exempel AB' }],
    });
    expect(data.mail).toHaveLength(1);
    expect(data.auditTrail).toMatchObject([{ entity: 'user', entityId: 'user-eva' }]);
    // Nothing about anyone else.
    expect(JSON.stringify(exported)).not.toContain('someone.else');

    const entries = personalDataEntries('export');
    expect(entries).toHaveLength(1);
    expect(entries[0]?.user_id).toBe(api.adminUser.id);
    expect(entries[0]?.after).not.toMatch(/@/);
  });

  it('is an empty document for an address nothing is stored about', () => {
    const exported = exportPersonalData(api.handle, api.adminUser, 'nobody@example.se');
    expect(exported.data).toMatchObject({
      accounts: { account: null, sessions: [] },
      joinRequests: { requests: [], confirmations: [] },
      updateSuggestions: [],
      mail: [],
      auditTrail: [],
    });
  });
});

describe('erasePersonalData', () => {
  it('erases everything about the address in any case, leaves others, and audits without the address', () => {
    const result = erasePersonalData(api.handle, api.adminUser, ADDRESS);
    expect(result.erased).toMatchObject({
      joinRequests: 1,
      updateSuggestions: 1,
      clusterContacts: 1,
      mail: 1,
      auditTrail: 1,
    });
    // The account and its sign-in address; the session went with the account.
    expect(result.erased.accounts).toBe(2);
    expect(result.total).toBe(7);

    expect(api.count('update_suggestions')).toBe(0);
    expect(api.sqlite.prepare('SELECT email FROM join_requests').pluck().all()).toEqual([
      'someone.else@example.se',
    ]);
    expect(api.sqlite.prepare('SELECT "to" FROM mail_outbox').pluck().all()).toEqual([
      'someone.else@example.se',
    ]);
    expect(api.sqlite.prepare("SELECT 1 FROM users WHERE id = 'user-eva'").get()).toBeUndefined();
    expect(api.sqlite.prepare("SELECT 1 FROM sessions WHERE id = 's-eva'").get()).toBeUndefined();
    expect(api.count('sign_in_known_addresses')).toBe(0);
    expect(api.sqlite.prepare('SELECT name FROM cluster_contacts').pluck().all()).toEqual([
      'Olle Annan',
    ]);
    // What was done stays in the trail; the address does not, anywhere in the database.
    const dump = JSON.stringify(api.sqlite.prepare('SELECT * FROM audit_log').all());
    expect(dump).toContain('user-eva');
    expect(dump.toLowerCase()).not.toContain('eva.exempel@example.se');

    const entries = personalDataEntries('erase');
    expect(entries).toHaveLength(1);
    expect(JSON.parse(entries[0]?.after ?? '{}')).toMatchObject({
      addresses: 1,
      erased: result.erased,
    });

    // Afterwards an export finds nothing.
    const after = exportPersonalData(api.handle, api.adminUser, ADDRESS);
    expect(after.data).toMatchObject({
      accounts: { account: null },
      updateSuggestions: [],
      mail: [],
    });
  });

  it('erases nothing at all when one holder fails', () => {
    const before = api.checksum();
    const failing: PersonalDataHolder = {
      name: 'failing',
      exportFor: () => [],
      eraseFor: () => {
        throw new Error('disk on fire');
      },
      purgeHandledBefore: () => 0,
    };
    // The failing holder runs after the real ones have already deleted their rows.
    expect(() =>
      erasePersonalData(api.handle, api.adminUser, ADDRESS, {
        holders: [...PERSONAL_DATA_HOLDERS, failing],
      }),
    ).toThrow('disk on fire');
    expect(api.checksum()).toBe(before);
    expect(api.count('update_suggestions')).toBe(1);
    expect(api.count('join_requests')).toBe(2);
    expect(personalDataEntries('erase')).toHaveLength(0);
  });

  it('refuses an administrator erasing their own address, and changes nothing', () => {
    const before = api.checksum();
    const error = (() => {
      try {
        erasePersonalData(api.handle, api.adminUser, api.adminUser.email.toUpperCase());
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(FieldError);
    expect((error as FieldError).field).toBe('email');
    expect(api.checksum()).toBe(before);
  });

  it('refuses what is not an address instead of matching every row', () => {
    const before = api.checksum();
    expect(() => erasePersonalData(api.handle, api.adminUser, '  ')).toThrow(FieldError);
    expect(() => exportPersonalData(api.handle, api.adminUser, '')).toThrow(FieldError);
    expect(api.checksum()).toBe(before);
  });
});
