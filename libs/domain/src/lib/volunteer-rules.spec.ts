import { assignmentProblem, expiresSoon, groupFlags, isTrained, overlaps, trainingProblems } from './volunteer-rules';

const smart = (completedOn: string, renewsOn: string | null) => ({ kind: 'smart-facilitator' as const, completedOn, renewsOn });

describe('volunteer rules', () => {
  it('counts a volunteer as trained while a SMART training is valid', () => {
    expect(isTrained([smart('2026-01-10', '2027-01-10')], '2026-06-01')).toBe(true);
    expect(isTrained([smart('2026-01-10', '2027-01-10')], '2027-01-11')).toBe(false);
    expect(isTrained([smart('2026-07-01', null)], '2026-06-01')).toBe(false);
    expect(isTrained([{ kind: 'other', completedOn: '2026-01-01', renewsOn: null }], '2026-06-01')).toBe(false);
    expect(isTrained([smart('2020-01-01', null)], '2026-06-01')).toBe(true);
  });

  it('flags a training that expires within 60 days', () => {
    expect(expiresSoon(smart('2025-01-01', '2026-03-01'), '2026-01-01')).toBe(true);
    expect(expiresSoon(smart('2025-01-01', '2026-03-03'), '2026-01-01')).toBe(false);
    expect(expiresSoon(smart('2025-01-01', '2025-12-31'), '2026-01-01')).toBe(false); // already expired
  });

  it('refuses a training completed in the future or renewed before completion', () => {
    expect(trainingProblems(smart('2026-12-01', null), '2026-11-25')).toHaveProperty('completedOn');
    expect(trainingProblems(smart('2026-01-01', '2025-12-01'), '2026-11-25')).toHaveProperty('renewsOn');
    expect(trainingProblems(smart('2026-01-01', '2027-01-01'), '2026-11-25')).toEqual({});
  });

  it('refuses assigning a volunteer who left', () => {
    expect(assignmentProblem('left')).toMatch(/left/);
    expect(assignmentProblem('active')).toBeUndefined();
    expect(assignmentProblem('paused')).toBeUndefined();
  });

  it('finds overlapping meetings, touching ends not overlapping', () => {
    expect(overlaps({ start: 0, end: 10 }, { start: 5, end: 15 })).toBe(true);
    expect(overlaps({ start: 0, end: 10 }, { start: 10, end: 20 })).toBe(false);
    expect(overlaps({ start: 5, end: 6 }, { start: 0, end: 20 })).toBe(true);
  });

  it('flags a group with one facilitator, none trained, or none at all', () => {
    expect(groupFlags([])).toEqual(['no-facilitator']);
    expect(groupFlags([{ role: 'facilitator', trained: true }])).toEqual(['single-facilitator']);
    expect(groupFlags([{ role: 'facilitator', trained: false }, { role: 'co-facilitator', trained: false }])).toEqual(['no-trained-facilitator']);
    expect(groupFlags([{ role: 'facilitator', trained: true }, { role: 'co-facilitator', trained: false }])).toEqual([]);
  });
});
