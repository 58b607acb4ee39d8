/**
 * Malformed input against every signed-in procedure (the public ones are in
 * malformed-input-public.test.ts; the tables in malformed-cases-*.ts): wrong
 * types, missing fields, huge strings, SQL and HTML fragments, unknown keys
 * on strict inputs, NaN, negative ids, arrays for strings, deep nesting.
 * Each must end in a 4xx TRPCError (never INTERNAL_SERVER_ERROR) and leave
 * every table exactly as it was; an anonymous caller is refused before the
 * input is looked at.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PROCEDURES } from './malformed-cases-admin';
import { LIST_PROCEDURES } from './malformed-cases-lists';
import { MEMBER_PROCEDURES } from './malformed-cases-members';
import {
  anonymousNotRefused,
  malformedInputApi,
  malformedInputFailures,
  type MalformedInputApi,
} from './malformed-input-runner';

const PROCEDURES = [...MEMBER_PROCEDURES, ...LIST_PROCEDURES, ...ADMIN_PROCEDURES];

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

  for (const procedure of PROCEDURES) {
    describe(procedure.path, () => {
      it('every bad input is refused with a 4xx error and changes nothing', async () => {
        expect(await malformedInputFailures(setup, procedure)).toEqual([]);
      });
    });
  }

  it('anonymous callers are refused before their input is looked at', async () => {
    expect(await anonymousNotRefused(setup, PROCEDURES)).toEqual([]);
    expect(setup.api.checksum()).toBe(checksum);
  });
});
