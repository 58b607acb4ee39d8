import { describe, expect, it } from 'vitest';
import {
  isOrganisationNumber,
  luhnCheckDigit,
  organisationNumberSchema,
  parseOrganisationNumber,
} from './organisation-number';

/**
 * An independent Luhn check over all ten digits (the textbook form: from the
 * right, double every second digit), so the fixtures below are verified by
 * something other than the code under test.
 */
function passesLuhn(digits: string): boolean {
  let sum = 0;
  [...digits].reverse().forEach((ch, i) => {
    const d = Number(ch) * (i % 2 === 1 ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
  });
  return sum % 10 === 0;
}

/** Real organisation numbers of organisations named in the reference facts. */
const REAL = [
  { name: 'Telefonaktiebolaget LM Ericsson', number: '556016-0680' },
  { name: 'Region Skåne', number: '232100-0255' },
  { name: 'Lunds universitet', number: '202100-3211' },
  { name: 'Malmö universitet', number: '202100-4896' },
] as const;

describe('test fixtures', () => {
  it.each(REAL)('$name ($number) really passes Luhn', ({ number }) => {
    expect(passesLuhn(number.replace('-', ''))).toBe(true);
  });

  it('the independent Luhn check rejects a changed digit', () => {
    expect(passesLuhn('5560160681')).toBe(false);
  });
});

describe('luhnCheckDigit', () => {
  it.each([
    ['556016068', 0],
    ['232100025', 5],
    ['202100321', 1],
    ['202100489', 6],
  ])('gives the check digit of %s as %i', (payload, digit) => {
    expect(luhnCheckDigit(payload)).toBe(digit);
  });

  it('counts weights from the right, so even-length payloads work too', () => {
    // The textbook example: 7992739871 has check digit 3.
    expect(luhnCheckDigit('7992739871')).toBe(3);
  });
});

describe('parseOrganisationNumber', () => {
  it.each(REAL)('accepts $name written NNNNNN-NNNN', ({ number }) => {
    expect(parseOrganisationNumber(number)).toEqual({ ok: true, value: number });
  });

  it.each(REAL)('normalises the dash-less form of $number', ({ number }) => {
    expect(parseOrganisationNumber(number.replace('-', ''))).toEqual({ ok: true, value: number });
  });

  it.each(REAL)('normalises the twelve-digit form 16… of $number', ({ number }) => {
    expect(parseOrganisationNumber(`16${number.replace('-', '')}`)).toEqual({
      ok: true,
      value: number,
    });
    expect(parseOrganisationNumber(`16${number}`)).toEqual({ ok: true, value: number });
  });

  it('ignores surrounding and inner spaces', () => {
    expect(parseOrganisationNumber('  556016 0680 ')).toEqual({ ok: true, value: '556016-0680' });
  });

  it.each(REAL)('names the expected check digit when $number has a wrong one', ({ number }) => {
    const expected = Number(number.at(-1));
    const wrong = (expected + 1) % 10;
    const result = parseOrganisationNumber(`${number.slice(0, -1)}${wrong}`);
    expect(result).toEqual({
      ok: false,
      reason: `check digit is wrong (expected ${expected}, got ${wrong})`,
    });
  });

  it('rejects letters', () => {
    const result = parseOrganisationNumber('55601A-0680');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/digits/);
  });

  it('rejects an empty string', () => {
    expect(parseOrganisationNumber('').ok).toBe(false);
  });

  it.each([
    ['556016-068', 9],
    ['556016-06801', 11],
    ['5560160680123', 13],
  ])('rejects %s as the wrong length, saying how many digits it got', (input, count) => {
    const result = parseOrganisationNumber(input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain('10 digits');
    expect(!result.ok && result.reason).toContain(`got ${count}`);
  });

  it('rejects a twelve-digit number that does not start with 16', () => {
    const result = parseOrganisationNumber('195560160680');
    expect(result).toEqual({
      ok: false,
      reason: 'a twelve-digit organisation number must start with 16',
    });
  });

  it('rejects a personal identity number (third digit below 2) even when its Luhn digit is right', () => {
    // 811228-9874 is Skatteverket's example personal identity number.
    expect(passesLuhn('8112289874')).toBe(true);
    const result = parseOrganisationNumber('811228-9874');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/third digit.*personal identity number/);
  });
});

describe('isOrganisationNumber', () => {
  it('is true for a valid number and false for a wrong check digit', () => {
    expect(isOrganisationNumber('5560160680')).toBe(true);
    expect(isOrganisationNumber('5560160681')).toBe(false);
  });
});

describe('organisationNumberSchema', () => {
  it('outputs the normalised form', () => {
    expect(organisationNumberSchema.parse('165560160680')).toBe('556016-0680');
  });

  it('reports the reason, prefixed with the field, as the issue message', () => {
    const result = organisationNumberSchema.safeParse('556016-0681');
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      'Organisation number check digit is wrong (expected 0, got 1)',
    ]);
  });

  it('rejects a number that is not a string', () => {
    expect(organisationNumberSchema.safeParse(5560160680).success).toBe(false);
  });
});
