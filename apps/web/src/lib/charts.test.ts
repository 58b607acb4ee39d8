import { describe, expect, it } from 'vitest';
import { barLength, fillFor, layoutBars, SCALE, shorten, step, textOn } from './charts';

describe('chart scales', () => {
  it('scales bar length to the plot width and clamps outliers', () => {
    expect(barLength(5, 10, 200)).toBe(100);
    expect(barLength(0, 10, 200)).toBe(0);
    expect(barLength(-3, 10, 200)).toBe(0);
    expect(barLength(20, 10, 200)).toBe(200);
    expect(barLength(5, 0, 200)).toBe(0);
  });

  it('lays out one row per bar, the largest within the plot', () => {
    const chart = layoutBars(
      [
        { label: 'a', value: 30 },
        { label: 'b', value: 45 },
      ],
      { width: 600, rowHeight: 40, valueSpace: 50 },
    );
    expect(chart.top).toBe(45);
    expect(chart.plotWidth).toBe(550);
    expect(chart.rows.map((r) => r.y)).toEqual([0, 40]);
    expect(chart.rows[1]?.length).toBe(550);
    expect(chart.rows[0]?.length).toBeCloseTo((30 / 45) * 550);
    expect(chart.height).toBe(88);
    expect(layoutBars([]).rows).toEqual([]);
    expect(layoutBars([{ label: 'none', value: 0 }]).rows[0]?.length).toBe(0);
  });

  it('gives zero its own colour and the maximum the darkest step', () => {
    expect(step(0, 10)).toBe(0);
    expect(step(1, 10)).toBe(1);
    expect(step(10, 10)).toBe(5);
    expect(step(5, 0)).toBe(0);
    expect(fillFor(10, 10)).toBe(SCALE[5]);
    expect(textOn(10, 10)).toBe('#ffffff');
    expect(textOn(1, 10)).not.toBe('#ffffff');
  });

  it('shortens labels with an ellipsis only when needed', () => {
    expect(shorten('Tech', 10)).toBe('Tech');
    expect(shorten('Avancerade material & tillverkningsindustri', 12)).toBe('Avancerade…');
  });
});
