/**
 * Suggested updates through the tRPC callers on a real database: the public
 * submit (only changed fields kept, nothing stored on bad input, no scope
 * moved), confirmation, who may review, apply (through the member/cluster
 * writes, version-checked and attributed in the audit trail), reject, and the
 * mails the sender gets. Default data: Ericsson only in OpenTech, Flextrus
 * only in Packbridge.
 */
import { TRPCError } from '@trpc/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContextInner } from '../context';
import { createCaller } from '../root';
import { issueFormToken } from '../services/public-forms';
import { confirmSuggestion } from '../services/update-suggestions/confirm';
import {
  eraseFor,
  exportFor,
  purgeHandledBefore,
} from '../services/update-suggestions/personal-data';
import { blamedFields, createTestApi, trpcError, type TestApi } from '../test-support';

let api: TestApi;
let address = 1;
beforeEach(() => {
  api = createTestApi();
});
afterEach(() => api.cleanup());

/** A visitor from their own address (the per-address limit stays out of the way). */
const visitor = () =>
  createCaller(
    createContextInner({ handle: api.handle, user: null, clientAddress: `203.0.113.${address++}` }),
  );

/** A form shown ten seconds ago (past the minimum fill time). */
const token = () => issueFormToken(api.handle, Date.now() - 10_000);

const sender = {
  senderName: 'Eva Ek',
  senderEmail: 'eva.ek@example.se',
  language: 'sv' as const,
  comment: 'Vi bytte namn i våras.',
  consent: true as const,
};

async function suggestMember(slug: string, values: Record<string, unknown>) {
  return visitor().updateSuggestion.submit({
    targetType: 'member',
    slug,
    values,
    ...sender,
    formToken: token(),
  });
}

const scopeVersions = () =>
  api.sqlite.prepare('SELECT name, version FROM data_scopes ORDER BY name').all();
const mails = () =>
  api.sqlite.prepare('SELECT "to", subject, text, kind FROM mail_outbox ORDER BY id').all() as {
    to: string;
    subject: string;
    text: string;
    kind: string;
  }[];

/** Submits and confirms through the link the mail carries. */
async function confirmedSuggestion(slug: string, values: Record<string, unknown>) {
  const { id } = await suggestMember(slug, values);
  const link = mails()
    .at(-1)
    ?.text.match(/token=([\w-]+)/)?.[1];
  expect(link).toBeTruthy();
  api.handle.sqlite.transaction(() => confirmSuggestion(api.handle, id))();
  return id;
}

