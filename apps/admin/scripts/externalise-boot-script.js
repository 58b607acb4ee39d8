/**
 * SvelteKit's fallback page starts the app with an inline <script>. The server
 * sends `Content-Security-Policy: script-src 'self'`, which blocks inline
 * scripts, so after `vite build` this moves each inline script of the built
 * HTML pages into a file named by its content hash and loads it from there.
 *
 * The replacement is a classic (not module) script on purpose: SvelteKit's
 * starter finds its mount point through document.currentScript, which is null
 * inside module scripts. Run: node scripts/externalise-boot-script.js [build]
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

const INLINE_SCRIPT = /<script>([\s\S]*?)<\/script>/g;

/**
 * @param {string} html the page
 * @param {(code: string) => string} store saves one script, returns its URL
 * @returns {{ html: string, moved: number }}
 */
export function externaliseInlineScripts(html, store) {
  let moved = 0;
  const out = html.replace(INLINE_SCRIPT, (_match, /** @type {string} */ code) => {
    moved++;
    return `<script src="${store(code.trim() + '\n')}"></script>`;
  });
  return { html: out, moved };
}

function main() {
  const build = path.resolve(process.argv[2] ?? 'build');
  const base = '/admin';
  const folder = path.join(build, '_app', 'immutable', 'boot');
  const pages = readdirSync(build).filter((f) => f.endsWith('.html'));
  if (!pages.includes('index.html')) throw new Error(`no index.html in ${build}`);
  let total = 0;
  for (const page of pages) {
    const file = path.join(build, page);
    const { html, moved } = externaliseInlineScripts(readFileSync(file, 'utf8'), (code) => {
      const name = `${createHash('sha256').update(code).digest('hex').slice(0, 12)}.js`;
      mkdirSync(folder, { recursive: true });
      writeFileSync(path.join(folder, name), code);
      return `${base}/_app/immutable/boot/${name}`;
    });
    if (/<script(?![^>]*\ssrc=)[^>]*>/.test(html)) {
      throw new Error(`${page} still has an inline script that the CSP would block`);
    }
    writeFileSync(file, html);
    total += moved;
  }
  console.warn(
    `externalise-boot-script: moved ${total} inline script(s) out of ${pages.length} page(s)`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) main();
