/**
 * A proposal against a record, field by field: which proposed values differ
 * from what is stored (only those are kept when a suggestion is sent), and
 * the difference a reviewer reads. Pure functions on plain values.
 */
import {
  CLUSTER_PROPOSAL_FIELDS,
  MEMBER_PROPOSAL_FIELDS,
  type SuggestionTarget,
} from '@cos/domain';
import { sameJson } from '../record-changes';

type Values = Record<string, unknown>;

export function proposalFields(target: SuggestionTarget): readonly string[] {
  return target === 'member' ? MEMBER_PROPOSAL_FIELDS : CLUSTER_PROPOSAL_FIELDS;
}

/** Area ids are a set: the order a form lists them in is no change. */
function comparable(field: string, value: unknown): unknown {
  if (field === 'areaIds' && Array.isArray(value))
    return [...(value as number[])].sort((a, b) => a - b);
  return value;
}

export function sameValue(field: string, a: unknown, b: unknown): boolean {
  return sameJson(comparable(field, a), comparable(field, b));
}

/** The proposed fields whose value differs from the record's (in the target's field order). */
export function changedOnly(target: SuggestionTarget, current: Values, proposed: Values): Values {
  const out: Values = {};
  for (const field of proposalFields(target)) {
    if (proposed[field] === undefined) continue;
    if (!sameValue(field, current[field], proposed[field])) out[field] = proposed[field];
  }
  return out;
}

export interface DifferenceRow {
  field: string;
  current: unknown;
  proposed: unknown;
  /** The record's value now already equals the proposal (someone made the change since). */
  alreadyThere: boolean;
}

/** One row per proposed field: the record's value now beside the proposed one. */
export function difference(
  target: SuggestionTarget,
  current: Values | null,
  proposed: Values,
): DifferenceRow[] {
  return proposalFields(target)
    .filter((field) => proposed[field] !== undefined)
    .map((field) => ({
      field,
      current: current ? (current[field] ?? null) : null,
      proposed: proposed[field],
      alreadyThere: current ? sameValue(field, current[field], proposed[field]) : false,
    }));
}
