import { describe, expect, it } from 'vitest';
import { renderPreviewMarkdown as renderMarkdown } from './index';

describe('renderPreviewMarkdown (the admin preview)', () => {
  it('renders headings, emphasis, lists and links', () => {
    const html = renderMarkdown(
      '# Rubrik\n\n**fet** och *kursiv*\n\n- ett\n- två\n\n[länk](https://example.se)',
    );
    expect(html).toContain('<h1>Rubrik</h1>');
    expect(html).toContain('<strong>fet</strong>');
    expect(html).toContain('<li>två</li>');
    expect(html).toContain(
      '<a href="https://example.se" target="_blank" rel="noopener noreferrer">länk</a>',
    );
  });

  it('shows raw HTML as text and drops script addresses', () => {
    const html = renderMarkdown(
      '<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>',
    );
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('href="javascript:');
    expect(html).not.toContain('<img');
  });
});
