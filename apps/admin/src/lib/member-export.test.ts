import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';
import { guessMapping } from './member-import';
import { collectPages, EXPORT_HEADER, membersToCsv, type ExportItem } from './member-export';

const item: ExportItem = {
  slug: 'acme',
  name: 'Acme, "the" AB',
  organisationNumber: '556036-0793',
  kind: 'company',
  sizeBand: '10-49',
  municipality: { code: '1280', name: 'Malmö' },
  website: null,
  description: { sv: 'Rad ett\nrad två', en: '' },
  areas: [{ slug: 'tech' }, { slug: 'life-science' }],
  clusters: [{ slug: 'opentech' }],
  status: 'draft',
  updatedAt: '2025-01-01T00:00:00.000Z',
};

describe('membersToCsv', () => {
  it('writes a BOM, the header and one quoted row per member', () => {
    const text = membersToCsv([item]);
    expect(text.startsWith('\uFEFFslug,name,')).toBe(true);
    const { rows } = parseCsv(text);
    expect(rows[0]).toEqual([...EXPORT_HEADER]);
    expect(rows[1]).toEqual([
      'acme',
      'Acme, "the" AB',
      '556036-0793',
      'company',
      '10-49',
      '1280',
      'Malmö',
      '',
      'Rad ett\nrad två',
      '',
      'tech;life-science',
      'opentech',
      'draft',
      '2025-01-01T00:00:00.000Z',
    ]);
  });

  it('imports again: every import field finds its column', () => {
    const mapping = guessMapping([...EXPORT_HEADER]);
    expect(mapping.filter(Boolean).sort()).toEqual(
      [
        'areas',
        'clusters',
        'descriptionEn',
        'descriptionSv',
        'kind',
        'municipality',
        'name',
        'organisationNumber',
        'sizeBand',
        'status',
        'website',
      ].sort(),
    );
  });
});

describe('collectPages', () => {
  const pages = [
    { items: [1, 2], nextCursor: 'b', total: 5 },
    { items: [3, 4], nextCursor: 'c', total: 5 },
    { items: [5], nextCursor: null, total: 5 },
  ];
  const fetchPage = (cursor: string | undefined) =>
    Promise.resolve(pages[cursor === undefined ? 0 : cursor === 'b' ? 1 : 2] ?? pages[0]!);

  it('follows cursors to the end, reporting progress', async () => {
    const progress: number[] = [];
    const result = await collectPages(fetchPage, { max: 100, onProgress: (d) => progress.push(d) });
    expect(result).toEqual({ items: [1, 2, 3, 4, 5], total: 5, truncated: false });
    expect(progress).toEqual([2, 4, 5]);
  });

  it('stops at the maximum and says so', async () => {
    expect(await collectPages(fetchPage, { max: 3 })).toEqual({
      items: [1, 2, 3],
      total: 5,
      truncated: true,
    });
  });
});
