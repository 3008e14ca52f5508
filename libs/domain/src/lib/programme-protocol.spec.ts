import { ageOn, protocolProblems } from './programme-protocol';

const move = {
  format: 'individual' as const,
  expectedSessions: 12,
  courseWeeks: null,
  followUpMonths: [6],
  minAge: 15,
  maxAge: 25,
};

describe('protocolProblems', () => {
  it('accepts a coherent protocol', () => {
    expect(protocolProblems(move)).toEqual({});
  });

  it('names maxAge when the age range is inverted', () => {
    expect(protocolProblems({ ...move, minAge: 26, maxAge: 25 })).toEqual({
      maxAge: 'maxAge must be greater than or equal to minAge',
    });
  });

  it('requires courseWeeks for a closed group and refuses it elsewhere', () => {
    expect(protocolProblems({ ...move, format: 'closed-group' })).toHaveProperty('courseWeeks');
    expect(protocolProblems({ ...move, courseWeeks: 16 })).toHaveProperty('courseWeeks');
    expect(protocolProblems({ ...move, format: 'closed-group', courseWeeks: 16, expectedSessions: 16 })).toEqual({});
  });

  it('refuses fewer sessions than course weeks', () => {
    expect(
      protocolProblems({ ...move, format: 'closed-group', courseWeeks: 16, expectedSessions: 8 }),
    ).toHaveProperty('expectedSessions');
  });

  it('requires follow-ups in increasing order', () => {
    expect(protocolProblems({ ...move, followUpMonths: [6, 3] })).toHaveProperty('followUpMonths');
    expect(protocolProblems({ ...move, followUpMonths: [3, 3] })).toHaveProperty('followUpMonths');
    expect(protocolProblems({ ...move, followUpMonths: [3, 6, 9, 12] })).toEqual({});
  });
});

describe('ageOn', () => {
  it('counts a birthday on the day itself', () => {
    expect(ageOn('2001-05-20', '2026-05-20')).toBe(25);
    expect(ageOn('2001-05-20', '2026-05-19')).toBe(24);
  });

  it('handles a leap-day birth', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });
});
