/**
 * A cluster's contact details and "become a member" text: written by admins
 * (version-checked, audited, undone from the history like any field), shown
 * on the public reads as entered, and refused field by field when wrong.
 */
import { formatMessage, issueMessage } from '@cos/domain';
import type { ZodError } from 'zod';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clusterContactData } from '../services/cluster-contact-data';
import { blamedFields, createTestApi, trpcError, type TestApi } from '../test-support';

let api: TestApi;
beforeEach(() => {
  api = createTestApi();
});
afterEach(() => api.cleanup());

const CONTACT = {
  phone: '046-12 34 56',
  postalAddress: { street: 'Box 117', postcode: '22100', city: 'Lund' },
  visitingAddress: { street: 'Ideon Gateway, Scheelevägen 27', postcode: '223 63', city: 'Lund' },
  contactPersons: [
    { name: 'Anna Andersson', role: 'Verksamhetschef', email: 'Anna@Example.se' },
    { name: 'Bo Berg', role: '', email: 'bo@example.se', phone: '+46 70 123 45 67' },
  ],
  membershipText: { sv: 'Alla företag i Skåne kan bli medlemmar.', en: 'Any company may join.' },
  membershipUrl: 'opentech.se/medlemskap',
};

async function latestEntry(id: number) {
  const items = (await api.admin.audit.list({ entity: 'cluster', entityId: String(id) })).items;
  return items[0]!;
}

