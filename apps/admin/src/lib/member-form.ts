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
  type RelationKind,
  type Status,
} from '@cos/domain';
import { blankToNull, validatedBy, type Validated } from './forms';
import { emptyImage, imagePaths, imageRaw, imageToValue, type ImageValue } from './image-form';

export interface MembershipValues {
  clusterId: number;
  /** How the member is linked: only 'member' is a membership (founder, partner, agenda co-lead). */
  kind: RelationKind;
  since: string;
}

export interface MemberFormValues {
  name: string;
  slug: string;
  organisationNumber: string;
  kind: string;
  sizeBand: string;
  municipalityCode: string;
  /** Known to be outside Skåne: an answer of its own, not the same as "not known" (no code, false). */
  outsideSkane: boolean;
  website: string;
  description: { sv: string; en: string };
  logo: ImageValue;
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
  'outsideSkane',
  'website',
  'description.sv',
  'description.en',
  ...imagePaths('logo'),
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
  /** Left out by records from before "outside Skåne" was its own answer: read as false. */
  outsideSkane?: boolean;
  website: string | null;
  description: { sv: string; en: string };
  /** Left out by records from before logos were uploaded: read as none. */
  logo?: { hash: string; alt: { sv: string; en: string } } | null;
  areaIds: number[];
  /** Records from before relation kinds leave `kind` out: read as a membership. */
  memberships: { clusterId: number; kind?: RelationKind; since: string | null }[];
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
    outsideSkane: false,
    website: '',
    description: { sv: '', en: '' },
    logo: emptyImage(),
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
      .map((m) => ({ clusterId: m.clusterId, kind: m.kind, since: m.since }))
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
    outsideSkane: record.outsideSkane ?? false,
    website: record.website ?? '',
    description: { ...record.description },
    logo: imageToValue(record.logo ?? null),
    areaIds: [...record.areaIds],
    memberships: record.memberships.map((m) => ({
      clusterId: m.clusterId,
      kind: m.kind ?? 'member',
      since: m.since ?? '',
    })),
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
    outsideSkane: values.outsideSkane,
    website: blankToNull(values.website),
    description: { sv: values.description.sv, en: values.description.en },
    logo: imageRaw(values.logo),
    areaIds: values.areaIds,
    memberships: values.memberships.map((m) => ({
      clusterId: m.clusterId,
      kind: m.kind,
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

/**
 * The municipality drop-down holds one answer: a municipality's code, "not
 * known" ("") or "outside Skåne" (this value, never a municipality code).
 */
export const OUTSIDE_SKANE = 'outside';

export function placeChoice(values: Pick<MemberFormValues, 'municipalityCode' | 'outsideSkane'>) {
  return values.outsideSkane ? OUTSIDE_SKANE : values.municipalityCode;
}

/** Sets both place fields from the drop-down's choice, so they never contradict each other. */
export function choosePlace(
  values: Pick<MemberFormValues, 'municipalityCode' | 'outsideSkane'>,
  choice: string,
): void {
  values.outsideSkane = choice === OUTSIDE_SKANE;
  values.municipalityCode = choice === OUTSIDE_SKANE ? '' : choice;
}
