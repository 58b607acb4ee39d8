/**
 * Malformed input against every procedure, public and signed-in: wrong
 * types, missing fields, huge strings, SQL and HTML fragments, unknown keys
 * on strict inputs, NaN, negative ids, arrays for strings, deep nesting.
 * Each must end in a 4xx TRPCError (never INTERNAL_SERVER_ERROR) and leave
 * every table exactly as it was; search text that merely looks dangerous
 * must simply be searched for.
 */
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type Caller, type TestApi } from '../test-support';

const HUGE = 'x'.repeat(100_000);
const SQL = "'; DROP TABLE members;--";
const HTML = '<script>alert(1)</script>';

function deeplyNested(depth: number): unknown {
  let value: unknown = 'bottom';
  // Objects and arrays in turn, one chain (no shared branches, so walking it is linear).
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? { a: value } : [value];
  return value;
}
const DEEP = deeplyNested(2_000);

type Who = 'anonymous' | 'admin' | 'editor';
type Outcome = 'BAD_REQUEST' | 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN' | 'UNAUTHORIZED' | 'ok';
/** [what the input is, the input, what must come of it]. */
type Case = [label: string, input: unknown, outcome?: Outcome];

interface Procedure {
  path: string;
  who: Who;
  call: (caller: Caller, input: unknown) => Promise<unknown>;
  cases: (api: TestApi) => Case[];
}

/** Inputs that are wrong for any object-taking procedure. */
const NOT_AN_OBJECT: Case[] = [
  ['undefined', undefined],
  ['null', null],
  ['a number', 42],
  ['NaN', Number.NaN],
  ['a string', 'tech'],
  ['SQL as the whole input', SQL],
  ['an array', [{ slug: 'tech' }]],
  ['deeply nested', DEEP],
];

/** Inputs for procedures that take none. */
const NOT_VOID: Case[] = [
  ['an object', { slug: 'tech' }],
  ['null', null],
  ['a string', SQL],
  ['an array', []],
  ['deeply nested', DEEP],
];

const BAD_SLUGS: Case[] = [
  ...NOT_AN_OBJECT,
  ['missing slug', {}],
  ['slug a number', { slug: 42 }],
  ['slug NaN', { slug: Number.NaN }],
  ['slug an array', { slug: ['tech'] }],
  ['slug empty', { slug: '' }],
  ['slug 100k chars', { slug: HUGE }],
  ['slug SQL', { slug: SQL }],
  ['slug HTML', { slug: HTML }],
  ['slug with a dot-dot path', { slug: '../etc/passwd' }],
  ['slug deeply nested', { slug: DEEP }],
  ['slug well-formed but unknown', { slug: 'finns-inte' }, 'NOT_FOUND'],
];

