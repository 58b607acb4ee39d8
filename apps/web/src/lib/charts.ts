/**
 * Scales for the server-drawn SVG charts: bar lengths, a stepped colour
 * scale for the heat map and the municipality map, and label fitting. Pure functions, so the geometry is unit-tested.
 */

/** Length of a bar for `value` on an axis from 0 to `top` drawn `width` long. */
export function barLength(value: number, top: number, width: number): number {
  if (top <= 0 || value <= 0) return 0;
  return (Math.min(value, top) / top) * width;
}

export interface Bar {
  label: string;
  value: number;
  href?: string;
}

export interface BarLayout {
  width: number;
  height: number;
  plotWidth: number;
  rowHeight: number;
  top: number;
  rows: (Bar & { y: number; length: number })[];
}

/**
 * Geometry for a horizontal bar chart. Each row has its label above the bar,
 * so long names ("Avancerade material & tillverkningsindustri") never need
 * cutting and the chart reads on a phone.
 */
export function layoutBars(
  bars: readonly Bar[],
  options: { width?: number; rowHeight?: number; valueSpace?: number } = {},
): BarLayout {
  // 420 wide: drawn at natural size on a desktop and barely scaled down on a phone.
  const { width = 420, rowHeight = 44, valueSpace = 48 } = options;
  const plotWidth = width - valueSpace;
  // Every bar prints its value, so the longest bar may fill the plot: no axis to round.
  const top = Math.max(1, ...bars.map((b) => b.value));
  return {
    width,
    height: bars.length * rowHeight + 8,
    plotWidth,
    rowHeight,
    top,
    rows: bars.map((bar, i) => ({
      ...bar,
      y: i * rowHeight,
      length: barLength(bar.value, top, plotWidth),
    })),
  };
}

/**
 * Five steps of green from pale to dark; 0 gets its own neutral grey. Text on
 * steps 0–2 is dark and on 3–5 white, every pair at least 4.5:1 (tested; step
 * 3 was #3f8f5b, 4.05:1 with dark text and 4.0:1 with white).
 */
export const SCALE = ['#f1f5f2', '#d4eadb', '#a6d3b3', '#2f7d4c', '#1d5c34', '#0f3d21'] as const;

/** Which colour step a value takes: 0 for zero, then 1–5 by share of the maximum. */
export function step(value: number, max: number): number {
  if (value <= 0 || max <= 0) return 0;
  return Math.min(5, Math.max(1, Math.ceil((value / max) * 5)));
}

export function fillFor(value: number, max: number): string {
  return SCALE[step(value, max)] ?? SCALE[0];
}

/** Dark text on light fills (steps 0–2), white on dark ones (3–5). */
export function textOn(value: number, max: number): string {
  return step(value, max) >= 3 ? '#ffffff' : '#13251a';
}

/** A label cut to `max` characters with an ellipsis (the full text is in the table and a <title>). */
export function shorten(label: string, max: number): string {
  return label.length <= max ? label : `${label.slice(0, max - 1).trimEnd()}…`;
}
