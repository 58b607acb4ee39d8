import { describe, expect, it } from 'vitest';
import {
  confidenceSchema,
  idSchema,
  isoDateSchema,
  MEMBER_KIND_LABELS,
  MEMBER_KINDS,
  memberKindSchema,
  SIZE_BAND_LABELS,
  SIZE_BANDS,
  sizeBandSchema,
  statusSchema,
  userRoleSchema,
  versionSchema,
} from './vocabulary';

function firstMessage(result: { error?: { issues: { message: string }[] } }): string | undefined {
  return result.error?.issues[0]?.message;
}

describe('closed lists', () => {
  it('have a Swedish and English label for every member kind and size band', () => {
    expect(Object.keys(MEMBER_KIND_LABELS).sort()).toEqual([...MEMBER_KINDS].sort());
    expect(Object.keys(SIZE_BAND_LABELS).sort()).toEqual([...SIZE_BANDS].sort());
    for (const label of [
      ...Object.values(MEMBER_KIND_LABELS),
      ...Object.values(SIZE_BAND_LABELS),
    ]) {
      expect(label.sv).not.toBe('');
      expect(label.en).not.toBe('');
    }
  });

  it('accept listed values and list the allowed ones when rejecting', () => {
    expect(memberKindSchema.parse('public-sector')).toBe('public-sector');
    expect(firstMessage(memberKindSchema.safeParse('government'))).toBe(
      'Kind must be one of: company, startup, academia, public-sector, non-profit, investor, other',
    );
    expect(firstMessage(sizeBandSchema.safeParse('1000+'))).toBe(
      'Size must be one of: 1-9, 10-49, 50-249, 250+',
    );
    expect(firstMessage(statusSchema.safeParse('deleted'))).toBe(
      'Status must be one of: draft, published, archived',
    );
    expect(firstMessage(userRoleSchema.safeParse('owner'))).toBe(
      'Role must be one of: admin, editor',
    );
    expect(firstMessage(confidenceSchema.safeParse('low'))).toBe(
      'Confidence must be one of: high, medium, guess',
    );
  });
});

describe('idSchema', () => {
  it('accepts positive whole numbers', () => {
    expect(idSchema.parse(1)).toBe(1);
  });

  it.each([
    [0, 'Id must be positive'],
    [-3, 'Id must be positive'],
    [1.5, 'Id must be a whole number'],
    ['1', 'Id must be a number'],
  ])('rejects %j: %s', (value, message) => {
    expect(firstMessage(idSchema.safeParse(value))).toBe(message);
  });
});

describe('versionSchema', () => {
  it('starts at 1', () => {
    expect(versionSchema.parse(1)).toBe(1);
    expect(firstMessage(versionSchema.safeParse(0))).toBe('Version must be at least 1');
  });
});

describe('isoDateSchema', () => {
  it('accepts real days written YYYY-MM-DD', () => {
    expect(isoDateSchema.parse('2010-06-29')).toBe('2010-06-29');
    expect(isoDateSchema.parse('2024-02-29')).toBe('2024-02-29');
  });

  it.each(['2023-02-29', '2021-13-01', '29/06/2010', '2010-6-29', '2010-06-29T00:00:00Z'])(
    'rejects %s',
    (value) => {
      expect(firstMessage(isoDateSchema.safeParse(value))).toBe(
        'Date must be a real date written YYYY-MM-DD',
      );
    },
  );
});
