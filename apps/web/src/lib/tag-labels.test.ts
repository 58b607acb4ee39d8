import { describe, expect, it } from 'vitest';
import { tagLabel } from './tag-labels';

describe('tagLabel', () => {
  it('shows a known tag in the page language', () => {
    expect(tagLabel('innovationsstrategi', 'en')).toEqual({
      text: 'innovation strategy',
      lang: 'en',
    });
    expect(tagLabel('plattform', 'sv')).toEqual({ text: 'plattform', lang: 'sv' });
  });

  it('shows an unknown tag as typed, marked as Swedish', () => {
    expect(tagLabel('Livsmedelsdagen', 'en')).toEqual({ text: 'Livsmedelsdagen', lang: 'sv' });
  });
});
