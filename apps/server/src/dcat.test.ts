/**
 * The DCAT-AP-SE description at /api/dcat.rdf, read by a real RDF/XML parser
 * (rdfxml-streaming-parser) into triples and checked against the profile's
 * mandatory properties of each class (docs.dataportal.se/dcat): catalogue,
 * dataset, distribution, data service, publisher and contact point. The last
 * change of a dataset follows a write.
 */
import { RdfXmlParser } from 'rdfxml-streaming-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ demo: 20 });
}, 60_000);
afterAll(async () => {
  await server.close();
});

const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';
const FOAF = 'http://xmlns.com/foaf/0.1/';
const VCARD = 'http://www.w3.org/2006/vcard/ns#';

interface Triple {
  s: string;
  p: string;
  o: string;
  lang: string;
}

function parse(xml: string): Promise<Triple[]> {
  return new Promise((resolve, reject) => {
    const triples: Triple[] = [];
    const parser = new RdfXmlParser();
    parser.on(
      'data',
      (q: {
        subject: { value: string };
        predicate: { value: string };
        object: { value: string; language?: string };
      }) =>
        triples.push({
          s: q.subject.value,
          p: q.predicate.value,
          o: q.object.value,
          lang: q.object.language ?? '',
        }),
    );
    parser.on('error', reject);
    parser.on('end', () => resolve(triples));
    parser.write(xml);
    parser.end();
  });
}

/** DCAT-AP-SE's mandatory properties per class (a contact point needs a name and one way to reach it). */
const MANDATORY: Record<string, string[][]> = {
  [`${DCAT}Catalog`]: [
    [`${DCT}title`],
    [`${DCT}description`],
    [`${DCT}publisher`],
    [`${DCAT}dataset`],
  ],
  [`${DCAT}Dataset`]: [
    [`${DCT}title`],
    [`${DCT}description`],
    [`${DCT}publisher`],
    [`${DCAT}contactPoint`],
  ],
  [`${DCAT}Distribution`]: [[`${DCAT}accessURL`]],
  [`${DCAT}DataService`]: [[`${DCT}title`], [`${DCAT}endpointURL`]],
  [`${FOAF}Agent`]: [[`${FOAF}name`]],
  [`${VCARD}Organization`]: [
    [`${VCARD}fn`],
    [`${VCARD}hasEmail`, `${VCARD}hasURL`, `${VCARD}hasTelephone`],
  ],
};

describe('the DCAT-AP-SE description', () => {
  let triples: Triple[];
  const typed = (type: string) =>
    triples.filter((t) => t.p === `${RDF}type` && t.o === type).map((t) => t.s);
  const values = (s: string, p: string) => triples.filter((t) => t.s === s && t.p === p);

  beforeAll(async () => {
    const response = await server.fetch('/api/dcat.rdf');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/rdf\+xml/);
    triples = await parse(await response.text());
  });

  it('has one catalogue with the three datasets and the API, each class with its mandatory properties', () => {
    expect(typed(`${DCAT}Catalog`)).toHaveLength(1);
    expect(typed(`${DCAT}Dataset`)).toHaveLength(3);
    expect(typed(`${DCAT}Distribution`)).toHaveLength(4);
    expect(typed(`${DCAT}DataService`)).toHaveLength(1);
    const missing: string[] = [];
    for (const [type, groups] of Object.entries(MANDATORY)) {
      const subjects = typed(type);
      expect(subjects.length, type).toBeGreaterThan(0);
      for (const s of subjects)
        for (const group of groups)
          if (!group.some((p) => values(s, p).length > 0)) missing.push(`${s} ${group.join('|')}`);
    }
    expect(missing).toEqual([]);
    // Every resource referred to as a publisher or contact point is described here.
    for (const p of [`${DCT}publisher`, `${DCAT}contactPoint`])
      for (const t of triples.filter((x) => x.p === p))
        expect(
          triples.some((x) => x.s === t.o && x.p === `${RDF}type`),
          t.o,
        ).toBe(true);
  });

  it('gives titles and descriptions in Swedish and English, and download addresses that answer', async () => {
    for (const dataset of typed(`${DCAT}Dataset`)) {
      expect(
        values(dataset, `${DCT}title`)
          .map((t) => t.lang)
          .sort(),
      ).toEqual(['en', 'sv']);
      expect(
        values(dataset, `${DCT}description`)
          .map((t) => t.lang)
          .sort(),
      ).toEqual(['en', 'sv']);
    }
    const downloads = triples.filter((t) => t.p === `${DCAT}downloadURL`).map((t) => new URL(t.o));
    expect(downloads.map((u) => u.pathname).sort()).toEqual([
      '/api/v1/areas',
      '/api/v1/clusters',
      '/api/v1/members.csv',
      '/api/v1/members.json',
    ]);
    for (const url of downloads)
      expect((await server.fetch(url.pathname)).status, url.pathname).toBe(200);
    expect(new URL(triples.find((t) => t.p === `${DCAT}endpointURL`)?.o ?? '').origin).toBe(
      server.origin,
    );
  });

  it('names each dataset’s last change, which a write moves', async () => {
    const membersModified = () =>
      triples.find((t) => t.s.endsWith('#members') && t.p === `${DCT}modified`)?.o ?? '';
    const before = membersModified();
    expect(before).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const later = new Date(Date.parse(before) + 60_000).toISOString();
    server.handle.sqlite
      .prepare(
        "UPDATE members SET updated_at = ? WHERE id = (SELECT min(id) FROM members WHERE status = 'published' AND is_demo = 0)",
      )
      .run(later);
    triples = await parse(await (await server.fetch('/api/dcat.rdf')).text());
    expect(membersModified()).toBe(later);
  });
});
