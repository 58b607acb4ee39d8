import { describe, expect, it } from 'vitest';
import { areaToValues, validateAreaCreate } from './area-form';
import {
  articleToValues,
  emptyArticleValues,
  isoToLocalInput,
  localInputToIso,
  emptyTag,
  validateArticleCreate,
  validateArticleUpdate,
} from './article-form';
import {
  clusterToValues,
  emptyClusterValues,
  emptyContactPerson,
  emptySource,
  movePerson,
  validateClusterCreate,
} from './cluster-form';
import { emptyUserValues, validateUserCreate, validateUserUpdate } from './user-form';

describe('cluster form', () => {
  it('turns text inputs into typed input', () => {
    const result = validateClusterCreate({
      ...emptyClusterValues(),
      name: 'Ny Klustret',
      foundedYear: '2010',
      website: 'kluster.se',
      email: ' Info@Kluster.SE ',
    });
    expect(result.ok && result.input).toMatchObject({
      foundedYear: 2010,
      website: 'https://kluster.se',
      email: 'info@kluster.se',
      logoUrl: null,
    });
  });

  it('names a bad year', () => {
    const result = validateClusterCreate({
      ...emptyClusterValues(),
      name: 'Ok namn',
      foundedYear: '1700',
    });
    expect(!result.ok && result.errors.foundedYear).toEqual(['Founded year must be 1800 or later']);
    const text = validateClusterCreate({
      ...emptyClusterValues(),
      name: 'Ok namn',
      foundedYear: 'abc',
    });
    expect(!text.ok && text.errors.foundedYear).toEqual(['Founded year must be a number']);
  });

  it('round-trips a record', () => {
    const values = clusterToValues({
      slug: 'x',
      name: 'X',
      shortName: '',
      description: { sv: '', en: '' },
      website: null,
      email: null,
      city: 'Lund',
      municipalityCode: null,
      foundedYear: 2001,
      logoUrl: null,
      areaIds: [2, 1],
      confidence: 'medium',
      status: 'published',
    });
    expect(values).toMatchObject({ foundedYear: '2001', areaIds: [1, 2], website: '' });
  });
});

