/**
 * Member writes as an admin: create, update with optimistic locking,
 * publish/unpublish/archive and delete — each checked in the returned record,
 * in the database and in the audit trail. Every test gets a fresh database.
 */
import { luhnCheckDigit } from '@cos/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError } from '../errors';
import {
  blamedFields,
  createTestApi,
  formattedError,
  trpcError,
  type TestApi,
} from '../test-support';

/** A valid organisation number (Luhn check digit) from nine digits. */
const orgnr = (nine: string) => `${nine.slice(0, 6)}-${nine.slice(6)}${luhnCheckDigit(nine)}`;

let api: TestApi;
beforeEach(() => {
  api = createTestApi();
});
afterEach(() => api.cleanup());

async function history(id: number) {
  return (await api.admin.audit.list({ entity: 'member', entityId: String(id) })).items;
}

async function createSample(overrides: { name?: string; organisationNumber?: string | null } = {}) {
  const { member } = await api.admin.member.admin.create({
    name: overrides.name ?? 'Testbolaget AB',
    organisationNumber: overrides.organisationNumber ?? null,
    kind: 'startup',
    areaIds: [api.areaId('tech')],
    memberships: [{ clusterId: api.clusterId('opentech'), since: '2023-03-01' }],
    status: 'published',
  });
  return member;
}

