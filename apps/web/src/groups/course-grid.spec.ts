import type { GroupAttendance } from '@outcomes/contracts';
import { columnState, gridTotals, marksOf, nextMark } from './course-grid';

const P = 'present';
const A = 'absent';
const E = 'excused';

describe('gridTotals', () => {
  // Three members (a, b, c) × four meetings; m3 cancelled (its marks do not count), m4 not yet taken.
  // Hand-counted: a present at m1, m2 → 2; b at m1 → 1; c at none → 0; m1: 2, m2: 1, m3: 0, m4: 0; all 3.
  const meetings = [
    { id: 'm1', status: 'held' },
    { id: 'm2', status: 'held' },
    { id: 'm3', status: 'cancelled' },
    { id: 'm4', status: 'planned' },
  ];
  const marks: Record<string, Record<string, GroupAttendance>> = {
    m1: { a: P, b: P, c: A },
    m2: { a: P, b: E, c: A, x: P },
    m3: { a: P, b: P, c: P },
    m4: {},
  };

  it('counts presences per person and per meeting, ignoring cancelled meetings and non-members', () => {
    expect(gridTotals(['a', 'b', 'c'], meetings, marks)).toEqual({
      perPerson: { a: 2, b: 1, c: 0 },
      perMeeting: { m1: 2, m2: 1, m3: 0, m4: 0 },
      all: 3,
    });
  });

  it('is all zeros with no marks', () => {
    expect(gridTotals(['a'], [{ id: 'm1', status: 'held' }], {})).toEqual({ perPerson: { a: 0 }, perMeeting: { m1: 0 }, all: 0 });
  });

  it('starts from the saved attendance', () => {
    expect(marksOf([{ id: 'm1', status: 'held', attendance: [{ enrolmentId: 'a', status: A }] }, { id: 'm2', status: 'planned', attendance: [] }])).toEqual({ m1: { a: A }, m2: {} });
  });
});

describe('nextMark', () => {
  it.each([
    [undefined, P],
    [P, A],
    [A, E],
    [E, P],
  ] as const)('%s → %s', (current, next) => expect(nextMark(current)).toBe(next));
});

describe('columnState', () => {
  it.each([
    ['unchanged and complete', { a: P, b: A }, { a: P, b: A }, false, true],
    ['changed and complete', { a: P, b: A }, { a: A, b: A }, true, true],
    ['changed, one unmarked', {}, { a: P }, true, false],
    ['nothing saved, nothing marked', undefined, undefined, false, false],
  ] as const)('%s', (_label, saved, marked, dirty, complete) => {
    expect(columnState(['a', 'b'], saved, marked)).toEqual({ dirty, complete });
  });
});
