/**
 * The members the search-quality set is judged on: written for it, with
 * Swedish compounds, word forms, å/ä/ö and organisation numbers, and put
 * among 300 demo members (the noise a real register has). Keys are how the
 * queries (queries.ts) name their expected results.
 */
export interface QualityMember {
  name: string;
  sv: string;
  en: string;
  organisationNumber?: string;
}

export const QUALITY_MEMBERS = {
  kartong: {
    name: 'Kartongförpackningsföretaget Syd AB',
    sv: 'Vi tillverkar förpackningar av kartong för livsmedel.',
    en: 'We make cardboard packaging for food.',
    organisationNumber: '556677-8899',
  },
  packArena: {
    name: 'Packaging Arena Syd',
    sv: 'Förpackningsinnovation och emballage för industrin.',
    en: 'Packaging innovation for industry.',
  },
  lundcell: {
    name: 'Lundcell Biotech AB',
    sv: 'Cellterapi och stamceller för sjukvården.',
    en: 'Cell therapy and stem cells for healthcare.',
    organisationNumber: '559012-3450',
  },
  mejeriet: {
    name: 'Mejeriet i Ystad',
    sv: 'Ett mejeri som gör ost och smör av skånsk mjölk.',
    en: 'A dairy making cheese and butter from Scanian milk.',
  },
  skanskaMejerier: {
    name: 'Skånska Mejerier Ekonomisk Förening',
    sv: 'Mejerier i hela Skåne, ägda av bönderna.',
    en: 'Dairies across Skåne, owned by the farmers.',
  },
  vatgas: {
    name: 'Öresunds Vätgas AB',
    sv: 'Vätgas och bränsleceller för tunga transporter.',
    en: 'Hydrogen and fuel cells for heavy transport.',
    organisationNumber: '802512-3459',
  },
  musteri: {
    name: 'Ängelholms Äppelmusteri',
    sv: 'Musterier och äppeljuice från Kullabygden.',
    en: 'Cider and apple juice from Kullabygden.',
  },
  rokeri: {
    name: 'Åhus Fiskrökeri',
    sv: 'Rökt fisk och skaldjur från Hanöbukten.',
    en: 'Smoked fish and seafood from Hanö Bay.',
  },
  hamn: {
    name: 'Helsingborgs Hamnlogistik AB',
    sv: 'Logistik och hamntjänster för sjöfarten.',
    en: 'Port logistics for shipping.',
  },
  batteri: {
    name: 'Batterilabbet Malmö AB',
    sv: 'Batterier och energilagring för elnätet.',
    en: 'Batteries and energy storage for the grid.',
  },
  solcell: {
    name: 'Solcellsparken Kristianstad',
    sv: 'Solceller och solparker på gamla åkrar.',
    en: 'Solar cells and solar parks on old fields.',
  },
  gronsak: {
    name: 'Grönsaksodlarna i Söderslätt',
    sv: 'Odlar grönsaker året runt i växthus.',
    en: 'Vegetable growers all year round in greenhouses.',
  },
} satisfies Record<string, QualityMember>;

export type QualityKey = keyof typeof QUALITY_MEMBERS;
