/**
 * What the public-site tests expect: every page type in both languages, and
 * API helpers. PAGES is the one list of pages: page-walk.test.ts loads each
 * at the widths and with the data sets it lists and runs every per-page check
 * on it (heading, language, links, fit, axe, share image), so a new page is
 * added here and nowhere else.
 */
import { ADMIN } from '../platform';

export interface PageCase {
  name: string;
  sv: string;
  en: string;
  h1: { sv: string | RegExp; en: string | RegExp };
  status?: number;
  /** Also walked at phone widths (320 and 375 px) with demo data: long words, wide tables, code. */
  phone?: boolean;
}

export const LAUNCH = 'clusters-of-skane-ny-plattform-for-samarbete';
/** The launch article's English slug (migration 0018); its old English URL used LAUNCH. */
export const LAUNCH_EN = 'clusters-of-skane-a-new-platform-for-collaboration';

export const PAGES: PageCase[] = [
  {
    name: 'home',
    sv: '/',
    en: '/en/',
    h1: {
      sv: 'Skånes kluster, deras medlemmar och vad de gör',
      en: "Skåne's clusters, their members and what they do",
    },
  },
  {
    name: 'areas',
    sv: '/omraden',
    en: '/en/areas',
    h1: { sv: 'Specialiseringsområden', en: 'Specialisation areas' },
    phone: true,
  },
  {
    name: 'area',
    sv: '/omraden/livsmedel',
    en: '/en/areas/livsmedel',
    h1: { sv: 'Livsmedel', en: 'Food' },
  },
  {
    // The longest names of all: the one area page walked at phone widths.
    name: 'ESS area',
    sv: '/omraden/ess-max-iv-science-village',
    en: '/en/areas/ess-max-iv-science-village',
    h1: {
      sv: 'ESS, Max IV & Innovationssystemet Science Village',
      en: 'ESS, MAX IV & the Science Village innovation system',
    },
    phone: true,
  },
  {
    name: 'search',
    sv: '/sok',
    en: '/en/search',
    h1: { sv: 'Sök på webbplatsen', en: 'Search the site' },
    phone: true,
  },
  {
    name: 'clusters',
    sv: '/kluster',
    en: '/en/clusters',
    h1: { sv: 'Klusterorganisationer', en: 'Cluster organisations' },
    phone: true,
  },
  {
    name: 'cluster',
    sv: '/kluster/packbridge',
    en: '/en/clusters/packbridge',
    h1: { sv: 'Packbridge', en: 'Packbridge' },
  },
  {
    name: 'directory',
    sv: '/medlemmar',
    en: '/en/members',
    h1: { sv: 'Medlemskatalog', en: 'Member directory' },
    phone: true,
  },
  {
    name: 'member',
    sv: '/medlemmar/lunds-universitet',
    en: '/en/members/lunds-universitet',
    h1: { sv: 'Lunds universitet', en: 'Lunds universitet' },
  },
  {
    name: 'map',
    sv: '/karta',
    en: '/en/map',
    h1: { sv: 'Medlemmarna på kartan', en: 'Members on the map' },
  },
  {
    name: 'statistics',
    sv: '/statistik',
    en: '/en/statistics',
    h1: { sv: 'Statistik', en: 'Statistics' },
    phone: true,
  },
  { name: 'news', sv: '/nyheter', en: '/en/news', h1: { sv: 'Nyheter', en: 'News' } },
  {
    name: 'article',
    sv: `/nyheter/${LAUNCH}`,
    en: `/en/news/${LAUNCH_EN}`,
    h1: {
      sv: 'Clusters of Skåne – ny plattform för samarbete',
      en: 'Clusters of Skåne – a new platform for collaboration',
    },
  },
  {
    name: 'open-data',
    sv: '/oppna-data',
    en: '/en/open-data',
    h1: { sv: 'Öppna data', en: 'Open data' },
    phone: true,
  },
  {
    name: 'about',
    sv: '/om',
    en: '/en/about',
    h1: { sv: 'Om Clusters of Skåne', en: 'About Clusters of Skåne' },
  },
  {
    name: 'accessibility',
    sv: '/tillganglighet',
    en: '/en/accessibility',
    h1: { sv: 'Tillgänglighetsredogörelse', en: 'Accessibility statement' },
    phone: true,
  },
  {
    name: 'contact',
    sv: '/kontakt',
    en: '/en/contact',
    h1: { sv: 'Kontakt', en: 'Contact' },
  },
  {
    name: 'privacy',
    sv: '/integritet',
    en: '/en/privacy',
    h1: { sv: 'Så hanterar vi personuppgifter', en: 'How we handle personal data' },
  },
  {
    name: '404',
    sv: '/finns-inte',
    en: '/en/does-not-exist',
    h1: { sv: 'Sidan finns inte', en: 'Page not found' },
    status: 404,
  },
  {
    name: 'missing member',
    sv: '/medlemmar/finns-inte',
    en: '/en/members/no-such-member',
    h1: { sv: 'Sidan finns inte', en: 'Page not found' },
    status: 404,
  },
];

/** Signs the seeded admin in and returns the session cookie. */
export async function adminCookie(origin: string): Promise<string> {
  const response = await fetch(`${origin}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ email: ADMIN.email, password: ADMIN.password }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/** Runs a tRPC mutation as the admin. */
export async function mutate<T>(
  origin: string,
  cookie: string,
  procedure: string,
  input: unknown,
): Promise<T> {
  const response = await fetch(`${origin}/trpc/${procedure}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin, cookie },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { result?: { data: T }; error?: unknown };
  if (!response.ok || !body.result)
    throw new Error(`${procedure} failed: ${JSON.stringify(body.error)}`);
  return body.result.data;
}
