/**
 * The OpenAPI document against the running server: every documented path
 * answers each documented status with the documented content type, every
 * documented response schema accepts what the route really returns, and every
 * /api/v1 route Fastify serves is documented. The document is read over HTTP,
 * as a client would, not imported.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json } from './http-test-client';
import { startTestServer, type TestServer } from './test-server';

interface MediaType {
  schema?: Record<string, unknown>;
}
interface OpenApiResponse {
  description: string;
  content?: Record<string, MediaType>;
}
interface OpenApiDocument {
  openapi: string;
  info: { license: { name: string } };
  paths: Record<string, Record<string, { responses: Record<string, OpenApiResponse> }>>;
}

/**
 * One real request per documented (path, status). A status the document gains
 * without a request here fails the coverage test below, so it gets exercised.
 */
const REQUESTS: Record<string, Record<string, string>> = {
  '/api/v1/areas': { '200': '/api/v1/areas' },
  '/api/v1/clusters': { '200': '/api/v1/clusters' },
  '/api/v1/members': {
    '200': '/api/v1/members?area=tech&limit=5',
    '400': '/api/v1/members?limit=abc',
  },
  '/api/v1/members/{slug}': {
    '200': '/api/v1/members/lunds-universitet',
    '404': '/api/v1/members/finns-inte',
  },
  '/api/v1/members.json': {
    '200': '/api/v1/members.json?kind=company',
    '400': '/api/v1/members.json?municipality=9999',
  },
  '/api/v1/members.csv': {
    '200': '/api/v1/members.csv?kind=company',
    '400': '/api/v1/members.csv?size=huge',
  },
};

let server: TestServer;
let doc: OpenApiDocument;
// strict: false lets keywords ajv does not know pass unchecked (OpenAPI's own, zod's "format"s).
const ajv = new Ajv2020({ allErrors: true, strict: false });

beforeAll(async () => {
  server = await startTestServer({ demo: 30 });
  doc = await json<OpenApiDocument>(await server.fetch('/api/openapi.json'));
}, 60_000);

afterAll(async () => {
  await server.close();
});

/** The documented (path, status, response) triples of the GET operations. */
function documentedResponses(): [string, string, OpenApiResponse][] {
  return Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.entries(operations.get?.responses ?? {}).map(
      ([status, response]): [string, string, OpenApiResponse] => [path, status, response],
    ),
  );
}

/**
 * Fastify's GET routes as OpenAPI paths (":slug" → "{slug}"), read from its
 * route tree: printRoutes prints one node a line, indented 4 characters a
 * level, each node's segment continuing its parent's.
 */
function registeredGetPaths(): string[] {
  const parents: string[] = [];
  const paths: string[] = [];
  for (const line of server.app.printRoutes({ method: 'GET', commonPrefix: false }).split('\n')) {
    const match = /^((?:[│ ] {3})*)[├└]── (\S+) \(/u.exec(line);
    if (!match) continue;
    const depth = (match[1] ?? '').length / 4;
    const path = (parents[depth - 1] ?? '') + (match[2] ?? '');
    parents[depth] = path;
    paths.push(path.replace(/:(\w+)/gu, '{$1}'));
  }
  return paths;
}

describe('the OpenAPI document', () => {
  it('describes itself in OpenAPI 3.1', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.license.name).toBeTruthy();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/areas',
        '/api/v1/clusters',
        '/api/v1/members',
        '/api/v1/members/{slug}',
        '/api/v1/members.csv',
      ]),
    );
  });

  it('documents ?demo=include on the member list and both downloads', () => {
    for (const path of ['/api/v1/members', '/api/v1/members.json', '/api/v1/members.csv']) {
      const operation = (
        doc.paths[path] as unknown as {
          get: { parameters: { name: string; schema: { enum?: string[] } }[] };
        }
      ).get;
      const demo = operation.parameters.find((p) => p.name === 'demo');
      expect(demo?.schema.enum, path).toEqual(['exclude', 'include']);
    }
  });

  it('documents every /api/v1 route the server serves, and no route it does not', () => {
    const served = registeredGetPaths().filter((p) => p.startsWith('/api/v1/'));
    expect(served.length).toBeGreaterThan(0);
    expect([...served].sort()).toEqual(Object.keys(doc.paths).sort());
  });

  it('has a real request here for every documented response', () => {
    const documented = documentedResponses().map(([path, status]) => `${path} ${status}`);
    const requested = Object.entries(REQUESTS).flatMap(([path, byStatus]) =>
      Object.keys(byStatus).map((status) => `${path} ${status}`),
    );
    expect(requested.sort()).toEqual(documented.sort());
  });

  it('has response schemas strict enough to refuse a wrong body', async () => {
    const schemaOf = (path: string, status: string) =>
      doc.paths[path]?.get?.responses[status]?.content?.['application/json']?.schema ?? {};
    const areas = ajv.compile(schemaOf('/api/v1/areas', '200'));
    const real = await json<{ items: Record<string, unknown>[] }>(
      await server.fetch('/api/v1/areas'),
    );
    expect(areas(real)).toBe(true);
    const { slug: _slug, ...withoutSlug } = real.items[0] ?? {};
    expect(areas({ ...real, items: [withoutSlug] })).toBe(false);
    const member = ajv.compile(schemaOf('/api/v1/members/{slug}', '200'));
    expect(member({ slug: 'x' })).toBe(false);
    const rows = ajv.compile(schemaOf('/api/v1/members.json', '200'));
    expect(rows([{ slug: 'x' }])).toBe(false);
  });

  it('answers every documented path with the documented status, content type and schema', async () => {
    const failures: string[] = [];
    for (const [path, status, response] of documentedResponses()) {
      const url = REQUESTS[path]?.[status];
      if (url === undefined) continue; // reported by the coverage test above
      const answer = await server.fetch(url);
      const label = `GET ${url} (${path} ${status})`;
      if (String(answer.status) !== status) {
        failures.push(`${label}: answered ${answer.status}`);
        continue;
      }
      // Undocumented content means the JSON every route answers by default.
      const content = response.content ?? { 'application/json': {} };
      const type = (answer.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
      const media = content[type];
      if (!media) {
        failures.push(`${label}: content type ${type}, documented ${Object.keys(content).join()}`);
        continue;
      }
      const text = await answer.text();
      if (type === 'application/json') {
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          failures.push(`${label}: body is not JSON`);
          continue;
        }
        if (!media.schema) {
          failures.push(`${label}: no schema for the JSON body`);
          continue;
        }
        // ajv, a JSON Schema validator of its own, not zod reading back what zod wrote.
        const validate = ajv.compile(media.schema);
        if (!validate(body))
          failures.push(
            `${label}: body does not match the schema: ${ajv.errorsText(validate.errors)}`,
          );
      } else if (text.length === 0) failures.push(`${label}: empty body`);
    }
    expect(failures).toEqual([]);
  });
});
