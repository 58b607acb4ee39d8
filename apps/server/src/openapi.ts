/**
 * The OpenAPI 3.1 description of the open-data routes. The response bodies'
 * schemas are made from the same zod outputs the API validates its answers
 * with (zod 4's toJSONSchema, JSON Schema 2020-12 as OpenAPI 3.1 uses), so
 * the document cannot drift from what the routes return; openapi.test.ts
 * validates real answers against them with ajv.
 */
import { areaOut, clusterOut, directoryOut, memberDetailOut } from '@cos/api';
import {
  LIST_LIMIT_MAX,
  MEMBER_KINDS,
  MUNICIPALITY_CODES,
  MUNICIPALITY_UNKNOWN,
  OPEN_DATA_DEMO,
  OUTSIDE_SKANE,
  MEMBER_EXPORT_COLUMNS,
  SIZE_BANDS,
} from '@cos/domain';
import { z } from 'zod';

/** A JSON body in the document, its schema from a zod schema. */
const jsonBody = (schema: z.ZodType) => ({
  'application/json': {
    // 'any' for what JSON Schema cannot say (none of these outputs has such a part today).
    schema: z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any' }),
  },
});

const licenceOut = z.object({ name: z.string(), url: z.string() });
const listOf = (item: z.ZodType) => z.object({ licence: licenceOut, items: z.array(item) });

/** One row of the JSON download: the CSV's columns, text or null, outside_skane a boolean. */
const exportRowOut = z.strictObject(
  Object.fromEntries(
    MEMBER_EXPORT_COLUMNS.map((c) => [
      c,
      c === 'outside_skane' ? z.boolean() : z.string().nullable(),
    ]),
  ),
);

const many = (name: string, description: string, items: Record<string, unknown>) => ({
  name,
  in: 'query',
  description: `${description} Repeat the parameter for several values (OR).`,
  schema: { type: 'array', items },
  style: 'form',
  explode: true,
});

const directoryParameters = [
  {
    name: 'q',
    in: 'query',
    description: 'Free text; words match by prefix, with or without å/ä/ö.',
    schema: { type: 'string', maxLength: 100 },
  },
  many('area', 'Specialisation area slug.', { type: 'string' }),
  many('cluster', 'Cluster slug.', { type: 'string' }),
  many(
    'municipality',
    'Municipality code; "outside" for members known to be outside Skåne; "unknown" for members whose municipality is not known (not the same as outside).',
    { type: 'string', enum: [...MUNICIPALITY_CODES, OUTSIDE_SKANE, MUNICIPALITY_UNKNOWN] },
  ),
  many('kind', 'Kind of organisation.', { type: 'string', enum: [...MEMBER_KINDS] }),
  many('size', 'Size band (employees).', { type: 'string', enum: [...SIZE_BANDS] }),
  {
    name: 'demo',
    in: 'query',
    description:
      'Generated demo members (isDemo: true; invented, with organisation numbers in group 4, which no real organisation has) are left out unless this is "include".',
    schema: { type: 'string', enum: [...OPEN_DATA_DEMO], default: 'exclude' },
  },
  { name: 'sort', in: 'query', schema: { type: 'string', enum: ['relevance', 'name', 'newest'] } },
  {
    name: 'cursor',
    in: 'query',
    description: 'nextCursor from the previous page.',
    schema: { type: 'string' },
  },
  {
    name: 'limit',
    in: 'query',
    schema: { type: 'integer', minimum: 1, maximum: LIST_LIMIT_MAX, default: 20 },
  },
];

const errorBody = z.looseObject({
  error: z.string(),
  message: z.string(),
  fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
});
const errorResponse = {
  description: 'Bad input: the message names each bad parameter and why.',
  content: jsonBody(errorBody),
};

export function openApiDocument(licence: { name: string; url: string }) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Clusters of Skåne open data',
      version: '1.0.0',
      description:
        "The published register of Skåne's cluster organisations, specialisation areas and their members. Only published records are included.",
      license: { name: licence.name, url: licence.url },
    },
    servers: [{ url: '/' }],
    paths: {
      '/api/v1/areas': {
        get: {
          summary: 'The six specialisation areas with member and cluster counts',
          responses: { '200': { description: 'Areas', content: jsonBody(listOf(areaOut)) } },
        },
      },
      '/api/v1/clusters': {
        get: {
          summary:
            'The cluster organisations, with areas, member counts (registered here, and as their sources report them), source notes in Swedish and English (sourceNoteText) and their sources (title in both languages, year, link)',
          responses: {
            '200': { description: 'Clusters', content: jsonBody(listOf(clusterOut)) },
          },
        },
      },
      '/api/v1/members': {
        get: {
          summary: 'The member directory: search, filters, facet counts and keyset pagination',
          parameters: directoryParameters,
          responses: {
            '200': {
              description: 'A page of members with total, facets and nextCursor',
              content: jsonBody(directoryOut.extend({ licence: licenceOut })),
            },
            '400': errorResponse,
          },
        },
      },
      '/api/v1/members/{slug}': {
        get: {
          summary: 'One member with its areas, clusters and related members in other clusters',
          parameters: [{ name: 'slug', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '200': { description: 'The member', content: jsonBody(memberDetailOut) },
            '404': {
              description: 'No published member with that slug',
              content: jsonBody(errorBody),
            },
          },
        },
      },
      '/api/v1/members.json': {
        get: {
          summary: 'All published members matching the filters as one JSON array (a download)',
          parameters: directoryParameters.filter(
            (p) => !['cursor', 'limit', 'sort'].includes(p.name),
          ),
          responses: {
            '200': { description: 'JSON file', content: jsonBody(z.array(exportRowOut)) },
            '400': errorResponse,
          },
        },
      },
      '/api/v1/members.csv': {
        get: {
          summary: 'All published members matching the filters as CSV (UTF-8 with BOM)',
          parameters: directoryParameters.filter(
            // q is read as in the directory (words, stems, organisation numbers); paging and sort are not: a download is every match, by name.
            (p) => !['cursor', 'limit', 'sort'].includes(p.name),
          ),
          responses: {
            '200': { description: 'CSV file', content: { 'text/csv': {} } },
            '400': errorResponse,
          },
        },
      },
    },
  };
}
