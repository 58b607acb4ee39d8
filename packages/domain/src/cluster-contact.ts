/**
 * A cluster's public contact details: phone numbers, postal and visiting
 * addresses, and the contact persons the cluster itself enters. Everything is
 * optional — the site says plainly when nothing is given rather than
 * guessing — and everything is shown as entered: only surrounding spaces are
 * trimmed, and the `tel:` link is derived (phoneTelUri), never stored.
 */
import { z } from 'zod';
import { emailSchema } from './contact';
import { customIssue, msg } from './messages/format';

/** Contact persons per cluster: a short list a visitor can read, not a staff register. */
export const MAX_CONTACT_PERSONS = 10;

/** Digits, spaces and the punctuation people write numbers with: "040-12 34 56", "+46 (0)40 …". */
const PHONE_CHARACTERS = /^[0-9+\-\s().]+$/;

export type PhoneCheck =
  | { ok: true; /** E.164, "+46401234 56" without spaces. */ e164: string }
  | { ok: false; code: 'phone.characters' | 'phone.start' | 'phone.length' };

/**
 * Checks a phone number in Swedish national form ("040-12 34 56",
 * "070-123 45 67") or international form ("+46 40 12 34 56", "0046 …",
 * "+45 33 12 34 56"), and gives its E.164 form. A "(0)" after the country
 * code is the national prefix people often write; it is dropped.
 */
export function checkPhone(input: string): PhoneCheck {
  const text = input.trim();
  if (!PHONE_CHARACTERS.test(text)) return { ok: false, code: 'phone.characters' };
  // "+" only at the start.
  if (text.lastIndexOf('+') > 0) return { ok: false, code: 'phone.characters' };
  const withoutPrefix = text.replace(/\(0\)/g, '');
  const digits = withoutPrefix.replace(/\D/g, '');
  let international: string;
  if (text.startsWith('+')) international = digits;
  else if (digits.startsWith('00')) international = digits.slice(2);
  else if (digits.startsWith('0')) international = `46${digits.slice(1)}`;
  else return { ok: false, code: 'phone.start' };
  if (international.startsWith('0')) return { ok: false, code: 'phone.start' };
  if (international.startsWith('46')) {
    // Swedish numbers: 7–9 digits after the country code (area code included).
    let national = international.slice(2);
    if (national.startsWith('0')) national = national.slice(1);
    if (national.length < 7 || national.length > 9) return { ok: false, code: 'phone.length' };
    return { ok: true, e164: `+46${national}` };
  }
  // ITU-T E.164: at most 15 digits; fewer than 8 is no dialable international number.
  if (international.length < 8 || international.length > 15) {
    return { ok: false, code: 'phone.length' };
  }
  return { ok: true, e164: `+${international}` };
}

/** The `tel:` address of a stored number, or null when it no longer passes the check. */
export function phoneTelUri(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const checked = checkPhone(phone);
  return checked.ok ? `tel:${checked.e164}` : null;
}

/** A phone number, kept as entered (trimmed, inner spaces collapsed) once it checks out. */
export const phoneSchema = z
  .string({ error: msg('notText', { label: 'phone' }) })
  .max(40, { error: msg('tooLong', { label: 'phone', max: 40 }) })
  .transform((value, ctx) => {
    const checked = checkPhone(value);
    if (!checked.ok) {
      ctx.addIssue(customIssue(checked.code, {}));
      return z.NEVER;
    }
    return value.trim().replace(/\s+/g, ' ');
  });

/** A Swedish postcode, "211 20" or "21120", stored as "211 20". Empty means not given. */
export const postcodeSchema = z
  .string({ error: msg('notText', { label: 'postcode' }) })
  .trim()
  .max(10, { error: msg('tooLong', { label: 'postcode', max: 10 }) })
  .transform((value, ctx) => {
    if (value === '') return '';
    const match = /^(\d{3}) ?(\d{2})$/.exec(value);
    if (!match) {
      ctx.addIssue(customIssue('postcode.format', {}));
      return z.NEVER;
    }
    return `${match[1]} ${match[2]}`;
  });

const EMPTY_ADDRESS = { street: '', postcode: '', city: '' } as const;

/**
 * A postal or visiting address. The street line is free text (a postal
 * address may be "Box 117"); a street or postcode without a city is refused,
 * since such an address cannot be found or used.
 */
export const addressSchema = z
  .strictObject(
    {
      street: z
        .string({ error: msg('notText', { label: 'street' }) })
        .trim()
        .max(200, { error: msg('tooLong', { label: 'street', max: 200 }) })
        .default(''),
      postcode: postcodeSchema.default(''),
      city: z
        .string({ error: msg('notText', { label: 'city' }) })
        .trim()
        .max(100, { error: msg('tooLong', { label: 'city', max: 100 }) })
        .default(''),
    },
    { error: msg('address.shape', {}) },
  )
  .superRefine((address, ctx) => {
    if ((address.street !== '' || address.postcode !== '') && address.city === '') {
      ctx.addIssue(customIssue('address.cityRequired', {}, ['city']));
    }
  })
  .default({ ...EMPTY_ADDRESS });
export type Address = z.infer<typeof addressSchema>;

/** One person a visitor may contact, as the cluster enters them. */
export const contactPersonSchema = z.strictObject(
  {
    name: z
      .string({ error: msg('required', { label: 'name' }) })
      .trim()
      .min(2, { error: msg('tooShort', { label: 'name', min: 2 }) })
      .max(200, { error: msg('tooLong', { label: 'name', max: 200 }) }),
    role: z
      .string({ error: msg('notText', { label: 'role' }) })
      .trim()
      .max(200, { error: msg('tooLong', { label: 'role', max: 200 }) })
      .default(''),
    email: emailSchema,
    phone: phoneSchema.nullable().default(null),
  },
  { error: msg('contactPersons.shape', {}) },
);
export type ContactPerson = z.infer<typeof contactPersonSchema>;

export const contactPersonsSchema = z
  .array(contactPersonSchema, { error: msg('contactPersons.shape', {}) })
  .max(MAX_CONTACT_PERSONS, {
    error: msg('contactPersons.tooMany', { max: MAX_CONTACT_PERSONS }),
  })
  .default([]);
