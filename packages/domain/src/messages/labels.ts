/**
 * The names of the fields that messages speak about, in both languages. A
 * message's `label` parameter is one of these keys, so the Swedish text names
 * the field in Swedish without parsing the English one.
 */
export const FIELD_LABELS = {
  name: { en: 'Name', sv: 'Namn' },
  shortName: { en: 'Short name', sv: 'Kortnamn' },
  description: { en: 'Description', sv: 'Beskrivning' },
  summary: { en: 'Summary', sv: 'Sammanfattning' },
  title: { en: 'Title', sv: 'Rubrik' },
  body: { en: 'Body', sv: 'Brödtext' },
  coverImageAlt: { en: 'Cover image alt text', sv: 'Bildens alternativtext' },
  coverImageSrc: { en: 'Cover image address', sv: 'Bildens adress' },
  author: { en: 'Author', sv: 'Skribent' },
  city: { en: 'City', sv: 'Ort' },
  sourceNote: { en: 'Source note', sv: 'Källanteckningen' },
  slug: { en: 'Slug', sv: 'Slug' },
  tag: { en: 'Tag', sv: 'Taggen' },
  password: { en: 'Password', sv: 'Lösenordet' },
  email: { en: 'E-mail address', sv: 'E-postadressen' },
  webAddress: { en: 'Web address', sv: 'Webbadressen' },
  foundedYear: { en: 'Founded year', sv: 'Grundat år' },
  order: { en: 'Order', sv: 'Ordningen' },
  organisationNumber: { en: 'Organisation number', sv: 'Organisationsnumret' },
  municipality: { en: 'Municipality', sv: 'Kommun' },
  area: { en: 'Area', sv: 'Område' },
  cluster: { en: 'Cluster', sv: 'Kluster' },
  kind: { en: 'Kind', sv: 'Typ' },
  size: { en: 'Size', sv: 'Storlek' },
  status: { en: 'Status', sv: 'Status' },
  role: { en: 'Role', sv: 'Roll' },
  confidence: { en: 'Confidence', sv: 'Säkerhet' },
  sort: { en: 'Sort', sv: 'Sorteringen' },
  field: { en: 'Field', sv: 'Fältet' },
  date: { en: 'Date', sv: 'Datum' },
  publishedAt: { en: 'Published at', sv: 'Publiceringsdatum' },
  userId: { en: 'User id', sv: 'Användar-id' },
  id: { en: 'Id', sv: 'Id' },
  version: { en: 'Version', sv: 'Version' },
  limit: { en: 'Limit', sv: 'Antalet' },
  cursor: { en: 'Cursor', sv: 'Sidmarkören' },
  searchText: { en: 'Search text', sv: 'Söktexten' },
  value: { en: 'Value', sv: 'Värdet' },
} as const satisfies Record<string, { en: string; sv: string }>;

export type FieldLabel = keyof typeof FIELD_LABELS;
