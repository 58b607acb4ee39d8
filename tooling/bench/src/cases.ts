/** The three directory queries of the performance anchors, as API inputs and URLs. */
export const Q1 = { area: ['tech'], municipality: ['1280'], sort: 'name' as const, limit: 20 };
export const Q2 = { q: 'packaging', limit: 20 };
/** Q3's slug is read from the database: a published demo member from the middle. */
export const Q3_SLUG_SQL = `SELECT slug FROM members WHERE status = 'published' AND is_demo = 1 ORDER BY id LIMIT 1
  OFFSET (SELECT count(*) / 2 FROM members WHERE status = 'published' AND is_demo = 1)`;

const input = (value: unknown) => encodeURIComponent(JSON.stringify(value));

export function apiCases(slug: string) {
  return [
    {
      name: 'Q1 directory filter (tRPC)',
      path: `/trpc/member.directory?input=${input(Q1)}`,
      raw: 'q1',
    },
    {
      name: 'Q2 full-text search (tRPC)',
      path: `/trpc/member.directory?input=${input(Q2)}`,
      raw: 'q2',
    },
    {
      name: 'Q3 member by slug (tRPC)',
      path: `/trpc/member.bySlug?input=${input({ slug })}`,
      raw: 'q3',
    },
    {
      name: 'Q1 directory filter (REST)',
      // demo=include: REST leaves demo members out by default, and the bench's 100,000 are demo.
      path: '/api/v1/members?area=tech&municipality=1280&sort=name&limit=20&demo=include',
      raw: 'q1',
    },
    {
      name: 'Q2 full-text search (REST)',
      path: '/api/v1/members?q=packaging&limit=20&demo=include',
      raw: 'q2',
    },
    { name: 'Q3 member by slug (REST)', path: `/api/v1/members/${slug}`, raw: 'q3' },
  ] as const;
}

export function pageCases(slug: string) {
  return [
    { name: 'Directory page with facets', path: '/medlemmar?area=tech&municipality=1280' },
    { name: 'Member page', path: `/medlemmar/${slug}` },
  ] as const;
}
