/**
 * The import report names each listed problem's message code beside it, so the
 * admin can word the reason in Swedish; the problems keep their own shape.
 */
import { formatMessage, isMessageCode } from '@cos/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../test-support';

let api: TestApi;
beforeEach(() => {
  api = createTestApi();
});
afterEach(() => api.cleanup());

describe('import problem codes', () => {
  it('lists a code for every problem, in the same order, whose English is the message', async () => {
    const report = await api.admin.member.admin.import({
      rows: [
        {
          name: 'Felaktiga AB',
          organisationNumber: '556016-0681',
          kind: 'company',
          areas: 'månen',
        },
        { name: 'Okänd Ort AB', kind: 'rocket', municipality: 'Oslo', clusters: 'nowhere' },
      ],
      dryRun: true,
    });
    expect(report.problemCodes).toHaveLength(report.problems.length);
    expect(report.problems.length).toBeGreaterThanOrEqual(5);
    report.problems.forEach((problem, i) => {
      const coded = report.problemCodes[i];
      if (!coded || !isMessageCode(coded.code)) throw new Error(`no code for ${problem.message}`);
      expect(formatMessage('en', coded.code, coded.params)).toBe(problem.message);
    });
    expect(report.problemCodes).toEqual(
      expect.arrayContaining([
        { code: 'import.unknownArea', params: { value: 'månen' } },
        { code: 'import.unknownMunicipality', params: { value: 'Oslo' } },
        { code: 'import.unknownCluster', params: { value: 'nowhere' } },
        expect.objectContaining({ code: 'orgNumber.checkDigit' }),
      ]),
    );
  });
});
