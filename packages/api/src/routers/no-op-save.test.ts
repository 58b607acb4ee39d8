/**
 * A save that changes nothing keeps the version and adds no history, for
 * every kind of record; the answer is still the record. A real change after
 * it is versioned and audited as before.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../test-support';

let api: TestApi;
beforeEach(() => {
  api = createTestApi();
});
afterEach(() => api.cleanup());

/** Saves `same` (the record's own values), then asserts nothing was written. */
async function expectNoOp<R extends { version: number }>(
  stored: R,
  save: () => Promise<R>,
): Promise<void> {
  const checksum = api.checksum();
  const entries = api.count('audit_log');
  const answer = await save();
  expect(answer).toEqual(stored);
  expect(api.count('audit_log')).toBe(entries);
  expect(api.checksum()).toBe(checksum);
}

describe('a save that changes nothing', () => {
  it('member: same values, or no fields at all, keep the version', async () => {
    const id = api.memberId('ericsson');
    const m = await api.admin.member.admin.get({ id });
    const { createdAt, updatedAt, isDemo, status, ...editable } = m;
    void [createdAt, updatedAt, isDemo, status];
    // The record's own values (its stored municipality code is typed as any string).
    await expectNoOp(m, () => api.admin.member.admin.update(editable as never));
    await expectNoOp(m, () => api.admin.member.admin.update({ id, version: m.version }));
    // Publishing what is published already is no change either.
    await expectNoOp(m, () =>
      api.admin.member.admin.setStatus({ id, version: m.version, action: 'publish' }),
    );
    // An editor's no-op save of their own member is the same.
    await expectNoOp(m, () =>
      api.editor('opentech').member.admin.update({ id, version: m.version, name: m.name }),
    );
    const changed = await api.admin.member.admin.update({ id, version: m.version, name: 'E AB' });
    expect(changed.version).toBe(m.version + 1);
  });

  it('cluster, area and article', async () => {
    const clusterId = api.clusterId('opentech');
    const c = await api.admin.cluster.admin.get({ id: clusterId });
    await expectNoOp(c, () =>
      api.admin.cluster.admin.update({
        id: clusterId,
        version: c.version,
        name: c.name,
        city: c.city,
        areaIds: [...c.areaIds].reverse(),
      }),
    );

    const areaId = api.areaId('tech');
    const a = await api.admin.area.admin.get({ id: areaId });
    await expectNoOp(a, () =>
      api.admin.area.admin.update({ id: areaId, version: a.version, summary: a.summary }),
    );

    const [article] = await api.admin.article.admin.list();
    if (!article) throw new Error('no article');
    await expectNoOp(article, () =>
      api.admin.article.admin.update({
        id: article.id,
        version: article.version,
        title: article.title,
        tags: article.tags,
      }),
    );
  });

  it('user', async () => {
    const [user] = (await api.admin.user.list()).filter((u) => u.role === 'editor');
    if (!user) throw new Error('no editor account');
    await expectNoOp(user, () =>
      api.admin.user.update({ id: user.id, version: user.version, name: user.name }),
    );
  });
});
