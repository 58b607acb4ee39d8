/**
 * An article's page in one language. An article has a slug per language; an
 * address with its slug in the other language (the English pages used the
 * Swedish slug until slugs per language came) answers with a permanent
 * redirect to the article's own address, so old links and bookmarks keep
 * working and search engines move their index.
 */
import { apiFor, orNotFound, type Article } from './api';
import { pathFor, type Locale } from './routes';

export type ArticlePage =
  { kind: 'page'; article: Article } | { kind: 'redirect'; to: string } | { kind: 'missing' };

export async function articlePage(
  locals: App.Locals,
  slug: string,
  locale: Locale,
  search: string,
): Promise<ArticlePage> {
  const article = await orNotFound(() => apiFor(locals).article.bySlug({ slug, locale }));
  if (!article) return { kind: 'missing' };
  const own = article.slugs[locale];
  if (own !== slug) return { kind: 'redirect', to: pathFor('article', locale, own) + search };
  return { kind: 'page', article };
}
