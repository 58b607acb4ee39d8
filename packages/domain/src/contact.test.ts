import { describe, expect, it } from 'vitest';
import { emailSchema, normaliseEmail, normaliseWebAddress, webAddressSchema } from './contact';

describe('normaliseWebAddress', () => {
  it.each([
    ['Example.se', 'https://example.se'],
    ['www.lu.se/', 'https://www.lu.se'],
    ['HTTP://Foo.SE/a/', 'http://foo.se/a/'],
    ['https://WWW.Mau.SE', 'https://www.mau.se'],
    ['  https://opentech.se  ', 'https://opentech.se'],
    ['https://example.se/Om-Oss?Lang=EN#Kontakt', 'https://example.se/Om-Oss?Lang=EN#Kontakt'],
    ['example.se/path', 'https://example.se/path'],
    ['example.se:8080/admin', 'https://example.se:8080/admin'],
    ['https://example.se:443/', 'https://example.se'],
  ])('%s → %s', (input, output) => {
    expect(normaliseWebAddress(input)).toEqual({ ok: true, value: output });
  });

  it('adds https:// when the scheme is missing', () => {
    const result = normaliseWebAddress('packbridge.se');
    expect(result.ok && result.value.startsWith('https://')).toBe(true);
  });

  it('lowercases the host but keeps the path as written', () => {
    expect(normaliseWebAddress('HTTPS://MediaEvolution.SE/Evenemang')).toEqual({
      ok: true,
      value: 'https://mediaevolution.se/Evenemang',
    });
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(document.cookie)',
    'data:text/html,<script>alert(1)</script>',
    'ftp://files.example.se',
    'mailto:info@example.se',
    'file:///etc/passwd',
    'https:example.se',
  ])('rejects %s: only http and https are allowed', (input) => {
    expect(normaliseWebAddress(input)).toEqual({
      ok: false,
      reason: 'must start with http:// or https://',
    });
  });

  it('never returns anything but an http(s) address for scheme-like input with digits', () => {
    for (const input of ['javascript:1', 'data:0', 'vbscript:1/']) {
      const result = normaliseWebAddress(input);
      if (result.ok) expect(result.value).toMatch(/^https?:\/\//);
      expect(result.ok).toBe(false);
    }
  });

  it.each(['exa mple.se', 'https://example.se/a b', 'example.se\tx'])(
    'rejects %j because it contains spaces',
    (input) => {
      expect(normaliseWebAddress(input)).toEqual({ ok: false, reason: 'must not contain spaces' });
    },
  );

  it.each(['https://user:secret@example.se', 'https://user@example.se', 'admin@example.se'])(
    'rejects %s because it carries a user name or password',
    (input) => {
      expect(normaliseWebAddress(input)).toEqual({
        ok: false,
        reason: 'must not contain a user name or password',
      });
    },
  );

  it('rejects an empty address and one without a domain', () => {
    expect(normaliseWebAddress('   ')).toEqual({ ok: false, reason: 'must not be empty' });
    expect(normaliseWebAddress('intranet')).toEqual({
      ok: false,
      reason: 'must have a domain such as example.se',
    });
  });

  it('rejects what the URL parser cannot read', () => {
    expect(normaliseWebAddress('https://exa<mple.se')).toEqual({
      ok: false,
      reason: 'is not a valid web address',
    });
  });
});

describe('webAddressSchema', () => {
  it('outputs the normalised address', () => {
    expect(webAddressSchema.parse('Sbhub.se')).toBe('https://sbhub.se');
  });

  it('prefixes the reason with "Web address"', () => {
    expect(webAddressSchema.safeParse('javascript:alert(1)').error?.issues[0]?.message).toBe(
      'Web address must start with http:// or https://',
    );
  });

  it('rejects addresses over 500 characters', () => {
    const long = `https://example.se/${'a'.repeat(500)}`;
    expect(webAddressSchema.safeParse(long).error?.issues[0]?.message).toBe(
      'Web address must be at most 500 characters',
    );
  });
});

describe('normaliseEmail and emailSchema', () => {
  it('trims and lowercases', () => {
    expect(normaliseEmail('  Anna.Svensson@Lu.SE ')).toBe('anna.svensson@lu.se');
    expect(emailSchema.parse('  Info@MediaEvolution.SE ')).toBe('info@mediaevolution.se');
  });

  it('makes differently written duplicates compare equal', () => {
    expect(emailSchema.parse('INFO@sbhub.se')).toBe(emailSchema.parse('info@SBHUB.se '));
  });

  it.each(['no-at-sign', 'a@b', '@example.se', 'anna@', 'anna svensson@lu.se'])(
    'rejects %s with an example of the expected form',
    (input) => {
      expect(emailSchema.safeParse(input).error?.issues[0]?.message).toBe(
        'E-mail address is not valid (expected name@example.se)',
      );
    },
  );

  it('rejects addresses over 254 characters', () => {
    const long = `${'a'.repeat(250)}@lu.se`;
    expect(emailSchema.safeParse(long).error?.issues[0]?.message).toBe(
      'E-mail address must be at most 254 characters',
    );
  });

  it('says the address is required when it is missing', () => {
    expect(emailSchema.safeParse(undefined).error?.issues[0]?.message).toBe(
      'E-mail address is required',
    );
  });
});
