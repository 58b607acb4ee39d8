/**
 * The open data described in DCAT-AP-SE (the profile of DCAT-AP that
 * Sweden's national data portal, dataportal.se, harvests), as RDF/XML at
 * /api/dcat.rdf: one catalogue, a dataset each for members, clusters and
 * areas with their CSV/JSON distributions and last change, and the REST API
 * as a data service. dcat.test.ts parses it with an RDF/XML parser and checks
 * the profile's mandatory properties of each class.
 *
 * The platform has no contact e-mail of its own in the sources (facts.md),
 * so the contact point names the contact page (vcard:hasURL) instead.
 */
import type { DatasetFacts, OpenDataset } from '@cos/api';

const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  dcat: 'http://www.w3.org/ns/dcat#',
  dcterms: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
};
const EU = 'http://publications.europa.eu/resource/authority';

interface Text {
  sv: string;
  en: string;
}

interface DatasetText {
  title: Text;
  description: Text;
  keywords: Text[];
  /** The EU data theme (data-theme vocabulary). */
  theme: string;
  distributions: { path: string; format: 'CSV' | 'JSON'; media: string }[];
}

const DATASETS: Record<OpenDataset, DatasetText> = {
  members: {
    title: { sv: 'Klustrens medlemmar i Skåne', en: "The Skåne clusters' members" },
    description: {
      sv: 'Publicerade organisationer i Skånes klusterorganisationer: namn, organisationsnummer, typ, storlek, kommun, webbplats, beskrivning, områden och kopplingar till kluster. Genererade demomedlemmar ingår inte.',
      en: "Published organisations of Skåne's cluster organisations: name, organisation number, kind, size, municipality, website, description, areas and links to clusters. Generated demo members are not included.",
    },
    keywords: [
      { sv: 'kluster', en: 'clusters' },
      { sv: 'företag', en: 'companies' },
      { sv: 'innovation', en: 'innovation' },
    ],
    theme: 'ECON',
    distributions: [
      { path: '/api/v1/members.csv', format: 'CSV', media: 'text/csv' },
      { path: '/api/v1/members.json', format: 'JSON', media: 'application/json' },
    ],
  },
  clusters: {
    title: { sv: 'Skånes klusterorganisationer', en: "Skåne's cluster organisations" },
    description: {
      sv: 'De sju klusterorganisationerna i Clusters of Skåne med områden, kontaktuppgifter, källor och hur säkra uppgifterna är.',
      en: 'The seven cluster organisations of Clusters of Skåne with their areas, contact details, sources and how certain the facts are.',
    },
    keywords: [{ sv: 'kluster', en: 'clusters' }],
    theme: 'ECON',
    distributions: [{ path: '/api/v1/clusters', format: 'JSON', media: 'application/json' }],
  },
  areas: {
    title: { sv: 'Skånes specialiseringsområden', en: "Skåne's specialisation areas" },
    description: {
      sv: 'De sex specialiseringsområdena i Skånes innovationsstrategi.',
      en: "The six specialisation areas of Skåne's innovation strategy.",
    },
    keywords: [{ sv: 'innovationsstrategi', en: 'innovation strategy' }],
    theme: 'ECON',
    distributions: [{ path: '/api/v1/areas', format: 'JSON', media: 'application/json' }],
  },
};

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const literal = (tag: string, text: Text) =>
  (['sv', 'en'] as const)
    .map((l) => `<${tag} xml:lang="${l}">${escape(text[l])}</${tag}>`)
    .join('');
const ref = (tag: string, uri: string) => `<${tag} rdf:resource="${escape(uri)}"/>`;
const dateTime = (tag: string, iso: string) =>
  `<${tag} rdf:datatype="${NS.xsd}dateTime">${escape(iso)}</${tag}>`;

