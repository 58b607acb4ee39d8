import { describe, expect, it } from 'vitest';
import {
  findMunicipality,
  placeFromText,
  MUNICIPALITIES,
  MUNICIPALITY_CODES,
  municipalityByCode,
  municipalityCodeSchema,
  municipalityFilterSchema,
  MUNICIPALITY_UNKNOWN,
  OUTSIDE_SKANE,
  placeKey,
} from './municipalities';

/** Copied from the reference facts (Statistics Sweden), independent of the source list. */
const FACTS = `1214 Svalöv · 1230 Staffanstorp · 1231 Burlöv · 1233 Vellinge · 1256 Östra Göinge ·
1257 Örkelljunga · 1260 Bjuv · 1261 Kävlinge · 1262 Lomma · 1263 Svedala ·
1264 Skurup · 1265 Sjöbo · 1266 Hörby · 1267 Höör · 1270 Tomelilla ·
1272 Bromölla · 1273 Osby · 1275 Perstorp · 1276 Klippan · 1277 Åstorp ·
1278 Båstad · 1280 Malmö · 1281 Lund · 1282 Landskrona · 1283 Helsingborg ·
1284 Höganäs · 1285 Eslöv · 1286 Ystad · 1287 Trelleborg · 1290 Kristianstad ·
1291 Simrishamn · 1292 Ängelholm · 1293 Hässleholm`;

const factPairs = FACTS.split('·').map((entry) => {
  const [code, ...name] = entry.trim().split(/\s+/);
  return { code, name: name.join(' ') };
});

describe('MUNICIPALITIES', () => {
  it('has exactly 33 entries', () => {
    expect(MUNICIPALITIES).toHaveLength(33);
    expect(MUNICIPALITY_CODES).toHaveLength(33);
  });

  it('has unique codes and unique names', () => {
    expect(new Set(MUNICIPALITIES.map((m) => m.code)).size).toBe(33);
    expect(new Set(MUNICIPALITIES.map((m) => m.name)).size).toBe(33);
  });

  it('uses four-digit codes in county 12', () => {
    for (const m of MUNICIPALITIES) expect(m.code).toMatch(/^12\d\d$/);
  });

  it('matches the reference list of codes and names', () => {
    expect(factPairs).toHaveLength(33);
    const ours = MUNICIPALITIES.map(({ code, name }) => ({ code, name }));
    expect(ours).toEqual(expect.arrayContaining(factPairs));
  });

  it('lists MUNICIPALITY_CODES in the same order as MUNICIPALITIES', () => {
    expect([...MUNICIPALITY_CODES]).toEqual(MUNICIPALITIES.map((m) => m.code));
  });

  it('gives each municipality its own tile on the grid map', () => {
    const tiles = MUNICIPALITIES.map((m) => `${m.row},${m.col}`);
    expect(new Set(tiles).size).toBe(33);
    for (const m of MUNICIPALITIES) {
      expect(Number.isInteger(m.row) && m.row >= 0).toBe(true);
      expect(Number.isInteger(m.col) && m.col >= 0).toBe(true);
    }
  });
});

describe('municipalityByCode', () => {
  it('finds by exact code only', () => {
    expect(municipalityByCode('1281')?.name).toBe('Lund');
    expect(municipalityByCode('Lund')).toBeUndefined();
    expect(municipalityByCode('1200')).toBeUndefined();
  });
});

describe('findMunicipality', () => {
  it.each([
    ['Malmö', '1280'],
    ['malmö', '1280'],
    ['MALMÖ', '1280'],
    ['Malmö stad', '1280'],
    ['Malmö kommun', '1280'],
    ['  Malmö  Stad ', '1280'],
    ['Östra Göinge', '1256'],
    ['östra  göinge kommun', '1256'],
    ['Lunds kommun', '1281'],
    ['Helsingborgs stad', '1283'],
    ['Landskrona stad', '1282'],
    ['Höganäs kommun', '1284'],
    ['Hörby kommun', '1266'],
    ['1293', '1293'],
    [' 1214 ', '1214'],
  ])('finds %j as %s', (query, code) => {
    expect(findMunicipality(query)?.code).toBe(code);
  });

  it('finds a name written in decomposed Unicode (as some exports write it)', () => {
    expect(findMunicipality('Malmö'.normalize('NFD'))?.code).toBe('1280');
  });

  it.each(['Köpenhamn', 'Lunds', 'Göteborgs stad', '1480', '', 'kommun'])(
    'does not find %j',
    (query) => {
      expect(findMunicipality(query)).toBeUndefined();
    },
  );
});