describe('submit', () => {
  it('keeps only the changed fields, mails a confirmation link and moves no data scope', async () => {
    const before = scopeVersions();
    const current = await visitor().updateSuggestion.start({
      targetType: 'member',
      slug: 'ericsson',
    });
    expect(current.current.name).toBe('Ericsson');
    const result = await suggestMember('ericsson', {
      ...current.current,
      name: 'Ericsson AB',
    });
    expect(result.fields).toEqual(['name']);
    const row = api.sqlite
      .prepare('SELECT status, proposed, target_version FROM update_suggestions WHERE id = ?')
      .get(result.id);
    expect(row).toEqual({
      status: 'unconfirmed',
      proposed: '{"name":"Ericsson AB"}',
      target_version: 1,
    });
    expect(mails()).toEqual([
      expect.objectContaining({ to: 'eva.ek@example.se', kind: 'suggestion-confirm' }),
    ]);
    expect(mails()[0]?.text).toMatch(/\/bekrafta\?token=/);
    expect(scopeVersions()).toEqual(before);
  });

  it('refuses a proposal that changes nothing, and stores nothing', async () => {
    const checksum = api.checksum();
    const { current } = await visitor().updateSuggestion.start({
      targetType: 'member',
      slug: 'ericsson',
    });
    const error = await trpcError(suggestMember('ericsson', current));
    expect(error.code).toBe('BAD_REQUEST');
    expect(blamedFields(error)).toEqual(['values']);
    expect(error.message).toMatch(/Nothing was changed/);
    // start issued a token only (nothing stored); the refusal stored nothing either.
    expect(api.checksum()).toBe(checksum);
  });

  it('stores nothing on bad input: each bad field named', async () => {
    const checksum = api.checksum();
    const error = await trpcError(
      visitor().updateSuggestion.submit({
        targetType: 'member',
        slug: 'ericsson',
        values: { name: 'E', website: 'ftp://x' },
        ...sender,
        senderEmail: 'not-an-address',
        consent: false as unknown as true,
        formToken: token(),
      }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(blamedFields(error).sort()).toEqual(
      ['consent', 'senderEmail', 'values.name', 'values.website'].sort(),
    );
    expect(api.checksum()).toBe(checksum);
  });

  it('refuses a filled honeypot and a too-fast form, storing nothing', async () => {
    const checksum = api.checksum();
    const honeypot = await trpcError(
      visitor().updateSuggestion.submit({
        targetType: 'member',
        slug: 'ericsson',
        values: { name: 'Ericsson AB' },
        ...sender,
        formToken: token(),
        homepage: 'http://spam.example',
      }),
    );
    expect(blamedFields(honeypot)).toEqual(['homepage']);
    const tooFast = await trpcError(
      visitor().updateSuggestion.submit({
        targetType: 'member',
        slug: 'ericsson',
        values: { name: 'Ericsson AB' },
        ...sender,
        formToken: issueFormToken(api.handle),
      }),
    );
    expect(blamedFields(tooFast)).toEqual(['formToken']);
    expect(api.checksum()).toBe(checksum);
  });

  it('limits one address: past the allowance it is told when to retry, and nothing is stored', async () => {
    const same = createCaller(
      createContextInner({ handle: api.handle, user: null, clientAddress: '198.51.100.7' }),
    );
    const send = (name: string) =>
      same.updateSuggestion.submit({
        targetType: 'member',
        slug: 'ericsson',
        values: { name },
        ...sender,
        formToken: token(),
      });
    // The allowance is join's policy (public-forms): send until it is spent.
    let sent = 0;
    let refused: TRPCError | undefined;
    for (let i = 0; i < 20 && !refused; i++) {
      try {
        await send(`Ericsson ${i + 2}`);
        sent++;
      } catch (error) {
        if (!(error instanceof TRPCError)) throw error;
        refused = error;
      }
    }
    expect(sent).toBeGreaterThan(0);
    expect(refused?.code).toBe('TOO_MANY_REQUESTS');
    expect(api.count('update_suggestions')).toBe(sent);
  });

  it('refuses a cross-site post', async () => {
    const caller = createCaller(
      createContextInner({
        handle: api.handle,
        user: null,
        crossSite: true,
        clientAddress: '198.51.100.1',
      }),
    );
    const error = await trpcError(
      caller.updateSuggestion.submit({
        targetType: 'member',
        slug: 'ericsson',
        values: { name: 'Ericsson AB' },
        ...sender,
        formToken: token(),
      }),
    );
    expect(error.code).toBe('FORBIDDEN');
    expect(api.count('update_suggestions')).toBe(0);
  });
});

describe('review', () => {
  it('reaches nobody before it is confirmed; then the member cluster editors see it', async () => {
    const { id } = await suggestMember('ericsson', { name: 'Ericsson AB' });
    expect(await api.editor('opentech').updateSuggestion.list({})).toEqual([]);
    api.handle.sqlite.transaction(() => confirmSuggestion(api.handle, id))();
    const listed = await api.editor('opentech').updateSuggestion.list({});
    expect(listed.map((s) => [s.id, s.status, s.targetName])).toEqual([[id, 'new', 'Ericsson']]);
  });

  it('an editor of another cluster neither sees nor handles it', async () => {
    const id = await confirmedSuggestion('ericsson', { name: 'Ericsson AB' });
    const other = api.editor('packbridge');
    expect(await other.updateSuggestion.list({})).toEqual([]);
    expect((await trpcError(other.updateSuggestion.get({ id }))).code).toBe('FORBIDDEN');
    expect((await trpcError(other.updateSuggestion.applyChanges({ id, version: 2 }))).code).toBe(
      'FORBIDDEN',
    );
    expect(
      (await trpcError(other.updateSuggestion.reject({ id, version: 2, reason: 'Nej' }))).code,
    ).toBe('FORBIDDEN');
  });

  it('a cluster suggestion is for administrators: an editor of that cluster is refused', async () => {
    const { id } = await visitor().updateSuggestion.submit({
      targetType: 'cluster',
      slug: 'opentech',
      values: { website: 'https://opentech.example', phone: '046-12 34 56' },
      ...sender,
      formToken: token(),
    });
    api.handle.sqlite.transaction(() => confirmSuggestion(api.handle, id))();
    const editor = api.editor('opentech');
    expect((await trpcError(editor.updateSuggestion.get({ id }))).code).toBe('FORBIDDEN');
    expect(await editor.updateSuggestion.list({})).toEqual([]);
    const detail = await api.admin.updateSuggestion.get({ id });
    expect(detail.difference).toEqual([
      expect.objectContaining({ field: 'website', proposed: 'https://opentech.example' }),
      expect.objectContaining({ field: 'phone', current: null, proposed: '046-12 34 56' }),
    ]);
    const applied = await api.admin.updateSuggestion.applyChanges({
      id,
      version: detail.suggestion.version,
      recordVersion: detail.recordVersion ?? 0,
    });
    expect(applied.status).toBe('applied');
    expect(
      api.sqlite.prepare("SELECT website, phone FROM clusters WHERE slug = 'opentech'").get(),
    ).toEqual({ website: 'https://opentech.example', phone: '046-12 34 56' });
  });

  it('get shows each field: current value, proposed value, and whether the record changed since', async () => {
    const id = await confirmedSuggestion('ericsson', {
      name: 'Ericsson AB',
      description: { sv: 'Ny text', en: 'New text' },
    });
    const editor = api.editor('opentech');
    const detail = await editor.updateSuggestion.get({ id });
    expect(detail.difference.map((d) => [d.field, d.current, d.proposed])).toEqual([
      ['name', 'Ericsson', 'Ericsson AB'],
      ['description', expect.any(Object), { sv: 'Ny text', en: 'New text' }],
    ]);
    expect(detail.changedSinceProposal).toBe(false);
    const member = await editor.member.admin.get({ id: api.memberId('ericsson') });
    await editor.member.admin.update({
      id: member.id,
      version: member.version,
      website: 'https://x.example',
    });
    expect((await editor.updateSuggestion.get({ id })).changedSinceProposal).toBe(true);
  });
});

describe('apply', () => {
  it('writes the chosen fields through the member write, audited and attributed to the suggestion', async () => {
    const id = await confirmedSuggestion('ericsson', {
      name: 'Ericsson AB',
      website: 'https://www.ericsson.example',
    });
    const editor = api.editor('opentech');
    const detail = await editor.updateSuggestion.get({ id });
    const applied = await editor.updateSuggestion.applyChanges({
      id,
      version: detail.suggestion.version,
      recordVersion: detail.recordVersion ?? 0,
      fields: ['name'],
    });
    expect(applied).toMatchObject({ status: 'applied', appliedFields: ['name'] });
    const member = await editor.member.admin.get({ id: api.memberId('ericsson') });
    expect(member.name).toBe('Ericsson AB');
    expect(member.website).not.toBe('https://www.ericsson.example');
    const audit = api.sqlite
      .prepare(
        "SELECT user_id, action, note FROM audit_log WHERE entity = 'member' ORDER BY id DESC LIMIT 1",
      )
      .get();
    expect(audit).toEqual({
      user_id: 'user-editor-opentech',
      action: 'update',
      note: `suggestion #${id} by Eva Ek`,
    });
    // The trail read by the admin carries the note too.
    const history = await api.admin.audit.list({ entity: 'member', entityId: String(member.id) });
    expect(history.items[0]?.note).toBe(`suggestion #${id} by Eva Ek`);
    expect(mails().at(-1)).toMatchObject({ to: 'eva.ek@example.se', kind: 'suggestion-decision' });
    // Handled once: a second apply is refused.
    expect(
      (await trpcError(editor.updateSuggestion.applyChanges({ id, version: applied.version })))
        .code,
    ).toBe('CONFLICT');
  });

  it('after the record changed: conflict, and nothing changes', async () => {
    const id = await confirmedSuggestion('ericsson', { name: 'Ericsson AB' });
    const editor = api.editor('opentech');
    const detail = await editor.updateSuggestion.get({ id });
    const member = await editor.member.admin.get({ id: api.memberId('ericsson') });
    await editor.member.admin.update({
      id: member.id,
      version: member.version,
      website: 'https://x.example',
    });
    const checksum = api.checksum();
    const error = await trpcError(
      editor.updateSuggestion.applyChanges({
        id,
        version: detail.suggestion.version,
        recordVersion: detail.recordVersion ?? 0,
      }),
    );
    expect(error.code).toBe('CONFLICT');
    expect(api.checksum()).toBe(checksum);
    // Without recordVersion the proposal's own version counts: also stale.
    expect(
      (
        await trpcError(
          editor.updateSuggestion.applyChanges({ id, version: detail.suggestion.version }),
        )
      ).code,
    ).toBe('CONFLICT');
    expect(api.checksum()).toBe(checksum);
  });

  it('refuses a field the suggestion does not propose', async () => {
    const id = await confirmedSuggestion('ericsson', { name: 'Ericsson AB' });
    const error = await trpcError(
      api.admin.updateSuggestion.applyChanges({ id, version: 2, fields: ['website'] }),
    );
    expect(blamedFields(error)).toEqual(['fields']);
  });
});

describe('reject', () => {
  it('records the reason and who rejected it, and tells the sender', async () => {
    const id = await confirmedSuggestion('ericsson', { name: 'Ericsson AB' });
    const editor = api.editor('opentech');
    const rejected = await editor.updateSuggestion.reject({
      id,
      version: 2,
      reason: 'Namnet stämmer redan',
    });
    expect(rejected).toMatchObject({
      status: 'rejected',
      rejectReason: 'Namnet stämmer redan',
      handledByName: 'Editor of opentech',
    });
    expect((await editor.member.admin.get({ id: api.memberId('ericsson') })).name).toBe('Ericsson');
    const mail = mails().at(-1);
    expect(mail).toMatchObject({ to: 'eva.ek@example.se', kind: 'suggestion-decision' });
    expect(mail?.text).toContain('Namnet stämmer redan');
    const empty = await trpcError(editor.updateSuggestion.reject({ id, version: 3, reason: ' ' }));
    expect(blamedFields(empty)).toEqual(['reason']);
  });
});

describe('personal data', () => {
  it('exports, erases (audit note loses the name) and purges after handling', async () => {
    const id = await confirmedSuggestion('ericsson', { name: 'Ericsson AB' });
    await api.admin.updateSuggestion.applyChanges({ id, version: 2 });
    expect(exportFor(api.handle, 'eva.ek@example.se')).toEqual([
      expect.objectContaining({ id, senderName: 'Eva Ek', proposed: { name: 'Ericsson AB' } }),
    ]);
    expect(eraseFor(api.handle, 'eva.ek@example.se')).toBe(1);
    expect(api.count('update_suggestions')).toBe(0);
    expect(api.sqlite.prepare('SELECT note FROM audit_log WHERE note IS NOT NULL').all()).toEqual([
      { note: `suggestion #${id}` },
    ]);

    const second = await confirmedSuggestion('ericsson', { name: 'Ericsson Sverige AB' });
    await api.admin.updateSuggestion.reject({ id: second, version: 2, reason: 'Nej' });
    expect(purgeHandledBefore(api.handle, new Date(Date.now() - 86_400_000))).toBe(0);
    expect(purgeHandledBefore(api.handle, new Date(Date.now() + 1000))).toBe(1);
    expect(api.count('update_suggestions')).toBe(0);
  });
});
