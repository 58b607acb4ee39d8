/**
 * The choice lists the forms offer, as SelectField options. Each list is
 * built here once, so a drop-down that appears in two forms (municipality,
 * cluster) offers the same choices in the same order in both.
 */
import {
  CONFIDENCES,
  MEMBER_KIND_LABELS,
  MEMBER_KINDS,
  MUNICIPALITIES,
  SIZE_BAND_LABELS,
  SIZE_BANDS,
  USER_ROLES,
} from '@cos/domain';
import { i18n, t } from './i18n/locale.svelte';

export interface Choice<T extends string = string> {
  value: T;
  label: string;
}

/** By Swedish name, as people look for them; the domain keeps them in code order. */
export const MUNICIPALITY_CHOICES: readonly Choice[] = [...MUNICIPALITIES]
  .sort((x, y) => x.name.localeCompare(y.name, 'sv'))
  .map((m) => ({ value: m.code, label: m.name }));

// The labels below follow the interface language: call these where they are
// shown (a template or $derived), so a language switch re-labels them.

export const memberKindChoices = () =>
  MEMBER_KINDS.map((kind) => ({ value: kind, label: MEMBER_KIND_LABELS[kind][i18n.locale] }));

export const sizeBandChoices = () =>
  SIZE_BANDS.map((size) => ({ value: size, label: SIZE_BAND_LABELS[size][i18n.locale] }));

export const confidenceChoices = () =>
  CONFIDENCES.map((c) => ({ value: c, label: t(`cluster.confidence.${c}`) }));

export const roleChoices = () =>
  USER_ROLES.map((role) => ({ value: role, label: t(`user.role.${role}`) }));

/** Clusters are chosen by id; a select's value is a string. */
export const clusterChoices = (clusters: readonly { id: number; name: string }[]): Choice[] =>
  clusters.map((c) => ({ value: String(c.id), label: c.name }));
