import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { areaCreateInput, areaSchema, areaUpdateInput } from './area';
import { idSchema, versionSchema } from './vocabulary';

function rejected<T extends z.ZodType>(schema: T, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
  return z.flattenError(result.error);
}

const tech = { slug: 'tech', name: { sv: 'Tech', en: 'Tech' } };

describe('areaCreateInput', () => {
  it('needs a slug and a Swedish name, and fills in the defaults', () => {
    expect(areaCreateInput.parse({ slug: 'livsmedel', name: { sv: 'Livsmedel' } })).toEqual({
      slug: 'livsmedel',
      name: { sv: 'Livsmedel', en: '' },
      summary: { sv: '', en: '' },
      sortOrder: 0,
    });
  });

  it('names the missing fields', () => {
    const { fieldErrors } = rejected(areaCreateInput, {});
    expect(Object.keys(fieldErrors).sort()).toEqual(['name', 'slug']);
    expect(fieldErrors.name).toEqual(['Name is required, as { sv, en } text']);
    expect(rejected(areaCreateInput, { ...tech, name: { sv: ' ' } }).fieldErrors.name).toEqual([
      'Name in Swedish is required',
    ]);
  });

  it('checks the order with messages that name it', () => {
    expect(rejected(areaCreateInput, { ...tech, sortOrder: -1 }).fieldErrors.sortOrder).toEqual([
      'Order must be 0 or more',
    ]);
    expect(rejected(areaCreateInput, { ...tech, sortOrder: 1.5 }).fieldErrors.sortOrder).toEqual([
      'Order must be a whole number',
    ]);
    expect(rejected(areaCreateInput, { ...tech, sortOrder: 1001 }).fieldErrors.sortOrder).toEqual([
      'Order must be at most 1000',
    ]);
    expect(rejected(areaCreateInput, { ...tech, sortOrder: '2' }).fieldErrors.sortOrder).toEqual([
      'Order must be a number',
    ]);
  });

  it('limits the summary length per language', () => {
    const { fieldErrors } = rejected(areaCreateInput, {
      ...tech,
      summary: { en: 'x'.repeat(2001) },
    });
    expect(fieldErrors.summary).toEqual(['Summary in English must be at most 2000 characters']);
  });

  it('rejects unknown keys', () => {
    expect(rejected(areaCreateInput, { ...tech, colour: 'red' }).formErrors).toEqual([
      'Unrecognized key: "colour"',
    ]);
  });
});

describe('areaUpdateInput', () => {
  it('leaves out what it is not given (no reset of the order to 0)', () => {
    expect(areaUpdateInput.parse({ id: 1, version: 4, name: { sv: 'Tech' } })).toEqual({
      id: 1,
      version: 4,
      name: { sv: 'Tech', en: '' },
    });
  });

  it('needs id and version and stays strict', () => {
    const { fieldErrors } = rejected(areaUpdateInput, { slug: 'tech' });
    expect(Object.keys(fieldErrors).sort()).toEqual(['id', 'version']);
    expect(rejected(areaUpdateInput, { id: 1, version: 1, bogus: 1 }).formErrors).toEqual([
      'Unrecognized key: "bogus"',
    ]);
  });

  it('keeps the keys and types of createInput.partial() plus id and version', () => {
    const partial = areaCreateInput.partial().extend({ id: idSchema, version: versionSchema });
    expectTypeOf<z.output<typeof areaUpdateInput>>().toEqualTypeOf<z.output<typeof partial>>();
    expectTypeOf<z.input<typeof areaUpdateInput>>().toEqualTypeOf<z.input<typeof partial>>();
    expect(Object.keys(areaUpdateInput.shape).sort()).toEqual(Object.keys(partial.shape).sort());
  });
});

describe('areaSchema', () => {
  it('describes the public shape and strips anything else', () => {
    const row = {
      id: 1,
      slug: 'tech',
      name: { sv: 'Tech', en: 'Tech' },
      summary: { sv: '', en: '' },
      sortOrder: 2,
      version: 9,
    };
    expect(areaSchema.parse(row)).not.toHaveProperty('version');
    expect(areaSchema.safeParse({ ...row, summary: undefined }).success).toBe(false);
  });
});
