/**
 * Runs a table of malformed-input cases (malformed-cases-*.ts) against a test
 * API with 40 demo members: each procedure's cases, one test per procedure,
 * and optionally the check that anonymous callers are refused first.
 */
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type Caller, type TestApi } from '../test-support';
import type { Procedure, Who } from './malformed-cases';

export function describeMalformedInput(
  procedures: Procedure[],
  { anonymousRefused }: { anonymousRefused: boolean },
): void {
  describe('malformed input', () => {
    let api: TestApi;
    let callers: Record<Who, Caller>;
    let checksum: string;

    beforeAll(() => {
      api = createTestApi({ demo: 40, demoSeed: 7 });
      callers = { anonymous: api.anonymous, admin: api.admin, editor: api.editor('opentech') };
      checksum = api.checksum();
    });
    afterAll(() => {
      // All the cases together changed nothing either.
      const end = api.checksum();
      api.cleanup();
      expect(end).toBe(checksum);
    });

    for (const procedure of procedures) {
      describe(procedure.path, () => {
        // The table needs ids from the database, so it is built once the database is there.
        it('every bad input is refused with a 4xx error and changes nothing', async () => {
          const failures: string[] = [];
          for (const [label, input, outcome = 'BAD_REQUEST'] of procedure.cases(api)) {
            const before = api.checksum();
            let got: string;
            try {
              await procedure.call(callers[procedure.who], input);
              got = 'ok';
            } catch (error) {
              got = error instanceof TRPCError ? error.code : `non-tRPC ${String(error)}`;
            }
            if (got !== outcome) failures.push(`${label}: expected ${outcome}, got ${got}`);
            if (api.checksum() !== before) failures.push(`${label}: the database changed`);
          }
          expect(failures).toEqual([]);
        });
      });
    }

    if (anonymousRefused)
      it('anonymous callers are refused before their input is looked at', async () => {
        for (const procedure of procedures.filter((p) => p.who !== 'anonymous')) {
          for (const [label, input] of procedure.cases(api).slice(0, 3)) {
            const error = await procedure.call(api.anonymous, input).then(
              () => null,
              (e: unknown) => e,
            );
            expect(
              error instanceof TRPCError ? error.code : error,
              `${procedure.path}: ${label}`,
            ).toBe('UNAUTHORIZED');
          }
        }
        expect(api.checksum()).toBe(checksum);
      });
  });
}
