/**
 * The member form's values (what the inputs hold, all strings) and the
 * conversions to and from the API's record and input shapes. Validation runs
 * the same zod schema the server runs, so the browser shows the server's
 * messages before a round trip.
 */
import {
  memberCreateInput,
  memberUpdateInput,
  type MemberCreateInput,
  type MemberUpdateInput,
  type Status,
} from '@cos/domain';
import { blankToNull, validatedBy, type Validated } from './forms';

export interface MembershipValues {
  clusterId: number;
  since: string;
}

export interface MemberFormValues {
  name: string;
  slug: string;
  organisationNumber: string;
  kind: string;
  sizeBand: string;
  municipalityCode: string;
  website: string;
  description: { sv: string; en: string };
  areaIds: number[];
  memberships: MembershipValues[];
  status: Status;
}

/** The fields in form order (for focusing the first error and for the conflict view). */
export const MEMBER_FIELD_PATHS = [
  'name',
  'slug',
  'organisationNumber',
  'kind',
  'sizeBand',
  'municipalityCode',
  'website',
  'description.sv',
  'description.en',
  'areaIds',
  'memberships',
  'status',
] as const;

export interface MemberRecordLike {
  id: number;
  slug: string;
  name: string;
  organisationNumber: string | null;
  kind: string;
  sizeBand: string | null;
  municipalityCode: string | null;
  website: string | null;
  description: { sv: string; en: string };
  areaIds: number[];
  memberships: { clusterId: number; since: string | null }[];
  status: Status;
  version: number;
}

export function emptyMemberValues(): MemberFormValues {
  return {
    name: '',
    slug: '',
    organisationNumber: '',
    kind: 'company',
    sizeBand: '',
    municipalityCode: '',
    website: '',
    description: { sv: '', en: '' },
    areaIds: [],
    memberships: [],
    status: 'draft',
  };
}

/** Sorted so that the same areas and memberships compare equal whatever order they came in. */
export function normaliseMemberValues(values: MemberFormValues): MemberFormValues {
  return {
    ...values,
    areaIds: [...values.areaIds].sort((a, b) => a - b),
    memberships: [...values.memberships]
      .map((m) => ({ clusterId: m.clusterId, since: m.since }))
      .sort((a, b) => a.clusterId - b.clusterId),
  };
}

export function memberToValues(record: MemberRecordLike): MemberFormValues {
  return normaliseMemberValues({
    name: record.name,
    slug: record.slug,
    organisationNumber: record.organisationNumber ?? '',
    kind: record.kind,
    sizeBand: record.sizeBand ?? '',
    municipalityCode: record.municipalityCode ?? '',
    website: record.website ?? '',
    description: { ...record.description },
    areaIds: [...record.areaIds],
    memberships: record.memberships.map((m) => ({ clusterId: m.clusterId, since: m.since ?? '' })),
    status: record.status,
  });
}

/** The raw object the schemas parse: blanks become null (or "let the server choose" for the slug). */
function toRaw(values: MemberFormValues) {
  return {
    name: values.name,
    slug: values.slug.trim() === '' ? undefined : values.slug.trim(),
    organisationNumber: blankToNull(values.organisationNumber),
    kind: values.kind,
    sizeBand: blankToNull(values.sizeBand),
    municipalityCode: blankToNull(values.municipalityCode),
    website: blankToNull(values.website),
    description: { sv: values.description.sv, en: values.description.en },
    areaIds: values.areaIds,
    memberships: values.memberships.map((m) => ({
      clusterId: m.clusterId,
      since: blankToNull(m.since),
    })),
    status: values.status,
  };
}

export type { Validated };

export function validateMemberCreate(values: MemberFormValues): Validated<MemberCreateInput> {
  return validatedBy(memberCreateInput.safeParse(toRaw(values)));
}

export function validateMemberUpdate(
  values: MemberFormValues,
  id: number,
  version: number,
): Validated<MemberUpdateInput> {
  return validatedBy(memberUpdateInput.safeParse({ ...toRaw(values), id, version }));
}
