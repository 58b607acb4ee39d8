import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import {
  MEMBER_NAME_MAX,
  memberCreateInput,
  membershipInput,
  memberUpdateInput,
  withPlace,
} from './member';
import { idSchema, versionSchema } from './vocabulary';

function rejected<T extends z.ZodType>(schema: T, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
  return z.flattenError(result.error);
}

const minimal = { name: 'Telefonaktiebolaget LM Ericsson', kind: 'company' };

describe('memberCreateInput', () => {
  it('needs only a name and a kind, and fills in the defaults', () => {
    expect(memberCreateInput.parse(minimal)).toEqual({
      name: 'Telefonaktiebolaget LM Ericsson',
      kind: 'company',
      organisationNumber: null,
      sizeBand: null,
      municipalityCode: null,
      outsideSkane: false,
      website: null,
      description: { sv: '', en: '' },
      logo: null,
      areaIds: [],
      memberships: [],
      status: 'draft',
    });
  });

  it('names both required fields when they are missing', () => {
    const { fieldErrors } = rejected(memberCreateInput, {});
    expect(fieldErrors.name).toEqual(['Name is required']);
    expect(fieldErrors.kind?.[0]).toMatch(/^Kind must be one of: company/);
  });

  it('normalises what it can', () => {
    const member = memberCreateInput.parse({
      ...minimal,
      name: '  Ericsson  ',
      organisationNumber: '5560160680',
      website: 'Ericsson.com',
      municipalityCode: '1281',
      sizeBand: '250+',
      description: { sv: ' Telekom ' },
      memberships: [{ clusterId: 3, since: '2009-01-01' }, { clusterId: 4 }],
      areaIds: [2],
      status: 'published',
    });
    expect(member).toMatchObject({
      name: 'Ericsson',
      organisationNumber: '556016-0680',
      website: 'https://ericsson.com',
      municipalityCode: '1281',
      description: { sv: 'Telekom', en: '' },
      memberships: [
        { clusterId: 3, since: '2009-01-01' },
        { clusterId: 4, since: null },
      ],
    });
  });

  it('accepts explicit nulls for the optional facts (outside Skåne, unknown number)', () => {
    const member = memberCreateInput.parse({
      ...minimal,
      organisationNumber: null,
      municipalityCode: null,
      website: null,
    });
    expect(member.municipalityCode).toBeNull();
  });

  it('gives one clear message per bad field', () => {
    const { fieldErrors } = rejected(memberCreateInput, {
      name: 'E',
      kind: 'multinational',
      organisationNumber: '556016-0681',
      sizeBand: '5000',
      municipalityCode: '1480',
      website: 'javascript:alert(1)',
      status: 'deleted',
    });
    expect(fieldErrors).toEqual({
      name: ['Name must be at least 2 characters'],
      kind: [
        'Kind must be one of: company, startup, academia, public-sector, non-profit, investor, other',
      ],
      organisationNumber: ['Organisation number check digit is wrong (expected 0, got 1)'],
      sizeBand: ['Size must be one of: 1-9, 10-49, 50-249, 250+'],
      municipalityCode: ['Municipality must be one of the 33 Skåne municipality codes (1214–1293)'],
      website: ['Web address must start with http:// or https://'],
      status: ['Status must be one of: draft, published, archived'],
    });
  });

  it('limits the name length', () => {
    const { fieldErrors } = rejected(memberCreateInput, {
      ...minimal,
      name: 'x'.repeat(MEMBER_NAME_MAX + 1),
    });
    expect(fieldErrors.name).toEqual([`Name must be at most ${MEMBER_NAME_MAX} characters`]);
    expect(
      memberCreateInput.safeParse({ ...minimal, name: 'x'.repeat(MEMBER_NAME_MAX) }).success,
    ).toBe(true);
  });

  it('treats a whitespace-only name as too short', () => {
    expect(rejected(memberCreateInput, { ...minimal, name: '   ' }).fieldErrors.name).toEqual([
      'Name must be at least 2 characters',
    ]);
  });

  it('refuses repeated areas and clusters', () => {
    const { fieldErrors } = rejected(memberCreateInput, {
      ...minimal,
      areaIds: [1, 1],
      memberships: [{ clusterId: 2 }, { clusterId: 2, since: '2020-01-01' }],
    });
    expect(fieldErrors.areaIds).toEqual(['Areas must not repeat']);
    expect(fieldErrors.memberships).toEqual(['A cluster must not appear twice in memberships']);
  });

  it('caps areas at six and memberships at twenty', () => {
    const { fieldErrors } = rejected(memberCreateInput, {
      ...minimal,
      areaIds: [1, 2, 3, 4, 5, 6, 7],
      memberships: Array.from({ length: 21 }, (_, i) => ({ clusterId: i + 1 })),
    });
    expect(fieldErrors.areaIds).toEqual(['A member belongs to at most the six areas']);
    expect(fieldErrors.memberships).toEqual(['A member can be in at most 20 clusters']);
  });

  it('rejects unknown keys (strict), naming them', () => {
    const { formErrors } = rejected(memberCreateInput, { ...minimal, version: 3, isDemo: true });
    expect(formErrors.join(' ')).toMatch(/version/);
    expect(formErrors.join(' ')).toMatch(/isDemo/);
  });

  it('accepts an optional slug but checks it', () => {
    expect(memberCreateInput.parse({ ...minimal, slug: 'ericsson' }).slug).toBe('ericsson');
    expect(
      rejected(memberCreateInput, { ...minimal, slug: 'Ericsson AB' }).fieldErrors.slug,
    ).toEqual(['Slug may hold only a–z, 0–9 and single dashes between them']);
  });
});

