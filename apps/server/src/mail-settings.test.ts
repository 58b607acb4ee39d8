/** SMTP_URL and MAIL_FROM: optional, and refused with a clear line when malformed. */
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import { mailSettingsFromEnv } from './mail-settings';

describe('mail settings', () => {
  it('default to the outbox only, with no sender named', () => {
    expect(mailSettingsFromEnv({})).toEqual({ smtpUrl: undefined, mailFrom: undefined });
    expect(mailSettingsFromEnv({ SMTP_URL: '  ', MAIL_FROM: '' })).toEqual({
      smtpUrl: undefined,
      mailFrom: undefined,
    });
    expect(loadConfig({ DATABASE_URL: ':memory:' }).mail.smtpUrl).toBeUndefined();
  });

  it('take an smtp:// or smtps:// URL and a sender', () => {
    expect(
      mailSettingsFromEnv({
        SMTP_URL: 'smtps://user:secret@mail.example.se:465',
        MAIL_FROM: 'Clusters of Skåne <no-reply@example.se>',
      }),
    ).toEqual({
      smtpUrl: 'smtps://user:secret@mail.example.se:465',
      mailFrom: 'Clusters of Skåne <no-reply@example.se>',
    });
    expect(mailSettingsFromEnv({ MAIL_FROM: 'no-reply@example.se' }).mailFrom).toBe(
      'no-reply@example.se',
    );
  });

  it('refuse what is not one', () => {
    expect(() => mailSettingsFromEnv({ SMTP_URL: 'mail.example.se' })).toThrow(
      /SMTP_URL must be a URL/,
    );
    expect(() => mailSettingsFromEnv({ SMTP_URL: 'https://mail.example.se' })).toThrow(
      /smtp:\/\/ or smtps:\/\//,
    );
    expect(() => mailSettingsFromEnv({ MAIL_FROM: 'nobody' })).toThrow(
      /MAIL_FROM must be an address/,
    );
  });
});
