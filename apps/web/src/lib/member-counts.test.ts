import { describe, expect, it } from 'vitest';
import { linkLabel, otherLinksLabel, registeredLabel, reportedLabel } from './member-counts';

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

describe('links that are not memberships', () => {
  const counts = { member: 0, founder: 6, partner: 0, 'agenda-co-lead': 1 };

  it('names founders and co-leads apart from members, leaving out kinds with none', () => {
    expect(otherLinksLabel(counts, 'sv')).toBe('6 grundare · 1 samleder en agenda');
    expect(otherLinksLabel(counts, 'en')).toBe('6 founders · 1 co-leads an agenda');
    expect(otherLinksLabel({ ...counts, founder: 0, 'agenda-co-lead': 0 }, 'sv')).toBe('');
  });

  it('says how an organisation is linked, and a list names members by cluster alone', () => {
    const opentech = { name: 'OpenTech', relation: 'founder' as const };
    expect(linkLabel(opentech, 'sv')).toBe('Grundare av OpenTech');
    expect(linkLabel(opentech, 'en', true)).toBe('founder of OpenTech');
    expect(linkLabel({ ...opentech, relation: 'member' }, 'sv', true)).toBe('OpenTech');
    expect(linkLabel({ ...opentech, relation: 'member' }, 'en')).toBe('Member of OpenTech');
  });
});