describe('member.admin.create', () => {
  it('makes the slug from the name, normalises fields, returns the record and audits it', async () => {
    const before = api.count('members');
    const { member, warnings } = await api.admin.member.admin.create({
      name: '  Öresunds Förpackning & Co AB ',
      organisationNumber: '5560360793',
      kind: 'company',
      sizeBand: '10-49',
      municipalityCode: '1281',
      website: 'Example.se',
      description: { sv: 'Förpackningar', en: 'Packaging' },
      areaIds: [api.areaId('livsmedel'), api.areaId('tech')],
      memberships: [{ clusterId: api.clusterId('packbridge'), since: '2020-02-01' }],
    });
    expect(warnings).toEqual([]);
    expect(member).toMatchObject({
      slug: 'oresunds-forpackning-och-co-ab',
      name: 'Öresunds Förpackning & Co AB',
      organisationNumber: '556036-0793',
      kind: 'company',
      sizeBand: '10-49',
      municipalityCode: '1281',
      website: 'https://example.se',
      description: { sv: 'Förpackningar', en: 'Packaging' },
      areaIds: [api.areaId('tech'), api.areaId('livsmedel')].sort((a, b) => a - b),
      memberships: [{ clusterId: api.clusterId('packbridge'), since: '2020-02-01' }],
      status: 'draft',
      isDemo: false,
      version: 1,
    });
    expect(api.count('members')).toBe(before + 1);
    expect(await api.admin.member.admin.get({ id: member.id })).toEqual(member);

    const entries = await history(member.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'create',
      entity: 'member',
      entityId: String(member.id),
      userId: api.adminUser.id,
      userEmail: api.adminUser.email,
      before: null,
      after: member,
    });
  });

  it('gives a clashing name the next free slug', async () => {
    const first = await createSample({ name: 'Samma Namn AB' });
    const second = await createSample({ name: 'Samma Namn AB' });
    expect([first.slug, second.slug]).toEqual(['samma-namn-ab', 'samma-namn-ab-2']);
  });

  it('refuses a bad organisation number with BAD_REQUEST naming the field, changing nothing', async () => {
    const checksum = api.checksum();
    const members = api.count('members');
    const error = await trpcError(
      api.admin.member.admin.create({
        name: 'Felnummer AB',
        kind: 'company',
        organisationNumber: '556036-0794',
      }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(blamedFields(error)).toEqual(['organisationNumber']);
    const shape = formattedError(error, 'member.admin.create');
    expect(Object.keys(shape.data.fieldErrors ?? {})).toEqual(['organisationNumber']);
    expect(shape.message).toContain('organisationNumber');
    expect(shape.message).toMatch(/check digit/);
    expect(api.count('members')).toBe(members);
    expect(api.checksum()).toBe(checksum);
  });

  it('refuses an organisation number that is already registered with CONFLICT', async () => {
    const number = orgnr('556677889');
    await createSample({ name: 'Första AB', organisationNumber: number });
    const checksum = api.checksum();
    const error = await trpcError(
      api.admin.member.admin.create({
        name: 'Helt Annat Namn AB',
        kind: 'company',
        organisationNumber: number,
      }),
    );
    expect(error.code).toBe('CONFLICT');
    expect(blamedFields(error)).toEqual(['organisationNumber']);
    expect(error.message).toContain('Första AB');
    expect(api.checksum()).toBe(checksum);
  });

  it('warns about a very similar name but still creates the member', async () => {
    const first = await createSample({ name: 'Nordpack AB' });
    const { member, warnings } = await api.admin.member.admin.create({
      name: 'NordPack Aktiebolag',
      kind: 'company',
    });
    expect(member.id).not.toBe(first.id);
    expect(warnings).toEqual([
      expect.objectContaining({
        field: 'name',
        member: { id: first.id, slug: first.slug, name: first.name },
      }),
    ]);
    const unrelated = await api.admin.member.admin.create({
      name: 'Helt Olika Företaget',
      kind: 'company',
    });
    expect(unrelated.warnings).toEqual([]);
    const duplicates = await api.admin.member.admin.duplicates({
      name: 'Nordpack',
      exceptId: first.id,
    });
    expect(duplicates.map((d) => d.member?.id)).toEqual([member.id]);
  });

  it('refuses unknown areas and clusters with BAD_REQUEST, changing nothing', async () => {
    const checksum = api.checksum();
    const cases: [
      { areaIds?: number[]; memberships?: { clusterId: number; since: null }[] },
      string,
    ][] = [
      [{ areaIds: [9999] }, 'areaIds'],
      [{ memberships: [{ clusterId: 9999, since: null }] }, 'memberships'],
    ];
    for (const [input, field] of cases) {
      const error = await trpcError(
        api.admin.member.admin.create({ name: 'Saknas AB', kind: 'company', ...input }),
      );
      expect(error.code).toBe('BAD_REQUEST');
      expect(blamedFields(error)).toEqual([field]);
    }
    expect(api.checksum()).toBe(checksum);
  });
});

describe('member.admin.update', () => {
  it('with the right version bumps the version and writes one audit entry with before and after', async () => {
    const member = await createSample();
    const auditRows = api.count('audit_log');
    const updated = await api.admin.member.admin.update({
      id: member.id,
      version: 1,
      name: 'Nytt Namn AB',
    });
    expect(updated.version).toBe(2);
    expect(updated.name).toBe('Nytt Namn AB');
    // A partial update leaves the other fields as they were.
    expect({ ...updated, name: member.name, version: 1, updatedAt: member.updatedAt }).toEqual(
      member,
    );
    expect(api.count('audit_log')).toBe(auditRows + 1);
    const [latest] = await history(member.id);
    expect(latest).toMatchObject({ action: 'update', before: member, after: updated });
    // The search index follows the new name.
    expect(
      (await api.anonymous.member.directory({ q: 'nytt namn' })).items.map((m) => m.slug),
    ).toEqual([member.slug]);
  });

  it('with a stale version is a CONFLICT carrying the current record, and changes nothing', async () => {
    const member = await createSample();
    const current = await api.admin.member.admin.update({
      id: member.id,
      version: 1,
      name: 'Först In AB',
    });
    const checksum = api.checksum();
    const error = await trpcError(
      api.admin.member.admin.update({ id: member.id, version: 1, name: 'För Sent AB' }),
    );
    expect(error.code).toBe('CONFLICT');
    expect(error.cause).toBeInstanceOf(ConflictError);
    expect((error.cause as ConflictError).current).toEqual(current);
    expect(formattedError(error, 'member.admin.update').data.current).toEqual(current);
    expect(api.checksum()).toBe(checksum);
    expect((await api.admin.member.admin.get({ id: member.id })).name).toBe('Först In AB');
  });

  it('refuses a slug or organisation number another member has, with CONFLICT', async () => {
    const number = orgnr('556600112');
    const other = await createSample({ name: 'Annan AB', organisationNumber: number });
    const member = await createSample({ name: 'Min AB' });
    const checksum = api.checksum();
    for (const [input, field] of [
      [{ slug: other.slug }, 'slug'],
      [{ organisationNumber: number }, 'organisationNumber'],
    ] as const) {
      const error = await trpcError(
        api.admin.member.admin.update({ id: member.id, version: 1, ...input }),
      );
      expect(error.code).toBe('CONFLICT');
      expect(blamedFields(error)).toEqual([field]);
    }
    expect(api.checksum()).toBe(checksum);
  });

  it('keeps a membership note when the membership is edited', async () => {
    const id = api.memberId('lunds-universitet');
    const record = await api.admin.member.admin.get({ id });
    const note = () =>
      api.sqlite
        .prepare('SELECT note FROM memberships WHERE member_id = ? AND cluster_id = ?')
        .pluck()
        .get(id, api.clusterId('packbridge'));
    const noteBefore = note();
    expect(noteBefore).toMatch(/Packbridge/);
    const updated = await api.admin.member.admin.update({
      id,
      version: record.version,
      memberships: record.memberships.map((m) => ({ ...m, since: '2011-01-01' })),
    });
    expect(updated.memberships.every((m) => m.since === '2011-01-01')).toBe(true);
    expect(note()).toBe(noteBefore);
  });

  it('on an unknown id is NOT_FOUND', async () => {
    const error = await trpcError(
      api.admin.member.admin.update({ id: 999_999, version: 1, name: 'Ingen AB' }),
    );
    expect(error.code).toBe('NOT_FOUND');
  });
});

describe('member.admin.setStatus', () => {
  it('publishes, unpublishes and archives, bumping the version and auditing each', async () => {
    const { member } = await api.admin.member.admin.create({
      name: 'Statusbolaget AB',
      kind: 'company',
    });
    const visible = async () =>
      api.anonymous.member.bySlug({ slug: member.slug }).then(
        () => true,
        () => false,
      );
    expect(member.status).toBe('draft');
    expect(await visible()).toBe(false);

    const published = await api.admin.member.admin.setStatus({
      id: member.id,
      version: 1,
      action: 'publish',
    });
    expect(published).toMatchObject({ status: 'published', version: 2 });
    expect(await visible()).toBe(true);

    const unpublished = await api.admin.member.admin.setStatus({
      id: member.id,
      version: 2,
      action: 'unpublish',
    });
    expect(unpublished).toMatchObject({ status: 'draft', version: 3 });
    expect(await visible()).toBe(false);

    const archived = await api.admin.member.admin.setStatus({
      id: member.id,
      version: 3,
      action: 'archive',
    });
    expect(archived).toMatchObject({ status: 'archived', version: 4 });
    expect(await visible()).toBe(false);

    const entries = await history(member.id);
    expect(entries.map((e) => e.action)).toEqual(['archive', 'unpublish', 'publish', 'create']);
    expect(entries[0]).toMatchObject({ before: unpublished, after: archived });
  });

  it('with a stale version is a CONFLICT and changes nothing', async () => {
    const member = await createSample();
    await api.admin.member.admin.setStatus({ id: member.id, version: 1, action: 'archive' });
    const checksum = api.checksum();
    const error = await trpcError(
      api.admin.member.admin.setStatus({ id: member.id, version: 1, action: 'publish' }),
    );
    expect(error.code).toBe('CONFLICT');
    expect((error.cause as ConflictError).current).toMatchObject({
      status: 'archived',
      version: 2,
    });
    expect(api.checksum()).toBe(checksum);
  });
});

describe('member.admin.delete', () => {
  it('needs the current version; then removes the member, its links and its search entry', async () => {
    const member = await createSample({ name: 'Raderas Snart AB' });
    await api.admin.member.admin.update({ id: member.id, version: 1, website: 'raderas.example' });

    const checksum = api.checksum();
    const stale = await trpcError(api.admin.member.admin.delete({ id: member.id, version: 1 }));
    expect(stale.code).toBe('CONFLICT');
    expect(api.checksum()).toBe(checksum);

    expect(await api.admin.member.admin.delete({ id: member.id, version: 2 })).toEqual({
      id: member.id,
    });
    expect((await trpcError(api.admin.member.admin.get({ id: member.id }))).code).toBe('NOT_FOUND');
    expect((await trpcError(api.anonymous.member.bySlug({ slug: member.slug }))).code).toBe(
      'NOT_FOUND',
    );
    for (const table of ['memberships', 'member_areas']) {
      expect(
        api.sqlite
          .prepare(`SELECT count(*) FROM ${table} WHERE member_id = ?`)
          .pluck()
          .get(member.id),
      ).toBe(0);
    }
    expect((await api.anonymous.member.directory({ q: 'raderas' })).total).toBe(0);
    const [entry] = await history(member.id);
    expect(entry).toMatchObject({
      action: 'delete',
      before: { id: member.id, version: 2 },
      after: null,
    });

    const again = await trpcError(api.admin.member.admin.delete({ id: member.id, version: 2 }));
    expect(again.code).toBe('NOT_FOUND');
  });
});
