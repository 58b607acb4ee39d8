/**
 * Swedish organisation numbers (organisationsnummer): ten digits written
 * NNNNNN-NNNN whose last digit is a Luhn check digit over the first nine.
 * We also accept the dash-less form and the twelve-digit form with the
 * century prefix "16" that tax forms use, and always store NNNNNN-NNNN.
 */
import { z } from 'zod';
import type { Message } from './messages/codes';
import { customIssue, formatMessage } from './messages/format';

/** Luhn (mod 10) check digit for a string of digits (the payload, without the check digit). */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[i]);
    // Weights 2,1,2,1… counted from the right-hand end of the payload. For nine
    // digits that is 2,1,2,… from the left, as Skatteverket writes it; counting
    // from the right keeps other lengths right too.
    if ((digits.length - 1 - i) % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export type OrganisationNumberResult = { ok: true; value: string } | { ok: false; reason: string };
type Checked = { ok: true; value: string } | { ok: false; message: Message };

/** Parses and normalises an organisation number, saying why when it is not one. */
export function parseOrganisationNumber(input: string): OrganisationNumberResult {
  const checked = checkOrganisationNumber(input);
  if (checked.ok) return checked;
  // The reason finishes the sentence "Organisation number …" that the catalogue holds.
  const { code, params } = checked.message;
  const text = formatMessage('en', code, params);
  return { ok: false, reason: text.replace(/^Organisation number /, '') };
}

function checkOrganisationNumber(input: string): Checked {
  const compact = input.trim().replace(/[\s-]/g, '');
  if (!/^\d+$/.test(compact)) {
    return { ok: false, message: { code: 'orgNumber.format', params: {} } };
  }
  let ten = compact;
  if (compact.length === 12) {
    if (!compact.startsWith('16')) {
      return { ok: false, message: { code: 'orgNumber.twelveDigits', params: {} } };
    }
    ten = compact.slice(2);
  }
  if (ten.length !== 10) {
    return { ok: false, message: { code: 'orgNumber.length', params: { got: compact.length } } };
  }
  // The third digit of a legal person's number is at least 2; lower means a personal identity number.
  if (Number(ten[2]) < 2) {
    return { ok: false, message: { code: 'orgNumber.personal', params: {} } };
  }
  const expected = luhnCheckDigit(ten.slice(0, 9));
  if (Number(ten[9]) !== expected) {
    const got = ten[9] ?? '';
    return { ok: false, message: { code: 'orgNumber.checkDigit', params: { expected, got } } };
  }
  return { ok: true, value: `${ten.slice(0, 6)}-${ten.slice(6)}` };
}

export function isOrganisationNumber(input: string): boolean {
  return parseOrganisationNumber(input).ok;
}

/** Zod schema: accepts the common spellings and outputs NNNNNN-NNNN. */
export const organisationNumberSchema = z.string().transform((value, ctx) => {
  const result = checkOrganisationNumber(value);
  if (!result.ok) {
    ctx.addIssue(customIssue(result.message.code, result.message.params));
    return z.NEVER;
  }
  return result.value;
});

/**
 * Demo data's organisation numbers start with group number 4, which
 * Skatteverket gives to no kind of organisation (1–3 and 5–9 are in use), and
 * have a third digit of 2 or more, so they are no personal identity number
 * either. They still pass the checksum: the admin's forms, the import and the
 * search treat a demo member like any other, which keeps the demo useful,
 * yet no generated number can be a real company's. Wherever one is shown it
 * is also marked as generated.
 */
export const GENERATED_ORGANISATION_GROUP = '4';

/** A number from the demo generator's range (NNNNNN-NNNN or ten digits). */
export function isGeneratedOrganisationNumber(value: string | null | undefined): boolean {
  const digits = (value ?? '').replace(/\D/g, '');
  const ten = digits.length === 12 ? digits.slice(2) : digits;
  return ten.length === 10 && ten.startsWith(GENERATED_ORGANISATION_GROUP) && Number(ten[2]) >= 2;
}
