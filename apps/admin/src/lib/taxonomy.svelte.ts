/** Areas and clusters with ids, loaded once per session for pickers and labels. */
import { api, type RouterOutputs } from './api';

export type Taxonomy = RouterOutputs['taxonomy']['pickers'];

let value = $state<Taxonomy | null>(null);
let pending: Promise<Taxonomy> | null = null;

export const taxonomy = {
  get value() {
    return value;
  },
  areaName(id: number, locale: 'sv' | 'en'): string {
    const area = value?.areas.find((a) => a.id === id);
    return area ? (locale === 'en' && area.name.en ? area.name.en : area.name.sv) : `#${id}`;
  },
  clusterName(id: number | null): string {
    if (id === null) return '';
    return value?.clusters.find((c) => c.id === id)?.name ?? `#${id}`;
  },
};

export function loadTaxonomy(force = false): Promise<Taxonomy> {
  if (!pending || force) {
    pending = api.taxonomy.pickers.query().then((t) => (value = t));
    pending.catch(() => (pending = null));
  }
  return pending;
}
