/**
 * Article bodies are Markdown written in the admin. Rendered with raw HTML
 * turned off (a <script> in the text comes out as text), markdown-it's own
 * link check (no javascript:, vbscript:, file: or non-image data: URLs),
 * headings moved one level down (the page's h1 is the article title) and
 * links to other sites marked rel="noopener noreferrer".
 */
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt({ html: false, linkify: true, typographer: true });

md.core.ruler.push('shift-headings-and-mark-links', (state) => {
  for (const token of state.tokens) {
    if (token.type === 'heading_open' || token.type === 'heading_close') {
      const level = Math.min(6, Number(token.tag.slice(1)) + 1);
      token.tag = `h${level}`;
    }
    for (const child of token.children ?? []) {
      if (child.type !== 'link_open') continue;
      const href = String(child.attrGet('href') ?? '');
      if (/^https?:\/\//i.test(href)) child.attrSet('rel', 'noopener noreferrer');
    }
  }
});

export function renderMarkdown(source: string): string {
  return md.render(source);
}
