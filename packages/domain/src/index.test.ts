import { describe, expect, it } from 'vitest';
import * as domain from './index';

/**
 * Other packages build against these names: removing or renaming one breaks
 * them, so this list only ever grows.
 */
const PUBLIC_VALUES = [
  // area.ts
  'areaCreateInput',
  'areaSchema',
  'areaUpdateInput',
  // article.ts
  'articleCreateInput',
  'articleUpdateInput',
  'coverImageSchema',
  'tagSchema',
  // bilingual.ts
  'LOCALES',
  'bilingualText',
  'localeSchema',
  'optionalBilingualText',
  'pickLocale',
  // cluster.ts
  'clusterCreateInput',
  'clusterUpdateInput',
  // contact.ts
  'emailSchema',
  'normaliseEmail',
  'normaliseWebAddress',
  'webAddressSchema',
  // member.ts
  'MEMBER_NAME_MAX',
  'memberCreateInput',
  'memberUpdateInput',
  'membershipInput',
  // municipalities.ts
  'MUNICIPALITIES',
  'MUNICIPALITY_CODES',
  'OUTSIDE_SKANE',
  'findMunicipality',
  'municipalityByCode',
  'municipalityCodeSchema',
  'municipalityFilterSchema',
  // organisation-number.ts
  'isOrganisationNumber',
  'luhnCheckDigit',
  'organisationNumberSchema',
  'parseOrganisationNumber',
  // query.ts
  'LIST_LIMIT_DEFAULT',
  'LIST_LIMIT_MAX',
  'MEMBER_FILTER_KEYS',
  'MEMBER_SORTS',
  'SEARCH_QUERY_MAX',
  'adminMemberListQuery',
  'articleListQuery',
  'auditListQuery',
  'byIdInput',
  'bySlugInput',
  'memberDirectoryQuery',
  // slug.ts
  'SLUG_MAX_LENGTH',
  'SLUG_PATTERN',
  'slugSchema',
  'slugify',
  'uniqueSlug',
  // user.ts
  'PASSWORD_MIN',
  'passwordSchema',
  'userCreateInput',
  'userUpdateInput',
  // vocabulary.ts
  'CONFIDENCES',
  'MEMBER_KINDS',
  'MEMBER_KIND_LABELS',
  'SIZE_BANDS',
  'SIZE_BAND_LABELS',
  'STATUSES',
  'USER_ROLES',
  'confidenceSchema',
  'idSchema',
  'isoDateSchema',
  'memberKindSchema',
  'sizeBandSchema',
  'statusSchema',
  'userRoleSchema',
  'versionSchema',
];

describe('package entry point', () => {
  it('exports every public value, each defined', () => {
    const exported = domain as Record<string, unknown>;
    const missing = PUBLIC_VALUES.filter((name) => exported[name] === undefined);
    expect(missing).toEqual([]);
  });

  it('keeps internal helpers internal', () => {
    expect(Object.keys(domain)).not.toContain('updateShape');
  });
});
