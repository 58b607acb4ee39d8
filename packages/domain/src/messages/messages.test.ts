import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as domain from '../index';
import { MESSAGES_EN } from './en';
import { formatMessage, issueMessage } from './format';
import { FIELD_LABELS } from './labels';
import { MESSAGES_SV } from './sv';

describe('the catalogue', () => {
  it('has a Swedish and an English text for the same codes', () => {
    expect(Object.keys(MESSAGES_SV).sort()).toEqual(Object.keys(MESSAGES_EN).sort());
  });

  it('names every field label in both languages', () => {
    for (const [key, label] of Object.entries(FIELD_LABELS)) {
      expect(label.sv.trim(), key).not.toBe('');
      expect(label.en.trim(), key).not.toBe('');
    }
  });

  it('puts the label and the parameters into each language', () => {
    expect(formatMessage('en', 'tooShort', { label: 'name', min: 2 })).toBe(
      'Name must be at least 2 characters',
    );
    expect(formatMessage('sv', 'tooShort', { label: 'name', min: 2 })).toBe(
      'Namn måste ha minst 2 tecken',
    );
    expect(formatMessage('sv', 'requiredIn', { label: 'title', lang: 'sv' })).toBe(
      'Rubrik på svenska måste fyllas i',
    );
  });
});

const LONG = 'x'.repeat(100_001);
/** Kinds of bad value for one field: missing, empty, too short, too long, wrong type, bad format. */
const BAD_VALUES: unknown[] = [
  undefined,
  null,
  '',
  ' ',
  'x',
  LONG,
  'not a slug!',
  'javascript:alert(1)',
  'exa mple.se',
  'user@example.se',
  '5560160681',
  '19556016068',
  '195560160680',
  '010101-0101',
  'no-at-sign',
  '2024-02-30',
  'yesterday',
  -1,
  0,
  1.5,
  99_999,
  true,
  [],
  {},
  { sv: '' },
  { sv: LONG, en: LONG },
  { sv: 'ok', en: 5 },
  { src: '//evil.example/x.jpg', alt: { sv: '' } },
  { src: '/a b.jpg', alt: { sv: 'ok' } },
  ['', LONG, 'bad tag!'],
  Array.from({ length: 25 }, (_, i) => `t${i}`),
  [1, 1],
  [0, 'x'],
  [
    { clusterId: 1, since: 'soon' },
    { clusterId: 1, since: null },
  ],
  Array.from({ length: 41 }, (_, i) => i + 1),
  Array.from({ length: 50 }, (_, i) => ({ x: i })),
];

function schemasOfDomain(): [string, z.ZodType][] {
  const entries: [string, unknown][] = Object.entries(domain);
  return entries.filter((entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType);
}

function shapeOf(schema: z.ZodType): Record<string, unknown> | undefined {
  if (schema instanceof z.ZodObject) return schema.shape;
  // A refined object (userCreateInput) or a pipe still has its object inside.
  const def = schema.def as { in?: z.ZodType; schema?: z.ZodType; innerType?: z.ZodType };
  const inner = def.in ?? def.schema ?? def.innerType;
  return inner ? shapeOf(inner) : undefined;
}

/** Whole bad inputs, and for an object each field set to each bad value in an otherwise valid-ish record. */
function badInputsFor(schema: z.ZodType): unknown[] {
  const inputs = [...BAD_VALUES, { unexpectedKey: 1 }];
  const shape = shapeOf(schema);
  if (!shape) return inputs;
  const base = { role: 'editor', clusterId: null };
  for (const key of Object.keys(shape)) {
    for (const value of BAD_VALUES) inputs.push({ ...base, [key]: value });
  }
  inputs.push({ role: 'admin', clusterId: 3 });
  return inputs;
}

describe('every domain schema on bad input', () => {
  const schemas = schemasOfDomain();

  it('finds the schemas', () => {
    expect(schemas.map(([name]) => name)).toEqual(
      expect.arrayContaining(['memberCreateInput', 'clusterCreateInput', 'articleCreateInput']),
    );
    expect(schemas.length).toBeGreaterThan(20);
  });

  it('gives every issue a catalogue code whose Swedish and English texts exist', () => {
    const seen = new Set<string>();
    const problems: string[] = [];
    for (const [name, schema] of schemas) {
      let issues = 0;
      for (const input of badInputsFor(schema)) {
        const result = schema.safeParse(input);
        if (result.success) continue;
        for (const issue of result.error.issues) {
          issues++;
          const where = `${name} ${issue.path.join('.')}: ${issue.message}`;
          const message = issueMessage(issue);
          if (!message) {
            problems.push(`no code for ${where}`);
            continue;
          }
          seen.add(message.code);
          const en = formatMessage('en', message.code, message.params);
          const sv = formatMessage('sv', message.code, message.params);
          if (!message.code.startsWith('input.') && en !== issue.message)
            problems.push(`English text differs for ${where}: ${en}`);
          if (sv.trim() === '' || /undefined|NaN/.test(sv))
            problems.push(`bad Swedish text for ${where}: ${sv}`);
        }
      }
      if (issues === 0) problems.push(`${name} found nothing wrong with any bad input`);
    }
    expect(problems).toEqual([]);
    // The sweep reaches the domain's own rules, not only zod's generic issues.
    for (const code of ['tooShort', 'requiredIn', 'orgNumber.checkDigit', 'webAddress.scheme'])
      expect(seen).toContain(code);
  });
});
