/**
 * The site's identity helpers. The hues and monograms live in @cos/domain/share
 * (the share images use them too); which drawing illustrates an area is the site's.
 */
import { AREA_HUES } from '@cos/domain/share';

export { HUES, hueFor, monogram } from '@cos/domain/share';

/** Known area drawings (public/images/areas/<slug>.svg); any other area gets the generic one. */
export function areaArt(slug: string): string {
  return `/images/areas/${Object.hasOwn(AREA_HUES, slug) ? slug : 'generic'}.svg`;
}