describe('cluster contact details', () => {
  it('are written, audited and shown publicly as entered', async () => {
    const id = api.clusterId('opentech');
    const before = await api.admin.cluster.admin.get({ id });
    expect(before).toMatchObject({ phone: null, contactPersons: [], membershipUrl: null });
    const updated = await api.admin.cluster.admin.update({
      id,
      version: before.version,
      ...CONTACT,
    });
    expect(updated).toMatchObject({
      version: before.version + 1,
      phone: '046-12 34 56',
      postalAddress: { street: 'Box 117', postcode: '221 00', city: 'Lund' },
      contactPersons: [
        { name: 'Anna Andersson', role: 'Verksamhetschef', email: 'anna@example.se', phone: null },
        { name: 'Bo Berg', role: '', email: 'bo@example.se', phone: '+46 70 123 45 67' },
      ],
      membershipUrl: 'https://opentech.se/medlemskap',
    });
    const entry = await latestEntry(id);
    expect(entry.action).toBe('update');
    expect(entry.changedFields).toEqual(
      expect.arrayContaining(['phone', 'postalAddress', 'contactPersons', 'membershipText.sv']),
    );

    const page = await api.anonymous.cluster.bySlug({ slug: 'opentech' });
    expect(page).toMatchObject({
      phone: '046-12 34 56',
      postalAddress: { street: 'Box 117', postcode: '221 00', city: 'Lund' },
      visitingAddress: { city: 'Lund' },
      membershipText: CONTACT.membershipText,
      membershipUrl: 'https://opentech.se/medlemskap',
    });
    expect(page.contactPersons.map((p) => p.name)).toEqual(['Anna Andersson', 'Bo Berg']);
    const listed = (await api.anonymous.cluster.list()).find((c) => c.slug === 'opentech');
    expect(listed?.contactPersons).toHaveLength(2);
    // A cluster with nothing entered says so with nulls and empty lists.
    const packbridge = await api.anonymous.cluster.bySlug({ slug: 'packbridge' });
    expect(packbridge).toMatchObject({
      phone: null,
      postalAddress: null,
      visitingAddress: null,
      contactPersons: [],
      membershipUrl: null,
    });
  });

  it('reorders and removes persons, and an undo from the history brings them back', async () => {
    const id = api.clusterId('opentech');
    const v1 = await api.admin.cluster.admin.get({ id });
    const v2 = await api.admin.cluster.admin.update({ id, version: v1.version, ...CONTACT });
    const reordered = await api.admin.cluster.admin.update({
      id,
      version: v2.version,
      contactPersons: [v2.contactPersons[1]!],
    });
    expect(reordered.contactPersons.map((p) => p.name)).toEqual(['Bo Berg']);
    expect(api.sqlite.prepare('SELECT position FROM cluster_contacts').pluck().all()).toEqual([0]);

    const entry = await latestEntry(id);
    const restored = await api.admin.cluster.admin.restore({
      entryId: entry.id,
      side: 'before',
      version: reordered.version,
    });
    expect(restored.contactPersons.map((p) => p.name)).toEqual(['Anna Andersson', 'Bo Berg']);
    expect(restored.phone).toBe('046-12 34 56');
    expect((await latestEntry(id)).action).toBe('restore');

    // A whole restore of the state before the first change empties them again.
    const first = (
      await api.admin.audit.list({ entity: 'cluster', entityId: String(id) })
    ).items.at(-1)!;
    const rest = await api.admin.cluster.admin.restore({
      entryId: first.id,
      side: 'before',
      version: restored.version,
    });
    expect(rest.contactPersons).toEqual([]);
    expect(rest.phone).toBeNull();
  });

  it('refuses a stale version with the current record and changes nothing', async () => {
    const id = api.clusterId('opentech');
    const current = await api.admin.cluster.admin.get({ id });
    await api.admin.cluster.admin.update({ id, version: current.version, phone: '040-11 22 33' });
    const before = api.checksum();
    const error = await trpcError(
      api.admin.cluster.admin.update({ id, version: current.version, ...CONTACT }),
    );
    expect(error.code).toBe('CONFLICT');
    expect((error.cause as { current?: unknown }).current).toMatchObject({
      phone: '040-11 22 33',
      contactPersons: [],
    });
    expect(api.checksum()).toBe(before);
  });

  it.each([
    [{ phone: '12 34' }, 'phone', 'phone.start'],
    [
      { visitingAddress: { street: 'Gatan 1', postcode: '2112', city: 'Lund' } },
      'visitingAddress.postcode',
      'postcode.format',
    ],
    [{ postalAddress: { street: 'Box 1' } }, 'postalAddress.city', 'address.cityRequired'],
    [
      { contactPersons: [{ name: 'Anna', email: 'inte-en-adress' }] },
      'contactPersons.0.email',
      'email.invalid',
    ],
    [
      { contactPersons: [{ name: '', email: 'a@example.se' }] },
      'contactPersons.0.name',
      'tooShort',
    ],
    [{ membershipUrl: 'javascript:alert(1)' }, 'membershipUrl', 'webAddress.scheme'],
    [
      {
        contactPersons: Array.from({ length: 11 }, () => ({ name: 'Anna', email: 'a@example.se' })),
      },
      'contactPersons',
      'contactPersons.tooMany',
    ],
  ])('refuses %j naming %s, in Swedish and English', async (input, field, code) => {
    const id = api.clusterId('opentech');
    const { version } = await api.admin.cluster.admin.get({ id });
    const before = api.checksum();
    const error = await trpcError(api.admin.cluster.admin.update({ id, version, ...input }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(blamedFields(error)).toEqual([field]);
    const issue = (error.cause as ZodError).issues[0]!;
    const message = issueMessage(issue);
    expect(message?.code).toBe(code);
    expect(formatMessage('sv', message!.code, message!.params)).not.toBe(
      formatMessage('en', message!.code, message!.params),
    );
    expect(api.checksum()).toBe(before);
  });

  it('stays with the administrators: an editor may not change it', async () => {
    const id = api.clusterId('opentech');
    const { version } = await api.admin.cluster.admin.get({ id });
    const error = await trpcError(
      api.editor('opentech').cluster.admin.update({ id, version, phone: '040-11 22 33' }),
    );
    expect(error.code).toBe('FORBIDDEN');
  });

  it('moves the clusters scope when only the persons change', async () => {
    const id = api.clusterId('opentech');
    const scope = () =>
      api.sqlite
        .prepare("SELECT version FROM data_scopes WHERE name = 'clusters'")
        .pluck()
        .get() as number;
    const before = scope();
    api.sqlite
      .prepare(
        "INSERT INTO cluster_contacts (cluster_id, position, name, email) VALUES (?, 0, 'Anna', 'a@example.se')",
      )
      .run(id);
    expect(scope()).toBe(before + 1);
    expect((await api.anonymous.cluster.bySlug({ slug: 'opentech' })).contactPersons).toEqual([
      { name: 'Anna', role: '', email: 'a@example.se', phone: null },
    ]);
  });
});

describe('cluster contact persons as personal data', () => {
  it('are exported and erased by address, the cluster version moving with it', async () => {
    const id = api.clusterId('opentech');
    const v1 = await api.admin.cluster.admin.get({ id });
    const v2 = await api.admin.cluster.admin.update({ id, version: v1.version, ...CONTACT });
    expect(clusterContactData.exportFor(api.handle, 'anna@example.se')).toEqual([
      {
        cluster: 'opentech',
        position: 0,
        name: 'Anna Andersson',
        role: 'Verksamhetschef',
        email: 'anna@example.se',
        phone: null,
      },
    ]);
    expect(clusterContactData.eraseFor(api.handle, 'anna@example.se')).toBe(1);
    const after = await api.admin.cluster.admin.get({ id });
    expect(after.contactPersons.map((p) => p.name)).toEqual(['Bo Berg']);
    expect(after.version).toBe(v2.version + 1);
    expect(api.sqlite.prepare('SELECT position FROM cluster_contacts').pluck().all()).toEqual([0]);
    expect(clusterContactData.eraseFor(api.handle, 'anna@example.se')).toBe(0);
  });
});