describe('cluster contact fields', () => {
  it('turn inputs into the contact input, naming a bad person field by its row', () => {
    const person = (name: string, email: string, key: number) => ({
      key,
      name,
      role: '',
      email,
      phone: '',
    });
    const good = validateClusterCreate({
      ...emptyClusterValues(),
      name: 'Ok namn',
      phone: '040-12 34 56',
      visitingAddress: { street: 'Gatan 1', postcode: '21120', city: 'Malmö' },
      contactPersons: [person('Anna A', 'Anna@Example.se', 1)],
      membershipUrl: 'kluster.se/medlem',
    });
    expect(good.ok && good.input).toMatchObject({
      phone: '040-12 34 56',
      visitingAddress: { street: 'Gatan 1', postcode: '211 20', city: 'Malmö' },
      postalAddress: { street: '', postcode: '', city: '' },
      contactPersons: [{ name: 'Anna A', role: '', email: 'anna@example.se', phone: null }],
      membershipUrl: 'https://kluster.se/medlem',
    });
    const bad = validateClusterCreate({
      ...emptyClusterValues(),
      name: 'Ok namn',
      postalAddress: { street: 'Box 1', postcode: '1', city: '' },
      contactPersons: [person('Anna A', 'a@example.se', 1), person('Bo B', 'nope', 2)],
    });
    expect(!bad.ok && Object.keys(bad.errors).sort()).toEqual([
      'contactPersons.1.email',
      'postalAddress.postcode',
    ]);
  });

  it('move a row up and down, and key new rows apart', () => {
    expect(movePerson(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'c', 'b']);
    expect(movePerson(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    const values = clusterToValues({
      slug: 'x',
      name: 'X',
      shortName: '',
      description: { sv: '', en: '' },
      website: null,
      email: null,
      city: '',
      municipalityCode: null,
      foundedYear: null,
      logoUrl: null,
      areaIds: [],
      confidence: 'high',
      status: 'draft',
      contactPersons: [{ name: 'Anna', role: 'Vd', email: 'a@example.se', phone: null }],
    });
    expect(values.contactPersons).toEqual([
      { key: 1, name: 'Anna', role: 'Vd', email: 'a@example.se', phone: '' },
    ]);
    expect(emptyContactPerson(values.contactPersons).key).toBe(2);
  });
});

describe('cluster sources and reported member count', () => {
  it('turn inputs into the input, and name each bad field by its path', () => {
    const good = validateClusterCreate({
      ...emptyClusterValues(),
      name: 'Ok namn',
      reportedMembers: { count: ' 150 ', qualifier: 'about', year: '2016' },
      sourceNoteText: { sv: 'Från offentliga källor.', en: 'From public sources.' },
      sources: [{ key: 1, titleSv: 'Offentliga källor', titleEn: '', year: '', url: 'x.se/a' }],
    });
    expect(good.ok && good.input).toMatchObject({
      reportedMembers: { count: 150, qualifier: 'about', year: 2016 },
      sourceNoteText: { sv: 'Från offentliga källor.', en: 'From public sources.' },
      sources: [{ title: { sv: 'Offentliga källor', en: '' }, year: null, url: 'https://x.se/a' }],
    });
    const bad = validateClusterCreate({
      ...emptyClusterValues(),
      name: 'Ok namn',
      reportedMembers: { count: '', qualifier: 'about', year: '2016' },
      sources: [
        { key: 1, titleSv: 'Rapport', titleEn: '', year: '12,5', url: '' },
        { key: 2, titleSv: '', titleEn: 'Report', year: '', url: 'ftp://x.se' },
      ],
    });
    expect(!bad.ok && bad.errors).toEqual({
      'reportedMembers.count': [
        'Reported member count is needed when how it is given or its year is filled in',
      ],
      'sources.0.year': ['Year of the source must be a number'],
      'sources.1.title.sv': ['Source title in Swedish is required'],
      'sources.1.url': [expect.stringMatching(/http/)],
    });
    const count = validateClusterCreate({
      ...emptyClusterValues(),
      name: 'Ok namn',
      reportedMembers: { count: '100001', qualifier: '', year: '1989' },
    });
    expect(!count.ok && count.errors).toEqual({
      'reportedMembers.count': ['Reported member count must be at most 100000'],
      'reportedMembers.year': ['Year of the member count must be 1990 or later'],
    });
  });

  it('round-trip a record, empty when an older record has none', () => {
    const record = {
      slug: 'x',
      name: 'X',
      shortName: '',
      description: { sv: '', en: '' },
      website: null,
      email: null,
      city: '',
      municipalityCode: null,
      foundedYear: null,
      logoUrl: null,
      areaIds: [],
      confidence: 'high' as const,
      status: 'draft' as const,
    };
    expect(clusterToValues(record)).toMatchObject({
      reportedMembers: { count: '', qualifier: '', year: '' },
      sourceNoteText: { sv: '', en: '' },
      sources: [],
    });
    const values = clusterToValues({
      ...record,
      reportedMembers: { count: 122, qualifier: 'exact', year: 2012 },
      sources: [
        { title: { sv: 'Offentliga källor', en: 'Public sources' }, year: 2012, url: null },
      ],
    });
    expect(values.reportedMembers).toEqual({ count: '122', qualifier: 'exact', year: '2012' });
    expect(values.sources).toEqual([
      { key: 1, titleSv: 'Offentliga källor', titleEn: 'Public sources', year: '2012', url: '' },
    ]);
    expect(emptySource(values.sources).key).toBe(2);
  });
});

describe('area form', () => {
  it('requires the Swedish name and a slug', () => {
    const result = validateAreaCreate({
      slug: '',
      name: { sv: '', en: 'Tech' },
      summary: { sv: '', en: '' },
      sortOrder: '2',
    });
    expect(!result.ok && Object.keys(result.errors).sort()).toEqual(['name.sv', 'slug']);
    expect(
      areaToValues({
        slug: 'a',
        name: { sv: 'A', en: '' },
        summary: { sv: '', en: '' },
        sortOrder: 3,
      }).sortOrder,
    ).toBe('3');
  });
});

describe('article form', () => {
  it('requires cover alt text in Swedish, on the alt field', () => {
    const result = validateArticleCreate({
      ...emptyArticleValues(),
      title: { sv: 'Rubrik', en: '' },
      hasCover: true,
      coverSrc: '/bild.jpg',
    });
    expect(!result.ok && result.errors['coverAlt.sv']).toEqual([
      'Cover image alt text in Swedish is required',
    ]);
  });

  it('refuses a cover image from another site', () => {
    const result = validateArticleCreate({
      ...emptyArticleValues(),
      title: { sv: 'Rubrik', en: '' },
      hasCover: true,
      coverSrc: '//evil.example/x.jpg',
      coverAlt: { sv: 'Bild', en: '' },
    });
    expect(!result.ok && result.errors.coverSrc?.[0]).toMatch(/must start with/);
  });

  it('turns tags, cluster and date into input', () => {
    const result = validateArticleUpdate(
      {
        ...emptyArticleValues(3),
        title: { sv: 'Rubrik', en: 'Title' },
        tags: [
          { key: 1, sv: 'Innovation', en: '' },
          { key: 2, sv: 'tech ', en: 'Tech' },
          { key: 3, sv: 'tech', en: '' },
        ],
        publishedAt: '2025-03-01T09:30',
      },
      5,
      2,
    );
    expect(result.ok && result.input).toMatchObject({
      id: 5,
      version: 2,
      clusterId: 3,
      tags: [
        { sv: 'innovation', en: '' },
        { sv: 'tech', en: 'tech' },
      ],
      publishedAt: new Date('2025-03-01T09:30').toISOString(),
      coverImage: null,
    });
  });

  it('names the tag row that is wrong, in the language it is wrong in', () => {
    const result = validateArticleCreate({
      ...emptyArticleValues(),
      title: { sv: 'Rubrik', en: '' },
      tags: [
        { key: 1, sv: 'plattform', en: 'platform' },
        { key: 2, sv: '', en: 'members' },
        { key: 3, sv: 'kluster', en: 'clu#sters' },
      ],
    });
    expect(!result.ok && Object.keys(result.errors).sort()).toEqual(['tags.1.sv', 'tags.2.en']);
    expect(emptyTag([{ key: 4, sv: 'a', en: '' }])).toEqual({ key: 5, sv: '', en: '' });
  });

  it('converts between ISO instants and datetime-local text', () => {
    const iso = new Date(2025, 0, 2, 3, 4).toISOString();
    expect(isoToLocalInput(iso)).toBe('2025-01-02T03:04');
    expect(localInputToIso('2025-01-02T03:04')).toBe(iso);
    expect(localInputToIso('')).toBeNull();
    expect(isoToLocalInput(null)).toBe('');
  });

  it('reads a record with a cover image', () => {
    const values = articleToValues({
      slug: 's',
      title: { sv: 'T', en: '' },
      summary: { sv: '', en: '' },
      body: { sv: '', en: '' },
      coverImage: { src: '/a.jpg', alt: { sv: 'A', en: 'A' } },
      author: '',
      tags: [
        { sv: 'x', en: 'ex' },
        { sv: 'y', en: '' },
      ],
      clusterId: null,
      publishedAt: null,
      status: 'draft',
    });
    expect(values).toMatchObject({
      hasCover: true,
      coverSrc: '/a.jpg',
      tags: [
        { key: 1, sv: 'x', en: 'ex' },
        { key: 2, sv: 'y', en: '' },
      ],
      clusterId: '',
    });
  });
});

describe('user form', () => {
  it('needs a cluster for an editor and a long password', () => {
    const result = validateUserCreate({
      ...emptyUserValues(),
      email: 'ny@example.se',
      name: 'Ny',
      password: 'short',
    });
    expect(!result.ok && Object.keys(result.errors).sort()).toEqual(['clusterId', 'password']);
  });

  it('drops the cluster of an admin', () => {
    const result = validateUserUpdate(
      { ...emptyUserValues(), name: 'A', role: 'admin', clusterId: '4' },
      'u1',
    );
    expect(result.ok && result.input).toMatchObject({ id: 'u1', role: 'admin', clusterId: null });
  });
});
