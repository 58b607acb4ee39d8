/**
 * Bad-input fuzzing over real HTTP with fast-check: arbitrary JSON, wrong
 * types, huge strings, deeply nested values, unicode edge cases (lone
 * surrogates, RTL overrides, NUL, combining marks, emoji sequences), SQL,
 * FTS and HTML fragments — against every tRPC procedure (listed from the
 * router itself, so a new one is fuzzed without touching this file), as a
 * signed-in admin and anonymously. The REST routes are fuzzed in
 * fuzz-rest.test.ts; the generators are in fuzz-inputs.ts.
 *
 * Never a 5xx, and never a change to the database: a checksum of all tables
 * is compared after each procedure's run. Mutation inputs are built to be
 * invalid whatever the generator picks (a stale-proof wrong-typed `version`,
 * or a key no input has — inputs are strict objects), so any 2xx for a
 * mutation is itself a finding.
 */
import { appRouter } from '@cos/api';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../test-server';
import { checksumDatabase } from './checksum';
import { listProcedures, trpcMutation } from './http';
import { mutationInput, queryInput, rawText } from './fuzz-inputs';
import {
  fuzzRequests,
  startFuzzServer,
  PROTECTED,
  RUNS,
  SCALE,
  SEED,
  describeInput,
  pct,
} from './fuzz-support';

let server: TestServer;
let adminCookie = '';
const { send, unchanged } = fuzzRequests(() => server);

beforeAll(async () => {
  ({ server, adminCookie } = await startFuzzServer());
}, 60_000 * SCALE);

afterAll(async () => {
  await server?.close();
});

const procedures = listProcedures(appRouter);

