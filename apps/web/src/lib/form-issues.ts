/**
 * A refused form call's messages, by field, in the page's language: from the
 * in-process caller (a TRPCError whose cause is the ZodError or the
 * application's error) or over HTTP (a TRPCClientError with data.issues).
 * Only codes and parameters are read, never English text, so a Swedish page
 * says it in Swedish.
 */
import { formatMessage, isMessageCode, issueMessage, type Locale } from '@cos/domain';

export interface FormIssue {
  path: string;
  code?: string;
  params?: Record<string, string | number>;
  message: string;
}

export function issuesOf(error: unknown): FormIssue[] {
  const e = error as {
    cause?: {
      issues?: { path: PropertyKey[]; message: string }[];
      field?: string;
      messageCode?: string;
      params?: Record<string, string | number>;
    };
    data?: { issues?: FormIssue[] | null; messageCode?: string } | null;
    message?: string;
  };
  if (e.data?.issues) return e.data.issues;
  const cause = e.cause;
  if (cause?.issues) {
    return cause.issues.map((i) => ({
      path: i.path.map(String).join('.'),
      message: i.message,
      ...issueMessage(i as never),
    }));
  }
  if (cause?.messageCode) {
    return [
      {
        path: cause.field ?? '',
        code: cause.messageCode,
        ...(cause.params ? { params: cause.params } : {}),
        message: e.message ?? '',
      },
    ];
  }
  return [{ path: '', message: e.message ?? '' }];
}

export function wording(issue: FormIssue, locale: Locale): string {
  return issue.code && isMessageCode(issue.code)
    ? formatMessage(locale, issue.code, issue.params ?? {})
    : issue.message;
}

/** The seconds a TOO_MANY_REQUESTS refusal asks to wait (at least 1). */
export function retryAfterOf(error: unknown): number {
  const e = error as {
    cause?: { retryAfterSeconds?: number };
    data?: { messageParams?: { seconds?: number } } | null;
  };
  return Math.max(1, e.cause?.retryAfterSeconds ?? e.data?.messageParams?.seconds ?? 60);
}
