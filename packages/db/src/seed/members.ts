/**
 * Real members: only the founder and member links that facts.md verifies (H).
 * Organisation numbers and places are left empty where the facts do not give
 * them — the register must never present a guess as a fact.
 */
import type { MemberKind, MunicipalityCode, RelationKind } from '@cos/domain';

export interface MemberSeed {
  slug: string;
  name: string;
  kind: MemberKind;
  municipalityCode: MunicipalityCode | null;
  website: string | null;
  descriptionSv: string;
  descriptionEn: string;
  areaSlugs: string[];
  /** Links to clusters, each of its sourced kind: none of the default data's is a membership. */
  memberships: { clusterSlug: string; kind: RelationKind; since: string | null; note: string }[];
}

const OPENTECH_FOUNDER = {
  clusterSlug: 'opentech',
  kind: 'founder' as const,
  since: null,
  note: 'Founder: part of the 2007 initiative behind OpenTech (then Mobile Heights). Source: facts (H).',
};
const PACKBRIDGE_FOUNDER = {
  clusterSlug: 'packbridge',
  kind: 'founder' as const,
  since: '2010-06-29',
  note: 'Founder of Packbridge on 29 June 2010. Source: facts (H).',
};

/** facts.md (H): Livsmedelsakademin co-leads Foodhive Skåne with Packbridge and Krinova. */
const FOODHIVE_CO_LEAD = {
  kind: 'agenda-co-lead' as const,
  since: null,
  note: 'Co-leads the food agenda Foodhive Skåne. Source: facts (H).',
};

export const MEMBER_SEEDS: MemberSeed[] = [
  {
    slug: 'ericsson',
    name: 'Ericsson',
    kind: 'company',
    municipalityCode: null,
    website: 'https://www.ericsson.com',
    descriptionSv: 'Telekomföretag och en av grundarna bakom OpenTech.',
    descriptionEn: 'Telecommunications company and one of the founders behind OpenTech.',
    areaSlugs: ['tech'],
    memberships: [OPENTECH_FOUNDER],
  },
  {
    slug: 'sony',
    name: 'Sony',
    kind: 'company',
    municipalityCode: null,
    website: 'https://www.sony.com',
    descriptionSv: 'Teknikföretag och en av grundarna bakom OpenTech.',
    descriptionEn: 'Technology company and one of the founders behind OpenTech.',
    areaSlugs: ['tech'],
    memberships: [OPENTECH_FOUNDER],
  },
  {
    slug: 'telia',
    name: 'Telia',
    kind: 'company',
    municipalityCode: null,
    website: 'https://www.telia.se',
    descriptionSv: 'Telekomoperatör och en av grundarna bakom OpenTech.',
    descriptionEn: 'Telecoms operator and one of the founders behind OpenTech.',
    areaSlugs: ['tech'],
    memberships: [OPENTECH_FOUNDER],
  },
  {
    slug: 'lunds-universitet',
    name: 'Lunds universitet',
    kind: 'academia',
    municipalityCode: '1281',
    website: 'https://www.lu.se',
    descriptionSv: 'Universitet i Lund; med och grundade både OpenTech och Packbridge.',
    descriptionEn: 'Lund University; a founder of both OpenTech and Packbridge.',
    areaSlugs: ['tech', 'avancerade-material-tillverkning'],
    memberships: [OPENTECH_FOUNDER, PACKBRIDGE_FOUNDER],
  },
  {
    slug: 'malmo-universitet',
    name: 'Malmö universitet',
    kind: 'academia',
    municipalityCode: '1280',
    website: 'https://mau.se',
    descriptionSv: 'Universitet i Malmö och en av grundarna bakom OpenTech.',
    descriptionEn: 'Malmö University, one of the founders behind OpenTech.',
    areaSlugs: ['tech'],
    memberships: [OPENTECH_FOUNDER],
  },
  {
    slug: 'region-skane',
    name: 'Region Skåne',
    kind: 'public-sector',
    municipalityCode: null,
    website: 'https://www.skane.se',
    descriptionSv: 'Regionen för hela Skåne; med och grundade OpenTech och Packbridge.',
    descriptionEn: 'The regional authority for all of Skåne; a founder of OpenTech and Packbridge.',
    areaSlugs: ['tech', 'avancerade-material-tillverkning'],
    memberships: [OPENTECH_FOUNDER, PACKBRIDGE_FOUNDER],
  },
  {
    slug: 'flextrus',
    name: 'Flextrus',
    kind: 'company',
    municipalityCode: null,
    website: null,
    descriptionSv: 'Förpackningsföretag och en av grundarna av Packbridge.',
    descriptionEn: 'Packaging company and one of the founders of Packbridge.',
    areaSlugs: ['avancerade-material-tillverkning'],
    memberships: [PACKBRIDGE_FOUNDER],
  },
  {
    slug: 'nordvalls',
    name: 'Nordvalls',
    kind: 'company',
    municipalityCode: null,
    website: null,
    descriptionSv: 'Förpackningsföretag och en av grundarna av Packbridge.',
    descriptionEn: 'Packaging company and one of the founders of Packbridge.',
    areaSlugs: ['avancerade-material-tillverkning'],
    memberships: [PACKBRIDGE_FOUNDER],
  },
  {
    slug: 'ar-carton',
    name: 'ÅR Carton',
    kind: 'company',
    municipalityCode: null,
    website: null,
    descriptionSv: 'Kartongförpackningsföretag och en av grundarna av Packbridge.',
    descriptionEn: 'Carton packaging company and one of the founders of Packbridge.',
    areaSlugs: ['avancerade-material-tillverkning'],
    memberships: [PACKBRIDGE_FOUNDER],
  },
  {
    slug: 'krinova',
    name: 'Krinova',
    kind: 'other',
    municipalityCode: null,
    website: null,
    descriptionSv:
      'Leder livsmedelsagendan Foodhive Skåne tillsammans med Livsmedelsakademin och Packbridge. Om Krinova är medlem i något kluster är inte belagt.',
    descriptionEn:
      'Co-leads the food agenda Foodhive Skåne with Livsmedelsakademin and Packbridge. Whether Krinova is a member of a cluster is not confirmed.',
    areaSlugs: ['livsmedel'],
    memberships: [
      { clusterSlug: 'livsmedelsakademin', ...FOODHIVE_CO_LEAD },
      { clusterSlug: 'packbridge', ...FOODHIVE_CO_LEAD },
    ],
  },
];
