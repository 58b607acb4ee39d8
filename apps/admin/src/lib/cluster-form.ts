/** A cluster's form values (what inputs hold) and their conversion to the API's inputs through the shared schemas, as in member-form.ts. */
import {
  clusterCreateInput,
  clusterUpdateInput,
  type ClusterCreateInput,
  type ClusterUpdateInput,
  type ReportedMemberQualifier,
  type Status,
} from '@cos/domain';
import { blankToNull, numberOrNull, validatedBy, type Validated, type Bilingual } from './forms';
import { emptyImage, imagePaths, imageRaw, imageToValue, type ImageValue } from './image-form';

/** A contact person's inputs; `key` only tells the rows apart while they are moved. */
export interface ContactPersonValues {
  key: number;
  name: string;
  role: string;
  email: string;
  phone: string;
}

/** A source's inputs; `key` only tells the rows apart while rows are added and removed. */
export interface SourceValues {
  key: number;
  titleSv: string;
  titleEn: string;
  year: string;
  url: string;
}

/** The reported member count as the inputs hold it: text, '' for "not given". */
export interface ReportedMembersValues {
  count: string;
  qualifier: '' | ReportedMemberQualifier;
  year: string;
}

export interface AddressValues {
  street: string;
  postcode: string;
  city: string;
}

export interface ClusterFormValues {
  name: string;
  shortName: string;
  slug: string;
  description: Bilingual;
  website: string;
  email: string;
  city: string;
  municipalityCode: string;
  phone: string;
  postalAddress: AddressValues;
  visitingAddress: AddressValues;
  contactPersons: ContactPersonValues[];
  membershipText: Bilingual;
  membershipUrl: string;
  foundedYear: string;
  logoUrl: string;
  logo: ImageValue;
  areaIds: number[];
  confidence: 'high' | 'medium' | 'guess';
  reportedMembers: ReportedMembersValues;
  sourceNoteText: Bilingual;
  sources: SourceValues[];
  status: Status;
}

export interface ClusterRecordLike {
  slug: string;
  name: string;
  shortName: string;
  description: Bilingual;
  website: string | null;
  email: string | null;
  city: string;
  municipalityCode: string | null;
  /** Contact details: left out by records from before they existed, read as none. */
  phone?: string | null;
  postalAddress?: AddressValues;
  visitingAddress?: AddressValues;
  contactPersons?: { name: string; role: string; email: string; phone: string | null }[];
  membershipText?: Bilingual;
  membershipUrl?: string | null;
  foundedYear: number | null;
  logoUrl: string | null;
  /** Left out by records from before logos were uploaded: read as none. */
  logo?: { hash: string; alt: Bilingual } | null;
  areaIds: number[];
  confidence: 'high' | 'medium' | 'guess';
  /** Sources and the reported count (0016): left out by older records, read as none. */
  reportedMembers?: {
    count: number | null;
    qualifier: ReportedMemberQualifier | null;
    year: number | null;
  };
  sourceNoteText?: Bilingual;
  sources?: { title: Bilingual; year: number | null; url: string | null }[];
  status: Status;
}

export const CLUSTER_FIELD_PATHS = [
  'name',
  'shortName',
  'slug',
  'description.sv',
  'description.en',
  'website',
  'email',
  'city',
  'municipalityCode',
  'phone',
  'visitingAddress.street',
  'visitingAddress.postcode',
  'visitingAddress.city',
  'postalAddress.street',
  'postalAddress.postcode',
  'postalAddress.city',
  'contactPersons',
  'membershipText.sv',
  'membershipText.en',
  'membershipUrl',
  'foundedYear',
  'logoUrl',
  ...imagePaths('logo'),
  'areaIds',
  'confidence',
  'reportedMembers.count',
  'reportedMembers.qualifier',
  'reportedMembers.year',
  'sourceNoteText.sv',
  'sourceNoteText.en',
  'sources',
  'status',
] as const;

export function emptyAddress(): AddressValues {
  return { street: '', postcode: '', city: '' };
}

/** A new, empty row for the list, keyed apart from the rows already in it. */
export function emptyContactPerson(list: readonly ContactPersonValues[]): ContactPersonValues {
  const key = Math.max(0, ...list.map((p) => p.key)) + 1;
  return { key, name: '', role: '', email: '', phone: '' };
}

/** A new, empty source row, keyed apart from the rows already in it. */
export function emptySource(list: readonly SourceValues[]): SourceValues {
  const key = Math.max(0, ...list.map((s) => s.key)) + 1;
  return { key, titleSv: '', titleEn: '', year: '', url: '' };
}

