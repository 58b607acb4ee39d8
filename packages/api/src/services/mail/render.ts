/**
 * The one layout every mail of the platform has: a heading, paragraphs, an
 * optional action link and a footer saying why the person got the mail, as
 * plain text and as HTML. Callers pass plain strings; everything is escaped
 * here, so text from a form can never become markup in someone's mail. No
 * images, no tracking pixels, no rewritten links: the URL in the mail is the
 * URL of the page, and the HTML loads nothing.
 */
import type { MailLanguage } from '@cos/domain';

export interface MailContent {
  language: MailLanguage;
  heading: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  /** Why the person got this mail; the default names the platform and the profile setting. */
  footer?: string;
}

export interface RenderedMail {
  text: string;
  html: string;
}

const DEFAULT_FOOTER: Record<MailLanguage, string> = {
  sv: 'Du får det här mejlet från Clusters of Skåne-plattformen eftersom du har ett konto där eller har skickat in ett formulär. Redaktörer väljer mellan ett mejl per händelse och en daglig sammanfattning under Min profil i administrationen.',
  en: 'You are receiving this e-mail from the Clusters of Skåne platform because you have an account there or sent in a form. Editors choose between one e-mail per event and a daily summary under My profile in the admin.',
};

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** Only web links become links: a `javascript:` or `data:` URL is shown as text, never as href. */
function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** Line breaks inside a paragraph are kept (an address, a quoted message). */
const htmlParagraph = (text: string) =>
  `<p style="margin:0 0 16px">${escapeHtml(text).replaceAll(/\r?\n/g, '<br>')}</p>`;

export function renderMail(content: MailContent): RenderedMail {
  const footer = content.footer ?? DEFAULT_FOOTER[content.language];
  const textParts = [content.heading, '', ...content.paragraphs.flatMap((p) => [p, ''])];
  if (content.action) textParts.push(`${content.action.label}: ${content.action.url}`, '');
  textParts.push('-- ', footer);
  const text = `${textParts.join('\n')}\n`;

  const action = content.action
    ? isWebUrl(content.action.url)
      ? `<p style="margin:0 0 16px"><a href="${escapeHtml(content.action.url)}">${escapeHtml(content.action.label)}</a></p>`
      : htmlParagraph(`${content.action.label}: ${content.action.url}`)
    : '';
  const html = [
    '<!doctype html>',
    `<html lang="${content.language}">`,
    '<head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(content.heading)}</title></head>`,
    '<body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1a1a1a;max-width:40em;margin:0 auto;padding:16px">',
    `<h1 style="font-size:1.3em;margin:0 0 16px">${escapeHtml(content.heading)}</h1>`,
    ...content.paragraphs.map(htmlParagraph),
    action,
    `<hr><p style="font-size:0.9em;color:#555">${escapeHtml(footer)}</p>`,
    '</body></html>',
  ]
    .filter(Boolean)
    .join('\n');
  return { text, html };
}
