/**
 * Colours of the map of Skåne. Unlike the heat map's scale, every step stays
 * light enough for ONE dark ink and ONE dark border: the counts printed on the
 * map read at 4.5:1 or more on every fill, and the border between any two
 * municipalities (and against the page) keeps 3:1 (WCAG 1.4.3 and 1.4.11).
 * Tested in map-scale.test.ts.
 */
/** Step 0 (no members) is a neutral grey; steps 1–5 a sequential green. */
export const MAP_SCALE = [
  '#f3f5f4',
  '#dcefe2',
  '#b8dfc5',
  '#8fcaa3',
  '#66b385',
  '#3e9a66',
] as const;
/** Text printed on the map. */
export const MAP_INK = '#10231a';
/** Borders between municipalities and around Skåne. */
export const MAP_BORDER = '#1f3a2b';

/**
 * A count's colour step: 0 for none, then 1–5 on a square-root scale. One
 * large city would put every other municipality in the first step of a
 * linear scale; the square root spreads the small counts over the steps.
 * Integer arithmetic (25·v ≤ k²·max), so the legend's bands are exact.
 */
export function mapStep(value: number, max: number): number {
  if (value <= 0 || max <= 0) return 0;
  for (let k = 1; k < 5; k++) if (25 * value <= k * k * max) return k;
  return 5;
}

export function mapFill(value: number, max: number): string {
  return MAP_SCALE[mapStep(value, max)] ?? MAP_SCALE[0];
}

export interface Band {
  step: number;
  fill: string;
  from: number;
  to: number;
}

/** The legend's bands: which counts each colour stands for (only steps some count can take). */
export function mapBands(max: number): Band[] {
  const bands: Band[] = [{ step: 0, fill: MAP_SCALE[0], from: 0, to: 0 }];
  let previous = 0;
  for (let k = 1; k <= 5; k++) {
    const to = k === 5 ? max : Math.floor((k * k * max) / 25);
    if (to > previous)
      bands.push({ step: k, fill: MAP_SCALE[k] ?? MAP_SCALE[0], from: previous + 1, to });
    previous = Math.max(previous, to);
  }
  return bands;
}
