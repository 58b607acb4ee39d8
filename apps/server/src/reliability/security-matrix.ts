/**
 * The role × procedure matrix of security-matrix.test.ts: for every procedure
 * of the router, who may call it and a valid input aimed at a record of the
 * editor's own cluster or another's, so that only the permission decides.
 * Fixtures are made in-process by an admin.
 */
import { nextNumber, unique, type Actor, type SecurityEnv } from './security-support';

export type Target = 'own' | 'other';
/**
 * Who may call a procedure:
 * public — everyone; signedIn — any account (editors see their own scope);
 * cluster — admins, and editors on their own cluster's records only;
 * editor — editors on their own cluster's records only (admins have no cluster of their own);
 * admin — admins only.
 */
export type Rule = 'public' | 'signedIn' | 'cluster' | 'editor' | 'admin';

export const EXPECTED: Record<Rule, Record<Actor, number>> = {
  public: { anonymous: 200, editorOwn: 200, editorOther: 200, admin: 200 },
  signedIn: { anonymous: 401, editorOwn: 200, editorOther: 200, admin: 200 },
  cluster: { anonymous: 401, editorOwn: 200, editorOther: 403, admin: 200 },
  editor: { anonymous: 401, editorOwn: 200, editorOther: 403, admin: 403 },
  admin: { anonymous: 401, editorOwn: 403, editorOther: 403, admin: 200 },
};

type Input = (t: Target) => unknown;

/** Records made by the admin for a procedure's input, in the own or the other cluster. */
export function fixtures(env: SecurityEnv) {
  const clusterOf = (t: Target) => (t === 'own' ? env.ownClusterId : env.otherClusterId);

  async function member(t: Target) {
    const { member } = await env.admin.member.admin.create({
      name: unique('Matrisbolaget'),
      kind: 'company',
      memberships: [{ clusterId: clusterOf(t), since: null }],
      status: 'published',
    });
    return member;
  }
  async function article(t: Target) {
    return env.admin.article.admin.create({
      title: { sv: unique('Matrisnyhet'), en: '' },
      clusterId: clusterOf(t),
    });
  }
  async function area() {
    return env.admin.area.admin.create({
      slug: `matris-${nextNumber()}`,
      name: { sv: unique('Matrisområde'), en: '' },
    });
  }
  async function cluster() {
    return env.admin.cluster.admin.create({ name: unique('Matriskluster') });
  }
  async function user() {
    return env.admin.user.create({
      email: `matris.${nextNumber()}@example.test`,
      password: 'matrix horse battery staple',
      name: unique('Matris'),
      role: 'editor',
      clusterId: env.otherClusterId,
    });
  }
  /** The newest audit entry about a record, for restore. */
  const lastEntry = (entity: string, id: number | string) =>
    env.server.handle.sqlite
      .prepare('SELECT max(id) FROM audit_log WHERE entity = ? AND entity_id = ?')
      .pluck()
      .get(entity, String(id)) as number;
  return { clusterOf, member, article, area, cluster, user, lastEntry };
}

