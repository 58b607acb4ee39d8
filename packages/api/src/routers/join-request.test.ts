import { DataVersions } from '@cos/db';
import type { JoinRequestForm } from '@cos/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContextInner } from '../context';
import { createCaller } from '../root';
import { getServices } from '../services';
import { issueFormToken } from '../services/public-forms';
import { blamedFields, createTestApi, trpcError, type TestApi } from '../test-support';

let api: TestApi;
beforeEach(() => {
  api = createTestApi();
});
afterEach(() => {
  api.cleanup();
});

/** A visitor at an address, through our own pages (as web-site.ts builds the caller). */
const visitor = (address = '192.0.2.10', crossSite = false) =>
  createCaller(createContextInner({ handle: api.handle, clientAddress: address, crossSite }));

/** A token for a form shown five seconds ago: past the minimum fill time. */
const shownEarlier = () => issueFormToken(api.handle, Date.now() - 5000);

const form = (overrides: Record<string, unknown> = {}): JoinRequestForm => ({
  clusterId: api.clusterId('opentech'),
  organisationName: 'Nya Exempel AB',
  organisationNumber: '556012-5790',
  municipalityCode: '1280',
  website: 'https://nya-exempel.se',
  areaIds: [api.areaId('tech')],
  contactName: 'Eva Exempel',
  email: 'eva@nya-exempel.se',
  message: 'Vi vill gärna vara med.',
  language: 'sv' as const,
  consent: true as const,
  formToken: shownEarlier(),
  homepage: '',
  ...overrides,
});

const outbox = () =>
  api.sqlite.prepare('SELECT "to", subject, text, kind FROM mail_outbox ORDER BY id').all() as {
    to: string;
    subject: string;
    text: string;
    kind: string;
  }[];

/** The token in the confirmation mail's link, as the applicant reads it. */
function tokenFromMail(): string {
  const mail = outbox().find((m) => m.kind === 'join.confirm');
  const match = /token=([A-Za-z0-9_-]+)/.exec(mail?.text ?? '');
  if (!match?.[1]) throw new Error('no confirmation link in the outbox');
  return match[1];
}

const auditRows = (id: number) =>
  api.sqlite
    .prepare(
      "SELECT action, user_id AS userId, before, after FROM audit_log WHERE entity = 'joinRequest' AND entity_id = ? ORDER BY id",
    )
    .all(String(id)) as { action: string; userId: string | null; before: string; after: string }[];

async function confirmedRequest(overrides: Record<string, unknown> = {}) {
  const { id } = await visitor().joinRequest.submit(form(overrides));
  await visitor().joinRequest.confirm({ token: tokenFromMail() });
  api.sqlite.prepare('DELETE FROM mail_outbox').run();
  return api.admin.joinRequest.byId({ id });
}

describe('joinRequest.submit', () => {
  it('stores an unconfirmed request and mails the link; members, clusters and areas do not move', async () => {
    const before = new DataVersions(api.sqlite).current();
    const cached = getServices(api.handle).cache.versions();
    const checksumMembers = api.count('members');
    const { id } = await visitor().joinRequest.submit(form());
    const after = new DataVersions(api.sqlite).current();
    const cachedAfter = getServices(api.handle).cache.versions();
    for (const scope of ['members', 'clusters', 'areas', 'municipalities'] as const) {
      expect(after[scope], scope).toBe(before[scope]);
      expect(cachedAfter[scope], scope).toBe(cached[scope]);
    }
    expect(api.count('members')).toBe(checksumMembers);
    const row = api.sqlite
      .prepare('SELECT status, organisation_number FROM join_requests WHERE id = ?')
      .get(id);
    expect(row).toEqual({ status: 'unconfirmed', organisation_number: '556012-5790' });
    const [mail] = outbox();
    expect(mail?.to).toBe('eva@nya-exempel.se');
    expect(mail?.text).toMatch(/\/bekrafta\?token=/);
    // The cluster does not see it until it is confirmed.
    expect((await api.admin.joinRequest.inbox({})).total).toBe(0);
    expect(auditRows(id).map((r) => r.action)).toEqual(['create']);
    expect(auditRows(id)[0]?.after).not.toContain('eva@');
  });

  it.each([
    ['organisationNumber', { organisationNumber: '556012-5791' }],
    ['email', { email: 'eva@' }],
    ['website', { website: 'nya exempel' }],
    ['organisationName', { organisationName: '' }],
    ['message', { message: 'x'.repeat(100_000) }],
    ['consent', { consent: false }],
    ['homepage', { homepage: 'http://spam.example' }],
    ['formToken', 'fresh token'],
  ])('refuses a bad %s and stores nothing', async (field, change) => {
    // A token issued just now: the form was sent faster than a person fills it in.
    const bad = typeof change === 'string' ? { formToken: issueFormToken(api.handle) } : change;
    const checksum = api.checksum();
    const error = await trpcError(visitor().joinRequest.submit(form(bad)));
    expect(error.code).toBe('BAD_REQUEST');
    expect(blamedFields(error)).toEqual([field]);
    expect(api.checksum()).toBe(checksum);
  });

  it('refuses a sixth submission from one address within ten minutes, with the seconds to wait', async () => {
    for (let i = 0; i < 5; i++) await visitor('2001:db8::1').joinRequest.submit(form());
    const error = await trpcError(visitor('2001:db8::2').joinRequest.submit(form()));
    expect(error.code).toBe('TOO_MANY_REQUESTS');
    expect((error.cause as { retryAfterSeconds?: number }).retryAfterSeconds).toBeGreaterThan(590);
    await visitor('198.51.100.1').joinRequest.submit(form());
  });

  it('refuses a cross-site post and a call without a client address', async () => {
    expect((await trpcError(visitor('192.0.2.1', true).joinRequest.submit(form()))).code).toBe(
      'FORBIDDEN',
    );
    expect((await trpcError(api.anonymous.joinRequest.submit(form()))).code).toBe('BAD_REQUEST');
    expect(api.count('join_requests')).toBe(0);
  });
});

