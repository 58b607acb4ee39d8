import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { clusterCreateInput, clusterUpdateInput } from './cluster';
import { idSchema, versionSchema } from './vocabulary';

function rejected<T extends z.ZodType>(schema: T, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
  return z.flattenError(result.error);
}

const thisYear = new Date().getUTCFullYear();

describe('clusterCreateInput', () => {
  it('needs only a name, and fills in the defaults', () => {
    expect(clusterCreateInput.parse({ name: 'OpenTech' })).toEqual({
      name: 'OpenTech',
      shortName: '',
      description: { sv: '', en: '' },
      website: null,
      email: null,
      city: '',
      municipalityCode: null,
      phone: null,
      postalAddress: { street: '', postcode: '', city: '' },
      visitingAddress: { street: '', postcode: '', city: '' },
      contactPersons: [],
      membershipText: { sv: '', en: '' },
      membershipUrl: null,
      foundedYear: null,
      logoUrl: null,
      logo: null,
      areaIds: [],
      confidence: 'high',
      sourceNoteText: { sv: '', en: '' },
      sources: [],
      reportedMembers: { count: null, qualifier: null, year: null },
      status: 'draft',
    });
  });

  it('says the name is required', () => {
    expect(rejected(clusterCreateInput, {}).fieldErrors).toEqual({ name: ['Name is required'] });
    expect(rejected(clusterCreateInput, { name: 'X' }).fieldErrors.name).toEqual([
      'Name must be at least 2 characters',
    ]);
  });

  it('normalises the web address and e-mail', () => {
    const cluster = clusterCreateInput.parse({
      name: 'Media Evolution',
      website: 'MediaEvolution.se',
      email: ' Info@MediaEvolution.se ',
      municipalityCode: '1280',
      foundedYear: 2008,
    });
    expect(cluster).toMatchObject({
      website: 'https://mediaevolution.se',
      email: 'info@mediaevolution.se',
      municipalityCode: '1280',
      foundedYear: 2008,
    });
  });

  it('checks the founded year', () => {
    const fieldErrors = (foundedYear: unknown) =>
      rejected(clusterCreateInput, { name: 'Packbridge', foundedYear }).fieldErrors.foundedYear;
    expect(fieldErrors(1799)).toEqual(['Founded year must be 1800 or later']);
    expect(fieldErrors(thisYear + 1)).toEqual([`Founded year must not be after ${thisYear}`]);
    expect(fieldErrors(2010.5)).toEqual(['Founded year must be a whole number']);
    expect(fieldErrors('2010')).toEqual(['Founded year must be a number']);
    expect(
      clusterCreateInput.parse({ name: 'Packbridge', foundedYear: thisYear }).foundedYear,
    ).toBe(thisYear);
  });

  it('refuses more than six areas and repeated areas', () => {
    expect(
      rejected(clusterCreateInput, { name: 'IUC Syd', areaIds: [1, 2, 3, 4, 5, 6, 7] }).fieldErrors
        .areaIds,
    ).toEqual(['A cluster belongs to at most the six areas']);
    expect(
      rejected(clusterCreateInput, { name: 'IUC Syd', areaIds: [4, 4] }).fieldErrors.areaIds,
    ).toEqual(['Areas must not repeat']);
  });

  it('names bad contact fields', () => {
    const { fieldErrors } = rejected(clusterCreateInput, {
      name: 'Sustainable Business Hub',
      website: 'ftp://sbhub.se',
      email: 'info-at-sbhub.se',
      logoUrl: 'data:image/png;base64,AAAA',
      confidence: 'sure',
    });
    expect(fieldErrors).toEqual({
      website: ['Web address must start with http:// or https://'],
      email: ['E-mail address is not valid (expected name@example.se)'],
      logoUrl: ['Web address must start with http:// or https://'],
      confidence: ['Confidence must be one of: high, medium, guess'],
    });
  });

  it('rejects unknown keys', () => {
    expect(rejected(clusterCreateInput, { name: 'OpenTech', members: 130 }).formErrors).toEqual([
      'Unrecognized key: "members"',
    ]);
  });
});

describe('clusterUpdateInput', () => {
  it('does not reset status, confidence or areas when they are left out', () => {
    expect(clusterUpdateInput.parse({ id: 2, version: 5, city: ' Lund ' })).toEqual({
      id: 2,
      version: 5,
      city: 'Lund',
    });
  });

  it('needs id and version and stays strict', () => {
    expect(Object.keys(rejected(clusterUpdateInput, {}).fieldErrors).sort()).toEqual([
      'id',
      'version',
    ]);
    expect(rejected(clusterUpdateInput, { id: 1, version: 1, extra: true }).formErrors).toEqual([
      'Unrecognized key: "extra"',
    ]);
  });

  it('keeps the keys and types of createInput.partial() plus id and version', () => {
    const partial = clusterCreateInput.partial().extend({ id: idSchema, version: versionSchema });
    expectTypeOf<z.output<typeof clusterUpdateInput>>().toEqualTypeOf<z.output<typeof partial>>();
    expectTypeOf<z.input<typeof clusterUpdateInput>>().toEqualTypeOf<z.input<typeof partial>>();
    expect(Object.keys(clusterUpdateInput.shape).sort()).toEqual(Object.keys(partial.shape).sort());
  });
});
