/** A cluster's form values (what inputs hold) and their conversion to the API's inputs through the shared schemas, as in member-form.ts. */
import {
  clusterCreateInput,
  clusterUpdateInput,
  type ClusterCreateInput,
  type ClusterUpdateInput,
  type Status,
} from '@cos/domain';
import { blankToNull, numberOrNull, validatedBy, type Validated, type Bilingual } from './forms';
import { emptyImage, imagePaths, imageRaw, imageToValue, type ImageValue } from './image-form';

export interface ClusterFormValues {
  name: string;
  shortName: string;
  slug: string;
  description: Bilingual;
  website: string;
  email: string;
  city: string;
  municipalityCode: string;
  foundedYear: string;
  logoUrl: string;
  logo: ImageValue;
  areaIds: number[];
  confidence: 'high' | 'medium' | 'guess';
  sourceNote: string;
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
  foundedYear: number | null;
  logoUrl: string | null;
  /** Left out by records from before logos were uploaded: read as none. */
  logo?: { hash: string; alt: Bilingual } | null;
  areaIds: number[];
  confidence: 'high' | 'medium' | 'guess';
  sourceNote: string;
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
  'foundedYear',
  'logoUrl',
  ...imagePaths('logo'),
  'areaIds',
  'confidence',
  'sourceNote',
  'status',
] as const;

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
    foundedYear: '',
    logoUrl: '',
    logo: emptyImage(),
    areaIds: [],
    confidence: 'high',
    sourceNote: '',
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
    foundedYear: r.foundedYear === null ? '' : String(r.foundedYear),
    logoUrl: r.logoUrl ?? '',
    logo: imageToValue(r.logo ?? null),
    areaIds: [...r.areaIds].sort((a, b) => a - b),
    confidence: r.confidence,
    sourceNote: r.sourceNote,
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
    foundedYear: numberOrNull(v.foundedYear),
    logoUrl: blankToNull(v.logoUrl),
    logo: imageRaw(v.logo),
    areaIds: v.areaIds,
    confidence: v.confidence,
    sourceNote: v.sourceNote,
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
