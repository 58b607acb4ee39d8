import { describe, expect, it } from 'vitest';
import { registeredLabel, reportedLabel } from './member-counts';

describe('a cluster’s two member counts', () => {
  it('says what the source reports, how it put it, and the year', () => {
    expect(reportedLabel({ count: 150, qualifier: 'about', year: 2016 }, 'sv')).toBe(
      'Cirka 150 medlemmar enligt klustret (2016)',
    );
    expect(reportedLabel({ count: 400, qualifier: 'at_least', year: 2015 }, 'en')).toBe(
      'At least 400 members according to the cluster (2015)',
    );
    expect(reportedLabel({ count: 122, qualifier: 'exact', year: null }, 'sv')).toBe(
      '122 medlemmar enligt klustret',
    );
  });

  it('never turns a missing figure into zero', () => {
    expect(reportedLabel(null, 'sv')).toBe('Antal medlemmar okänt');
    expect(registeredLabel(0, 'sv')).toBe('inga registrerade här än');
    expect(registeredLabel(0, 'en')).not.toMatch(/\b0\b/);
    expect(registeredLabel(2, 'en')).toBe('2 registered here');
  });
});
