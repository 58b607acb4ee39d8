import { describe, expect, it } from 'vitest';
import { areaArt } from './identity';

describe('area drawings', () => {
  it('draws the six known areas and falls back for new ones', () => {
    expect(areaArt('livsmedel')).toBe('/images/areas/livsmedel.svg');
    expect(areaArt('ess-max-iv-science-village')).toBe(
      '/images/areas/ess-max-iv-science-village.svg',
    );
    expect(areaArt('a-new-area')).toBe('/images/areas/generic.svg');
  });
});