describe('membershipInput', () => {
  it('checks the cluster id and the date', () => {
    const { fieldErrors } = rejected(membershipInput, { clusterId: 0, since: '2020-02-30' });
    expect(fieldErrors.clusterId).toEqual(['Id must be positive']);
    expect(fieldErrors.since).toEqual(['Date must be a real date written YYYY-MM-DD']);
  });

  it('rejects unknown keys', () => {
    expect(membershipInput.safeParse({ clusterId: 1, role: 'founder' }).success).toBe(false);
  });

  it('is a membership unless another kind of link is named', () => {
    expect(membershipInput.parse({ clusterId: 1 })).toEqual({
      clusterId: 1,
      kind: 'member',
      since: null,
    });
    expect(membershipInput.parse({ clusterId: 1, kind: 'agenda-co-lead' }).kind).toBe(
      'agenda-co-lead',
    );
  });

  it('names the relation field when the kind is not one of the four', () => {
    const { fieldErrors } = rejected(membershipInput, { clusterId: 1, kind: 'owner' });
    expect(fieldErrors.kind).toEqual([
      'Relation to the cluster must be one of: member, founder, partner, agenda-co-lead',
    ]);
  });
});

describe('memberUpdateInput', () => {
  it('needs id and version and leaves every other field out when not given', () => {
    // A partial update must not reset fields it does not mention (status, areas …).
    expect(memberUpdateInput.parse({ id: 7, version: 2 })).toEqual({ id: 7, version: 2 });
    const update = memberUpdateInput.parse({ id: 7, version: 2, name: ' Sony ' });
    expect(update).toEqual({ id: 7, version: 2, name: 'Sony' });
    expect('status' in update).toBe(false);
    expect('memberships' in update).toBe(false);
  });

  it('still validates and normalises the fields it is given', () => {
    expect(
      memberUpdateInput.parse({ id: 7, version: 2, organisationNumber: '165560160680' }),
    ).toEqual({ id: 7, version: 2, organisationNumber: '556016-0680' });
    expect(
      rejected(memberUpdateInput, { id: 7, version: 2, areaIds: [3, 3] }).fieldErrors.areaIds,
    ).toEqual(['Areas must not repeat']);
  });

  it('lets a field be cleared with null', () => {
    expect(memberUpdateInput.parse({ id: 7, version: 2, website: null }).website).toBeNull();
  });

  it('fills the defaults inside a description it is given', () => {
    expect(memberUpdateInput.parse({ id: 1, version: 1, description: { sv: 'Hej' } })).toEqual({
      id: 1,
      version: 1,
      description: { sv: 'Hej', en: '' },
    });
  });

  it('names a missing id or version', () => {
    const { fieldErrors } = rejected(memberUpdateInput, { name: 'Sony' });
    expect(fieldErrors.id).toEqual(['Id must be a number']);
    expect(fieldErrors.version).toEqual(['Version must be a number']);
    expect(rejected(memberUpdateInput, { id: 1, version: 0 }).fieldErrors.version).toEqual([
      'Version must be at least 1',
    ]);
  });

  it('rejects unknown keys', () => {
    expect(rejected(memberUpdateInput, { id: 1, version: 1, createdAt: 'x' }).formErrors).toEqual([
      'Unrecognized key: "createdAt"',
    ]);
  });

  it('keeps the keys and types of createInput.partial() plus id and version', () => {
    // The shape without the place refinement (zod refuses .partial() on a refined object).
    const partial = z
      .strictObject(memberCreateInput.shape)
      .partial()
      .extend({ id: idSchema, version: versionSchema });
    expectTypeOf<z.output<typeof memberUpdateInput>>().toEqualTypeOf<z.output<typeof partial>>();
    expectTypeOf<z.input<typeof memberUpdateInput>>().toEqualTypeOf<z.input<typeof partial>>();
    expect(Object.keys(memberUpdateInput.shape).sort()).toEqual(Object.keys(partial.shape).sort());
  });
});

describe('outside Skåne', () => {
  it('is an answer of its own, never together with a municipality', () => {
    expect(memberCreateInput.parse({ ...minimal, outsideSkane: true }).outsideSkane).toBe(true);
    expect(memberCreateInput.parse(minimal).outsideSkane).toBe(false);
    const both = memberCreateInput.safeParse({
      ...minimal,
      municipalityCode: '1280',
      outsideSkane: true,
    });
    expect(both.success).toBe(false);
    expect(both.error?.issues.map((i) => i.path.join('.'))).toEqual(['outsideSkane']);
    const update = memberUpdateInput.safeParse({
      id: 1,
      version: 1,
      municipalityCode: '1280',
      outsideSkane: true,
    });
    expect(update.success).toBe(false);
  });

  it('withPlace: a municipality clears "outside Skåne", and "outside Skåne" clears the municipality', () => {
    const inMalmo = { municipalityCode: '1280', outsideSkane: false };
    const outside = { municipalityCode: null, outsideSkane: true };
    expect(withPlace(inMalmo, { outsideSkane: true })).toEqual(outside);
    expect(withPlace(outside, { municipalityCode: '1281' })).toEqual({
      municipalityCode: '1281',
      outsideSkane: false,
    });
    expect(withPlace(outside, { municipalityCode: null })).toEqual(outside);
    expect(withPlace(inMalmo, {})).toEqual(inMalmo);
    expect(withPlace(outside, { outsideSkane: false })).toEqual({
      municipalityCode: null,
      outsideSkane: false,
    });
  });
});
