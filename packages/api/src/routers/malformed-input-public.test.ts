/**
 * Malformed input against every public procedure (the signed-in ones are in
 * malformed-input-signed-in.test.ts; the tables in malformed-cases-*.ts): wrong
 * types, missing fields, huge strings, SQL and HTML fragments, unknown keys
 * on strict inputs, NaN, negative ids, arrays for strings, deep nesting.
 * Each must end in a 4xx TRPCError (never INTERNAL_SERVER_ERROR) and leave
 * every table exactly as it was; search text that merely looks dangerous
 * must simply be searched for.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../test-support';
import { HTML, SQL } from './malformed-cases';
import { PUBLIC_PROCEDURES } from './malformed-cases-public';
import {
  malformedInputApi,
  malformedInputFailures,
  type MalformedInputApi,
} from './malformed-input-runner';

describe('malformed input', () => {
  let setup: MalformedInputApi;
  let checksum: string;
  beforeAll(() => {
    setup = malformedInputApi();
    checksum = setup.api.checksum();
  });
  afterAll(() => {
    // All the cases together changed nothing either.
    const end = setup.api.checksum();
    setup.api.cleanup();
    expect(end).toBe(checksum);
  });

  for (const procedure of PUBLIC_PROCEDURES) {
    describe(procedure.path, () => {
      it('every bad input is refused with a 4xx error and changes nothing', async () => {
        expect(await malformedInputFailures(setup, procedure)).toEqual([]);
      });
    });
  }
});

describe('search text that looks like HTML or SQL', () => {
  let api: TestApi;
  beforeAll(() => {
    api = createTestApi();
  });
  afterAll(() => api.cleanup());

  it('is searched for as words and finds what contains them', async () => {
    const { member } = await api.admin.member.admin.create({
      name: 'Scriptverket AB',
      kind: 'company',
      status: 'published',
      description: {
        sv: 'Vi skriver script och alert-system nummer 1; drop table är ett möbelnamn.',
        en: '',
      },
    });
    const members = api.count('members');
    for (const q of [HTML, "'; DROP TABLE;--", '<script>']) {
      const result = await api.anonymous.member.directory({ q });
      expect(
        result.items.map((m) => m.slug),
        q,
      ).toEqual([member.slug]);
    }
    // A word the member does not have still narrows the search to nothing.
    expect((await api.anonymous.member.directory({ q: SQL })).total).toBe(0);
    expect(api.count('members')).toBe(members);
  });
});
