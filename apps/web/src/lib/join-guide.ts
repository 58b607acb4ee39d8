/** "Which cluster fits us?": the GET form's query (?omrade=…&kommun=…) to the API's input. */
import { MUNICIPALITY_CODES, type Locale } from '@cos/domain';
import type { AstroGlobal } from 'astro';
import { apiFor } from './api';

const CODES = new Set<string>(MUNICIPALITY_CODES);

export async function joinGuide(astro: AstroGlobal, _locale: Locale) {
  const api = apiFor(astro.locals);
  const params = astro.url.searchParams;
  const areas = await api.area.list();
  const known = new Set(areas.map((a) => a.slug));
  // Unknown values in a hand-edited query are dropped, not an error page.
  const chosenAreas = params
    .getAll('omrade')
    .filter((slug) => known.has(slug))
    .slice(0, 6);
  const code = params.get('kommun') ?? '';
  const municipalityCode = CODES.has(code) ? code : null;
  const asked = params.has('omrade') || params.has('kommun');
  const suggestions = asked
    ? await api.joinRequest.suggestClusters({
        areas: chosenAreas,
        municipalityCode: municipalityCode as never,
      })
    : null;
  return { areas, chosenAreas, municipalityCode, suggestions };
}
