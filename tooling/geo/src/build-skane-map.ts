/**
 * Builds the public site's map of Skåne: the 33 municipalities' open boundary
 * data (source/skane-municipalities.geojson, source and licence in
 * source/SOURCE.md) projected, simplified and written as one SVG path per
 * municipality code to apps/web/src/geo/skane-map.json.
 *
 * Run: `pnpm --filter @cos/geo build:map` (node 24 runs the TypeScript as is).
 * The output is committed; a test rebuilds it and compares, so the JSON never
 * drifts from the script that claims to have made it.
 *
 * Why these steps:
 * - Transverse Mercator on 15° E is SWEREF 99 TM, Sweden's national grid: the
 *   shapes look as on Lantmäteriet's maps, not squashed as in plain lon/lat.
 * - The points are projected first and simplified in the plane (topojson),
 *   so shared borders stay shared (no slivers or gaps between neighbours) and
 *   the sphere's winding rules never come into play.
 * - Coordinates are rounded to 0.1 of a viewBox unit: invisible at any screen
 *   size, and it keeps the page small (every page with the map carries it).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { geoPath, geoTransverseMercator } from 'd3-geo';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, quantile, simplify } from 'topojson-simplify';
import type { GeometryCollection } from 'topojson-specification';

/** The drawing's width in viewBox units; its height follows Skåne's shape. */
export const MAP_WIDTH = 600;
/** Share of the border points kept by the simplification (by visual importance). */
const KEEP = 0.35;

export interface MapShape {
  code: string;
  name: string;
  /** SVG path data in viewBox units. */
  d: string;
  /** Where a label sits: the centroid of the municipality's largest part. */
  label: [number, number];
}

export interface SkaneMap {
  source: string;
  licence: string;
  viewBox: [number, number, number, number];
  municipalities: MapShape[];
}

type Shape = Feature<Polygon | MultiPolygon, { code: string; name: string }>;

const round = (n: number) => Math.round(n * 10) / 10;

/** The map from the boundary GeoJSON: pure, so a test can rebuild and compare. */
export function buildSkaneMap(input: FeatureCollection): SkaneMap {
  const shapes = input.features as Shape[];
  // Fitted to the points, not the polygons: d3 reads polygons on the sphere,
  // where this data's winding (RFC 7946, counter-clockwise) means "the rest of the globe".
  const points = shapes.flatMap((f) =>
    (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).flat(2),
  );
  const projection = geoTransverseMercator()
    .rotate([-15, 0])
    .fitWidth(MAP_WIDTH, { type: 'MultiPoint', coordinates: points });
  const project = (p: Position): Position => {
    const xy = projection([p[0] ?? 0, p[1] ?? 0]);
    if (!xy) throw new Error(`cannot project ${p.join(',')}`);
    return xy;
  };
  const planar: Shape[] = shapes.map((f) => ({
    ...f,
    geometry:
      f.geometry.type === 'Polygon'
        ? { type: 'Polygon', coordinates: f.geometry.coordinates.map((r) => r.map(project)) }
        : {
            type: 'MultiPolygon',
            coordinates: f.geometry.coordinates.map((poly) => poly.map((r) => r.map(project))),
          },
  }));

  // Quantised topology: neighbours share arcs, so simplifying keeps them flush.
  const collection: FeatureCollection = { type: 'FeatureCollection', features: planar };
  // topojson-server types its properties as nullable, topojson-simplify as objects.
  const topo = topology({ m: collection }, 1e5) as Parameters<typeof presimplify>[0];
  const weighted = presimplify(topo);
  const simple = simplify(weighted, quantile(weighted, 1 - KEEP));
  const back = feature(simple, simple.objects.m as GeometryCollection) as unknown as {
    features: Shape[];
  };

  const path = geoPath().digits(1);
  const municipalities = back.features
    .map((f): MapShape => {
      const parts: Polygon[] =
        f.geometry.type === 'Polygon'
          ? [f.geometry]
          : f.geometry.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }));
      const largest = parts.reduce((a, b) => (path.area(b) > path.area(a) ? b : a));
      const [x, y] = path.centroid(largest);
      return {
        code: f.properties.code,
        name: f.properties.name,
        d: path(f) ?? '',
        label: [round(x), round(y)],
      };
    })
    .sort((a, b) => a.code.localeCompare(b.code));

  const ys = planar.flatMap((f) =>
    (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).flatMap(
      (poly) => poly.flatMap((ring) => ring.map((p) => p[1] ?? 0)),
    ),
  );
  return {
    source:
      'Municipality boundaries: okfse/sweden-geojson (Open Knowledge Sweden), from Valmyndigheten data; free reuse. See skane-map.SOURCE.md.',
    licence: 'Free reuse as offered by the okfse/sweden-geojson README; credit the source.',
    viewBox: [0, 0, MAP_WIDTH, Math.ceil(Math.max(...ys))],
    municipalities,
  };
}

export const INPUT = fileURLToPath(
  new URL('../source/skane-municipalities.geojson', import.meta.url),
);
export const OUTPUT = fileURLToPath(
  new URL('../../../apps/web/src/geo/skane-map.json', import.meta.url),
);

/** The committed file's exact text for a map (stable key order, one shape a line). */
export function serialise(map: SkaneMap): string {
  const { municipalities, ...head } = map;
  const lines = municipalities.map((m) => `    ${JSON.stringify(m)}`);
  const top = JSON.stringify(head, null, 2).replace(/\n}$/, '');
  return `${top},\n  "municipalities": [\n${lines.join(',\n')}\n  ]\n}\n`;
}

if (import.meta.main) {
  const input = JSON.parse(await readFile(INPUT, 'utf8')) as FeatureCollection;
  const text = serialise(buildSkaneMap(input));
  await writeFile(OUTPUT, text);
  process.stdout.write(`wrote ${OUTPUT} (${text.length} bytes)\n`);
}
