import { describe, expect, it } from 'vitest';
import { renderArticleMarkdown as renderMarkdown } from './index';

describe('renderArticleMarkdown (the site)', () => {
  it('renders ordinary Markdown', () => {
    const html = renderMarkdown('Hej **du**\n\n- ett\n- två');
    expect(html).toContain('<strong>du</strong>');
    expect(html).toContain('<li>två</li>');
  });

  it('escapes raw HTML instead of passing it through', () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('does not link javascript:, vbscript: or data: addresses', () => {
    for (const href of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'vbscript:x',
      'data:text/html,<b>x</b>',
    ]) {
      const html = renderMarkdown(`[klicka](${href})`);
      expect(html).not.toMatch(/<a /);
    }
  });

  it('cannot be tricked into an attribute by quotes in a link or image', () => {
    const html = renderMarkdown(
      '[x](https://example.se/"onmouseover="alert(1)) ![a" onerror="b](/i.png)',
    );
    // Quotes stay inside the attribute value (URL-encoded or &quot;): no new attribute appears.
    expect(html).not.toMatch(/\son\w+="/);
    expect(html).toContain('alt="a&quot; onerror=&quot;b"');
  });

  it('moves headings one level down, under the page title', () => {
    expect(renderMarkdown('# Rubrik\n\n###### Liten')).toBe('<h2>Rubrik</h2>\n<h6>Liten</h6>\n');
  });

  it('marks links to other sites noopener, leaves own links alone', () => {
    expect(renderMarkdown('[a](https://example.se)')).toContain('rel="noopener noreferrer"');
    expect(renderMarkdown('[a](/medlemmar)')).not.toContain('rel=');
  });
});
