/** Malformed-input cases for the signed-in cluster, area, article and user procedures. */
import { DEEP, HTML, HUGE, NOT_AN_OBJECT, NOT_VOID, type Procedure, SQL } from './malformed-cases';

export const ADMIN_PROCEDURES: Procedure[] = [
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
      ['reported count negative', { name: 'Nytt kluster', reportedMembers: { count: -1 } }],
      ['reported year without a count', { name: 'Nytt kluster', reportedMembers: { year: 2016 } }],
      ['sources not a list', { name: 'Nytt kluster', sources: HTML }],
      [
        'source link javascript:',
        { name: 'Nytt kluster', sources: [{ title: { sv: 'K' }, url: 'javascript:alert(1)' }] },
      ],
      ['the old sourceNote string', { name: 'Nytt kluster', sourceNote: 'Public sources (H)' }],
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
    path: 'session.updateProfile',
    who: 'editor',
    call: (c, i) => c.session.updateProfile(i as never),
    cases: () => [
      ...NOT_AN_OBJECT,
      ['missing name', {}],
      ['name empty', { name: '' }],
      ['name blank', { name: '   ' }],
      ['name 100k chars', { name: HUGE }],
      ['name a number', { name: 42 }],
      ['name HTML', { name: HTML }],
      ['name with < only', { name: 'Ada <Admin' }],
      ['name with a control character', { name: 'Ada\u0007 Admin' }],
      ['name with a newline', { name: 'Ada\nAdmin' }],
      ['version 0', { name: 'Ada', version: 0 }],
      ['an unknown key', { name: 'Ada', email: 'ny@example.se' }],
      ['role smuggled in', { name: 'Ada', role: 'admin' }],
      ['stale version', { name: 'Ada', version: 99 }, 'CONFLICT'],
    ],
  },
  {
    path: 'session.profile',
    who: 'editor',
    call: (c, i) => c.session.profile(i as never),
    cases: () => NOT_VOID,
  },
  {
    path: 'user.list (as an editor)',
    who: 'editor',
    call: (c, i) => c.user.list(i as never),
    cases: () => [['well-formed but not allowed', undefined, 'FORBIDDEN']],
  },
  {
    path: 'personalData.export',
    who: 'admin',
    call: (c, i) => c.personalData.export(i as never),
    cases: () => [
      ...NOT_AN_OBJECT,
      ['missing e-mail', {}],
      ['e-mail SQL', { email: SQL }],
      ['e-mail 100k chars', { email: HUGE }],
      ['e-mail a wildcard', { email: '%' }],
      ['an unknown key', { email: 'anna@example.se', all: true }],
    ],
  },
  {
    path: 'personalData.erase',
    who: 'admin',
    call: (c, i) => c.personalData.erase(i as never),
    cases: () => [
      ...NOT_AN_OBJECT,
      ['not confirmed', { email: 'anna@example.se' }],
      ['confirm false', { email: 'anna@example.se', confirm: false }],
      ['confirm "true" as text', { email: 'anna@example.se', confirm: 'true' }],
      ['e-mail empty', { email: '', confirm: true }],
      ['own address', { email: 'ADMIN.person@example.test', confirm: true }],
    ],
  },
  {
    path: 'personalData.erase (as an editor)',
    who: 'editor',
    call: (c, i) => c.personalData.erase(i as never),
    cases: () => [
      ['well-formed but not allowed', { email: 'anna@example.se', confirm: true }, 'FORBIDDEN'],
    ],
  },
];
