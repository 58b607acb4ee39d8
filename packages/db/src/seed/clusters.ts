/**
 * The seven cluster organisations of Clusters of Skåne (facts.md). Each keeps
 * its confidence and sources so admins can see what is known and what is not;
 * uncertain details live in the source note rather than posing as facts.
 */
import type { Confidence, MunicipalityCode, ReportedMemberQualifier } from '@cos/domain';

export interface ClusterSeed {
  slug: string;
  name: string;
  shortName: string;
  descriptionSv: string;
  descriptionEn: string;
  website: string;
  city: string;
  municipalityCode: MunicipalityCode | null;
  foundedYear: number | null;
  areaSlugs: string[];
  confidence: Confidence;
  sourceNote: string;
  /** The membership the cluster's sources report (facts.md), apart from the members registered here. */
  reportedMembers: number | null;
  reportedMembersQualifier: ReportedMemberQualifier | null;
  reportedMembersYear: number | null;
  /**
   * Contact details only where facts.md gives them; everything else stays
   * empty, and the site says "no contact details given yet" rather than
   * guessing. Only Media Evolution's visiting address is in the sources.
   */
  visitingStreet?: string;
  visitingCity?: string;
}

export const CLUSTER_SEEDS: ClusterSeed[] = [
  {
    slug: 'livsmedelsakademin',
    name: 'Livsmedelsakademin',
    shortName: 'Skåne Food Innovation Network',
    descriptionSv:
      'En ideell förening i trippelhelix för livsmedelsbranschen i Skåne. Leder tillsammans med Packbridge och Krinova livsmedelsagendan Foodhive Skåne.',
    descriptionEn:
      "A non-profit triple-helix association for Skåne's food sector. Co-leads the food agenda Foodhive Skåne with Packbridge and Krinova.",
    website: 'https://livsmedelsakademin.se',
    city: 'Malmö',
    municipalityCode: '1280',
    foundedYear: 1994,
    areaSlugs: ['livsmedel'],
    reportedMembers: 150,
    reportedMembersQualifier: 'about',
    reportedMembersYear: 2016,
    confidence: 'high',
    sourceNote:
      'Public sources 2016 (H). About 150 members (2016). City Malmö has medium confidence (M).',
  },
  {
    slug: 'media-evolution',
    name: 'Media Evolution',
    shortName: 'Media Evolution',
    descriptionSv:
      'En medlemsägd klusterorganisation för tech och media med mötesplatsen Media Evolution City på Stora Varvsgatan 6A i Malmö.',
    descriptionEn:
      'A member-owned cluster organisation for tech and media, with its meeting place Media Evolution City at Stora Varvsgatan 6A in Malmö.',
    website: 'https://mediaevolution.se',
    city: 'Malmö',
    municipalityCode: '1280',
    foundedYear: 2008,
    areaSlugs: ['tech'],
    reportedMembers: 400,
    reportedMembersQualifier: 'at_least',
    reportedMembersYear: 2015,
    confidence: 'high',
    sourceNote:
      'Public sources 2015 (H). More than 400 members (2015). Visiting address: Media Evolution City, Stora Varvsgatan 6A, Malmö (H); postcode, phone and contact persons are not in the sources.',
    visitingStreet: 'Media Evolution City, Stora Varvsgatan 6A',
    visitingCity: 'Malmö',
  },
  {
    slug: 'opentech',
    name: 'OpenTech',
    shortName: 'OpenTech (tidigare Mobile Heights)',
    descriptionSv:
      'Startade 2007 som ett initiativ av Ericsson, Sony, Telia, Lunds universitet, Malmö universitet och Region Skåne, och är sedan 2009 en självständig medlemsorganisation. Hette tidigare Mobile Heights.',
    descriptionEn:
      'Started in 2007 as an initiative of Ericsson, Sony, Telia, Lund University, Malmö University and Region Skåne; an independent member organisation since 2009. Formerly Mobile Heights.',
    website: 'https://opentech.se',
    city: 'Lund',
    municipalityCode: '1281',
    foundedYear: 2009,
    areaSlugs: ['tech'],
    reportedMembers: 130,
    reportedMembersQualifier: 'about',
    reportedMembersYear: 2023,
    confidence: 'high',
    sourceNote:
      'Public sources 2023 (H). About 130 members (2023). Initiative 2007, organisation 2009.',
  },
  {
    slug: 'packbridge',
    name: 'Packbridge',
    shortName: 'Packbridge',
    descriptionSv:
      'Klusterorganisation för förpackningsindustrin, grundad den 29 juni 2010 av Region Skåne, Lunds universitet, Flextrus, Nordvalls och ÅR Carton.',
    descriptionEn:
      'Cluster organisation for the packaging industry, founded on 29 June 2010 by Region Skåne, Lund University, Flextrus, Nordvalls and ÅR Carton.',
    website: 'https://packbridge.se',
    city: '',
    municipalityCode: null,
    foundedYear: 2010,
    areaSlugs: ['avancerade-material-tillverkning', 'livsmedel'],
    reportedMembers: 122,
    reportedMembersQualifier: 'exact',
    reportedMembersYear: 2012,
    confidence: 'high',
    sourceNote:
      'Public sources 2012 (H). 122 members (2012). Location Malmö is a guess (G) and is not shown as a fact.',
  },
  {
    slug: 'sustainable-business-hub',
    name: 'Sustainable Business Hub',
    shortName: 'SB Hub',
    descriptionSv:
      'Klusterorganisation för hållbara affärer och smarta hållbara städer. Har ESCA:s silvermärkning för excellent klusterledning.',
    descriptionEn:
      'Cluster organisation for sustainable business and smart sustainable cities. Holds the ESCA Silver label for cluster management excellence.',
    website: 'https://sbhub.se',
    city: 'Malmö',
    municipalityCode: '1280',
    foundedYear: null,
    areaSlugs: ['smarta-hallbara-stader'],
    reportedMembers: 107,
    reportedMembersQualifier: 'about',
    reportedMembersYear: 2016,
    confidence: 'high',
    sourceNote: 'Public sources 2016 (H). About 107 members (2016). Founding year unknown.',
  },
  {
    slug: 'iuc-syd',
    name: 'IUC Syd',
    shortName: 'Syd Industriellt utvecklingscentrum',
    descriptionSv:
      'En del av det nationella IUC-nätverket som stöder små och medelstora tillverkningsföretag, bland annat med leverantörsutveckling kring ESS och MAX IV.',
    descriptionEn:
      'Part of the national IUC network supporting small and medium-sized manufacturers, among other things with supplier development around ESS and MAX IV.',
    website: 'https://iucsyd.se',
    city: '',
    municipalityCode: null,
    foundedYear: null,
    areaSlugs: ['avancerade-material-tillverkning', 'ess-max-iv-science-village'],
    reportedMembers: null,
    reportedMembersQualifier: null,
    reportedMembersYear: null,
    confidence: 'high',
    sourceNote:
      'Membership of Clusters of Skåne: high confidence (H). Link to ESS/MAX IV and supplier development: medium (M). City, founding year and member count unknown.',
  },
  {
    slug: 'medicon-valley-alliance',
    name: 'Medicon Valley Alliance',
    shortName: 'MVA',
    descriptionSv:
      'Dansk-svensk klusterorganisation för life science i Öresundsregionen, grundad 1997 som Medicon Valley Academy och omdöpt 2007.',
    descriptionEn:
      'Danish–Swedish life science cluster organisation in the Øresund region, founded in 1997 as Medicon Valley Academy and renamed in 2007.',
    website: 'https://mva.org',
    city: 'Öresundsregionen',
    municipalityCode: null,
    foundedYear: 1997,
    areaSlugs: ['life-science-halsa'],
    reportedMembers: 300,
    reportedMembersQualifier: 'at_least',
    reportedMembersYear: 2022,
    confidence: 'guess',
    sourceNote:
      'GUESS: that Medicon Valley Alliance is the seventh member of Clusters of Skåne is not confirmed by a source. Other facts: public sources 2022 (H); more than 300 members (2022).',
  },
];