/** The list with the row at `from` moved to `to` (both kept in range). */
export function movePerson<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  if (from < 0 || from >= out.length || to < 0 || to >= out.length) return out;
  const [row] = out.splice(from, 1);
  out.splice(to, 0, row as T);
  return out;
}

export function emptyClusterValues(): ClusterFormValues {
  return {
    name: '',
    shortName: '',
    slug: '',
    description: { sv: '', en: '' },
    website: '',
    email: '',
    city: '',
    municipalityCode: '',
    phone: '',
    postalAddress: emptyAddress(),
    visitingAddress: emptyAddress(),
    contactPersons: [],
    membershipText: { sv: '', en: '' },
    membershipUrl: '',
    foundedYear: '',
    logoUrl: '',
    logo: emptyImage(),
    areaIds: [],
    confidence: 'high',
    reportedMembers: { count: '', qualifier: '', year: '' },
    sourceNoteText: { sv: '', en: '' },
    sources: [],
    status: 'draft',
  };
}

export function clusterToValues(r: ClusterRecordLike): ClusterFormValues {
  return {
    name: r.name,
    shortName: r.shortName,
    slug: r.slug,
    description: { ...r.description },
    website: r.website ?? '',
    email: r.email ?? '',
    city: r.city,
    municipalityCode: r.municipalityCode ?? '',
    phone: r.phone ?? '',
    postalAddress: { ...(r.postalAddress ?? emptyAddress()) },
    visitingAddress: { ...(r.visitingAddress ?? emptyAddress()) },
    // Keys by position: the same record always gives the same values (the unsaved-changes check).
    contactPersons: (r.contactPersons ?? []).map((p, index) => ({
      key: index + 1,
      name: p.name,
      role: p.role,
      email: p.email,
      phone: p.phone ?? '',
    })),
    membershipText: { ...(r.membershipText ?? { sv: '', en: '' }) },
    membershipUrl: r.membershipUrl ?? '',
    foundedYear: r.foundedYear === null ? '' : String(r.foundedYear),
    logoUrl: r.logoUrl ?? '',
    logo: imageToValue(r.logo ?? null),
    areaIds: [...r.areaIds].sort((a, b) => a - b),
    confidence: r.confidence,
    reportedMembers: {
      count: r.reportedMembers?.count == null ? '' : String(r.reportedMembers.count),
      qualifier: r.reportedMembers?.qualifier ?? '',
      year: r.reportedMembers?.year == null ? '' : String(r.reportedMembers.year),
    },
    sourceNoteText: { ...(r.sourceNoteText ?? { sv: '', en: '' }) },
    sources: (r.sources ?? []).map((source, index) => ({
      key: index + 1,
      titleSv: source.title.sv,
      titleEn: source.title.en,
      year: source.year === null ? '' : String(source.year),
      url: source.url ?? '',
    })),
    status: r.status,
  };
}

function clusterRaw(v: ClusterFormValues) {
  return {
    name: v.name,
    shortName: v.shortName,
    slug: v.slug.trim() === '' ? undefined : v.slug.trim(),
    description: v.description,
    website: blankToNull(v.website),
    email: blankToNull(v.email),
    city: v.city,
    municipalityCode: blankToNull(v.municipalityCode),
    phone: blankToNull(v.phone),
    postalAddress: { ...v.postalAddress },
    visitingAddress: { ...v.visitingAddress },
    contactPersons: v.contactPersons.map((p) => ({
      name: p.name,
      role: p.role,
      email: p.email,
      phone: blankToNull(p.phone),
    })),
    membershipText: v.membershipText,
    membershipUrl: blankToNull(v.membershipUrl),
    foundedYear: numberOrNull(v.foundedYear),
    logoUrl: blankToNull(v.logoUrl),
    logo: imageRaw(v.logo),
    areaIds: v.areaIds,
    confidence: v.confidence,
    // Text as typed: the shared schema says "must be a whole number" for "12,5" or "många".
    reportedMembers: {
      count: numberOrNull(v.reportedMembers.count),
      qualifier: blankToNull(v.reportedMembers.qualifier),
      year: numberOrNull(v.reportedMembers.year),
    },
    sourceNoteText: v.sourceNoteText,
    sources: v.sources.map((source) => ({
      title: { sv: source.titleSv, en: source.titleEn },
      year: numberOrNull(source.year),
      url: blankToNull(source.url),
    })),
    status: v.status,
  };
}

export function validateClusterCreate(v: ClusterFormValues): Validated<ClusterCreateInput> {
  return validatedBy(clusterCreateInput.safeParse(clusterRaw(v)));
}

export function validateClusterUpdate(
  v: ClusterFormValues,
  id: number,
  version: number,
): Validated<ClusterUpdateInput> {
  return validatedBy(clusterUpdateInput.safeParse({ ...clusterRaw(v), id, version }));
}
