/**
 * The committed search-quality set (issue 16): what a visitor types, in
 * Swedish and English, and the members (QUALITY_MEMBERS) that should come
 * back. Word forms, compounds and parts of names, typos, organisation
 * numbers in every common spelling, and names with å, ä and ö. `first`: the
 * one member that must come first (an exact name or organisation number).
 */
import type { QualityKey } from './fixtures';

export type QueryKind =
  'word form' | 'compound' | 'typo' | 'organisation number' | 'å/ä/ö' | 'name';

export interface QualityQuery {
  q: string;
  kind: QueryKind;
  relevant: QualityKey[];
  first?: QualityKey;
}

export const QUALITY_QUERIES: QualityQuery[] = [
  // Word forms: Snowball stems in Swedish and English.
  { q: 'förpackningar', kind: 'word form', relevant: ['kartong', 'packArena'] },
  { q: 'förpackning', kind: 'word form', relevant: ['kartong', 'packArena'] },
  { q: 'förpackningen', kind: 'word form', relevant: ['kartong', 'packArena'] },
  { q: 'packaging', kind: 'word form', relevant: ['kartong', 'packArena'] },
  { q: 'packages', kind: 'word form', relevant: ['kartong', 'packArena'] },
  { q: 'mejerier', kind: 'word form', relevant: ['mejeriet', 'skanskaMejerier'] },
  { q: 'mejeri', kind: 'word form', relevant: ['mejeriet', 'skanskaMejerier'] },
  { q: 'dairies', kind: 'word form', relevant: ['mejeriet', 'skanskaMejerier'] },
  { q: 'dairy', kind: 'word form', relevant: ['mejeriet', 'skanskaMejerier'] },
  { q: 'batterier', kind: 'word form', relevant: ['batteri'] },
  { q: 'battery', kind: 'word form', relevant: ['batteri'] },
  { q: 'solceller', kind: 'word form', relevant: ['solcell'] },
  { q: 'musterier', kind: 'word form', relevant: ['musteri'] },
  { q: 'grönsaker', kind: 'word form', relevant: ['gronsak'] },
  { q: 'vegetable grower', kind: 'word form', relevant: ['gronsak'] },
  { q: 'smoked fish', kind: 'word form', relevant: ['rokeri'] },
  { q: 'rökt fisk', kind: 'word form', relevant: ['rokeri'] },
  { q: 'hydrogen', kind: 'word form', relevant: ['vatgas'] },
  // Compounds and parts of names.
  { q: 'cell', kind: 'compound', relevant: ['lundcell', 'vatgas', 'solcell'] },
  { q: 'musteri', kind: 'compound', relevant: ['musteri'] },
  { q: 'rökeri', kind: 'compound', relevant: ['rokeri'] },
  { q: 'logistik', kind: 'compound', relevant: ['hamn'] },
  { q: 'lagring', kind: 'compound', relevant: ['batteri'] },
  { q: 'labbet', kind: 'compound', relevant: ['batteri'] },
  { q: 'parken', kind: 'compound', relevant: ['solcell'] },
  { q: 'odlarna', kind: 'compound', relevant: ['gronsak'] },
  { q: 'juice', kind: 'compound', relevant: ['musteri'] },
  { q: 'kartong', kind: 'compound', relevant: ['kartong'] },
  { q: 'innovation förpackning', kind: 'compound', relevant: ['packArena'] },
  // Typos: the corrected search runs when the typed one finds nothing.
  { q: 'förpakning', kind: 'typo', relevant: ['kartong', 'packArena'] },
  { q: 'batterilabet', kind: 'typo', relevant: ['batteri'] },
  { q: 'solcelsparken', kind: 'typo', relevant: ['solcell'] },
  { q: 'fiskrökei', kind: 'typo', relevant: ['rokeri'] },
  { q: 'hamnlogistk', kind: 'typo', relevant: ['hamn'] },
  { q: 'vätgaas', kind: 'typo', relevant: ['vatgas'] },
  { q: 'engelholms', kind: 'typo', relevant: ['musteri'] },
  { q: 'lundsell', kind: 'typo', relevant: ['lundcell'] },
  { q: 'mejierier', kind: 'typo', relevant: ['skanskaMejerier'] },
  // Organisation numbers in every common spelling.
  { q: '556677-8899', kind: 'organisation number', relevant: ['kartong'], first: 'kartong' },
  { q: '5566778899', kind: 'organisation number', relevant: ['kartong'], first: 'kartong' },
  { q: '16556677-8899', kind: 'organisation number', relevant: ['kartong'], first: 'kartong' },
  { q: '165566778899', kind: 'organisation number', relevant: ['kartong'], first: 'kartong' },
  { q: '559012-3450', kind: 'organisation number', relevant: ['lundcell'], first: 'lundcell' },
  { q: '5590123450', kind: 'organisation number', relevant: ['lundcell'], first: 'lundcell' },
  { q: '802512-3459', kind: 'organisation number', relevant: ['vatgas'], first: 'vatgas' },
  { q: '8025123459', kind: 'organisation number', relevant: ['vatgas'], first: 'vatgas' },
  // Names with å, ä and ö, typed with them and without.
  { q: 'Åhus', kind: 'å/ä/ö', relevant: ['rokeri'] },
  { q: 'ahus', kind: 'å/ä/ö', relevant: ['rokeri'] },
  { q: 'ÖRESUNDS', kind: 'å/ä/ö', relevant: ['vatgas'] },
  { q: 'oresunds vatgas', kind: 'å/ä/ö', relevant: ['vatgas'], first: 'vatgas' },
  { q: 'ängelholms', kind: 'å/ä/ö', relevant: ['musteri'] },
  { q: 'äppel', kind: 'å/ä/ö', relevant: ['musteri'] },
  { q: 'söderslätt', kind: 'å/ä/ö', relevant: ['gronsak'] },
  { q: 'soderslatt', kind: 'å/ä/ö', relevant: ['gronsak'] },
  // Exact names and name prefixes come first.
  { q: 'Lundcell Biotech AB', kind: 'name', relevant: ['lundcell'], first: 'lundcell' },
  { q: 'Mejeriet i Ystad', kind: 'name', relevant: ['mejeriet'], first: 'mejeriet' },
  { q: 'Skånska Mejerier', kind: 'name', relevant: ['skanskaMejerier'], first: 'skanskaMejerier' },
  { q: 'Batterilabbet', kind: 'name', relevant: ['batteri'], first: 'batteri' },
  { q: 'Packaging Arena', kind: 'name', relevant: ['packArena'], first: 'packArena' },
];