const PROCEDURES: Procedure[] = [
  {
    path: 'area.list',
    who: 'anonymous',
    call: (c, i) => c.area.list(i as never),
    cases: () => NOT_VOID,
  },
  {
    path: 'cluster.list',
    who: 'anonymous',
    call: (c, i) => c.cluster.list(i as never),
    cases: () => NOT_VOID,
  },
  {
    path: 'statistics.overview',
    who: 'anonymous',
    call: (c, i) => c.statistics.overview(i as never),
    cases: () => NOT_VOID,
  },
  {
    path: 'area.bySlug',
    who: 'anonymous',
    call: (c, i) => c.area.bySlug(i as never),
    cases: () => BAD_SLUGS,
  },
  {
    path: 'cluster.bySlug',
    who: 'anonymous',
    call: (c, i) => c.cluster.bySlug(i as never),
    cases: () => BAD_SLUGS,
  },
  {
    path: 'member.bySlug',
    who: 'anonymous',
    call: (c, i) => c.member.bySlug(i as never),
    cases: () => BAD_SLUGS,
  },
  {
    path: 'article.bySlug',
    who: 'anonymous',
    call: (c, i) => c.article.bySlug(i as never),
    cases: () => BAD_SLUGS,
  },
  {
    path: 'member.directory',
    who: 'anonymous',
    call: (c, i) => c.member.directory(i as never),
    cases: () => [
      ...NOT_AN_OBJECT,
      ['q 100k chars', { q: HUGE }],
      ['q a number', { q: 42 }],
      ['q an array', { q: ['malmo'] }],
      ['q deeply nested', { q: DEEP }],
      ['area SQL', { area: SQL }],
      ['area HTML in a list', { area: ['tech', HTML] }],
      ['area deeply nested', { area: DEEP }],
      ['area 41 values', { area: Array.from({ length: 41 }, (_, i) => `area-${i}`) }],
      ['municipality unknown code', { municipality: '9999' }],
      ['municipality a number in a list', { municipality: ['1280', 1281] }],
      ['kind unknown', { kind: 'robot' }],
      ['size unknown', { size: '1000+' }],
      ['sort unknown', { sort: 'price' }],
      ['sort SQL', { sort: `name; ${SQL}` }],
      ['limit NaN', { limit: Number.NaN }],
      ['limit negative', { limit: -1 }],
      ['limit 0', { limit: 0 }],
      ['limit 1.5', { limit: 1.5 }],
      ['limit Infinity', { limit: Number.POSITIVE_INFINITY }],
      ['limit text', { limit: 'many' }],
      ['limit 101', { limit: 101 }],
      ['cursor SQL', { cursor: SQL }],
      ['cursor 100k chars', { cursor: HUGE }],
      ['cursor a number', { cursor: 42 }],
      [
        'cursor with a non-integer id',
        { cursor: Buffer.from('{"s":"name","k":"a","id":0.5}').toString('base64url') },
      ],
      [
        'cursor with an object key',
        { cursor: Buffer.from('{"s":"name","k":{"x":1},"id":1}').toString('base64url') },
      ],
      // Text that looks dangerous is only text: it is searched for, not refused.
      ['q HTML', { q: HTML }, 'ok'],
      ['q SQL', { q: SQL }, 'ok'],
      ['q FTS syntax', { q: 'AND OR NOT NEAR( "unbalanced * ^col:x' }, 'ok'],
      ['q a lone quote', { q: "'" }, 'ok'],
      ['q 100 chars', { q: 'a'.repeat(100) }, 'ok'],
      ['q 25 words', { q: Array.from({ length: 25 }, (_, i) => `w${i}`).join(' ') }, 'ok'],
      ['an unknown key (input is not strict)', { unknown: DEEP }, 'ok'],
      ['an unknown cluster slug', { cluster: 'finns-inte' }, 'ok'],
      ['limit as text from a form', { limit: '5' }, 'ok'],
    ],
  },
  {
    path: 'article.list',
    who: 'anonymous',
    call: (c, i) => c.article.list(i as never),
    cases: () => [
      ...NOT_AN_OBJECT.filter(([label]) => label !== 'undefined'),
      ['tag 100k chars', { tag: HUGE }],
      ['tag a number', { tag: 42 }],
      ['tag an array', { tag: ['a', 'b'] }],
      ['cluster SQL', { cluster: SQL }],
      ['limit negative', { limit: -5 }],
      ['cursor garbage', { cursor: 'garbage' }],
      ['cursor 100k chars', { cursor: HUGE }],
      [
        'cursor from another list',
        { cursor: Buffer.from('{"s":"name","k":"a","id":1}').toString('base64url') },
      ],
      ['tag SQL', { tag: SQL }, 'ok'],
      ['tag HTML', { tag: HTML }, 'ok'],
    ],
  },
  {
    path: 'member.admin.list',
    who: 'admin',
    call: (c, i) => c.member.admin.list(i as never),
    cases: () => [
      ...NOT_AN_OBJECT.filter(([label]) => label !== 'undefined'),
      ['status unknown', { status: 'deleted' }],
      ['status SQL', { status: [SQL] }],
      ['demo as text', { demo: 'yes' }],
      ['limit 1000', { limit: 1000 }],
      ['q 100k chars', { q: HUGE }],
      ['q HTML', { q: HTML }, 'ok'],
      ['q SQL', { q: SQL }, 'ok'],
    ],
  },
  {
    path: 'member.admin.get',
    who: 'admin',
    call: (c, i) => c.member.admin.get(i as never),
    cases: () => [
      ...NOT_AN_OBJECT,
      ['missing id', {}],
      ['id negative', { id: -1 }],
      ['id 0', { id: 0 }],
      ['id NaN', { id: Number.NaN }],
      ['id 1.5', { id: 1.5 }],
      ['id Infinity', { id: Number.POSITIVE_INFINITY }],
      ['id beyond safe integers', { id: 2 ** 60 }],
      ['id as text', { id: '1' }],
      ['id SQL', { id: `1 OR 1=1` }],
      ['id an array', { id: [1] }],
      ['id deeply nested', { id: DEEP }],
      ['id unknown', { id: 999_999 }, 'NOT_FOUND'],
    ],
  },
  {
    path: 'member.admin.duplicates',
    who: 'admin',
    call: (c, i) => c.member.admin.duplicates(i as never),
    cases: () => [
      ...NOT_AN_OBJECT,
      ['name empty', { name: '' }],
      ['name blank', { name: '   ' }],
      ['name 100k chars', { name: HUGE }],
      ['name a number', { name: 42 }],
      ['organisation number SQL', { name: 'Ericsson', organisationNumber: SQL }],
      ['exceptId negative', { name: 'Ericsson', exceptId: -1 }],
      ['name SQL', { name: SQL }, 'ok'],
      ['name HTML', { name: HTML }, 'ok'],
    ],
  },
  {
    path: 'member.admin.create',
    who: 'admin',
    call: (c, i) => c.member.admin.create(i as never),
    cases: (api) => {
      const ok = { name: 'Giltigt Namn AB', kind: 'company' };
      return [
        ...NOT_AN_OBJECT,
        ['empty object', {}],
        ['missing kind', { name: 'Giltigt Namn AB' }],
        ['missing name', { kind: 'company' }],
        ['name blank', { ...ok, name: '   ' }],
        ['name one letter', { ...ok, name: 'A' }],
        ['name 100k chars', { ...ok, name: HUGE }],
        ['name a number', { ...ok, name: 42 }],
        ['name an array', { ...ok, name: ['Giltigt Namn AB'] }],
        ['name deeply nested', { ...ok, name: DEEP }],
        ['an unknown key', { ...ok, isDemo: true }],
        ['an unknown deeply nested key', { ...ok, extra: DEEP }],
        ['id given', { ...ok, id: 1 }],
        ['version given', { ...ok, version: 7 }],
        ['organisation number SQL', { ...ok, organisationNumber: SQL }],
        ['organisation number too short', { ...ok, organisationNumber: '123' }],
        ['organisation number a number', { ...ok, organisationNumber: 5560360793 }],
        ['personal identity number', { ...ok, organisationNumber: '811228-9874' }],
        ['slug SQL', { ...ok, slug: SQL }],
        ['slug HTML', { ...ok, slug: HTML }],
        ['slug taken', { ...ok, slug: 'ericsson' }, 'CONFLICT'],
        ['kind SQL', { ...ok, kind: SQL }],
        ['kind an array', { ...ok, kind: ['company'] }],
        ['size unknown', { ...ok, sizeBand: '1000+' }],
        ['municipality outside Skåne code', { ...ok, municipalityCode: '0180' }],
        ['municipality a number', { ...ok, municipalityCode: 1280 }],
        ['website javascript:', { ...ok, website: 'javascript:alert(1)' }],
        ['website 100k chars', { ...ok, website: `https://${HUGE}.se` }],
        ['description as text', { ...ok, description: 'text' }],
        ['description 100k chars', { ...ok, description: { sv: HUGE, en: '' } }],
        ['description deeply nested', { ...ok, description: { sv: DEEP, en: '' } }],
        ['areaIds as text', { ...ok, areaIds: '1' }],
        ['areaIds negative', { ...ok, areaIds: [-1] }],
        ['areaIds NaN', { ...ok, areaIds: [Number.NaN] }],
        ['areaIds repeated', { ...ok, areaIds: [1, 1] }],
        ['areaIds seven', { ...ok, areaIds: [1, 2, 3, 4, 5, 6, 7] }],
        ['areaIds unknown', { ...ok, areaIds: [9_999] }],
        ['memberships not a list', { ...ok, memberships: { clusterId: 1 } }],
        [
          'membership date not a day',
          { ...ok, memberships: [{ clusterId: api.clusterId('opentech'), since: '2024-02-30' }] },
        ],
        [
          'membership date SQL',
          { ...ok, memberships: [{ clusterId: api.clusterId('opentech'), since: SQL }] },
        ],
        [
          'membership unknown key',
          { ...ok, memberships: [{ clusterId: api.clusterId('opentech'), note: 'x' }] },
        ],
        ['membership repeated', { ...ok, memberships: [{ clusterId: 1 }, { clusterId: 1 }] }],
        ['membership unknown cluster', { ...ok, memberships: [{ clusterId: 9_999 }] }],
        ['membership negative cluster', { ...ok, memberships: [{ clusterId: -3 }] }],
        ['status unknown', { ...ok, status: 'deleted' }],
      ];
    },
  },
  {
    path: 'member.admin.update',
    who: 'admin',
    call: (c, i) => c.member.admin.update(i as never),
    cases: (api) => {
      const id = api.memberId('ericsson');
      return [
        ...NOT_AN_OBJECT,
        ['missing version', { id, name: 'Nytt AB' }],
        ['missing id', { version: 1, name: 'Nytt AB' }],
        ['version 0', { id, version: 0 }],
        ['version negative', { id, version: -1 }],
        ['version NaN', { id, version: Number.NaN }],
        ['version as text', { id, version: '1' }],
        ['id as text', { id: String(id), version: 1 }],
        ['id negative', { id: -id, version: 1 }],
        ['an unknown key', { id, version: 1, status2: 'published' }],
        ['isDemo given', { id, version: 1, isDemo: true }],
        ['name 100k chars', { id, version: 1, name: HUGE }],
        ['name null', { id, version: 1, name: null }],
        ['kind null', { id, version: 1, kind: null }],
        ['organisation number SQL', { id, version: 1, organisationNumber: SQL }],
        ['areaIds deeply nested', { id, version: 1, areaIds: DEEP }],
        ['memberships as text', { id, version: 1, memberships: 'opentech' }],
        ['slug HTML', { id, version: 1, slug: HTML }],
        ['unknown member', { id: 999_999, version: 1, name: 'Nytt AB' }, 'NOT_FOUND'],
        ['stale version', { id, version: 99, name: 'Nytt AB' }, 'CONFLICT'],
        ['slug of another member', { id, version: 1, slug: 'sony' }, 'CONFLICT'],
        ['unknown area', { id, version: 1, areaIds: [9_999] }],
      ];
    },
  },
  {
    path: 'member.admin.setStatus',
    who: 'admin',
    call: (c, i) => c.member.admin.setStatus(i as never),
    cases: (api) => {
      const id = api.memberId('ericsson');
      return [
        ...NOT_AN_OBJECT,
        ['missing action', { id, version: 1 }],
        ['action unknown', { id, version: 1, action: 'delete' }],
        ['action SQL', { id, version: 1, action: SQL }],
        ['action an array', { id, version: 1, action: ['publish'] }],
        ['an unknown key', { id, version: 1, action: 'publish', status: 'published' }],
        ['id negative', { id: -1, version: 1, action: 'publish' }],
        ['version NaN', { id, version: Number.NaN, action: 'publish' }],
        ['unknown member', { id: 999_999, version: 1, action: 'publish' }, 'NOT_FOUND'],
        ['stale version', { id, version: 5, action: 'archive' }, 'CONFLICT'],
      ];
    },
  },
  {
    path: 'member.admin.delete',
    who: 'admin',
    call: (c, i) => c.member.admin.delete(i as never),
    cases: (api) => {
      const id = api.memberId('ericsson');
      return [
        ...NOT_AN_OBJECT,
        ['missing version', { id }],
        ['id a slug', { id: 'ericsson', version: 1 }],
        ['version 1.5', { id, version: 1.5 }],
        ['id and version NaN', { id: Number.NaN, version: Number.NaN }],
        ['an unknown key', { id, version: 1, force: true }],
        ['id SQL', { id: SQL, version: 1 }],
        ['unknown member', { id: 999_999, version: 1 }, 'NOT_FOUND'],
        ['stale version', { id, version: 2 }, 'CONFLICT'],
      ];
    },
  },
  {
    path: 'member.admin.update (as an editor)',
    who: 'editor',
    call: (c, i) => c.member.admin.update(i as never),
    cases: (api) => [
      [
        'a member of another cluster',
        { id: api.memberId('flextrus'), version: 1, name: 'Kapat AB' },
        'FORBIDDEN',
      ],
      [
        'adding another cluster',
        {
          id: api.memberId('ericsson'),
          version: 1,
          memberships: [{ clusterId: api.clusterId('packbridge'), since: null }],
        },
        'FORBIDDEN',
      ],
      ['an unknown key', { id: api.memberId('ericsson'), version: 1, clusterId: 1 }],
    ],
  },
  {
    path: 'audit.list',
    who: 'admin',
    call: (c, i) => c.audit.list(i as never),
    cases: () => [
      ...NOT_AN_OBJECT.filter(([label]) => label !== 'undefined'),
      ['entity unknown', { entity: 'members' }],
      ['entity SQL', { entity: SQL }],
      ['entityId 100k chars', { entityId: HUGE }],
      ['entityId a number', { entityId: 42 }],
      ['from not a date', { from: 'yesterday' }],
      ['from month 13', { from: '2024-13-01T00:00:00Z' }],
      ['from 30 February', { from: '2024-02-30T00:00:00Z' }],
      ['to SQL', { to: SQL }],
      ['limit 0', { limit: 0 }],
      ['cursor garbage', { cursor: 'zzz' }],
      ['entityId SQL', { entityId: SQL }, 'ok'],
      ['userId HTML', { userId: HTML }, 'ok'],
    ],
  },
  {
    path: 'audit.list (as an editor)',
    who: 'editor',
    call: (c, i) => c.audit.list(i as never),
    cases: (api) => [
      ['entityId not a number', { entity: 'member', entityId: 'abc' }, 'NOT_FOUND'],
      ['entityId SQL', { entity: 'member', entityId: SQL }, 'NOT_FOUND'],
      ['entityId negative', { entity: 'member', entityId: '-1' }, 'NOT_FOUND'],
      ['entityId empty', { entity: 'member', entityId: '' }, 'FORBIDDEN'],
      [
        'another cluster’s member',
        { entity: 'member', entityId: String(api.memberId('flextrus')) },
        'FORBIDDEN',
      ],
      ['entityId padded', { entity: 'member', entityId: ` ${api.memberId('ericsson')}` }, 'ok'],
    ],
  },
  {
    path: 'audit.restore',
    who: 'admin',
    call: (c, i) => c.audit.restore(i as never),
    cases: () => [
      ...NOT_AN_OBJECT,
      ['missing entryId', {}],
      ['entryId negative', { entryId: -1 }],
      ['entryId NaN', { entryId: Number.NaN }],
      ['entryId as text', { entryId: '1' }],
      ['side unknown', { entryId: 1, side: 'middle' }],
      ['version 0', { entryId: 1, version: 0 }],
      ['an unknown key', { entryId: 1, force: true }],
      ['entryId deeply nested', { entryId: DEEP }],
      ['unknown entry', { entryId: 999_999, version: 1 }, 'NOT_FOUND'],
    ],
  },
  {
    path: 'cluster.admin.create',
    who: 'admin',
    call: (c, i) => c.cluster.admin.create(i as never),
    cases: () => [
      ...NOT_AN_OBJECT,
      ['missing name', {}],
      ['name 100k chars', { name: HUGE }],
      ['website javascript:', { name: 'Nytt kluster', website: 'javascript:alert(1)' }],
      ['e-mail not an address', { name: 'Nytt kluster', email: SQL }],
      ['founded in the future', { name: 'Nytt kluster', foundedYear: 3000 }],
      ['confidence unknown', { name: 'Nytt kluster', confidence: 'sure' }],
      ['areaIds repeated', { name: 'Nytt kluster', areaIds: [1, 1] }],
      ['areaIds unknown', { name: 'Nytt kluster', areaIds: [9999] }],
      ['slug HTML', { name: 'Nytt kluster', slug: HTML }],
      ['slug taken', { name: 'Nytt kluster', slug: 'opentech' }, 'CONFLICT'],
      ['an unknown key', { name: 'Nytt kluster', members: 5 }],
      ['deeply nested description', { name: 'Nytt kluster', description: DEEP }],
    ],
  },
  {
    path: 'cluster.admin.update (as an editor)',
    who: 'editor',
    call: (c, i) => c.cluster.admin.update(i as never),
    cases: (api) => [
      [
        'well-formed but not allowed',
        { id: api.clusterId('opentech'), version: 1, name: 'Mitt kluster' },
        'FORBIDDEN',
      ],
    ],
  },
  {
    path: 'cluster.admin.restore',
    who: 'admin',
    call: (c, i) => c.cluster.admin.restore(i as never),
    cases: () => [
      ...NOT_AN_OBJECT,
      ['missing entryId', {}],
      ['side unknown', { entryId: 1, side: 'middle' }],
      ['unknown entry', { entryId: 999_999, version: 1 }, 'NOT_FOUND'],
    ],
  },
  {
    path: 'area.admin.update',
    who: 'admin',
    call: (c, i) => c.area.admin.update(i as never),
    cases: (api) => {
      const id = api.areaId('tech');
      return [
        ...NOT_AN_OBJECT,
        ['missing version', { id }],
        ['Swedish name empty', { id, version: 1, name: { sv: '', en: 'Tech' } }],
        ['name not bilingual', { id, version: 1, name: 'Tech' }],
        ['sortOrder negative', { id, version: 1, sortOrder: -1 }],
        ['slug SQL', { id, version: 1, slug: SQL }],
        ['stale version', { id, version: 99 }, 'CONFLICT'],
        ['unknown area', { id: 999_999, version: 1 }, 'NOT_FOUND'],
      ];
    },
  },
  {
    path: 'article.admin.create',
    who: 'admin',
    call: (c, i) => c.article.admin.create(i as never),
    cases: () => [
      ...NOT_AN_OBJECT,
      ['missing title', {}],
      ['title not bilingual', { title: 'Nyhet' }],
      [
        'cover without alt text',
        { title: { sv: 'Nyhet' }, coverImage: { src: '/x.svg', alt: { sv: '' } } },
      ],
      [
        'cover from another site',
        {
          title: { sv: 'Nyhet' },
          coverImage: { src: '//evil.example/x.jpg', alt: { sv: 'Bild' } },
        },
      ],
      ['publishedAt not a date', { title: { sv: 'Nyhet' }, publishedAt: 'igår' }],
      [
        'tags 11',
        { title: { sv: 'Nyhet' }, tags: Array.from({ length: 11 }, (_, i) => `tag${i}`) },
      ],
      ['tag HTML', { title: { sv: 'Nyhet' }, tags: [HTML] }],
      ['clusterId unknown', { title: { sv: 'Nyhet' }, clusterId: 9999 }],
      ['body 200k chars', { title: { sv: 'Nyhet' }, body: { sv: HUGE + HUGE } }],
    ],
  },
  {
    path: 'article.admin.create (as an editor, other cluster)',
    who: 'editor',
    call: (c, i) => c.article.admin.create(i as never),
    cases: (api) => [
      [
        'well-formed, another cluster',
        { title: { sv: 'Nyhet' }, clusterId: api.clusterId('packbridge') },
        'FORBIDDEN',
      ],
    ],
  },
  {
    path: 'user.create',
    who: 'admin',
    call: (c, i) => c.user.create(i as never),
    cases: (api) => [
      ...NOT_AN_OBJECT,
      ['missing password', { email: 'ny@example.se', name: 'Ny', role: 'admin' }],
      ['password short', { email: 'ny@example.se', name: 'Ny', role: 'admin', password: 'kort' }],
      ['e-mail SQL', { email: SQL, name: 'Ny', role: 'admin', password: 'ett långt lösenord' }],
      [
        'role unknown',
        { email: 'ny@example.se', name: 'Ny', role: 'root', password: 'ett långt lösenord' },
      ],
      [
        'editor without cluster',
        { email: 'ny@example.se', name: 'Ny', role: 'editor', password: 'ett långt lösenord' },
      ],
      [
        'admin with cluster',
        {
          email: 'ny@example.se',
          name: 'Ny',
          role: 'admin',
          clusterId: api.clusterId('opentech'),
          password: 'ett långt lösenord',
        },
      ],
    ],
  },
  {
    path: 'user.list (as an editor)',
    who: 'editor',
    call: (c, i) => c.user.list(i as never),
    cases: () => [['well-formed but not allowed', undefined, 'FORBIDDEN']],
  },
];

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

  for (const procedure of PROCEDURES) {
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

  it('anonymous callers are refused before their input is looked at', async () => {
    for (const procedure of PROCEDURES.filter((p) => p.who !== 'anonymous')) {
      for (const [label, input] of procedure.cases(api).slice(0, 3)) {
        const error = await procedure.call(api.anonymous, input).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error instanceof TRPCError ? error.code : error, `${procedure.path}: ${label}`).toBe(
          'UNAUTHORIZED',
        );
      }
    }
    expect(api.checksum()).toBe(checksum);
  });
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
