/**
 * From code and parameters to words, and the bridge to zod: `msg` is a schema's
 * or check's `error` option, `customIssue` an issue for `ctx.addIssue`. Both
 * leave the code and parameters in the issue's `params` (zod keeps a custom
 * issue's `params`, and the error map is handed the raw issue that becomes the
 * final one), so `issueMessage` can read them back without parsing the text.
 */
import type { Catalogue, MessageCode, MessageParams, WireParams } from './codes';
import { MESSAGES_EN } from './en';
import { FIELD_LABELS, type FieldLabel } from './labels';
import { MESSAGES_SV } from './sv';

export type MessageLocale = 'sv' | 'en';

const CATALOGUES: Record<MessageLocale, Catalogue> = { en: MESSAGES_EN, sv: MESSAGES_SV };

/** The key under which a domain issue's `params` carry its message code. */
const CODE_KEY = 'messageCode';

export function isMessageCode(code: unknown): code is MessageCode {
  return typeof code === 'string' && Object.hasOwn(MESSAGES_EN, code);
}

export function isFieldLabel(label: unknown): label is FieldLabel {
  return typeof label === 'string' && Object.hasOwn(FIELD_LABELS, label);
}

/** The text for a code in a language; a `label` parameter is put in that language. */
export function formatMessage<C extends MessageCode>(
  locale: MessageLocale,
  code: C,
  params: MessageParams<C> | WireParams,
): string {
  const label = (params as { label?: unknown }).label;
  const resolved = isFieldLabel(label) ? { ...params, label: FIELD_LABELS[label][locale] } : params;
  const text = CATALOGUES[locale][code] as (p: unknown) => string;
  return text(resolved);
}

type RawIssue = { code?: string; params?: Record<string, unknown> };

/** A zod `error` option: stamps the issue with its code and gives the English text. */
export function msg<C extends MessageCode>(code: C, params: MessageParams<C>) {
  return (issue: object): string => {
    const raw = issue as RawIssue;
    raw.params = { ...raw.params, ...params, [CODE_KEY]: code };
    return formatMessage('en', code, params);
  };
}

/** An issue for `ctx.addIssue`, carrying its code in `params` like every domain issue. */
export function customIssue<C extends MessageCode>(
  code: C,
  params: MessageParams<C>,
  path?: PropertyKey[],
) {
  return {
    code: 'custom' as const,
    message: formatMessage('en', code, params),
    params: { ...params, [CODE_KEY]: code },
    ...(path ? { path } : {}),
  };
}

/**
 * The code and parameters of an issue from a domain schema, or undefined for an
 * issue no catalogue entry covers. zod's own unrecognised-keys issue (a strict
 * object's extra field) is mapped from its structured `keys`.
 */
export function issueMessage(issue: {
  code?: string;
  params?: unknown;
  keys?: readonly string[];
}): { code: MessageCode; params: WireParams } | undefined {
  const params = issue.params as Record<string, unknown> | undefined;
  const code = params?.[CODE_KEY];
  if (isMessageCode(code)) {
    const rest: WireParams = {};
    for (const [key, value] of Object.entries(params ?? {})) {
      if (key !== CODE_KEY && (typeof value === 'string' || typeof value === 'number'))
        rest[key] = value;
    }
    return { code, params: rest };
  }
  return zodIssueMessage(issue);
}

type ZodIssueFields = {
  code?: string;
  keys?: readonly string[];
  expected?: unknown;
  maximum?: unknown;
  minimum?: unknown;
  format?: unknown;
};

/** zod's own issues (no domain message set): mapped from their structured fields, never their text. */
function zodIssueMessage(
  issue: ZodIssueFields,
): { code: MessageCode; params: WireParams } | undefined {
  switch (issue.code) {
    case 'unrecognized_keys':
      return {
        code: 'input.unknownKeys',
        params: {
          keys: (issue.keys ?? []).map((k) => `"${k}"`).join(', '),
          count: issue.keys?.length ?? 0,
        },
      };
    case 'invalid_type':
      return { code: 'input.invalidType', params: { expected: String(issue.expected) } };
    case 'too_big':
      return { code: 'input.tooBig', params: { maximum: Number(issue.maximum) } };
    case 'too_small':
      return { code: 'input.tooSmall', params: { minimum: Number(issue.minimum) } };
    case 'invalid_format':
      return { code: 'input.invalidFormat', params: { format: String(issue.format) } };
    case 'invalid_value':
    case 'invalid_union':
      return { code: 'input.invalid', params: {} };
    default:
      return undefined;
  }
}
