import { describe, expect, it } from 'vitest';
import {
  renderSubmissionsTable,
  submissionsVerdict,
  isDirectoryRequest,
  type SubmissionsResult,
} from './submissions-case';

const load = (p99: number) => ({ requestsPerSecond: 1000, p50: 1, p99, non2xx: 0, errors: 0 });
const result = (over: Partial<SubmissionsResult> = {}): SubmissionsResult => ({
  urls: 500,
  without: load(10),
  with: load(11),
  submissions: {
    summary: { count: 10, p50: 5, p99: 9, max: 9 },
    statuses: { 200: 10 },
  },
  scopesMoved: [],
  otherScopesMoved: ['audit'],
  stored: 10,
  ...over,
});

describe('the submissions case', () => {
  it('keeps only the directory requests of the visitor mix', () => {
    expect(isDirectoryRequest('/medlemmar?area=tech')).toBe(true);
    expect(isDirectoryRequest('/medlemmar')).toBe(true);
    expect(isDirectoryRequest('/en/members?sort=name')).toBe(true);
    expect(isDirectoryRequest('/trpc/member.directory?input=%7B%7D')).toBe(true);
    expect(isDirectoryRequest('/api/v1/members?limit=20')).toBe(true);
    expect(isDirectoryRequest('/medlemmar/some-member')).toBe(false);
    expect(isDirectoryRequest('/api/v1/members/some-member')).toBe(false);
    expect(isDirectoryRequest('/trpc/member.bySlug?input=%7B%7D')).toBe(false);
  });

  it('passes when the p99s are equal within noise and no scope moved', () => {
    expect(submissionsVerdict(result())).toBe('✅');
    expect(submissionsVerdict(result({ with: load(12) }))).toBe('✅');
    expect(submissionsVerdict(result({ without: load(1), with: load(2.5) }))).toBe('✅');
    expect(submissionsVerdict(result({ with: load(20) }))).toMatch(/^❌ 2\.00× without$/);
    expect(submissionsVerdict(result({ scopesMoved: ['members'] }))).toMatch(
      /scopes moved: members/,
    );
    expect(submissionsVerdict(result({ stored: 0 }))).toMatch(/no submission stored/);
  });

  it('renders one row per build that ran it', () => {
    const lines: string[] = [];
    renderSubmissionsTable([{ label: 'before' }, { label: 'after', submissions: result() }], lines);
    expect(lines.filter((l) => l.startsWith('| after |'))).toHaveLength(1);
    expect(lines.join('\n')).not.toContain('| before |');
  });
});
