/**
 * Bad-input fuzzing of the REST routes over real HTTP with fast-check: junk
 * query strings for the open-data lists, hostile slugs, junk CSV bodies for
 * the import route (only ever with dryRun=true) and junk sign-in bodies.
 * Never a 5xx, and never a change to the database. The tRPC procedures are
 * fuzzed in fuzz-trpc.test.ts; the generators are in fuzz-inputs.ts.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, type TestServer } from '../test-server';
import { signIn } from './http';
import { hostileString, longString, queryString, rawText, unicodeString } from './fuzz-inputs';
import {
  fuzzRequests,
  startFuzzServer,
  RUNS,
  SCALE,
  SEED,
  describeInput,
  pct,
} from './fuzz-support';

let server: TestServer;
let adminCookie = '';
const { seen, send, unchanged } = fuzzRequests(() => server);

beforeAll(async () => {
  ({ server, adminCookie } = await startFuzzServer());
}, 60_000 * SCALE);

afterAll(async () => {
  await server?.close();
});

describe('REST routes under bad input', () => {
  it.each(['/api/v1/members', '/api/v1/members.csv', '/api/v1/areas', '/api/v1/clusters'])(
    '%s: any query string gives no 5xx and writes nothing',
    async (route) => {
      await unchanged(async () => {
        await fc.assert(
          fc.asyncProperty(queryString, async (search) => {
            const status = await send(`${route}?${search}`);
            expect(status, `${route}?${search.slice(0, 300)}`).toBeLessThan(500);
          }),
          { numRuns: RUNS * 2, ...SEED },
        );
      });
    },
    60_000,
  );

  it(
    '/api/v1/members/:slug: any slug gives 200 or 4xx, never 5xx',
    async () => {
      await unchanged(async () => {
        await fc.assert(
          fc.asyncProperty(
            fc.oneof(
              hostileString.map(pct),
              unicodeString.map(pct),
              longString(3_000).map(pct),
              fc.constantFrom(
                '%',
                '%zz',
                '%E0%A4%A',
                '..%2F..%2Fetc',
                '%2e%2e',
                'a%00b',
                'x?y=1',
                '%F0%9F',
              ),
            ),
            async (slug) => {
              const status = await send(`/api/v1/members/${slug}`);
              expect(status, `slug ${slug.slice(0, 200)}`).toBeLessThan(500);
              expect([200, 400, 404, 414, 431]).toContain(status);
            },
          ),
          { numRuns: RUNS * 2, ...SEED },
        );
      });
    },
    60_000 * SCALE,
  );

  const csvCell = fc.oneof(
    hostileString,
    unicodeString,
    fc.string({ maxLength: 30 }),
    longString(12_000),
  );
  const csvText = fc.oneof(
    // Header and rows with known and unknown columns, quoted or not, comma or semicolon.
    fc
      .tuple(
        fc.array(
          fc.oneof(
            fc.constantFrom(
              'name',
              'Namn',
              'orgnr',
              'kommun',
              'areas',
              'kluster',
              'status',
              'typ',
              'webbplats',
            ),
            fc.string({ maxLength: 10 }),
          ),
          { minLength: 1, maxLength: 8 },
        ),
        fc.array(fc.array(csvCell, { maxLength: 8 }), { maxLength: 20 }),
        fc.constantFrom(',', ';', '\t'),
        fc.boolean(),
      )
      .map(([header, rows, delimiter, quote]) =>
        [header, ...rows]
          .map((cells) =>
            cells.map((c) => (quote ? `"${c.replaceAll('"', '""')}"` : c)).join(delimiter),
          )
          .join(quote ? '\r\n' : '\n'),
      ),
    rawText,
    fc.constantFrom('"', 'name\n"unterminated', '\uFEFF', 'name\n' + 'x,'.repeat(50_000), ''),
  );

  it.each([
    ['admin', true],
    ['anonymous', false],
  ] as const)(
    'POST /api/admin/members/import?dryRun=true as %s: no 5xx, writes nothing',
    async (_who, asAdmin) => {
      await unchanged(async () => {
        await fc.assert(
          fc.asyncProperty(
            csvText,
            fc.constantFrom(
              'text/csv',
              'text/plain',
              'text/csv; charset=latin1',
              'application/json',
              'application/octet-stream',
              'multipart/form-data; boundary=x',
            ),
            fc.constantFrom('', '&skipDuplicates=false', '&skipDuplicates=%00', '&dryRun=true'),
            async (body, contentType, extra) => {
              const status = await send(`/api/admin/members/import?dryRun=true${extra}`, {
                method: 'POST',
                headers: {
                  'content-type': contentType,
                  origin: server.origin,
                  ...(asAdmin ? { cookie: adminCookie } : {}),
                },
                body,
              });
              expect(status, `${contentType} ${describeInput(body)}`).toBeLessThan(500);
              if (!asAdmin) expect(status).toBeGreaterThanOrEqual(400);
            },
          ),
          { numRuns: RUNS * 2, ...SEED },
        );
      });
    },
    60_000,
  );

  it('sign-in refuses junk bodies with 4xx and writes nothing', async () => {
    await unchanged(async () => {
      for (const body of [
        '{"email": {"$ne": null}, "password": {"$ne": null}}',
        JSON.stringify({ email: "admin.person@example.test' --", password: "' OR 1=1 --" }),
        JSON.stringify({ email: ADMIN.email, password: 'x'.repeat(100_000) }),
        '[1,2,3]',
        'not json',
      ]) {
        const status = await send('/api/auth/sign-in/email', {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: server.origin },
          body,
        });
        expect(status, body.slice(0, 80)).toBeGreaterThanOrEqual(400);
        expect(status, body.slice(0, 80)).toBeLessThan(500);
      }
    });
    // The real account still signs in (the junk did not lock or break it).
    expect((await signIn(server, ADMIN)).status).toBe(200);
  });

  afterAll(() => {
    console.warn(`fuzz: responses by class ${JSON.stringify(Object.fromEntries(seen))}`);
  });
});
