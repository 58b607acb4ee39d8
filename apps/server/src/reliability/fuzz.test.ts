/**
 * Bad-input fuzzing over real HTTP with fast-check: arbitrary JSON, wrong
 * types, huge strings, deeply nested values, unicode edge cases (lone
 * surrogates, RTL overrides, NUL, combining marks, emoji sequences), SQL,
 * FTS and HTML fragments — against every tRPC procedure (listed from the
 * router itself, so a new one is fuzzed without touching this file), as a
 * signed-in admin and anonymously, and against every REST route.
 *
 * Never a 5xx, and never a change to the database: a checksum of all tables
 * is compared after each procedure's run. Mutation inputs are built to be
 * invalid whatever the generator picks (a stale-proof wrong-typed `version`,
 * or a key no input has — inputs are strict objects), so any 2xx for a
 * mutation is itself a finding. The import route is only called with
 * dryRun=true.
 */
import { appRouter } from '@cos/api';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestServer, type TestServer } from '../test-server';
import { checksumDatabase, checksumTables } from './checksum';
import { listProcedures, sessionCookie, signIn, trpcMutation } from './http';

// CI size; `pnpm bench` runs more cases (FUZZ_RUNS) and gives them time in proportion.
const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
const SCALE = Math.max(1, RUNS / 30);
const SEED = process.env.FUZZ_SEED === undefined ? {} : { seed: Number(process.env.FUZZ_SEED) };
const TIMEOUT_MS = 10_000;

/** Procedures nobody may call without a session. */
const PROTECTED = /\.admin\.|^audit\.|^user\.|^session\.(taxonomy|attention)$/;

// ---------- generators ----------

const HOSTILE_STRINGS = [
  "' OR 1=1 --",
  "'; DROP TABLE members; --",
  '" OR ""="',
  "1' UNION SELECT email, password FROM accounts --",
  'NEAR(a b)',
  'name:* OR description:x',
  '"unterminated',
  '*',
  '^a',
  'a OR b NOT c AND',
  '()',
  ':',
  '- + { }',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '<svg onload=alert(1)>',
  '[x](javascript:alert(1))',
  '{{7*7}}${7*7}',
  '%00%2e%2e%2f',
  '\u0000',
  'a\u0000b',
  '\u202eevil\u202c',
  '\ufeff',
  '\ud800',
  'x\udfffy',
  '👩‍👩‍👧‍👦🇸🇪',
  'A\u030A\u0308\u0301',
  'ﬁ Ａ',
  '../../etc/passwd',
  '__proto__',
  'constructor',
  'null',
  'NaN',
  '-1',
  '1e309',
  '9007199254740993',
  ' ',
  '\t\n\r\v\f',
  'Ω'.repeat(300),
];

/** Keys that inputs really have, plus a few that no input has. */
const FIELD_NAMES = [
  'id',
  'version',
  'slug',
  'name',
  'kind',
  'sizeBand',
  'municipalityCode',
  'website',
  'description',
  'areaIds',
  'memberships',
  'status',
  'organisationNumber',
  'title',
  'summary',
  'body',
  'coverImage',
  'author',
  'tags',
  'clusterId',
  'publishedAt',
  'shortName',
  'email',
  'city',
  'foundedYear',
  'logoUrl',
  'confidence',
  'sourceNote',
  'sortOrder',
  'password',
  'role',
  'disabled',
  'rows',
  'dryRun',
  'skipDuplicates',
  'entryId',
  'side',
  'action',
  'q',
  'area',
  'cluster',
  'municipality',
  'size',
  'sort',
  'cursor',
  'limit',
  'entity',
  'entityId',
  'userId',
  'from',
  'to',
  'exceptId',
  'tag',
  'demo',
  'sv',
  'en',
  '__proto__',
  'constructor',
];

const hostileString = fc.constantFrom(...HOSTILE_STRINGS);
const unicodeString = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'grapheme-composite', maxLength: 40 }),
  // 'binary' code units include lone surrogates.
  fc.string({ unit: 'binary', maxLength: 40 }),
);
/** Longer than any field allows; kept small enough for a URL in GET requests. */
const longString = (max: number) =>
  fc
    .tuple(fc.integer({ min: 101, max }), fc.constantFrom('x', 'å', '😀', "'", '<'))
    .map(([n, c]) => c.repeat(n));
const edgeNumber = fc.oneof(
  fc.constantFrom(0, -1, 1.5, -0.5, 1e308, -1e308, 2 ** 53 + 2, Number.MAX_SAFE_INTEGER),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);
const scalar = fc.oneof(
  hostileString,
  unicodeString,
  fc.string({ maxLength: 20 }),
  edgeNumber,
  fc.boolean(),
  fc.constant(null),
);

/** A value nested `depth` levels deep, as objects or arrays. */
const deeplyNested = (maxDepth: number) =>
  fc
    .tuple(fc.integer({ min: 50, max: maxDepth }), fc.boolean(), scalar)
    .map(([depth, arrays, leaf]) => {
      let value: unknown = leaf;
      for (let i = 0; i < depth; i++) value = arrays ? [value] : { id: value };
      return value;
    });