/** Every procedure: who may call it, and a valid input aimed at an own or another cluster's record. */
export function procedureMatrix(env: SecurityEnv): Record<string, { rule: Rule; input: Input }> {
  const { clusterOf, member, article, area, cluster, user, lastEntry } = fixtures(env);
  return {
    'area.list': { rule: 'public', input: () => undefined },
    'area.bySlug': { rule: 'public', input: () => ({ slug: 'tech' }) },
    'cluster.list': { rule: 'public', input: () => undefined },
    'cluster.bySlug': { rule: 'public', input: () => ({ slug: 'opentech' }) },
    'member.directory': { rule: 'public', input: () => ({}) },
    'member.bySlug': { rule: 'public', input: () => ({ slug: env.publishedMember }) },
    'article.list': { rule: 'public', input: () => ({}) },
    'article.bySlug': { rule: 'public', input: () => ({ slug: env.publishedArticle }) },
    'statistics.overview': { rule: 'public', input: () => undefined },
    'session.me': { rule: 'public', input: () => undefined },

    'taxonomy.pickers': { rule: 'signedIn', input: () => undefined },
    'dashboard.attention': { rule: 'signedIn', input: () => undefined },
    'member.admin.list': { rule: 'signedIn', input: () => ({}) },
    'member.admin.duplicates': { rule: 'signedIn', input: () => ({ name: 'Lunds universitet' }) },
    'member.admin.import': {
      rule: 'signedIn',
      input: () => ({ rows: [{ name: unique('Importbolaget') }], dryRun: true }),
    },
    'article.admin.list': { rule: 'signedIn', input: () => undefined },
    'session.profile': { rule: 'signedIn', input: () => undefined },
    'session.updateProfile': { rule: 'signedIn', input: () => ({ name: unique('Profilnamn') }) },

    'member.admin.get': { rule: 'cluster', input: async (t) => ({ id: (await member(t)).id }) },
    'member.admin.create': {
      rule: 'cluster',
      input: (t) => ({
        name: unique('Nybolaget'),
        kind: 'company',
        memberships: [{ clusterId: clusterOf(t) }],
      }),
    },
    'member.admin.update': {
      rule: 'cluster',
      input: async (t) => {
        const m = await member(t);
        return { id: m.id, version: m.version, name: unique('Ändrat') };
      },
    },
    'member.admin.setStatus': {
      rule: 'cluster',
      input: async (t) => {
        const m = await member(t);
        return { id: m.id, version: m.version, action: 'archive' };
      },
    },
    'member.admin.setStatusMany': {
      rule: 'cluster',
      input: async (t) => {
        const m = await member(t);
        return { items: [{ id: m.id, version: m.version }], action: 'archive' };
      },
    },
    'member.admin.editMany': {
      rule: 'cluster',
      input: async (t) => {
        const m = await member(t);
        return {
          items: [{ id: m.id, version: m.version }],
          change: { addArea: (await area()).id },
        };
      },
    },
    // "Remove from our cluster": 'own' aims at a member shared by both clusters.
    'member.admin.leaveCluster': {
      rule: 'editor',
      input: async (t) => {
        const { member: m } = await env.admin.member.admin.create({
          name: unique('Delat bolag'),
          kind: 'company',
          memberships: [
            ...(t === 'own' ? [{ clusterId: env.ownClusterId, since: null }] : []),
            { clusterId: env.otherClusterId, since: null },
          ],
        });
        return { id: m.id, version: m.version };
      },
    },
    'member.admin.delete': {
      rule: 'cluster',
      input: async (t) => {
        const m = await member(t);
        return { id: m.id, version: m.version };
      },
    },
    'audit.list': {
      rule: 'cluster',
      input: async (t) => ({ entity: 'member', entityId: String((await member(t)).id) }),
    },
    'audit.restoreMember': {
      rule: 'cluster',
      input: async (t) => {
        const m = await member(t);
        const changed = await env.admin.member.admin.update({
          id: m.id,
          version: m.version,
          name: unique('Före'),
        });
        return { entryId: lastEntry('member', m.id), side: 'before', version: changed.version };
      },
    },
    'audit.restorePreview': {
      rule: 'cluster',
      input: async (t) => {
        const m = await member(t);
        await env.admin.member.admin.update({ id: m.id, version: m.version, name: unique('Före') });
        return { entryId: lastEntry('member', m.id), mode: 'undo' };
      },
    },
    'article.admin.get': { rule: 'cluster', input: async (t) => ({ id: (await article(t)).id }) },
    'article.admin.create': {
      rule: 'cluster',
      input: (t) => ({ title: { sv: unique('Ny nyhet') }, clusterId: clusterOf(t) }),
    },
    'article.admin.update': {
      rule: 'cluster',
      input: async (t) => {
        const a = await article(t);
        return { id: a.id, version: a.version, title: { sv: unique('Ändrad nyhet') } };
      },
    },
    'article.admin.setStatus': {
      rule: 'cluster',
      input: async (t) => {
        const a = await article(t);
        return { id: a.id, version: a.version, action: 'publish' };
      },
    },
    'article.admin.delete': {
      rule: 'cluster',
      input: async (t) => {
        const a = await article(t);
        return { id: a.id, version: a.version };
      },
    },
    'article.admin.restore': {
      rule: 'cluster',
      input: async (t) => {
        const a = await article(t);
        const changed = await env.admin.article.admin.update({
          id: a.id,
          version: a.version,
          title: { sv: unique('Före'), en: '' },
        });
        return { entryId: lastEntry('article', a.id), side: 'before', version: changed.version };
      },
    },

    'area.admin.list': { rule: 'admin', input: () => undefined },
    'area.admin.get': { rule: 'admin', input: async () => ({ id: (await area()).id }) },
    'area.admin.create': {
      rule: 'admin',
      input: () => ({ slug: `ny-${nextNumber()}`, name: { sv: unique('Nytt område') } }),
    },
    'area.admin.update': {
      rule: 'admin',
      input: async () => {
        const a = await area();
        return { id: a.id, version: a.version, name: { sv: unique('Ändrat område') } };
      },
    },
    'area.admin.delete': {
      rule: 'admin',
      input: async () => {
        const a = await area();
        return { id: a.id, version: a.version };
      },
    },
    'area.admin.restore': {
      rule: 'admin',
      input: async () => {
        const a = await area();
        const changed = await env.admin.area.admin.update({
          id: a.id,
          version: a.version,
          name: { sv: unique('Före'), en: '' },
        });
        return { entryId: lastEntry('area', a.id), side: 'before', version: changed.version };
      },
    },
    'cluster.admin.list': { rule: 'admin', input: () => undefined },
    // An editor reads their own cluster's record and sets its logo (issue 18), nothing more:
    // 'own' aims at opentech itself; renaming, status and deletion stay the administrators'.
    'cluster.admin.get': {
      rule: 'cluster',
      input: async (t) => ({ id: t === 'own' ? env.ownClusterId : (await cluster()).id }),
    },
    'cluster.admin.create': { rule: 'admin', input: () => ({ name: unique('Nytt kluster') }) },
    'cluster.admin.update': {
      rule: 'cluster',
      input: async (t) => {
        const c =
          t === 'own'
            ? await env.admin.cluster.admin.get({ id: env.ownClusterId })
            : await cluster();
        return { id: c.id, version: c.version, logo: null };
      },
    },
    'cluster.admin.setStatus': {
      rule: 'admin',
      input: async (t) => {
        const c =
          t === 'own'
            ? await env.admin.cluster.admin.get({ id: env.ownClusterId })
            : await cluster();
        return { id: c.id, version: c.version, action: 'archive' };
      },
    },
    'cluster.admin.delete': {
      rule: 'admin',
      input: async (t) => {
        const c =
          t === 'own'
            ? await env.admin.cluster.admin.get({ id: env.ownClusterId })
            : await cluster();
        return { id: c.id, version: c.version };
      },
    },
    'cluster.admin.restore': {
      rule: 'admin',
      input: async () => {
        const c = await cluster();
        const changed = await env.admin.cluster.admin.update({
          id: c.id,
          version: c.version,
          shortName: 'Före',
        });
        return { entryId: lastEntry('cluster', c.id), side: 'before', version: changed.version };
      },
    },
    'user.list': { rule: 'admin', input: () => undefined },
    'user.create': {
      rule: 'admin',
      input: () => ({
        email: `ny.${nextNumber()}@example.test`,
        password: 'new user battery staple',
        name: unique('Ny'),
        role: 'editor',
        clusterId: env.otherClusterId,
      }),
    },
    'user.update': {
      rule: 'admin',
      input: async () => {
        const u = await user();
        return { id: u.id, version: u.version, name: unique('Ändrad') };
      },
    },
    'user.delete': {
      rule: 'admin',
      input: async () => {
        const u = await user();
        return { id: u.id, version: u.version };
      },
    },
  };
}
