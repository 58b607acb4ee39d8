/**
 * The role × procedure matrix of security-matrix.test.ts: for every procedure
 * of the router, who may call it and a valid input aimed at a record of the
 * editor's own cluster or another's, so that only the permission decides.
 * Fixtures are made in-process by an admin (and, for the public forms' join
 * requests and suggestions, by a visitor).
 */
import { createCaller, createContextInner } from '@cos/api';
import { formTokenShown } from '@cos/api/test-forms';
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

  const sqlite = () => env.server.handle.sqlite;

  /** A form token as if the form had been shown ten seconds ago: past the minimum fill time. */
  const formToken = () => formTokenShown({ sqlite: sqlite() });
  /**
   * Over HTTP every submission comes from 127.0.0.1 (the test server trusts
   * no proxy header), more than its limit allows: forget the count first.
   */
  const forgetSubmissionLimits = () => sqlite().prepare('DELETE FROM public_form_limits').run();
  /** A visitor through our own pages, each from its own /64 so the per-address limit stays out of the way. */
  const visitor = () =>
    createCaller(
      createContextInner({
        handle: env.server.handle,
        clientAddress: `2001:db8:${nextNumber().toString(16)}::1`,
      }),
    );
  const joinForm = (t: Target, email = `sokande.${nextNumber()}@example.test`) => ({
    clusterId: clusterOf(t),
    organisationName: unique('Sökande AB'),
    contactName: 'Matris Sökande',
    email,
    language: 'sv' as const,
    consent: true as const,
    formToken: formToken(),
  });
  const suggestionForm = (slug: string, senderEmail = `forslag.${nextNumber()}@example.test`) => ({
    targetType: 'member' as const,
    slug,
    values: { name: unique('Föreslaget namn') },
    senderName: 'Matris Förslag',
    senderEmail,
    language: 'sv' as const,
    consent: true as const,
    formToken: formToken(),
  });
  /** The first mail to an address used once: the confirmation link, its id and token. */
  function confirmationMail(to: string) {
    const mail = sqlite()
      .prepare('SELECT id, text FROM mail_outbox WHERE "to" = ? ORDER BY id LIMIT 1')
      .get(to) as { id: number; text: string };
    return { id: mail.id, token: /token=([\w-]+)/.exec(mail.text)?.[1] ?? '' };
  }
  /** A join request submitted to the cluster, not yet confirmed: its confirmation mail. */
  async function unconfirmedJoin(t: Target, email = `sokande.${nextNumber()}@example.test`) {
    await visitor().joinRequest.submit(joinForm(t, email));
    return confirmationMail(email);
  }
  /** A confirmed (new, open) join request to the cluster. */
  async function joinRequest(t: Target) {
    const form = joinForm(t);
    const { id } = await visitor().joinRequest.submit(form);
    await visitor().joinRequest.confirm({ token: confirmationMail(form.email).token });
    return env.admin.joinRequest.byId({ id });
  }
  /** A confirmed suggestion about a member of the cluster, whose editors review it. */
  async function suggestion(t: Target) {
    const form = suggestionForm((await member(t)).slug);
    const { id } = await visitor().updateSuggestion.submit(form);
    await visitor().joinRequest.confirm({ token: confirmationMail(form.senderEmail).token });
    return (await env.admin.updateSuggestion.get({ id })).suggestion;
  }
  return {
    clusterOf,
    member,
    article,
    area,
    cluster,
    user,
    lastEntry,
    forgetSubmissionLimits,
    joinForm,
    suggestionForm,
    unconfirmedJoin,
    joinRequest,
    suggestion,
  };
}

