/** The six specialisation areas of Skånes innovationsstrategi (facts.md, confidence H). */
export interface AreaSeed {
  slug: string;
  nameSv: string;
  nameEn: string;
  summarySv: string;
  summaryEn: string;
  sortOrder: number;
}

export const AREA_SEEDS: AreaSeed[] = [
  {
    slug: 'life-science-halsa',
    nameSv: 'Life science & hälsa',
    nameEn: 'Life science & health',
    summarySv:
      'Klinisk forskning och testbäddar, prevention, personcentrerad vård, välfärdsteknik och uppskalning av små och medelstora företag.',
    summaryEn:
      'Clinical research and test beds, prevention, person-centred care, welfare technology and the scale-up of small and medium-sized companies.',
    sortOrder: 1,
  },
  {
    slug: 'tech',
    nameSv: 'Tech',
    nameEn: 'Tech',
    summarySv:
      'Hårdvara och nätverk, djupteknik som AI, sakernas internet och bildigenkänning, digitala tillämpningar; kompetens, testbäddar och Skåne som techregion.',
    summaryEn:
      'Hardware and networks, deep tech such as AI, the internet of things and image recognition, digital applications; skills, test beds and Skåne as a tech region.',
    sortOrder: 2,
  },
  {
    slug: 'livsmedel',
    nameSv: 'Livsmedel',
    nameEn: 'Food',
    summarySv:
      'Hela livsmedelskedjan från primärproduktion via förpackning, logistik och handel till återvinning; cirkulärt och biobaserat, mat och hälsa, FoodTech.',
    summaryEn:
      'The whole food chain from primary production through packaging, logistics and retail to recycling; circular and bio-based, food and health, FoodTech.',
    sortOrder: 3,
  },
  {
    slug: 'avancerade-material-tillverkning',
    nameSv: 'Avancerade material & tillverkningsindustri',
    nameEn: 'Advanced materials & manufacturing',
    summarySv:
      'Tillverkningsindustrin står för ungefär en fjärdedel av Skånes förädlingsvärde, med styrkor inom förpackning, kyla och ventilation, kemi, plast och gummi. Fokus: automation, digitalisering, cirkulär produktion och kompetens.',
    summaryEn:
      "Manufacturing is about a quarter of Skåne's value added, with strengths in packaging, cooling and ventilation, chemicals, plastics and rubber. Focus: automation, digitisation, circular production and skills.",
    sortOrder: 4,
  },
  {
    slug: 'smarta-hallbara-stader',
    nameSv: 'Smarta hållbara städer',
    nameEn: 'Smart sustainable cities',
    summarySv: 'Energi, avfall, vatten, fastighetsautomation och belysning.',
    summaryEn: 'Energy, waste, water, building automation and lighting.',
    sortOrder: 5,
  },
  {
    slug: 'ess-max-iv-science-village',
    nameSv: 'ESS, Max IV & Innovationssystemet Science Village',
    nameEn: 'ESS, MAX IV & the Science Village innovation system',
    summarySv:
      'Ett innovationssystem i världsklass kring de två forskningsanläggningarna i Lund (neutroner och synkrotronljus), med nanomaterial och life science.',
    summaryEn:
      'A world-class innovation system around the two research facilities in Lund (neutrons and synchrotron light), with nanomaterials and life science.',
    sortOrder: 6,
  },
];
