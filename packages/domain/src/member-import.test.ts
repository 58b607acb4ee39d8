import { describe, expect, it } from 'vitest';
import { guessImportColumns, guessImportMapping } from './member-import';

describe('guessImportColumns', () => {
  it('reads the open-data export header', () => {
    const header =
      'slug,name,organisation_number,kind,size_band,municipality_code,municipality,website,description_sv,description_en,areas,clusters,updated_at'.split(
        ',',
      );
    expect(guessImportColumns(header)).toEqual([
      'slug',
      'name',
      'organisationNumber',
      'kind',
      'sizeBand',
      'municipality',
      null,
      'website',
      'descriptionSv',
      'descriptionEn',
      'areas',
      'clusters',
      null,
    ]);
  });

  it('reads Swedish and spreadsheet-style headers', () => {
    expect(
      guessImportColumns([
        'Företagsnamn',
        'Org.nr',
        'Kommun',
        'Område',
        'Kluster',
        'Hemsida',
        'Okänd',
      ]),
    ).toEqual(['name', 'organisationNumber', 'municipality', 'areas', 'clusters', 'website', null]);
  });

  it('gives each field to one column only', () => {
    expect(guessImportColumns(['namn', 'name']).filter((f) => f === 'name')).toHaveLength(1);
    expect(guessImportColumns(['org.nr', 'organisation_number'])).toEqual([
      null,
      'organisationNumber',
    ]);
  });
});

describe('guessImportMapping', () => {
  it('keys the same guess by heading', () => {
    expect(guessImportMapping(['Namn', 'Organisationsnummer', 'Kommun', 'Okänd'])).toEqual({
      Namn: 'name',
      Organisationsnummer: 'organisationNumber',
      Kommun: 'municipality',
      Okänd: null,
    });
  });
});