describe('joinRequest.confirm', () => {
  it('makes the request new, tells the cluster, and works once', async () => {
    const { id } = await visitor().joinRequest.submit(form());
    const token = tokenFromMail();
    expect(await visitor().joinRequest.confirm({ token })).toEqual({
      kind: 'join',
      language: 'sv',
    });
    const request = await api.editor('opentech').joinRequest.byId({ id });
    expect(request.status).toBe('new');
    expect(request.confirmedAt).not.toBeNull();
    expect((await api.editor('opentech').joinRequest.unreadCounts()).total).toBe(1);
    expect(outbox().some((m) => m.kind === 'join.new' || m.kind.startsWith('join.new'))).toBe(true);
    const again = await trpcError(visitor().joinRequest.confirm({ token }));
    expect(again.cause).toMatchObject({ messageCode: 'confirmation.used' });
    expect(auditRows(id).map((r) => r.action)).toEqual(['create', 'update']);
  });
});

describe('the inbox and decisions', () => {
  it('lists by status and assignee; editors see only their own cluster', async () => {
    const request = await confirmedRequest();
    const editor = api.editor('opentech');
    expect((await editor.joinRequest.inbox({ status: 'open' })).items.map((r) => r.id)).toEqual([
      request.id,
    ]);
    expect((await api.editor('packbridge').joinRequest.inbox({})).total).toBe(0);
    const other = await trpcError(api.editor('packbridge').joinRequest.byId({ id: request.id }));
    expect(other.code).toBe('FORBIDDEN');
    const refused = await trpcError(
      api.editor('packbridge').joinRequest.accept({ id: request.id, version: request.version }),
    );
    expect(refused.code).toBe('FORBIDDEN');

    const editorId = api.editorUser('opentech').id;
    const assigned = await editor.joinRequest.assign({
      id: request.id,
      version: request.version,
      userId: editorId,
    });
    expect(assigned.assignedTo).toBe(editorId);
    expect((await editor.joinRequest.inbox({ assignee: 'me' })).total).toBe(1);
    expect((await editor.joinRequest.inbox({ assignee: 'none' })).total).toBe(0);
    // An editor of another cluster cannot be given the request.
    const wrong = await trpcError(
      editor.joinRequest.assign({
        id: request.id,
        version: assigned.version,
        userId: api.editorUser('packbridge').id,
      }),
    );
    expect(blamedFields(wrong)).toEqual(['userId']);

    const read = await editor.joinRequest.markRead({ id: request.id, version: assigned.version });
    expect(read.status).toBe('read');
    expect((await editor.joinRequest.unreadCounts()).total).toBe(0);
    const handled = await editor.joinRequest.markHandled({ id: request.id, version: read.version });
    expect(handled.handledAt).not.toBeNull();
    expect((await editor.joinRequest.inbox({ status: 'handled' })).total).toBe(1);
    expect((await editor.joinRequest.inbox({ status: 'open' })).total).toBe(0);
  });

  it('refuses a stale version with a conflict', async () => {
    const request = await confirmedRequest();
    await api.admin.joinRequest.markRead({ id: request.id, version: request.version });
    const stale = await trpcError(
      api.editor('opentech').joinRequest.decline({
        id: request.id,
        version: request.version,
        reason: 'No',
      }),
    );
    expect(stale.code).toBe('CONFLICT');
  });

  it('accepting creates a draft member with the membership and tells the applicant', async () => {
    const request = await confirmedRequest();
    const members = api.count('members');
    const accepted = await api
      .editor('opentech')
      .joinRequest.accept({ id: request.id, version: request.version });
    expect(accepted.status).toBe('accepted');
    expect(api.count('members')).toBe(members + 1);
    const member = api.sqlite
      .prepare(
        'SELECT name, status, organisation_number AS orgnr, municipality_code AS code, website FROM members WHERE id = ?',
      )
      .get(accepted.memberId);
    expect(member).toEqual({
      name: 'Nya Exempel AB',
      status: 'draft',
      orgnr: '556012-5790',
      code: '1280',
      website: 'https://nya-exempel.se',
    });
    const memberships = api.sqlite
      .prepare('SELECT cluster_id AS clusterId FROM memberships WHERE member_id = ?')
      .all(accepted.memberId);
    expect(memberships).toEqual([{ clusterId: api.clusterId('opentech') }]);
    expect(outbox().map((m) => [m.to, m.kind])).toEqual([['eva@nya-exempel.se', 'join.accepted']]);
    const actions = auditRows(request.id);
    expect(actions.at(-1)?.userId).toBe(api.editorUser('opentech').id);
    const memberAudit = api.sqlite
      .prepare("SELECT action, note FROM audit_log WHERE entity = 'member' AND entity_id = ?")
      .all(String(accepted.memberId));
    // The member's entry says where it came from.
    expect(memberAudit).toEqual([{ action: 'create', note: `join request #${request.id}` }]);
    // A decided request takes no further decision.
    const again = await trpcError(
      api.admin.joinRequest.decline({ id: request.id, version: accepted.version, reason: 'x' }),
    );
    expect(blamedFields(again)).toEqual(['status']);
  });

  it('accepting a registered organisation number adds the membership to that member', async () => {
    // A member of another cluster only, registered with the number the applicant gives.
    const existing = api.sqlite
      .prepare(
        `SELECT m.id FROM members m WHERE NOT EXISTS (SELECT 1 FROM memberships ms
           WHERE ms.member_id = m.id AND ms.cluster_id = ?) ORDER BY m.id LIMIT 1`,
      )
      .get(api.clusterId('opentech')) as { id: number };
    api.sqlite
      .prepare("UPDATE members SET organisation_number = '556036-0793' WHERE id = ?")
      .run(existing.id);
    const request = await confirmedRequest({ organisationNumber: '5560360793' });
    const members = api.count('members');
    const accepted = await api
      .editor('opentech')
      .joinRequest.accept({ id: request.id, version: request.version });
    expect(accepted.memberId).toBe(existing.id);
    expect(api.count('members')).toBe(members);
    const clusters = (
      api.sqlite
        .prepare('SELECT cluster_id AS c FROM memberships WHERE member_id = ?')
        .all(existing.id) as { c: number }[]
    ).map((r) => r.c);
    expect(clusters).toContain(api.clusterId('opentech'));
    expect(clusters.length).toBeGreaterThan(1);
  });

  it('declining records the reason and mails it', async () => {
    const request = await confirmedRequest({ language: 'en' });
    const declined = await api.admin.joinRequest.decline({
      id: request.id,
      version: request.version,
      reason: 'We take only companies based in Skåne.',
    });
    expect(declined.status).toBe('declined');
    expect(declined.declineReason).toBe('We take only companies based in Skåne.');
    const [mail] = outbox();
    expect(mail?.kind).toBe('join.declined');
    expect(mail?.text).toContain('We take only companies based in Skåne.');
    const last = auditRows(request.id).at(-1);
    expect(JSON.parse(last?.after ?? '{}')).toMatchObject({ status: 'declined' });
    const empty = await trpcError(
      api.admin.joinRequest.decline({ id: request.id, version: declined.version, reason: ' ' }),
    );
    expect(blamedFields(empty)).toEqual(['reason']);
  });
});

describe('joinRequest.suggestClusters', () => {
  it('ranks clusters by shared areas first', async () => {
    const list = await api.anonymous.joinRequest.suggestClusters({ areas: ['tech'] });
    expect(list.length).toBeGreaterThan(1);
    expect(list[0]?.sharedAreas).toEqual(['tech']);
    const shared = list.map((c) => c.sharedAreas.length);
    expect([...shared].sort((a, b) => b - a)).toEqual(shared);
  });
});

describe('joinRequest.start', () => {
  it('gives a fresh token, the cluster and the areas; an unknown cluster is not found', async () => {
    const started = await visitor().joinRequest.start({ clusterSlug: 'opentech' });
    expect(started.cluster.id).toBe(api.clusterId('opentech'));
    expect(started.areas.map((a) => a.slug)).toContain('tech');
    expect(started.formToken.split('.')).toHaveLength(3);
    const missing = await trpcError(visitor().joinRequest.start({ clusterSlug: 'no-such' }));
    expect(missing.code).toBe('NOT_FOUND');
  });
});
