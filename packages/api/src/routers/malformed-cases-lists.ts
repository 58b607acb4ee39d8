/** Malformed-input cases for the member list's sorts and pages and for the bulk edit. */
import { HUGE, NOT_AN_OBJECT, type Procedure, SQL } from './malformed-cases';

export const LIST_PROCEDURES: Procedure[] = [
  {
    path: 'member.admin.list (sorts and pages)',
    who: 'admin',
    call: (c, i) => c.member.admin.list(i as never),
    cases: () => [
      ['sort unknown', { sort: 'population' }],
      ['sort SQL', { sort: SQL }],
      ['order unknown', { order: 'sideways' }],
      ['order SQL', { order: SQL }],
      ['page 0', { page: 0 }],
      ['page negative', { page: -3 }],
      ['page 1.5', { page: 1.5 }],
      ['page NaN', { page: Number.NaN }],
      ['page too large', { page: 10_001 }],
      ['page SQL', { page: SQL }],
      [
        'a cursor of another sort',
        { sort: 'kind', cursor: 'eyJzIjoibmFtZSIsImsiOiJhIiwiaWQiOjF9' },
      ],
      ['page past the end', { page: 9_999 }, 'ok'],
      ['organisation number', { q: '16556677-8899' }, 'ok'],
      ['sorted by municipality, descending', { sort: 'municipality', order: 'desc' }, 'ok'],
    ],
  },
  {
    path: 'member.admin.editMany',
    who: 'admin',
    call: (c, i) => c.member.admin.editMany(i as never),
    cases: (api) => {
      const items = [{ id: api.memberId('ericsson'), version: 1 }];
      const area = api.areaId('livsmedel');
      return [
        ...NOT_AN_OBJECT,
        ['missing change', { items }],
        ['missing items', { change: { addArea: area } }],
        ['empty change', { items, change: {} }],
        ['two changes', { items, change: { addArea: area, removeArea: area } }],
        ['unknown change', { items, change: { rename: 'x' } }],
        ['change an array', { items, change: [{ addArea: area }] }],
        ['area a slug', { items, change: { addArea: 'livsmedel' } }],
        ['area SQL', { items, change: { addArea: SQL } }],
        ['area negative', { items, change: { addArea: -1 } }],
        ['area NaN', { items, change: { addArea: Number.NaN } }],
        ['an unknown key', { items, change: { addArea: area }, force: true }],
        ['items empty', { items: [], change: { addArea: area } }],
        [
          'items 501',
          {
            items: Array.from({ length: 501 }, (_, i) => ({ id: i + 1, version: 1 })),
            change: { addArea: area },
          },
        ],
        ['a member twice', { items: [...items, ...items], change: { addArea: area } }],
        ['item without version', { items: [{ id: items[0]?.id }], change: { addArea: area } }],
        ['item id HUGE', { items: [{ id: HUGE, version: 1 }], change: { addArea: area } }],
        ['unknown area', { items, change: { addArea: 999_999 } }],
        ['unknown cluster', { items, change: { addCluster: 999_999 } }],
        [
          'unknown member',
          { items: [{ id: 999_999, version: 1 }], change: { addArea: area } },
          'NOT_FOUND',
        ],
        [
          'stale version',
          { items: [{ id: items[0]?.id, version: 7 }], change: { addArea: area } },
          'CONFLICT',
        ],
        [
          'last cluster',
          { items, change: { removeCluster: api.clusterId('opentech') } },
          'FORBIDDEN',
        ],
      ];
    },
  },
  {
    path: 'member.admin.editMany (as an editor)',
    who: 'editor',
    call: (c, i) => c.member.admin.editMany(i as never),
    cases: (api) => {
      const own = [{ id: api.memberId('ericsson'), version: 1 }];
      return [
        [
          'another cluster’s member',
          {
            items: [{ id: api.memberId('flextrus'), version: 1 }],
            change: { addArea: api.areaId('livsmedel') },
          },
          'FORBIDDEN',
        ],
        [
          'adding another cluster',
          { items: own, change: { addCluster: api.clusterId('packbridge') } },
          'FORBIDDEN',
        ],
        [
          'removing another cluster from a shared member',
          {
            items: [{ id: api.memberId('lunds-universitet'), version: 1 }],
            change: { removeCluster: api.clusterId('packbridge') },
          },
          'FORBIDDEN',
        ],
      ];
    },
  },
];