/** Every procedure: who may call it, and a valid input aimed at an own or another cluster's record. */
export function procedureMatrix(env: SecurityEnv): Record<string, { rule: Rule; input: Input }> {
  const {
    clusterOf,
    member,
    article,
    area,
    cluster,
    user,
    lastEntry,
    forgetSubmissionLimits,
    joinForm,
    suggestionForm,
    unconfirmedJoin,
    joinRequest,
    suggestion,
  } = fixtures(env);
  /** Who a request may be given to in any cluster: an administrator. */
  const adminId = () =>
    env.server.handle.sqlite
      .prepare("SELECT id FROM users WHERE role = 'admin' ORDER BY id LIMIT 1")
      .pluck()
      .get() as string;
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
    'statistics.demoPresence': { rule: 'public', input: () => undefined },
    'openData.catalogue': { rule: 'public', input: () => undefined },
    'search.site': { rule: 'public', input: () => ({ q: 'förpackning' }) },
    'session.me': { rule: 'public', input: () => undefined },
    'joinRequest.start': {
      rule: 'public',
      input: (t) => ({ clusterSlug: t === 'own' ? 'opentech' : env.otherClusterSlug }),
    },
    'joinRequest.submit': {
      rule: 'public',
      input: (t) => {
        forgetSubmissionLimits();
        return joinForm(t);
      },
    },
    'joinRequest.confirm': {
      rule: 'public',
      input: async (t) => ({ token: (await unconfirmedJoin(t)).token }),
    },
    'joinRequest.suggestClusters': { rule: 'public', input: () => ({ areas: ['tech'] }) },
    'updateSuggestion.start': {
      rule: 'public',
      input: () => ({ targetType: 'member', slug: env.publishedMember }),
    },
    'updateSuggestion.submit': {
      rule: 'public',
      input: () => {
        forgetSubmissionLimits();
        return suggestionForm(env.publishedMember);
      },
    },

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
    'joinRequest.unreadCounts': { rule: 'signedIn', input: () => undefined },
    'updateSuggestion.list': { rule: 'signedIn', input: () => ({}) },

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
    'joinRequest.inbox': { rule: 'cluster', input: (t) => ({ clusterId: clusterOf(t) }) },
    'joinRequest.byId': {
      rule: 'cluster',
      input: async (t) => ({ id: (await joinRequest(t)).id }),
    },
    'joinRequest.assignees': {
      rule: 'cluster',
      input: async (t) => ({ id: (await joinRequest(t)).id }),
    },
    'joinRequest.markRead': {
      rule: 'cluster',
      input: async (t) => {
        const r = await joinRequest(t);
        return { id: r.id, version: r.version };
      },
    },
    'joinRequest.assign': {
      rule: 'cluster',
      input: async (t) => {
        const r = await joinRequest(t);
        return { id: r.id, version: r.version, userId: adminId() };
      },
    },
    'joinRequest.markHandled': {
      rule: 'cluster',
      input: async (t) => {
        const r = await joinRequest(t);
        return { id: r.id, version: r.version };
      },
    },
    'joinRequest.accept': {
      rule: 'cluster',
      input: async (t) => {
        const r = await joinRequest(t);
        return { id: r.id, version: r.version };
      },
    },
    'joinRequest.decline': {
      rule: 'cluster',
      input: async (t) => {
        const r = await joinRequest(t);
        return { id: r.id, version: r.version, reason: 'Passar inte klustret.' };
      },
    },
    'updateSuggestion.get': {
      rule: 'cluster',
      input: async (t) => ({ id: (await suggestion(t)).id }),
    },
    'updateSuggestion.applyChanges': {
      rule: 'cluster',
      input: async (t) => {
        const s = await suggestion(t);
        return { id: s.id, version: s.version };
      },
    },
    'updateSuggestion.reject': {
      rule: 'cluster',
      input: async (t) => {
        const s = await suggestion(t);
        return { id: s.id, version: s.version, reason: 'Stämmer inte.' };
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
    'mail.outbox': { rule: 'admin', input: () => ({}) },
    'mail.outboxMail': {
      rule: 'admin',
      input: async (t) => ({ id: (await unconfirmedJoin(t)).id }),
    },
    'personalData.export': {
      rule: 'admin',
      input: async (t) => {
        const email = `export.${nextNumber()}@example.test`;
        await unconfirmedJoin(t, email);
        return { email };
      },
    },
    // A throwaway applicant of its own: nothing another row or test needs is erased.
    'personalData.erase': {
      rule: 'admin',
      input: async (t) => {
        const email = `radera.${nextNumber()}@example.test`;
        await unconfirmedJoin(t, email);
        return { email, confirm: true };
      },
    },
  };
}
