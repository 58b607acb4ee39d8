import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { clusterCreateInput, clusterUpdateInput } from './cluster';
import {
  addressSchema,
  checkPhone,
  contactPersonsSchema,
  phoneSchema,
  phoneTelUri,
  postcodeSchema,
} from './cluster-contact';
import { issueMessage } from './messages/format';

/** The first issue's path and message code. */
function refusal(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
  const issue = result.error.issues[0]!;
  return { path: issue.path.join('.'), code: issueMessage(issue)?.code };
}

describe('phone numbers', () => {
  it.each([
    ['040-12 34 56', '+4640123456'],
    ['046-222 00 00', '+46462220000'],
    ['070-123 45 67', '+46701234567'],
    ['08-123 456 78', '+46812345678'],
    ['+46 40 12 34 56', '+4640123456'],
    ['+46 (0)40 12 34 56', '+4640123456'],
    ['0046 40 12 34 56', '+4640123456'],
    ['+45 33 12 34 56', '+4533123456'],
  ])('accepts %s (E.164 %s)', (input, e164) => {
    expect(checkPhone(input)).toEqual({ ok: true, e164 });
  });

  it('keeps the number as entered, only trimmed', () => {
    expect(phoneSchema.parse('  040-12  34 56 ')).toBe('040-12 34 56');
    expect(phoneTelUri('040-12 34 56')).toBe('tel:+4640123456');
    expect(phoneTelUri(null)).toBeNull();
  });

  it.each([
    ['040 12 34 56 ring efter 9', 'phone.characters'],
    ['46+40123456', 'phone.characters'],
    ['40 12 34 56', 'phone.start'],
    ['+0 40 12 34', 'phone.start'],
    ['040-12', 'phone.length'],
    ['070-123 45 67 89 10', 'phone.length'],
    ['+45 12', 'phone.length'],
  ])('refuses %s (%s)', (input, code) => {
    expect(refusal(phoneSchema, input).code).toBe(code);
  });
});

describe('postcodes and addresses', () => {
  it('stores a Swedish postcode as "211 20"', () => {
    expect(postcodeSchema.parse('21120')).toBe('211 20');
    expect(postcodeSchema.parse(' 211 20 ')).toBe('211 20');
    expect(postcodeSchema.parse('')).toBe('');
  });

  it.each(['2112', '211-20', 'DK-2300', '211 200'])('refuses the postcode %s', (input) => {
    expect(refusal(postcodeSchema, input).code).toBe('postcode.format');
  });

  it('is empty when nothing is given, and needs a city for a street', () => {
    expect(addressSchema.parse(undefined)).toEqual({ street: '', postcode: '', city: '' });
    expect(
      addressSchema.parse({ street: 'Stora Varvsgatan 6A', postcode: '21119', city: 'Malmö' }),
    ).toEqual({ street: 'Stora Varvsgatan 6A', postcode: '211 19', city: 'Malmö' });
    expect(refusal(addressSchema, { street: 'Box 117' })).toEqual({
      path: 'city',
      code: 'address.cityRequired',
    });
    expect(refusal(addressSchema, { street: 'x', city: 'Lund', country: 'SE' }).code).toBe(
      'address.shape',
    );
  });
});

describe('contact persons', () => {
  const anna = { name: 'Anna Andersson', role: 'Verksamhetschef', email: 'Anna@Example.se' };

  it('keeps name and role as entered, and the e-mail normalised', () => {
    expect(contactPersonsSchema.parse([anna])).toEqual([
      { name: 'Anna Andersson', role: 'Verksamhetschef', email: 'anna@example.se', phone: null },
    ]);
    expect(contactPersonsSchema.parse(undefined)).toEqual([]);
  });

  it('names the person and the field that is wrong', () => {
    expect(refusal(contactPersonsSchema, [anna, { ...anna, email: 'nope' }])).toEqual({
      path: '1.email',
      code: 'email.invalid',
    });
    expect(refusal(contactPersonsSchema, [{ ...anna, name: '' }])).toEqual({
      path: '0.name',
      code: 'tooShort',
    });
    expect(refusal(contactPersonsSchema, [{ ...anna, phone: '12' }])).toEqual({
      path: '0.phone',
      code: 'phone.start',
    });
  });

  it('takes at most ten', () => {
    expect(
      refusal(
        contactPersonsSchema,
        Array.from({ length: 11 }, () => anna),
      ).code,
    ).toBe('contactPersons.tooMany');
  });
});

describe('a cluster with contact details', () => {
  it('leaves them empty by default, and an update leaves them alone', () => {
    const created = clusterCreateInput.parse({ name: 'OpenTech' });
    expect(created).toMatchObject({
      phone: null,
      postalAddress: { street: '', postcode: '', city: '' },
      visitingAddress: { street: '', postcode: '', city: '' },
      contactPersons: [],
      membershipText: { sv: '', en: '' },
      membershipUrl: null,
    });
    const update = clusterUpdateInput.parse({ id: 1, version: 1, phone: '040-12 34 56' });
    expect(update).toEqual({ id: 1, version: 1, phone: '040-12 34 56' });
  });

  it('names the nested field of a refusal', () => {
    expect(
      refusal(clusterUpdateInput, { id: 1, version: 1, visitingAddress: { postcode: '1' } }).path,
    ).toBe('visitingAddress.postcode');
    expect(
      refusal(clusterUpdateInput, { id: 1, version: 1, membershipUrl: 'javascript:x' }),
    ).toEqual({ path: 'membershipUrl', code: 'webAddress.scheme' });
  });
});
