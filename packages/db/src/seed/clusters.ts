/**
 * The seven cluster organisations of Clusters of Skåne (facts.md). Each keeps
 * its confidence and sources so admins can see what is known and what is not;
 * uncertain details live in the source note (Swedish and English sentences)
 * rather than posing as facts.
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
  /** Where the facts come from, as sentences a visitor can read (no confidence shorthand). */
  sourceNoteSv: string;
  sourceNoteEn: string;
  /** The sources themselves; a link only where facts.md gives one (it gives none yet). */
  sources: ClusterSourceSeed[];
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

export interface ClusterSourceSeed {
  titleSv: string;
  titleEn: string;
  year: number | null;
  url: string | null;
}

/**
 * facts.md names no document for the clusters' figures, only "public
 * sources" and the year each figure refers to, so that is the title shown.
 */
const PUBLIC_SOURCES = { titleSv: 'Offentliga källor', titleEn: 'Public sources', url: null };

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
    sourceNoteSv:
      'Medlemsantalet (cirka 150, 2016) kommer från offentliga källor. Att kontoret ligger i Malmö är troligt men inte belagt.',
    sourceNoteEn:
      'The member count (about 150, 2016) comes from public sources. That the office is in Malmö is likely but not confirmed.',
    sources: [{ ...PUBLIC_SOURCES, year: 2016 }],
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
    sourceNoteSv:
      'Medlemsantalet (fler än 400, 2015) kommer från offentliga källor. Besöksadressen Media Evolution City, Stora Varvsgatan 6A i Malmö är belagd; postnummer, telefonnummer och kontaktpersoner finns inte i källorna.',
    sourceNoteEn:
      'The member count (more than 400, 2015) comes from public sources. The visiting address, Media Evolution City, Stora Varvsgatan 6A in Malmö, is confirmed; postcode, phone number and contact persons are not in the sources.',
    sources: [{ ...PUBLIC_SOURCES, year: 2015 }],
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
    sourceNoteSv:
      'Medlemsantalet (cirka 130, 2023) kommer från offentliga källor. OpenTech startade som ett initiativ 2007 och blev en självständig medlemsorganisation 2009.',
    sourceNoteEn:
      'The member count (about 130, 2023) comes from public sources. OpenTech started as an initiative in 2007 and became an independent member organisation in 2009.',
    sources: [{ ...PUBLIC_SOURCES, year: 2023 }],
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
    sourceNoteSv:
      'Medlemsantalet (122, 2012) kommer från offentliga källor. Att Packbridge finns i Malmö är en gissning och visas därför inte som fakta.',
    sourceNoteEn:
      'The member count (122, 2012) comes from public sources. That Packbridge is based in Malmö is a guess, so it is not shown as a fact.',
    sources: [{ ...PUBLIC_SOURCES, year: 2012 }],
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
    sourceNoteSv:
      'Medlemsantalet (cirka 107, 2016) kommer från offentliga källor. Året då Sustainable Business Hub grundades är inte känt.',
    sourceNoteEn:
      'The member count (about 107, 2016) comes from public sources. The year Sustainable Business Hub was founded is not known.',
    sources: [{ ...PUBLIC_SOURCES, year: 2016 }],
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
    sourceNoteSv:
      'Att IUC Syd ingår i Clusters of Skåne är belagt. Kopplingen till ESS, MAX IV och leverantörsutveckling är trolig men mindre säker. Ort, grundandeår och medlemsantal är inte kända.',
    sourceNoteEn:
      'That IUC Syd is part of Clusters of Skåne is confirmed. The link to ESS, MAX IV and supplier development is likely but less certain. Its city, founding year and member count are not known.',
    sources: [{ ...PUBLIC_SOURCES, year: null }],
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
    sourceNoteSv:
      'Gissning: att Medicon Valley Alliance är den sjunde medlemmen i Clusters of Skåne är inte bekräftat av någon källa. Medlemsantalet (fler än 300, 2022) kommer från offentliga källor.',
    sourceNoteEn:
      'Guess: that Medicon Valley Alliance is the seventh member of Clusters of Skåne is not confirmed by a source. The member count (more than 300, 2022) comes from public sources.',
    sources: [{ ...PUBLIC_SOURCES, year: 2022 }],
  },
];
