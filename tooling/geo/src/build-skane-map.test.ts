import { readFile } from 'node:fs/promises';
import { MUNICIPALITIES } from '@cos/domain';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildSkaneMap, INPUT, MAP_WIDTH, OUTPUT, serialise } from './build-skane-map';

const input = JSON.parse(await readFile(INPUT, 'utf8')) as FeatureCollection;
const committed = await readFile(OUTPUT, 'utf8');

describe('the map of Skåne', () => {
  it('is exactly what the script makes from the committed boundaries', () => {
    expect(serialise(buildSkaneMap(input))).toBe(committed);
  });

  it('has one shape for each of the 33 municipalities, with the domain’s codes and names', () => {
    const map = JSON.parse(committed) as ReturnType<typeof buildSkaneMap>;
    expect(map.municipalities.map((m) => [m.code, m.name]).sort()).toEqual(
      MUNICIPALITIES.map((m) => [m.code, m.name]).sort(),
    );
  });

  it('draws every shape as closed paths inside the viewBox, labels inside too', () => {
    const map = buildSkaneMap(input);
    const [, , width, height] = map.viewBox;
    expect(width).toBe(MAP_WIDTH);
    for (const m of map.municipalities) {
      expect(m.d, m.name).toMatch(/^M[\d.,L]+Z(M[\d.,L]+Z)*$/);
      const numbers = m.d.match(/[\d.]+/g)?.map(Number) ?? [];
      expect(Math.min(...numbers)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...numbers)).toBeLessThanOrEqual(Math.max(width, height));
      expect(m.label[0]).toBeGreaterThan(0);
      expect(m.label[0]).toBeLessThan(width);
      expect(m.label[1]).toBeGreaterThan(0);
      expect(m.label[1]).toBeLessThan(height);
    }
  });

  it('keeps Skåne’s shape: taller than wide is wrong, the east lies east of the west', () => {
    const map = buildSkaneMap(input);
    const at = (name: string) => map.municipalities.find((m) => m.name === name)?.label ?? [0, 0];
    // Simrishamn lies east of Malmö, Båstad north of Trelleborg (SVG y grows downwards).
    expect(at('Simrishamn')[0]).toBeGreaterThan(at('Malmö')[0] + 300);
    expect(at('Båstad')[1]).toBeLessThan(at('Trelleborg')[1] - 400);
    // Skåne is about as tall as it is wide (~130 × 130 km).
    expect(map.viewBox[3] / map.viewBox[2]).toBeGreaterThan(0.8);
    expect(map.viewBox[3] / map.viewBox[2]).toBeLessThan(1.2);
  });
});
