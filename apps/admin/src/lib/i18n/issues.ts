/**
 * Validation messages in the interface language. The shared schemas and the
 * server speak English, and each issue also carries a code and parameters from
 * the domain's message catalogue (@cos/domain): the Swedish text is looked up
 * by code, never parsed out of the English. An issue without a known code is
 * shown as it came, so a new rule is never hidden.
 */
import { formatMessage, isMessageCode, issueMessage, type WireParams } from '@cos/domain';
import type { Locale } from './index';

/** An issue as the server sends it (code and params from the catalogue) or as zod gives it. */
export interface IssueText {
  message: string;
  code?: string;
  params?: unknown;
}

type Coded = { code: Parameters<typeof formatMessage>[1]; params: WireParams };

/**
 * Field errors travel through the forms as plain messages; what each message's
 * code was is kept here, so a field can be reworded when the language changes.
 * One English message always comes from the same code and parameters.
 */
const CODES = new Map<string, Coded>();
const REMEMBERED_MAX = 500;

function codedOf(issue: IssueText): Coded | undefined {
  if (isMessageCode(issue.code)) {
    const params: WireParams = {};
    if (issue.params && typeof issue.params === 'object') {
      for (const [key, value] of Object.entries(issue.params)) {
        if (typeof value === 'string' || typeof value === 'number') params[key] = value;
      }
    }
    return { code: issue.code, params };
  }
  // A zod issue from a domain schema run in the browser carries its code in `params`.
  return issueMessage(issue);
}

/** Notes an issue's code so that `localiseIssue` can word its message later. */
export function rememberIssue(issue: IssueText): void {
  const coded = codedOf(issue);
  if (!coded) return;
  if (CODES.size >= REMEMBERED_MAX) CODES.clear();
  CODES.set(issue.message, coded);
}

/** An import report's problems, whose codes come in a list beside them (same order). */
export function rememberImportProblems(report: {
  problems: readonly { message: string }[];
  problemCodes?: readonly ({ code: string; params: unknown } | null)[];
}): void {
  report.problems.forEach((problem, i) => {
    const coded = report.problemCodes?.[i];
    if (coded) rememberIssue({ message: problem.message, ...coded });
  });
}

export function localiseIssue(issue: IssueText | string, locale: Locale): string {
  const text: IssueText = typeof issue === 'string' ? { message: issue } : issue;
  // English is what the server sent: the same catalogue wrote it.
  if (locale === 'en') return text.message;
  const coded = codedOf(text) ?? CODES.get(text.message);
  return coded ? formatMessage(locale, coded.code, coded.params) : text.message;
}

/** A refused call's message (see describeError): by its catalogue code when it has one. */
export function localiseProblem(
  problem: { message: string; messageCode?: string; messageParams?: WireParams },
  locale: Locale,
): string {
  return localiseIssue(
    { message: problem.message, code: problem.messageCode, params: problem.messageParams },
    locale,
  );
}