describe('municipalityCodeSchema', () => {
  it('accepts all 33 codes', () => {
    for (const code of MUNICIPALITY_CODES) expect(municipalityCodeSchema.parse(code)).toBe(code);
  });

  it('rejects other codes with a message naming the rule', () => {
    expect(municipalityCodeSchema.safeParse('1480').error?.issues[0]?.message).toBe(
      'Municipality must be one of the 33 Skåne municipality codes (1214–1293)',
    );
    expect(municipalityCodeSchema.safeParse('Malmö').success).toBe(false);
  });
});

describe('municipalityFilterSchema', () => {
  it('accepts a code, "outside" or "unknown"', () => {
    expect(municipalityFilterSchema.parse('1280')).toBe('1280');
    expect(municipalityFilterSchema.parse(OUTSIDE_SKANE)).toBe('outside');
    expect(municipalityFilterSchema.parse(MUNICIPALITY_UNKNOWN)).toBe('unknown');
  });
});

describe('placeKey', () => {
  it('tells a municipality, outside Skåne and not known apart', () => {
    expect(placeKey('1280', false)).toBe('1280');
    expect(placeKey(null, true)).toBe('outside');
    expect(placeKey(null, 1)).toBe('outside');
    expect(placeKey(null, false)).toBe('unknown');
    expect(placeKey(null, 0)).toBe('unknown');
  });

  it('rejects anything else with one clear message', () => {
    expect(municipalityFilterSchema.safeParse('9999').error?.issues.map((i) => i.message)).toEqual([
      'Municipality must be a Skåne municipality code, "outside" or "unknown"',
    ]);
  });
});

describe('findMunicipality in the forms files use', () => {
  it.each([
    ['Malmö', '1280'],
    ['Malmö stad', '1280'],
    ['Malmö kommun', '1280'],
    ['MALMÖ', '1280'],
    ['MALMO', '1280'],
    ['malmo', '1280'],
    ['1280', '1280'],
    ['1280 Malmö', '1280'],
    ['1280 - Malmö', '1280'],
    ['Malmö (1280)', '1280'],
    ['Helsingborgs stad', '1283'],
    ['Lunds kommun', '1281'],
    ['Hoganas', '1284'],
    ['Höganäs kommun', '1284'],
    ['Angelholm', '1292'],
    ['Östra Göinge kommun', '1256'],
    ['Malmö, Skåne län', '1280'],
  ])('%s → %s', (text, code) => {
    expect(findMunicipality(text)?.code).toBe(code);
  });

  it('finds nothing when a code and a name disagree, or for a name outside the list', () => {
    expect(findMunicipality('1281 Malmö')).toBeUndefined();
    expect(findMunicipality('Stockholm')).toBeUndefined();
    expect(findMunicipality('Malmöö')).toBeUndefined();
  });
});

describe('placeFromText', () => {
  it('tells a municipality, outside Skåne, not known and unknown apart', () => {
    expect(placeFromText('Lunds kommun')).toEqual({ kind: 'code', code: '1281' });
    expect(placeFromText('  ')).toEqual({ kind: 'blank' });
    for (const outside of [
      'Utanför Skåne',
      'Outside Skåne',
      'annan ort',
      'Stockholm',
      'Göteborgs stad',
      'GOTEBORG',
      '0180 Stockholm',
      'outside',
    ])
      expect(placeFromText(outside), outside).toEqual({ kind: 'outside' });
    expect(placeFromText('Atlantis')).toEqual({ kind: 'unknown' });
    expect(placeFromText('1299')).toEqual({ kind: 'unknown' });
  });
});
