/**
 * sendMail in both modes: without SMTP_URL every mail is kept in mail_outbox
 * (and logged without its body); with SMTP_URL it goes to a real SMTP server
 * running in this process, and what arrived is checked — envelope, headers,
 * both parts, the language. A refused mail is recorded as failed, never
 * thrown, and the retry pass sends it later.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../../test-support';
import { configureMail } from './config';
import { renderMail } from './render';
import { retryUndelivered, sendMail } from './send';
import { header, part, startTestSmtpServer, type TestSmtpServer } from './smtp-test-server';

let api: TestApi;
let smtp: TestSmtpServer | undefined;
beforeEach(() => {
  api = createTestApi();
});
afterEach(async () => {
  await smtp?.close();
  smtp = undefined;
  api.cleanup();
});

type OutboxRow = {
  id: number;
  to: string;
  language: string;
  subject: string;
  status: string;
  attempts: number;
  last_error: string | null;
  sent_at: number | null;
  text: string;
  html: string;
};
const outbox = () =>
  api.sqlite.prepare('SELECT * FROM mail_outbox ORDER BY id').all() as OutboxRow[];

const swedishMail = () => {
  const { text, html } = renderMail({
    language: 'sv',
    heading: 'Ny medlemsansökan till Öresund <Food>',
    paragraphs: ['Åsa på Ängelholms Äpple AB vill bli medlem.'],
    action: { label: 'Öppna ansökan', url: 'https://cos.example/admin/inbox/4' },
  });
  return {
    to: 'redaktor@example.test',
    language: 'sv' as const,
    subject: 'Ny medlemsansökan: Ängelholms Äpple AB',
    text,
    html,
    kind: 'join.received',
  };
};

describe('sendMail without SMTP_URL', () => {
  it('keeps the mail in the outbox and logs one line without the body', async () => {
    const lines: { message: string; fields: Record<string, unknown> }[] = [];
    configureMail(api.handle, { log: (message, fields) => lines.push({ message, fields }) });
    const id = await sendMail(api.handle, swedishMail());
    const [row] = outbox();
    expect(row).toMatchObject({
      id,
      to: 'redaktor@example.test',
      language: 'sv',
      subject: 'Ny medlemsansökan: Ängelholms Äpple AB',
      status: 'outbox',
      attempts: 0,
      sent_at: null,
    });
    expect(row?.text).toContain('Åsa på Ängelholms Äpple AB vill bli medlem.');
    expect(lines).toHaveLength(1);
    expect(lines[0]?.fields).toMatchObject({ mailId: id, kind: 'join.received' });
    expect(JSON.stringify(lines)).not.toContain('Åsa');
  });

  it('is also what an unconfigured handle does (tests, the CLI)', async () => {
    await sendMail(api.handle, swedishMail());
    expect(outbox().map((r) => r.status)).toEqual(['outbox']);
    expect(await retryUndelivered(api.handle)).toBe(0);
  });
});

describe('sendMail over SMTP (smtp-server in-process)', () => {
  it('delivers text and HTML in the recipient language and records it as sent', async () => {
    smtp = await startTestSmtpServer();
    configureMail(api.handle, {
      smtpUrl: smtp.url,
      from: 'Clusters of Skåne <no-reply@cos.example>',
    });
    await sendMail(api.handle, swedishMail());

    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    if (!mail) throw new Error('nothing arrived');
    expect(mail.from).toBe('no-reply@cos.example');
    expect(mail.to).toEqual(['redaktor@example.test']);
    expect(header(mail.raw, 'Subject')).toBe('Ny medlemsansökan: Ängelholms Äpple AB');
    expect(header(mail.raw, 'From')).toBe('Clusters of Skåne <no-reply@cos.example>');
    expect(header(mail.raw, 'To')).toBe('redaktor@example.test');
    expect(header(mail.raw, 'Content-Language')).toBe('sv');
    expect(header(mail.raw, 'Content-Type')).toMatch(/^multipart\/alternative/);

    const text = part(mail.raw, 'text/plain');
    const html = part(mail.raw, 'text/html');
    expect(text).toContain('Åsa på Ängelholms Äpple AB vill bli medlem.');
    expect(text).toContain('Öppna ansökan: https://cos.example/admin/inbox/4');
    expect(text).toContain('Du får det här mejlet');
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain('Ny medlemsansökan till Öresund &lt;Food&gt;');
    expect(html).toContain('<a href="https://cos.example/admin/inbox/4">Öppna ansökan</a>');

    const [row] = outbox();
    expect(row).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
    expect(row?.sent_at).toBeTypeOf('number');
  });

  it('records a refused mail as failed without throwing, and the retry pass sends it', async () => {
    smtp = await startTestSmtpServer();
    configureMail(api.handle, { smtpUrl: smtp.url });
    smtp.refuse(true);
    await expect(sendMail(api.handle, swedishMail())).resolves.toBeTypeOf('number');
    let [row] = outbox();
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row?.last_error).toContain('Mailbox full');
    expect(smtp.received).toHaveLength(0);

    // Not yet due: the first retry waits two minutes after the mail was made.
    expect(await retryUndelivered(api.handle, { now: new Date() })).toBe(0);
    smtp.refuse(false);
    const later = new Date(Date.now() + 3 * 60_000);
    expect(await retryUndelivered(api.handle, { now: later })).toBe(1);
    [row] = outbox();
    expect(row).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
    expect(smtp.received).toHaveLength(1);
  });

  it('records an unreachable server as failed and stops retrying after the last attempt', async () => {
    smtp = await startTestSmtpServer();
    const url = smtp.url;
    await smtp.close();
    smtp = undefined;
    configureMail(api.handle, { smtpUrl: url });
    await sendMail(api.handle, swedishMail());
    const far = new Date(Date.now() + 365 * 24 * 3600_000);
    for (let i = 0; i < 10; i += 1) await retryUndelivered(api.handle, { now: far });
    const [row] = outbox();
    expect(row).toMatchObject({ status: 'failed', attempts: 5 });
    expect(row?.last_error).toMatch(/ECONNREFUSED|connect/i);
  });
});