/** Anything fast-check can make, turned into what JSON can carry. */
const anythingJson = fc
  .anything({ maxDepth: 3 })
  .map((v) => JSON.parse(JSON.stringify(v) ?? 'null') as unknown);

const fieldValue = (long: number, depth: number) =>
  fc.oneof(
    { arbitrary: scalar, weight: 6 },
    { arbitrary: fc.jsonValue({ maxDepth: 2 }), weight: 2 },
    { arbitrary: fc.array(scalar, { maxLength: 5 }), weight: 2 },
    { arbitrary: longString(long), weight: 1 },
    { arbitrary: deeplyNested(depth), weight: 1 },
    {
      arbitrary: fc.dictionary(fc.constantFrom('sv', 'en', 'src', 'alt', 'clusterId'), scalar),
      weight: 2,
    },
  );

/** Objects whose keys look like real inputs' keys, holding hostile values. */
const fieldsObject = (long: number, depth: number) =>
  fc.dictionary(fc.constantFrom(...FIELD_NAMES), fieldValue(long, depth), { maxKeys: 6 });

/** Inputs for queries: anything (a valid one by accident is fine — queries write nothing). */
const queryInput = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  anythingJson,
  fieldsObject(3_000, 400),
  deeplyNested(400),
  unicodeString,
  hostileString,
);

/** A `version` no input accepts (versions are whole numbers ≥ 1). */
const badVersion = fc.oneof(
  fc.constantFrom(0, -1, 1.5, null, '1', '', [], {}, true, '1e309'),
  hostileString,
  fc.string({ unit: 'binary', maxLength: 10 }),
);

/**
 * Inputs for mutations that no procedure can accept: every mutation input is
 * a strict object, and either has a `version` (then it is wrong-typed here)
 * or has none (then `version` is an unknown key and refused).
 */
const mutationInput = fc.oneof(
  fc
    .tuple(fieldsObject(200_000, 3_000), badVersion)
    .map(([fields, version]) => ({ ...fields, version })),
  fc
    .tuple(fieldsObject(2_000, 100), fc.string({ minLength: 1, maxLength: 20 }), scalar)
    .map(([fields, key, value]) => ({ ...fields, version: 'x', [`zz-${key}`]: value })),
  // Not an object at all.
  fc.oneof(
    scalar,
    fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }),
    deeplyNested(3_000),
    longString(500_000),
  ),
);

/** A raw body or ?input= that is usually not JSON at all. */
const rawText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.constantFrom('{', '{"a":', '[1,2', 'undefined', 'NaN', '{"__proto__":{"role":"admin"}}', ''),
);

// ---------- HTTP ----------

/** Percent-encodes UTF-8 bytes (lone surrogates become U+FFFD, as a browser sends them). */
function pct(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

let server: TestServer;
let adminCookie = '';
const seen = new Map<string, number>();

async function send(pathname: string, init: RequestInit = {}): Promise<number> {
  const response = await server.fetch(pathname, {
    ...init,
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  await response.arrayBuffer();
  const bucket = `${Math.floor(response.status / 100)}xx`;
  seen.set(bucket, (seen.get(bucket) ?? 0) + 1);
  return response.status;
}

const describeInput = (value: unknown) => {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? 'undefined');
  return text.length > 200 ? `${text.slice(0, 200)}… (${text.length} chars)` : text;
};

beforeAll(async () => {
  server = await startTestServer({ demo: 60 });
  adminCookie = await sessionCookie(server, ADMIN);
}, 60_000 * SCALE);

afterAll(async () => {
  await server?.close();
});

/** Runs `body`, then asserts the database is exactly as it was before. */
async function unchanged(body: () => Promise<void>) {
  const before = checksumTables(server.handle.sqlite);
  await body();
  const after = checksumTables(server.handle.sqlite);
  const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
  expect(changed, 'tables changed by bad input').toEqual([]);
}

// ---------- tRPC ----------

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

// ---------- REST ----------

const queryKey = fc.oneof(
  {
    arbitrary: fc.constantFrom(
      'q',
      'area',
      'cluster',
      'municipality',
      'kind',
      'size',
      'sort',
      'cursor',
      'limit',
    ),
    weight: 4,
  },
  { arbitrary: fc.string({ maxLength: 10 }), weight: 1 },
  {
    arbitrary: fc.constantFrom('q[]', 'area[0]', '__proto__', 'constructor', 'limit[$gt]'),
    weight: 1,
  },
);
const queryValue = fc.oneof(
  hostileString,
  unicodeString,
  fc.string({ maxLength: 20 }),
  edgeNumber.map(String),
  longString(3_000),
  fc.constantFrom('tech', '1280', 'outside', 'company', '10-49', 'name', 'relevance', ''),
);
/** A query string: encoded pairs, sometimes with raw junk (bad escapes, stray & and =). */
const queryString = fc
  .tuple(
    fc.array(fc.tuple(queryKey, queryValue), { maxLength: 8 }),
    fc.constantFrom('', '&%', '&%zz', '&q=%E0%A4%A', '&&&==', '&limit=1&limit=2', '&q=%00', '&=x'),
  )
  .map(([pairs, junk]) => pairs.map(([k, v]) => `${pct(k)}=${pct(v)}`).join('&') + junk);

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
