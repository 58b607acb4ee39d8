/**
 * The answer to a request refused for its size, shape or rate (json-limits.ts,
 * trpc-limits.ts, the downloads): `{ error, message, messageCode,
 * messageParams }` like every other refusal of the HTTP routes
 * (http-errors.ts), with the message in the visitor's language as their
 * Accept-Language asks (Swedish or English), and never a word of the request
 * itself (no paths, inputs or body echoed back).
 */
import {
  formatMessage,
  type MessageCode,
  type MessageLocale,
  type MessageParams,
} from '@cos/domain';
import type { FastifyRequest } from 'fastify';

/** The tRPC-style name of each status a refusal uses. */
const NAMES = {
  400: 'BAD_REQUEST',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
} as const;

export type RefusalStatus = keyof typeof NAMES;

export interface Refusal {
  status: RefusalStatus;
  error: (typeof NAMES)[RefusalStatus];
  message: string;
  messageCode: MessageCode;
  messageParams: Record<string, string | number>;
}

/**
 * Swedish when the visitor's first language that we have is Swedish (sv,
 * sv-SE, sv-FI), English otherwise; q-values are honoured.
 */
export function requestLocale(request: Pick<FastifyRequest, 'headers'>): MessageLocale {
  const header = request.headers['accept-language'];
  if (typeof header !== 'string' || header === '') return 'en';
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...options] = part.trim().toLowerCase().split(';');
      const q = options.map((o) => /^\s*q=([\d.]+)\s*$/.exec(o)?.[1]).find(Boolean);
      return { tag, q: q === undefined ? 1 : Number(q), index };
    })
    .filter((l) => l.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag === 'sv' || tag.startsWith('sv-')) return 'sv';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return 'en';
}

export function refusal<C extends MessageCode>(
  request: Pick<FastifyRequest, 'headers'>,
  status: RefusalStatus,
  code: C,
  params: MessageParams<C> & Record<string, string | number>,
): Refusal {
  return {
    status,
    error: NAMES[status],
    message: formatMessage(requestLocale(request), code, params),
    messageCode: code,
    messageParams: params,
  };
}

/** A byte count as people read it: "64 KB", "1 MB". */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round(bytes / (1024 * 1024))} MB`;
  return `${Math.round(bytes / 1024)} KB`;
}

/** tRPC's JSON-RPC number for each name (TRPC_ERROR_CODES_BY_KEY). */
const TRPC_NUMBERS: Record<Refusal['error'], number> = {
  BAD_REQUEST: -32600,
  PAYLOAD_TOO_LARGE: -32413,
  URI_TOO_LONG: -32413,
  UNSUPPORTED_MEDIA_TYPE: -32415,
  TOO_MANY_REQUESTS: -32429,
};

/**
 * The same refusal in tRPC's error shape (what the admin's and the site's
 * clients read: `error.data.code`, `error.data.messageCode`), for every
 * procedure of a batch at once. `path` is null on purpose: the request's
 * procedure names are not echoed back.
 */
export function trpcRefusalBody(refused: Refusal) {
  const code = refused.error === 'URI_TOO_LONG' ? 'PAYLOAD_TOO_LARGE' : refused.error;
  return {
    error: {
      message: refused.message,
      code: TRPC_NUMBERS[refused.error],
      data: {
        code,
        httpStatus: refused.status,
        path: null,
        fieldErrors: null,
        issues: null,
        messageCode: refused.messageCode,
        messageParams: refused.messageParams,
      },
    },
  };
}
