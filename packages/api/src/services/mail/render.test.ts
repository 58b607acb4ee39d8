/** renderMail: one layout in plain text and HTML, escaped, in the recipient's language. */
import { describe, expect, it } from 'vitest';
import { renderMail } from './render';

describe('renderMail', () => {
  it('escapes everything a form could carry, in the HTML part, and keeps the text as typed', () => {
    const hostile = `<script>alert("x")</script> & <img src=x onerror=alert(1)> 'q'`;
    const { text, html } = renderMail({
      language: 'en',
      heading: `New request from ${hostile}`,
      paragraphs: [hostile, 'Line one\nLine two'],
      action: { label: 'Open <b>it</b>', url: 'https://example.se/admin?a=1&b="2"' },
    });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>it</b>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img');
    expect(html).toContain('&#39;q&#39;');
    expect(html).toContain('Line one<br>Line two');
    expect(html).toContain(
      '<a href="https://example.se/admin?a=1&amp;b=&quot;2&quot;">Open &lt;b&gt;it&lt;/b&gt;</a>',
    );
    // The plain-text part is the text itself; no entities in it.
    expect(text).toContain(hostile);
    expect(text).toContain('Open <b>it</b>: https://example.se/admin?a=1&b="2"');
  });

  it('never makes a link of a non-web URL', () => {
    const { html } = renderMail({
      language: 'sv',
      heading: 'Rubrik',
      paragraphs: [],
      action: { label: 'Klicka', url: 'javascript:alert(1)' },
    });
    expect(html).not.toContain('href');
    expect(html).toContain('Klicka: javascript:alert(1)');
  });

  it('loads nothing and tracks nothing: no images, styles from elsewhere or scripts', () => {
    const { html } = renderMail({
      language: 'sv',
      heading: 'Rubrik',
      paragraphs: ['Text'],
      action: { label: 'Öppna', url: 'https://example.se/x' },
    });
    expect(html).not.toMatch(/<img|<script|<link|<iframe|src=|url\(/i);
    // The one link is the page itself, not a redirect through a tracker.
    expect([...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1])).toEqual([
      'https://example.se/x',
    ]);
  });

  it('writes the footer in the language of the mail, saying why it came and where to change it', () => {
    const sv = renderMail({ language: 'sv', heading: 'Hej', paragraphs: ['Ett stycke'] });
    const en = renderMail({ language: 'en', heading: 'Hello', paragraphs: ['A paragraph'] });
    expect(sv.html).toContain('<html lang="sv">');
    expect(en.html).toContain('<html lang="en">');
    expect(sv.text).toContain('Du får det här mejlet');
    expect(sv.text).toContain('Min profil');
    expect(en.text).toContain('You are receiving this e-mail');
    expect(en.text).toContain('My profile');
    expect(sv.text).not.toContain('You are receiving');
    expect(sv.text.startsWith('Hej\n\nEtt stycke\n')).toBe(true);
  });

  it('takes a footer of its own when given', () => {
    const { text, html } = renderMail({
      language: 'en',
      heading: 'Hi',
      paragraphs: [],
      footer: 'You asked to join <OpenTech>.',
    });
    expect(text).toContain('You asked to join <OpenTech>.');
    expect(html).toContain('You asked to join &lt;OpenTech&gt;.');
    expect(text).not.toContain('You are receiving');
  });
});
