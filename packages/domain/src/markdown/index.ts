/**
 * The one Markdown renderer: article bodies on the public site and their
 * preview in the admin's editor, so the preview shows what the site will.
 * A subpath export (@cos/domain/markdown): the domain's main entry, which
 * every package loads, does not pull markdown-it in.
 *
 * Safe to put on a page as HTML: raw HTML is off (a <script> in the text
 * comes out as text), markdown-it's own link check drops javascript:,
 * vbscript:, file: and non-image data: addresses, and links to other sites
 * are marked rel="noopener noreferrer".
 */
import MarkdownIt from 'markdown-it';

export interface MarkdownOptions {
  /** Levels to move headings down: on the site the page's h1 is the article title. */
  headingShift?: number;
  /** Open every link in a new tab: the editor's preview, so its unsaved text stays. */
  linksInNewTab?: boolean;
}

/** A render function with the shared safety settings and these options. */
export function createMarkdownRenderer(options: MarkdownOptions = {}): (source: string) => string {
  const { headingShift = 0, linksInNewTab = false } = options;
  const md = new MarkdownIt({ html: false, linkify: true, typographer: true });
  md.core.ruler.push('shift-headings-and-mark-links', (state) => {
    for (const token of state.tokens) {
      if (headingShift && (token.type === 'heading_open' || token.type === 'heading_close')) {
        token.tag = `h${Math.min(6, Number(token.tag.slice(1)) + headingShift)}`;
      }
      for (const child of token.children ?? []) {
        if (child.type !== 'link_open') continue;
        if (linksInNewTab) {
          child.attrSet('target', '_blank');
          child.attrSet('rel', 'noopener noreferrer');
        } else if (/^https?:\/\//i.test(String(child.attrGet('href') ?? ''))) {
          child.attrSet('rel', 'noopener noreferrer');
        }
      }
    }
  });
  return (source) => md.render(source);
}

/** An article body on the public site: headings one level down, under the page title. */
export const renderArticleMarkdown = createMarkdownRenderer({ headingShift: 1 });

/** The admin editor's preview: links open in a new tab. */
export const renderPreviewMarkdown = createMarkdownRenderer({ linksInNewTab: true });
