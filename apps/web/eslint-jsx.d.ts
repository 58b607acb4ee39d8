// For ESLint only (tsconfig.eslint.json; not seen by `astro check`). Astro types
// markup as `any` (astroHTML.JSX.Element is `HTMLElement | any`, to suit every UI
// framework), so type-aware rules would call every `{list.map((x) => <li>…</li>)}`
// an unsafe return. This site renders no framework components: markup is HTML.
// The fix eslint-plugin-astro's README gives.
import 'astro/astro-jsx';

declare global {
  namespace JSX {
    type Element = HTMLElement;
  }
}
