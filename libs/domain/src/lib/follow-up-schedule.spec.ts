import { addMonths, followUpSchedule } from './follow-up-schedule';

const hcs = { followUpMonths: [3, 6], windowDays: 30 };

describe('followUpSchedule', () => {
  it('gives an active enrolment its intake, with end and follow-ups not yet applicable', () => {
    const sut = followUpSchedule({ ...hcs, startDate: '2026-01-05', endDate: null, state: 'active', taken: [], today: '2026-01-20' });
    expect(sut.map((s) => [s.timepoint, s.status])).toEqual([
      ['intake', 'in-window'], ['end', 'not-applicable'], ['follow-up-3', 'not-applicable'], ['follow-up-6', 'not-applicable'],
    ]);
  });

  it('dates the follow-ups from the end, with their windows, and marks them by today', () => {
    const sut = followUpSchedule({ ...hcs, startDate: '2026-01-05', endDate: '2026-04-27', state: 'completed', taken: [{ timepoint: 'intake', date: '2026-01-05' }], today: '2026-08-20' });
    expect(sut).toEqual([
      { timepoint: 'intake', dueDate: '2026-01-05', windowStart: '2025-12-06', windowEnd: '2026-02-04', status: 'done', doneDate: '2026-01-05' },
      { timepoint: 'end', dueDate: '2026-04-27', windowStart: '2026-03-28', windowEnd: '2026-05-27', status: 'overdue', doneDate: null },
      { timepoint: 'follow-up-3', dueDate: '2026-07-27', windowStart: '2026-06-27', windowEnd: '2026-08-26', status: 'in-window', doneDate: null },
      { timepoint: 'follow-up-6', dueDate: '2026-10-27', windowStart: '2026-09-27', windowEnd: '2026-11-26', status: 'upcoming', doneDate: null },
    ]);
  });

  it('keeps follow-ups for those who dropped out (attrition is reported, not hidden)', () => {
    const sut = followUpSchedule({ followUpMonths: [6], windowDays: 14, startDate: '2026-01-01', endDate: '2026-02-01', state: 'dropped_out', taken: [], today: '2026-02-02' });
    expect(sut.find((s) => s.timepoint === 'follow-up-6')).toMatchObject({ dueDate: '2026-08-01', status: 'upcoming' });
  });

  it('owes nothing after intake for a cancelled or transferred enrolment', () => {
    const sut = followUpSchedule({ followUpMonths: [6], windowDays: 14, startDate: null, endDate: '2026-02-01', state: 'cancelled', taken: [], today: '2026-02-02' });
    expect(sut.every((s) => s.status === 'not-applicable')).toBe(true);
  });

  it('adds calendar months, the 31st becoming the month’s last day', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2026-01-15', 12)).toBe('2027-01-15');
  });
});
