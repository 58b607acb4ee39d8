/**
 * JSON-LD for search engines (schema.org Organization and NewsArticle). The
 * block is data, not script, so the CSP does not run it; "<" is escaped so no
 * text in a name or description can close the <script> element early.
 */
export function jsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function organisation(input: {
  name: string;
  url: string;
  description?: string;
  website?: string | null;
  email?: string | null;
  foundingDate?: number | null;
  city?: string | null;
  /** The cluster's phone number as entered (schema.org takes it as text). */
  telephone?: string | null;
  /** The visiting address; the city alone is used when there is none. */
  address?: { street: string; postcode: string; city: string } | null;
  /** Contact persons, as schema.org ContactPoints. */
  contactPoints?: readonly {
    name: string;
    role: string;
    email: string;
    phone: string | null;
  }[];
  memberOf?: readonly { name: string; url: string }[];
  /** The uploaded logo's absolute address, when one is set. */
  logo?: string | null;
  /** Organisations that are members of this one (Clusters of Skåne's clusters). */
  members?: readonly { name: string; url: string; logo?: string | null }[];
}): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    name: input.name,
    url: input.url,
    ...(input.description ? { description: input.description } : {}),
    ...(input.website ? { sameAs: [input.website] } : {}),
    ...(input.email ? { email: input.email } : {}),
    ...(input.foundingDate ? { foundingDate: String(input.foundingDate) } : {}),
    ...(input.telephone ? { telephone: input.telephone } : {}),
    ...(input.address
      ? { address: postalAddress(input.address) }
      : input.city
        ? {
            address: {
              '@type': 'PostalAddress',
              addressLocality: input.city,
              addressCountry: 'SE',
            },
          }
        : {}),
    ...(input.contactPoints?.length
      ? {
          contactPoint: input.contactPoints.map((p) => ({
            '@type': 'ContactPoint',
            name: p.name,
            ...(p.role ? { contactType: p.role } : {}),
            email: p.email,
            ...(p.phone ? { telephone: p.phone } : {}),
          })),
        }
      : {}),
    ...(input.logo ? { logo: input.logo } : {}),
    ...(input.members?.length
      ? {
          member: input.members.map((o) => ({
            '@type': 'Organization',
            name: o.name,
            url: o.url,
            ...(o.logo ? { logo: o.logo } : {}),
          })),
        }
      : {}),
    ...(input.memberOf?.length
      ? {
          memberOf: input.memberOf.map((o) => ({
            '@type': 'Organization',
            name: o.name,
            url: o.url,
          })),
        }
      : {}),
  };
}

/** A schema.org PostalAddress with only the parts that are given (postcodes are Swedish). */
function postalAddress(a: { street: string; postcode: string; city: string }) {
  return {
    '@type': 'PostalAddress',
    ...(a.street ? { streetAddress: a.street } : {}),
    ...(a.postcode ? { postalCode: a.postcode } : {}),
    ...(a.city ? { addressLocality: a.city } : {}),
    addressCountry: 'SE',
  };
}

export function newsArticle(input: {
  headline: string;
  url: string;
  description: string;
  datePublished: string;
  author: string;
  image?: string | null;
  language: string;
  publisher: { name: string; url: string };
}): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: input.headline,
    url: input.url,
    mainEntityOfPage: input.url,
    description: input.description,
    datePublished: input.datePublished,
    inLanguage: input.language,
    author: { '@type': 'Organization', name: input.author },
    publisher: { '@type': 'Organization', name: input.publisher.name, url: input.publisher.url },
    ...(input.image ? { image: [input.image] } : {}),
  };
}