describe('tRPC procedures under bad input', () => {
  const total = { before: '' };
  beforeAll(() => {
    total.before = checksumDatabase(server.handle.sqlite);
  });
  afterAll(() => {
    expect(checksumDatabase(server.handle.sqlite)).toBe(total.before);
  });

  it('lists every procedure of the router', () => {
    expect(procedures.length).toBeGreaterThanOrEqual(40);
    expect(procedures.filter((p) => p.type === 'mutation').length).toBeGreaterThanOrEqual(20);
  });

  describe.each(procedures)('$path ($type)', ({ path, type }) => {
    it.each([
      ['admin', true],
      ['anonymous', false],
    ] as const)(
      'as %s: never 5xx, never accepted when invalid, writes nothing',
      async (_who, asAdmin) => {
        const cookie = asAdmin ? adminCookie : undefined;
        const headers: Record<string, string> = cookie ? { cookie } : {};
        const check = (status: number, input: unknown) => {
          const what = `${path} ${asAdmin ? 'admin' : 'anonymous'} ${describeInput(input)} → ${status}`;
          expect(status, what).toBeLessThan(500);
          if (type === 'mutation' || (!asAdmin && PROTECTED.test(path)))
            expect(status, `${what}: accepted`).toBeGreaterThanOrEqual(400);
        };
        await unchanged(async () => {
          if (type === 'query') {
            await fc.assert(
              fc.asyncProperty(queryInput, async (input) => {
                const search = `?input=${encodeURIComponent(JSON.stringify(input))}`;
                check(await send(`/trpc/${path}${search}`, { headers }), input);
              }),
              { numRuns: RUNS, ...SEED },
            );
            await fc.assert(
              fc.asyncProperty(rawText, async (raw) => {
                check(await send(`/trpc/${path}?input=${pct(raw)}`, { headers }), raw);
              }),
              { numRuns: Math.ceil(RUNS / 3), ...SEED },
            );
            // A query sent as a mutation is refused (405), whatever its body.
            const wrongMethod = await send(`/trpc/${path}`, {
              method: 'POST',
              headers: { ...headers, 'content-type': 'application/json', origin: server.origin },
              body: '{}',
            });
            expect(wrongMethod, `${path} as POST`).toBeGreaterThanOrEqual(400);
            expect(wrongMethod, `${path} as POST`).toBeLessThan(500);
          } else {
            await fc.assert(
              fc.asyncProperty(mutationInput, async (input) => {
                const response = await trpcMutation(server, path, JSON.stringify(input), cookie);
                await response.arrayBuffer();
                check(response.status, input);
              }),
              { numRuns: RUNS, ...SEED },
            );
            await fc.assert(
              fc.asyncProperty(
                rawText,
                fc.constantFrom(
                  'application/json',
                  'text/plain',
                  'application/x-www-form-urlencoded',
                ),
                async (raw, contentType) => {
                  const response = await trpcMutation(server, path, raw, cookie, {
                    'content-type': contentType,
                  });
                  await response.arrayBuffer();
                  // Raw text may be valid JSON by accident ("1", "null"): still never a valid input.
                  check(response.status, raw);
                },
              ),
              { numRuns: Math.ceil(RUNS / 3), ...SEED },
            );
            // A mutation sent as a query is refused (405), and writes nothing.
            const input = encodeURIComponent(
              JSON.stringify({ name: 'Via GET AB', kind: 'company' }),
            );
            const wrongMethod = await send(`/trpc/${path}?input=${input}`, { headers });
            expect(wrongMethod, `${path} as GET`).toBeGreaterThanOrEqual(400);
            expect(wrongMethod, `${path} as GET`).toBeLessThan(500);
          }
        });
      },
      60_000,
    );
  });

  it(
    'answers well-formed writes to records that do not exist with 4xx, writing nothing',
    async () => {
      const missing = fc.integer({ min: 1_000_000, max: Number.MAX_SAFE_INTEGER });
      const version = fc.integer({ min: 1, max: 1_000 });
      const cases = fc.oneof(
        fc
          .tuple(
            fc.constantFrom('member', 'cluster', 'article', 'area'),
            fc.constantFrom('update', 'delete'),
            missing,
            version,
          )
          .map(([entity, action, id, v]) => ({
            path: `${entity}.admin.${action}`,
            input:
              action === 'update' ? { id, version: v, name: 'Finns Inte AB' } : { id, version: v },
          })),
        fc
          .tuple(fc.constantFrom('member', 'cluster', 'article'), missing, version)
          .map(([entity, id, v]) => ({
            path: `${entity}.admin.setStatus`,
            input: { id, version: v, action: 'publish' },
          })),
        fc
          .tuple(fc.constantFrom('audit', 'area.admin', 'cluster.admin', 'article.admin'), missing)
          .map(([prefix, entryId]) => ({ path: `${prefix}.restore`, input: { entryId } })),
        fc
          .tuple(fc.constantFrom('user.update', 'user.delete'), fc.uuid(), version)
          .map(([path, id, v]) => ({ path, input: { id, version: v } })),
      );
      await unchanged(async () => {
        await fc.assert(
          fc.asyncProperty(cases, async ({ path, input }) => {
            const response = await trpcMutation(server, path, JSON.stringify(input), adminCookie);
            await response.arrayBuffer();
            const what = `${path} ${JSON.stringify(input)} → ${response.status}`;
            expect(response.status, what).toBeGreaterThanOrEqual(400);
            expect(response.status, what).toBeLessThan(500);
          }),
          { numRuns: RUNS * 2, ...SEED },
        );
      });
    },
    60_000 * SCALE,
  );

  it(
    'survives batches of procedures with junk inputs',
    async () => {
      const paths = procedures.map((p) => p.path);
      await unchanged(async () => {
        await fc.assert(
          fc.asyncProperty(
            fc.array(fc.oneof(fc.constantFrom(...paths), fc.string({ maxLength: 20 })), {
              minLength: 1,
              maxLength: 10,
            }),
            queryInput,
            async (batch, input) => {
              const search = `?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: input, 1: input }))}`;
              const status = await send(`/trpc/${batch.map(pct).join(',')}${search}`, {
                headers: { cookie: adminCookie },
              });
              expect(status, `${batch.join(',')} ${describeInput(input)}`).toBeLessThan(500);
            },
          ),
          { numRuns: RUNS, ...SEED },
        );
      });
    },
    60_000 * SCALE,
  );
});
