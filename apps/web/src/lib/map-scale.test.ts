import { describe, expect, it } from 'vitest';
import { SCALE, textOn } from './charts';
import { contrast } from './contrast';
import { MAP_BORDER, MAP_INK, MAP_SCALE, mapBands, mapFill, mapStep } from './map-scale';

const PAGE = '#fbfcfa';

describe('contrast', () => {
  it('matches WCAG’s figures for known pairs', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrast('#3f8f5b', '#13251a')).toBeCloseTo(4.05, 1);
  });
  it('refuses what is not a #rrggbb colour', () => {
    expect(() => contrast('green', '#ffffff')).toThrow(/rrggbb/);
  });
});

describe('the map’s colours', () => {
  it('print the counts at 4.5:1 or more on every step', () => {
    for (const fill of MAP_SCALE) expect(contrast(MAP_INK, fill), fill).toBeGreaterThanOrEqual(4.5);
  });
  it('keep borders at 3:1 against every fill and the page', () => {
    for (const fill of [...MAP_SCALE, PAGE])
      expect(contrast(MAP_BORDER, fill), fill).toBeGreaterThanOrEqual(3);
  });
  it('grow darker step by step (a sequential scale)', () => {
    const contrasts = MAP_SCALE.map((fill) => contrast(fill, '#ffffff'));
    for (let i = 1; i < contrasts.length; i++)
      expect(contrasts[i]).toBeGreaterThan(contrasts[i - 1] ?? 0);
  });
  it('give zero its own colour and the largest count the darkest', () => {
    expect(mapFill(0, 40)).toBe(MAP_SCALE[0]);
    expect(mapFill(40, 40)).toBe(MAP_SCALE[5]);
    expect(mapFill(1, 40)).toBe(MAP_SCALE[1]);
  });
  it('spread small counts over the steps (square root): 65 at most gives 1–2, 3–10, …', () => {
    expect(mapBands(65).map((b) => [b.from, b.to])).toEqual([
      [0, 0],
      [1, 2],
      [3, 10],
      [11, 23],
      [24, 41],
      [42, 65],
    ]);
  });
  it('has a band for every count from 0 to the maximum, each once', () => {
    for (const max of [0, 1, 4, 37, 250]) {
      const bands = mapBands(max);
      const covered = bands.flatMap((b) =>
        Array.from({ length: b.to - b.from + 1 }, (_, i) => b.from + i),
      );
      expect(covered).toEqual(Array.from({ length: max + 1 }, (_, i) => i));
      for (const b of bands) {
        expect(b.fill).toBe(MAP_SCALE[b.step]);
        // Each count in a band is drawn in that band's colour.
        for (let v = b.from; v <= b.to; v++) expect(mapStep(v, max), `${v} of ${max}`).toBe(b.step);
      }
    }
  });
});

describe('the heat map’s colours', () => {
  it('print every cell’s number at 4.5:1 or more', () => {
    // One value per step of a maximum of 5: 0 → step 0, 1 → step 1, … 5 → step 5.
    for (let n = 0; n <= 5; n++)
      expect(contrast(textOn(n, 5), SCALE[n] ?? ''), SCALE[n]).toBeGreaterThanOrEqual(4.5);
  });
});
