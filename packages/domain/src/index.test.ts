import { describe, expect, it } from 'vitest';
import * as domain from './index';

/**
 * Other packages build against these names: removing or renaming one breaks
 * them, so this list only ever grows. It is also the whole list: anything else
 * exported from the entry point is a helper that leaked.
 */
const PUBLIC_VALUES = [
  // area.ts
  'areaCreateInput',
  'areaSchema',
  'areaUpdateInput',
  // article.ts
  'articleCreateInput',
  'articleTagInput',
  'articleUpdateInput',
  'coverImageSchema',
  'tagSchema',
  // bilingual.ts
  'LOCALES',
  'bilingualText',
  'localeSchema',
  'optionalBilingualText',
  'pickLocale',
  // image.ts
  'IMAGE_LIMITS',
  'IMAGE_SLOTS',
  'IMAGE_TYPES',
  'IMAGE_WIDTHS',
  'imageHashSchema',
  'imageRefSchema',
  'imageSources',
  'mediaPath',
  'variantWidths',
  // cluster.ts
  'clusterCreateInput',
  'clusterUpdateInput',
  // cluster-contact.ts
  'MAX_CONTACT_PERSONS',
  'addressSchema',
  'checkPhone',
  'contactPersonSchema',
  'contactPersonsSchema',
  'phoneSchema',
  'phoneTelUri',
  'postcodeSchema',
  // collation.ts
  'swedishSortKey',
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
  'withPlace',
  // csv-decoding.ts
  'CSV_ENCODINGS',
  'decodeCsvBytes',
  'isCsvEncoding',
  // member-csv.ts
  'CSV_DELIMITERS',
  'MEMBER_CSV_WRITE_OPTIONS',
  'MEMBER_EXPORT_COLUMNS',
  'detectDelimiter',
  'memberCsvParseOptions',
  'neutraliseFormula',
  'restoreFormula',
  // member-export.ts
  'ADMIN_EXPORT_COLUMNS',
  'MEMBER_EXPORT_FORMATS',
  'memberExportQuery',
  // member-import.ts
  'IMPORT_FIELDS',
  'IMPORT_HEADER_ALIASES',
  'IMPORT_HEADER_SYNONYMS',
  'IMPORT_MAX_ROWS',
  'IMPORT_MODES',
  'guessImportColumns',
  'guessImportMapping',
  'importExpectedMatch',
  'importFieldSchema',
  'importRowSchema',
  'memberImportInput',
  // municipalities.ts
  'MUNICIPALITIES',
  'MUNICIPALITY_CODES',
  'OUTSIDE_SKANE',
  'MUNICIPALITY_UNKNOWN',
  'NON_MUNICIPALITY_PLACES',
  'placeKey',
  'findMunicipality',
  'municipalityByCode',
  'municipalityCodeSchema',
  'municipalityFilterSchema',
  'placeFromText',
  // organisation-number.ts
  'GENERATED_ORGANISATION_GROUP',
  'isGeneratedOrganisationNumber',
  'isOrganisationNumber',
  'luhnCheckDigit',
  'organisationNumberSchema',
  'parseOrganisationNumber',
  // personal-data.ts
  'DEFAULT_RETENTION_MONTHS',
  'RETENTION_MONTHS_MAX',
  'UNCONFIRMED_RETENTION_DAYS',
  'parseRetentionMonths',
  'personalDataEraseInput',
  'personalDataLookupInput',
  // transport-limits.ts
  'TRPC_BATCH_LIMITS',
  // query.ts
  'ADMIN_MEMBER_SORTS',
  'LIST_LIMIT_DEFAULT',
  'LIST_LIMIT_MAX',
  'LIST_PAGE_MAX',
  'MEMBER_FILTER_KEYS',
  'MEMBER_SORTS',
  'OPEN_DATA_DEMO',
  'SEARCH_QUERY_MAX',
  'SITE_SEARCH_MEMBERS',
  'SORT_ORDERS',
  'adminMemberListQuery',
  'articleBySlugInput',
  'articleListQuery',
  'auditListQuery',
  'siteSearchQuery',
  'byIdInput',
  'bySlugInput',
  'defaultSortOrder',
  'memberDirectoryQuery',
  'openDataQuery',
  // similarity.ts
  'SIMILAR_NAME_THRESHOLD',
  'nameSimilarity',
  'organisationNameKey',
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
  'profileUpdateInput',
  // messages/
  'FIELD_LABELS',
  'MESSAGES_EN',
  'MESSAGES_SV',
  'formatMessage',
  'isFieldLabel',
  'isMessageCode',
  'issueMessage',
  // vocabulary.ts
  'AUDIT_ACTIONS',
  'AUDIT_ENTITIES',
  'CONFIDENCES',
  'REPORTED_MEMBER_QUALIFIERS',
  'MEMBER_KINDS',
  'MEMBER_KIND_LABELS',
  'SIZE_BANDS',
  'SIZE_BAND_LABELS',
  'STATUSES',
  'USER_ROLES',
  'NOTIFICATION_MODES',
  'MAIL_LANGUAGES',
  'MAIL_STATUSES',
  'confidenceSchema',
  'idSchema',
  'isoDateSchema',
  'memberKindSchema',
  'sizeBandSchema',
  'statusSchema',
  'userRoleSchema',
  'notificationModeSchema',
  'mailLanguageSchema',
  'versionSchema',
  // update-suggestion.ts
  'SUGGESTION_TARGETS',
  'SUGGESTION_STATUSES',
  'memberProposalSchema',
  'clusterProposalSchema',
  'MEMBER_PROPOSAL_FIELDS',
  'CLUSTER_PROPOSAL_FIELDS',
  'SENDER_NAME_MAX',
  'SUGGESTION_COMMENT_MAX',
  'REJECT_REASON_MAX',
  'suggestionSubmitInput',
  'proposalSchemaFor',
  'suggestionListInput',
  'suggestionByIdInput',
  'suggestionApplyInput',
  'suggestionRejectInput',
  // join-request.ts
  'DECLINE_REASON_MAX',
  'JOIN_FORM_FIELDS',
  'JOIN_HONEYPOT_FIELD',
  'JOIN_INBOX_STATUSES',
  'JOIN_MESSAGE_MAX',
  'JOIN_NAME_MAX',
  'JOIN_REQUEST_STATUSES',
  'clusterSuggestionInput',
  'confirmInput',
  'joinAssignInput',
  'joinDeclineInput',
  'joinInboxInput',
  'joinRequestFormSchema',
  'joinStartInput',
  'joinVersionedInput',
  // cluster-sources.ts (issue #16)
  'MAX_CLUSTER_SOURCES',
  'MAX_REPORTED_MEMBERS',
  'REPORTED_MEMBERS_FIRST_YEAR',
  'SOURCE_FIRST_YEAR',
  'clusterSourceSchema',
  'clusterSourcesSchema',
  'reportedMembersSchema',
  // vocabulary.ts: relation kinds (issue #16)
  'RELATION_KINDS',
  'RELATION_KIND_LABELS',
  'relationKindSchema',
];

describe('package entry point', () => {
  it('exports every public value, each defined', () => {
    const exported = domain as Record<string, unknown>;
    const missing = PUBLIC_VALUES.filter((name) => exported[name] === undefined);
    expect(missing).toEqual([]);
  });

  it('exports nothing else: a new name is added here on purpose, an internal helper never leaks', () => {
    expect(Object.keys(domain).sort()).toEqual([...PUBLIC_VALUES].sort());
    expect(Object.keys(domain)).not.toContain('updateShape');
  });
});
