import { describe, expect, it } from 'vitest';
import { errorsFor, firstErrorKey, issuesToFieldErrors } from './forms';
import {
  choosePlace,
  emptyMemberValues,
  OUTSIDE_SKANE,
  placeChoice,
  memberToValues,
  MEMBER_FIELD_PATHS,
  validateMemberCreate,
  validateMemberUpdate,
  type MemberRecordLike,
} from './member-form';

const record: MemberRecordLike = {
  id: 7,
  slug: 'acme',
  name: 'Acme AB',
  organisationNumber: null,
  kind: 'company',
  sizeBand: null,
  municipalityCode: '1280',
  website: null,
  description: { sv: 'Text', en: '' },
  areaIds: [3, 1],
  memberships: [
    { clusterId: 5, since: null },
    { clusterId: 2, since: '2020-01-01' },
  ],
  status: 'published',
  version: 4,
};

describe('member form values', () => {
  it('turn nulls into empty inputs and sort relations', () => {
    const values = memberToValues(record);
    expect(values).toMatchObject({
      organisationNumber: '',
      sizeBand: '',
      municipalityCode: '1280',
      areaIds: [1, 3],
      memberships: [
        { clusterId: 2, since: '2020-01-01' },
        { clusterId: 5, since: '' },
      ],
    });
  });

  it('validate with the shared schema: blanks are null, numbers normalised', () => {
    const result = validateMemberCreate({
      ...emptyMemberValues(),
      name: '  Nya Företaget AB ',
      organisationNumber: '5560360793',
      website: 'nya.se',
    });
    expect(result).toEqual({
      ok: true,
      input: expect.objectContaining({
        name: 'Nya Företaget AB',
        slug: undefined,
        organisationNumber: '556036-0793',
        website: 'https://nya.se',
        sizeBand: null,
        municipalityCode: null,
      }) as unknown,
    });
  });

  it('name the field and the reason for bad input, with the shared messages', () => {
    const result = validateMemberCreate({
      ...emptyMemberValues(),
      name: 'X',
      organisationNumber: '556036-0794',
      memberships: [{ clusterId: 1, kind: 'member', since: '2020-13-01' }],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.name).toEqual(['Name must be at least 2 characters']);
    expect(result.errors.organisationNumber?.[0]).toMatch(/check digit is wrong/);
    expect(errorsFor(result.errors, 'memberships', true)[0]).toMatch(/real date/);
    expect(firstErrorKey(result.errors, MEMBER_FIELD_PATHS)).toBe('name');
  });

  it('updates carry id and version', () => {
    const result = validateMemberUpdate(memberToValues(record), 7, 4);
    expect(result.ok && result.input).toMatchObject({ id: 7, version: 4, slug: 'acme' });
  });
});

describe('issuesToFieldErrors', () => {
  it('keys issues by dotted path and puts path-less ones on the form', () => {
    expect(
      issuesToFieldErrors([
        { path: ['description', 'sv'], message: 'too long' },
        { path: 'organisationNumber', message: 'taken' },
        { path: [], message: 'whole form' },
        { path: 'organisationNumber', message: 'taken' },
      ]),
    ).toEqual({
      'description.sv': ['too long'],
      organisationNumber: ['taken'],
      _form: ['whole form'],
    });
  });
});

describe('the place drop-down', () => {
  it('keeps "outside Skåne" apart from "not known", and never both a code and outside', () => {
    const values = emptyMemberValues();
    expect(placeChoice(values)).toBe('');
    choosePlace(values, '1280');
    expect([values.municipalityCode, values.outsideSkane]).toEqual(['1280', false]);
    choosePlace(values, OUTSIDE_SKANE);
    expect([values.municipalityCode, values.outsideSkane]).toEqual(['', true]);
    expect(placeChoice(values)).toBe(OUTSIDE_SKANE);
    const outside = validateMemberCreate({ ...values, name: 'Utland AB' });
    expect(outside.ok && outside.input).toMatchObject({
      municipalityCode: null,
      outsideSkane: true,
    });
    choosePlace(values, '');
    const unknown = validateMemberCreate({ ...values, name: 'Okänd AB' });
    expect(unknown.ok && unknown.input).toMatchObject({
      municipalityCode: null,
      outsideSkane: false,
    });
  });

  it('reads a record without the field as not outside', () => {
    expect(memberToValues(record).outsideSkane).toBe(false);
    expect(memberToValues({ ...record, municipalityCode: null, outsideSkane: true })).toMatchObject(
      {
        municipalityCode: '',
        outsideSkane: true,
      },
    );
  });
});
