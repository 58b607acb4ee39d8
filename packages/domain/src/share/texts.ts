/** The share images' own words, in both languages (the site's texts live in apps/web). */
import type { ShareLocale, SharePage } from './card';

export const SHARE_PAGE_TEXT: Record<SharePage, Record<ShareLocale, [string, string]>> = {
  home: {
    sv: [
      'Skånes kluster, deras medlemmar och vad de gör',
      'Sju klusterorganisationer, sex områden, ett register',
    ],
    en: [
      "Skåne's clusters, their members and what they do",
      'Seven cluster organisations, six areas, one register',
    ],
  },
  areas: {
    sv: ['Specialiseringsområden', 'Sex områden ur Skånes innovationsstrategi'],
    en: ['Specialisation areas', "Six areas of Skåne's innovation strategy"],
  },
  clusters: {
    sv: ['Klusterorganisationerna', 'Skånes sju kluster i samverkan'],
    en: ['The cluster organisations', "Skåne's seven clusters working together"],
  },
  members: {
    sv: ['Medlemsregistret', 'Företag och organisationer i Skånes kluster'],
    en: ['Member directory', "Companies and organisations in Skåne's clusters"],
  },
  map: {
    sv: ['Medlemmarna på kartan', 'Skånes 33 kommuner'],
    en: ['Members on the map', "Skåne's 33 municipalities"],
  },
  statistics: {
    sv: ['Statistik', 'Medlemmar per kluster, område och kommun'],
    en: ['Statistics', 'Members by cluster, area and municipality'],
  },
  news: {
    sv: ['Nyheter', 'Nytt från Clusters of Skåne och klustren'],
    en: ['News', 'From Clusters of Skåne and the clusters'],
  },
  openData: {
    sv: ['Öppna data', 'Registret under CC BY 4.0'],
    en: ['Open data', 'The register under CC BY 4.0'],
  },
  about: {
    sv: ['Om Clusters of Skåne', 'Samarbetet mellan Skånes klusterorganisationer'],
    en: ['About Clusters of Skåne', "The collaboration of Skåne's cluster organisations"],
  },
  accessibility: {
    sv: ['Tillgänglighet', 'Så arbetar vi med tillgänglighet'],
    en: ['Accessibility', 'How we work on accessibility'],
  },
};

/** The small label above the title: which kind of page this is. */
export const SHARE_KIND_TEXT: Record<
  'cluster' | 'member' | 'area' | 'article',
  Record<ShareLocale, string>
> = {
  cluster: { sv: 'Klusterorganisation', en: 'Cluster organisation' },
  member: { sv: 'Medlem', en: 'Member' },
  area: { sv: 'Specialiseringsområde', en: 'Specialisation area' },
  article: { sv: 'Nyhet', en: 'News' },
};

/** The label above a home or list page's title (the site's name is on every card already). */
export const SHARE_PAGE_EYEBROW: Record<'home' | 'list', Record<ShareLocale, string>> = {
  home: { sv: 'Välkommen', en: 'Welcome' },
  list: { sv: 'Översikt', en: 'Overview' },
};
