import { describe, expect, it } from 'vitest';
import { organisationNumberQuery } from './directory-text';

describe('organisationNumberQuery', () => {
  it.each([
    '556677-8899',
    '5566778899',
    '16556677-8899',
    '165566778899',
    ' 556677 8899 ',
    '556 677 88 99',
    '556677–8899',
    '16 556677-8899',
    '556677\u00a08899',
  ])('reads %j as 556677-8899', (text) => {
    expect(organisationNumberQuery(text)).toBe('556677-8899');
  });

  it.each([
    undefined,
    '',
    'ericsson',
    '556677',
    '556677-889',
    '55667788990',
    '125566778899',
    '5566778899 AB',
    '556677-8899x',
  ])('does not read %j as an organisation number', (text) => {
    expect(organisationNumberQuery(text)).toBeNull();
  });
});
