/**
 * The fast-check generators of the fuzz tests (fuzz-trpc.test.ts,
 * fuzz-rest.test.ts): hostile and unicode strings, edge numbers, deep
 * nesting, strict-object inputs that no procedure accepts, raw non-JSON text,
 * and REST query strings.
 */
import fc from 'fast-check';
import { pct } from './fuzz-support';

// ---------- generators ----------

export const HOSTILE_STRINGS = [
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
export const FIELD_NAMES = [
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
  'sourceNoteText',
  'sources',
  'reportedMembers',
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

export const hostileString = fc.constantFrom(...HOSTILE_STRINGS);
export const unicodeString = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'grapheme-composite', maxLength: 40 }),
  // 'binary' code units include lone surrogates.
  fc.string({ unit: 'binary', maxLength: 40 }),
);
/** Longer than any field allows; kept small enough for a URL in GET requests. */
export const longString = (max: number) =>
  fc
    .tuple(fc.integer({ min: 101, max }), fc.constantFrom('x', 'å', '😀', "'", '<'))
    .map(([n, c]) => c.repeat(n));
export const edgeNumber = fc.oneof(
  fc.constantFrom(0, -1, 1.5, -0.5, 1e308, -1e308, 2 ** 53 + 2, Number.MAX_SAFE_INTEGER),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);
export const scalar = fc.oneof(
  hostileString,
  unicodeString,
  fc.string({ maxLength: 20 }),
  edgeNumber,
  fc.boolean(),
  fc.constant(null),
);

/** A value nested `depth` levels deep, as objects or arrays. */
export const deeplyNested = (maxDepth: number) =>
  fc
    .tuple(fc.integer({ min: 50, max: maxDepth }), fc.boolean(), scalar)
    .map(([depth, arrays, leaf]) => {
      let value: unknown = leaf;
      for (let i = 0; i < depth; i++) value = arrays ? [value] : { id: value };
      return value;
    });

/** Anything fast-check can make, turned into what JSON can carry. */
export const anythingJson = fc
  .anything({ maxDepth: 3 })
  .map((v) => JSON.parse(JSON.stringify(v) ?? 'null') as unknown);

export const fieldValue = (long: number, depth: number) =>
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
export const fieldsObject = (long: number, depth: number) =>
  fc.dictionary(fc.constantFrom(...FIELD_NAMES), fieldValue(long, depth), { maxKeys: 6 });

/** Inputs for queries: anything (a valid one by accident is fine — queries write nothing). */
export const queryInput = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  anythingJson,
  fieldsObject(3_000, 400),
  deeplyNested(400),
  unicodeString,
  hostileString,
);

/** A `version` no input accepts (versions are whole numbers ≥ 1). */
export const badVersion = fc.oneof(
  fc.constantFrom(0, -1, 1.5, null, '1', '', [], {}, true, '1e309'),
  hostileString,
  fc.string({ unit: 'binary', maxLength: 10 }),
);

/**
 * Inputs for mutations that no procedure can accept: every mutation input is
 * a strict object, and either has a `version` (then it is wrong-typed here)
 * or has none (then `version` is an unknown key and refused).
 */
export const mutationInput = fc.oneof(
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
export const rawText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.constantFrom('{', '{"a":', '[1,2', 'undefined', 'NaN', '{"__proto__":{"role":"admin"}}', ''),
);

// ---------- REST ----------

export const queryKey = fc.oneof(
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
export const queryValue = fc.oneof(
  hostileString,
  unicodeString,
  fc.string({ maxLength: 20 }),
  edgeNumber.map(String),
  longString(3_000),
  fc.constantFrom('tech', '1280', 'outside', 'company', '10-49', 'name', 'relevance', ''),
);
/** A query string: encoded pairs, sometimes with raw junk (bad escapes, stray & and =). */
export const queryString = fc
  .tuple(
    fc.array(fc.tuple(queryKey, queryValue), { maxLength: 8 }),
    fc.constantFrom('', '&%', '&%zz', '&q=%E0%A4%A', '&&&==', '&limit=1&limit=2', '&q=%00', '&=x'),
  )
  .map(([pairs, junk]) => pairs.map(([k, v]) => `${pct(k)}=${pct(v)}`).join('&') + junk);