export function dcatDocument(
  origin: string,
  facts: readonly DatasetFacts[],
  licence: string,
): string {
  const self = `${origin}/api/dcat.rdf`;
  const id = (name: string) => `${self}#${name}`;
  const modified = facts
    .map((f) => f.modified)
    .filter((m): m is string => m !== null)
    .sort()
    .at(-1);
  const languages = ['SWE', 'ENG'].map((l) => ref('dcterms:language', `${EU}/language/${l}`));
  const parts: string[] = [];
  parts.push(
    `<dcat:Catalog rdf:about="${escape(id('catalog'))}">`,
    literal('dcterms:title', {
      sv: 'Clusters of Skåne – öppna data',
      en: 'Clusters of Skåne – open data',
    }),
    literal('dcterms:description', {
      sv: 'Öppna data från Clusters of Skåne, samarbetet mellan Skånes sju klusterorganisationer: klustren, deras medlemmar och specialiseringsområdena.',
      en: "Open data from Clusters of Skåne, the collaboration of Skåne's seven cluster organisations: the clusters, their members and the specialisation areas.",
    }),
    ref('dcterms:publisher', id('publisher')),
    ref('foaf:homepage', `${origin}/oppna-data`),
    ref('dcterms:license', licence),
    ...languages,
    ...(modified ? [dateTime('dcterms:modified', modified)] : []),
    ...facts.map((f) => ref('dcat:dataset', id(f.dataset))),
    ref('dcat:service', id('api')),
    '</dcat:Catalog>',
    `<foaf:Agent rdf:about="${escape(id('publisher'))}">`,
    literal('foaf:name', { sv: 'Clusters of Skåne', en: 'Clusters of Skåne' }),
    ref('dcterms:type', 'http://purl.org/adms/publishertype/NonProfitOrganisation'),
    '</foaf:Agent>',
    `<vcard:Organization rdf:about="${escape(id('contact'))}">`,
    '<vcard:fn>Clusters of Skåne</vcard:fn>',
    ref('vcard:hasURL', `${origin}/kontakt`),
    '</vcard:Organization>',
  );
  for (const fact of facts) {
    const text = DATASETS[fact.dataset];
    parts.push(
      `<dcat:Dataset rdf:about="${escape(id(fact.dataset))}">`,
      literal('dcterms:title', text.title),
      literal('dcterms:description', text.description),
      ref('dcterms:publisher', id('publisher')),
      ref('dcat:contactPoint', id('contact')),
      ...text.keywords.map((k) => literal('dcat:keyword', k)),
      ref('dcat:theme', `${EU}/data-theme/${text.theme}`),
      ref('dcterms:accessRights', `${EU}/access-right/PUBLIC`),
      ref('foaf:page', `${origin}/oppna-data`),
      ...(fact.modified ? [dateTime('dcterms:modified', fact.modified)] : []),
      ...text.distributions.map((d) =>
        ref('dcat:distribution', id(`${fact.dataset}-${d.format.toLowerCase()}`)),
      ),
      '</dcat:Dataset>',
    );
    for (const d of text.distributions) {
      parts.push(
        `<dcat:Distribution rdf:about="${escape(id(`${fact.dataset}-${d.format.toLowerCase()}`))}">`,
        literal('dcterms:title', {
          sv: `${text.title.sv} (${d.format})`,
          en: `${text.title.en} (${d.format})`,
        }),
        ref('dcat:accessURL', origin + d.path),
        ref('dcat:downloadURL', origin + d.path),
        ref('dcterms:format', `${EU}/file-type/${d.format}`),
        `<dcat:mediaType rdf:resource="https://www.iana.org/assignments/media-types/${d.media}"/>`,
        ref('dcterms:license', licence),
        ...(fact.modified ? [dateTime('dcterms:modified', fact.modified)] : []),
        '</dcat:Distribution>',
      );
    }
  }
  parts.push(
    `<dcat:DataService rdf:about="${escape(id('api'))}">`,
    literal('dcterms:title', {
      sv: 'Clusters of Skåne öppna API',
      en: 'Clusters of Skåne open API',
    }),
    ref('dcat:endpointURL', `${origin}/api/v1/`),
    ref('dcat:endpointDescription', `${origin}/api/openapi.json`),
    ref('dcterms:license', licence),
    ref('dcterms:accessRights', `${EU}/access-right/PUBLIC`),
    ...facts.map((f) => ref('dcat:servesDataset', id(f.dataset))),
    '</dcat:DataService>',
  );
  const xmlns = Object.entries(NS)
    .filter(([prefix]) => prefix !== 'xsd')
    .map(([prefix, uri]) => `xmlns:${prefix}="${uri}"`)
    .join(' ');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rdf:RDF ${xmlns}>\n${parts.join('\n')}\n</rdf:RDF>\n`;
}
