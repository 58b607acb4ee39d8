import { memberDirectoryQuery } from '@cos/domain';
import { describe, expect, it } from 'vitest';
import {
  canonicalRedirect,
  directoryHref,
  EMPTY_STATE,
  firstPage,
  hasFilters,
  nextPage,
  previousPage,
  stateFromParams,
  stateToParams,
  toQuery,
  withoutText,
  withoutValue,
} from './directory-state';

const parse = (query: string) => stateFromParams(new URLSearchParams(query));

describe('directory state from the URL', () => {
  it('reads one value or several for each filter', () => {
    const state = parse(
      'q=förp&area=tech&area=livsmedel&municipality=1280&kind=startup&size=10-49',
    );
    expect(state).toMatchObject({
      q: 'förp',
      area: ['tech', 'livsmedel'],
      municipality: ['1280'],
      kind: ['startup'],
      size: ['10-49'],
      page: 1,
    });
  });

  it('is forgiving: unknown values, repeats and extra spaces are dropped', () => {
    const state = parse(
      'q=%20%20lund%20%20%20univ%20&kind=robot&kind=company&kind=company&municipality=9999&municipality=outside&municipality=unknown&area=Not%20A%20Slug&size=250%2B&sort=sideways',
    );
    expect(state.q).toBe('lund univ');
    expect(state.kind).toEqual(['company']);
    expect(state.municipality).toEqual(['outside', 'unknown']);
    expect(state.area).toEqual([]);
    expect(state.size).toEqual(['250+']);
    expect(state.sort).toBeUndefined();
  });

  it('caps the search text at the API limit', () => {
    expect(parse(`q=${'a'.repeat(300)}`).q).toHaveLength(100);
  });

  it('keeps a cursor and its page number, but a page number alone means nothing', () => {
    expect(parse('cursor=abc&p=3')).toMatchObject({ cursor: 'abc', page: 3 });
    expect(parse('p=3').page).toBe(1);
    expect(parse('cursor=abc&p=-2').page).toBe(1);
    expect(parse(`cursor=${'x'.repeat(501)}`).cursor).toBeUndefined();
  });

  it('reads FormData the same way (the enhancement script posts none, but a form could)', () => {
    const form = new FormData();
    form.append('area', 'tech');
    form.append('q', 'malmö');
    expect(stateFromParams(form)).toMatchObject({ q: 'malmö', area: ['tech'] });
  });
});

describe('directory state to the URL', () => {
  it('writes a canonical query: fixed order, no empty values', () => {
    const state = parse('size=1-9&q=x&sort=name&area=tech');
    expect(stateToParams(state).toString()).toBe('q=x&area=tech&size=1-9&sort=name');
    expect(directoryHref('/medlemmar', EMPTY_STATE)).toBe('/medlemmar');
  });

  it('round-trips every part of the state', () => {
    const state = parse(
      'q=lund&area=tech&cluster=opentech&municipality=1281&municipality=outside&kind=academia&size=250%2B&sort=newest&cursor=eyJ9&p=2',
    );
    expect(stateFromParams(stateToParams(state))).toEqual(state);
  });

  it('starts from page one whenever the search or a filter changes', () => {
    const paged = nextPage(parse('area=tech&kind=company'), 'c1');
    expect(paged).toMatchObject({ cursor: 'c1', page: 2 });
    expect(nextPage(paged, 'c2').page).toBe(3);
    const removed = withoutValue(paged, 'kind', 'company');
    expect(removed).toMatchObject({ kind: [], area: ['tech'], page: 1 });
    expect(removed.cursor).toBeUndefined();
    expect(firstPage(paged).cursor).toBeUndefined();
  });

  it('goes back a page with the cursor the API gives, or to the first page without one', () => {
    const third = nextPage(nextPage(parse('area=tech'), 'c1'), 'c2');
    expect(previousPage(third, 'c1')).toMatchObject({ cursor: 'c1', page: 2, area: ['tech'] });
    const first = previousPage(previousPage(third, 'c1'), null);
    expect(first).toMatchObject({ page: 1, area: ['tech'] });
    expect(first.cursor).toBeUndefined();
    expect(directoryHref('/medlemmar', first)).toBe('/medlemmar?area=tech');
  });

  it('drops relevance order with the search text it belonged to', () => {
    const state = withoutText(parse('q=lund&sort=relevance&area=tech'));
    expect(state.q).toBe('');
    expect(state.sort).toBeUndefined();
    expect(hasFilters(state)).toBe(true);
    expect(hasFilters(EMPTY_STATE)).toBe(false);
  });

  it('builds an API input that the domain schema accepts', () => {
    const state = parse(
      'q=förp&area=tech&municipality=1280&municipality=outside&kind=startup&size=10-49&sort=name&cursor=abc&p=2',
    );
    const parsed = memberDirectoryQuery.parse(toQuery(state));
    expect(parsed).toMatchObject({
      q: 'förp',
      area: ['tech'],
      municipality: ['1280', 'outside'],
      kind: ['startup'],
      size: ['10-49'],
      sort: 'name',
      cursor: 'abc',
      limit: 20,
    });
    expect(memberDirectoryQuery.parse(toQuery(EMPTY_STATE)).q).toBeUndefined();
  });
});

describe('canonical directory addresses', () => {
  it('leaves a canonical address alone', () => {
    expect(canonicalRedirect('')).toBeNull();
    expect(canonicalRedirect('?q=lund&area=tech&sort=newest')).toBeNull();
    expect(canonicalRedirect('?q=malm%C3%B6+univ')).toBeNull();
    expect(canonicalRedirect('?q=malm%C3%B6%20univ')).toBeNull();
  });

  it('drops empty form fields, unknown values and stray page numbers', () => {
    expect(canonicalRedirect('?q=ericsson&sort=')).toBe('?q=ericsson');
    expect(canonicalRedirect('?q=&sort=')).toBe('');
    expect(canonicalRedirect('?kind=robot&area=tech&utm_source=x')).toBe('?area=tech');
    expect(canonicalRedirect('?p=4')).toBe('');
  });

  it('puts values in the canonical order, and never loops', () => {
    const target = canonicalRedirect('?size=1-9&q=x&area=tech');
    expect(target).toBe('?q=x&area=tech&size=1-9');
    expect(canonicalRedirect(target ?? '')).toBeNull();
  });
});
