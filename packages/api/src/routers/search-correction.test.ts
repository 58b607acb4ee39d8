/**
 * "Menade du / Did you mean" through the public directory and the site
 * search: a text that finds nothing is searched again corrected and says so;
 * one that finds little is offered the spelling the register holds; the
 * words of drafts neither show as a correction nor stop one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../test-support';

let api: TestApi;

const member = (name: string, sv: string, status: 'published' | 'draft') =>
  api.admin.member.admin.create({
    name,
    kind: 'company',
    municipalityCode: '1280',
    description: { sv, en: sv },
    areaIds: [api.areaId('tech')],
    memberships: [{ clusterId: api.clusterId('opentech'), since: '2024-01-01' }],
    status,
  });

beforeAll(async () => {
  api = createTestApi({ demo: 300 });
  await member('Zylofonverket AB', 'Vi bygger zylofoner för skolor.', 'published');
  await member('Hemlig Utkast AB', 'Ett hemligord som ingen ska se.', 'draft');
}, 60_000);
afterAll(() => api?.cleanup());

describe('directory corrections', () => {
  it('searches the corrected text at once when the typed one finds nothing, and says so', async () => {
    const typo = await api.anonymous.member.directory({ q: 'förpakning' });
    expect(typo.correction).toEqual({ q: 'förpackning', applied: true });
    const right = await api.anonymous.member.directory({ q: 'förpackning' });
    expect(right.correction).toBeNull();
    expect(typo.total).toBe(right.total);
    expect(typo.items.map((i) => i.slug)).toEqual(right.items.map((i) => i.slug));
  });

  it('offers the spelling the register holds when a text finds little', async () => {
    // "zylofonerna" finds the member by its stem, but is not a word anyone wrote.
    const few = await api.anonymous.member.directory({ q: 'zylofonerna' });
    expect(few.items.map((i) => i.slug)).toEqual(['zylofonverket-ab']);
    expect(few.correction).toEqual({ q: 'zylofoner', applied: false });
  });

  it('leaves a text alone that finds enough, or whose correction would find nothing', async () => {
    expect((await api.anonymous.member.directory({ q: 'förpackning' })).correction).toBeNull();
    const nothing = await api.anonymous.member.directory({ q: 'qxqxqxqx' });
    expect(nothing).toMatchObject({ total: 0, correction: null });
  });

  it("never corrects towards a draft's words, nor keeps a word only a draft has", async () => {
    const near = await api.anonymous.member.directory({ q: 'hemligorf' });
    expect(near.correction?.q).not.toBe('hemligord');
    const exact = await api.anonymous.member.directory({ q: 'hemligord' });
    expect(exact.total).toBe(0);
    expect(JSON.stringify(exact)).not.toContain('hemligord');
  });
});

describe('site search corrections', () => {
  it('shows the corrected text’s groups when the typed one finds nothing, keeping what was typed', async () => {
    const typo = await api.anonymous.search.site({ q: 'förpakning' });
    expect(typo.q).toBe('förpakning');
    expect(typo.correction).toEqual({ q: 'förpackning', applied: true });
    const right = await api.anonymous.search.site({ q: 'förpackning' });
    expect(typo.members).toEqual(right.members);
    expect(typo.total).toBe(right.total);
  });

  it('offers a correction when the whole site finds little', async () => {
    const few = await api.anonymous.search.site({ q: 'zylofonerna' });
    expect(few.members.total).toBe(1);
    expect(few.correction).toEqual({ q: 'zylofoner', applied: false });
  });
});
