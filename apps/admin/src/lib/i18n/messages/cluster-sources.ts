/** A cluster's reported member count, source notes and sources in the cluster form. Swedish first, English second. */
export const CLUSTER_SOURCES_MESSAGES = {
  'clusterSources.title': ['Källor och medlemsantal', 'Sources and member count'],
  'clusterSources.hint': [
    'Det som klustrets källor uppger, skilt från medlemmarna i registret. Visas på klustrets sida på sidans språk.',
    'What the cluster’s sources report, kept apart from the members in the register. Shown on the cluster’s page in the page’s language.',
  ],
  'clusterSources.reported': [
    'Medlemsantal enligt källorna',
    'Member count according to the sources',
  ],
  'clusterSources.count': ['Antal medlemmar', 'Number of members'],
  'clusterSources.countHint': [
    'Ett heltal från 0 till 100 000. Lämna tomt om ingen källa anger ett antal.',
    'A whole number from 0 to 100,000. Leave empty when no source gives a figure.',
  ],
  'clusterSources.qualifier': ['Hur antalet anges', 'How the count is given'],
  'clusterSources.qualifierNone': ['(exakt, om inget väljs)', '(exactly, when none is chosen)'],
  'clusterSources.qualifier.about': ['cirka', 'about'],
  'clusterSources.qualifier.at_least': ['minst', 'at least'],
  'clusterSources.qualifier.exact': ['exakt', 'exactly'],
  'clusterSources.year': ['År som antalet gäller', 'Year the count refers to'],
  'clusterSources.noteHint': [
    'Skriv hela meningar, till exempel ”Medlemsantalet (cirka 150, 2016) kommer från offentliga källor.” – inga förkortningar som (H) eller (M).',
    'Write whole sentences, e.g. “The member count (about 150, 2016) comes from public sources.” – no shorthand such as (H) or (M).',
  ],
  'clusterSources.sources': ['Källor', 'Sources'],
  'clusterSources.none': ['Inga källor angivna.', 'No sources given.'],
  'clusterSources.titleSv': ['Titel på svenska (källa {n})', 'Title in Swedish (source {n})'],
  'clusterSources.titleEn': ['Titel på engelska (källa {n})', 'Title in English (source {n})'],
  'clusterSources.sourceYear': ['År (källa {n})', 'Year (source {n})'],
  'clusterSources.url': ['Länk (källa {n})', 'Link (source {n})'],
  'clusterSources.urlHint': [
    'Bara om källan är offentlig: en http- eller https-adress.',
    'Only when the source is public: an http or https address.',
  ],
  'clusterSources.add': ['Lägg till källa', 'Add source'],
  'clusterSources.remove': ['Ta bort källa {n}', 'Remove source {n}'],
} as const satisfies Record<string, readonly [string, string]>;
