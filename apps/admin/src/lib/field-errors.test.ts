import { describe, expect, it } from 'vitest';
import { revalidatedErrors, sameErrors } from './field-errors';

describe('revalidatedErrors', () => {
  const values = { name: '', slug: 'taken', description: { sv: '', en: '' } };
  const shown = {
    errors: { name: ['is required'], slug: ['is taken'], 'description.sv': ['is required'] },
    values,
    localKeys: new Set(['name', 'description.sv']),
  };

  it('drops an error the validator no longer finds, keeps the others', () => {
    const now = { ...values, name: 'Acme' };
    expect(revalidatedErrors(shown, { 'description.sv': ['is required'] }, now)).toEqual({
      slug: ['is taken'],
      'description.sv': ['is required'],
    });
  });

  it('keeps a server error until its field changes', () => {
    const local = { name: ['is required'], 'description.sv': ['is required'] };
    expect(revalidatedErrors(shown, local, values).slug).toEqual(['is taken']);
    expect(revalidatedErrors(shown, local, { ...values, slug: 'free' }).slug).toBeUndefined();
  });

  it('shows the validator’s current wording, and adds no errors for other fields', () => {
    const local = { name: ['is too long'], website: ['is not an address'] };
    expect(revalidatedErrors(shown, local, { ...values, name: 'x'.repeat(300) })).toEqual({
      name: ['is too long'],
      slug: ['is taken'],
    });
  });
});

describe('sameErrors', () => {
  it('compares keys and messages, ignoring empty lists', () => {
    expect(sameErrors({ a: ['x'], b: [] }, { a: ['x'] })).toBe(true);
    expect(sameErrors({ a: ['x'] }, { a: ['y'] })).toBe(false);
  });
});
