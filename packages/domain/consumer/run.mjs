// Plain node, no TypeScript loader: the packed package's JavaScript.
import { isOrganisationNumber, memberCreateInput, slugify } from '@cos/domain';
import { renderArticleMarkdown } from '@cos/domain/markdown';

const parsed = memberCreateInput.safeParse({ name: '' });
console.log(
  JSON.stringify({
    orgNumber: isOrganisationNumber('556016-0680'),
    badOrgNumber: isOrganisationNumber('556016-0681'),
    slug: slugify('Åhus Glass & Mejeri AB'),
    refused: !parsed.success,
    markdown: renderArticleMarkdown('**Skåne**').trim(),
  }),
);
