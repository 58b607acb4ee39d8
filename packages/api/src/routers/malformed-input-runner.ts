/**
 * Runs a table of malformed-input cases (malformed-cases-*.ts) and reports
 * what went wrong, as lines: the test files assert that the list is empty.
 * A checksum of every table is taken around each case, so "changes nothing"
 * is checked case by case.
 */
import { TRPCError } from '@trpc/server';
import { createTestApi, type Caller, type TestApi } from '../test-support';
import type { Procedure, Who } from './malformed-cases';

export interface MalformedInputApi {
  api: TestApi;
  callers: Record<Who, Caller>;
}

/** A test API with 40 demo members and a caller for each kind of user. */
export function malformedInputApi(): MalformedInputApi {
  const api = createTestApi({ demo: 40, demoSeed: 7 });
  return {
    api,
    callers: { anonymous: api.anonymous, admin: api.admin, editor: api.editor('opentech') },
  };
}

const codeOf = (error: unknown) =>
  error instanceof TRPCError ? error.code : `non-tRPC ${String(error)}`;

/** Each case that did not end in its expected 4xx, or that changed the database. */
export async function malformedInputFailures(
  { api, callers }: MalformedInputApi,
  procedure: Procedure,
): Promise<string[]> {
  const failures: string[] = [];
  // The table needs ids from the database, so it is built once the database is there.
  for (const [label, input, outcome = 'BAD_REQUEST'] of procedure.cases(api)) {
    const before = api.checksum();
    const got = await procedure.call(callers[procedure.who], input).then(() => 'ok', codeOf);
    if (got !== outcome) failures.push(`${label}: expected ${outcome}, got ${got}`);
    if (api.checksum() !== before) failures.push(`${label}: the database changed`);
  }
  return failures;
}

/** Signed-in procedures called anonymously (first three cases each) that were not refused as UNAUTHORIZED. */
export async function anonymousNotRefused(
  { api }: MalformedInputApi,
  procedures: Procedure[],
): Promise<string[]> {
  const failures: string[] = [];
  for (const procedure of procedures.filter((p) => p.who !== 'anonymous')) {
    for (const [label, input] of procedure.cases(api).slice(0, 3)) {
      const got = await procedure.call(api.anonymous, input).then(() => 'ok', codeOf);
      if (got !== 'UNAUTHORIZED') failures.push(`${procedure.path}: ${label}: got ${got}`);
    }
  }
  return failures;
}
