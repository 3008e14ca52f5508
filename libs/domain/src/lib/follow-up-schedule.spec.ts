import type { EnrolmentState, Timepoint } from '@outcomes/contracts';
import { addMonths, followUpSchedule, owesByToday } from './follow-up-schedule';

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

describe('owesByToday', () => {
  const owes = owesByToday(hcs, '2026-08-20');
  const completed = { startDate: '2026-01-05', endDate: '2026-04-27', state: 'completed' as const };

  it('owes what is overdue or in its window, not what is upcoming (the dates of the schedule test above)', () => {
    expect(owes(completed, 'end', false)).toBe(true); // overdue since 2026-05-27
    expect(owes(completed, 'follow-up-3', false)).toBe(true); // window 2026-06-27 to 2026-08-26
    expect(owes(completed, 'follow-up-6', false)).toBe(false); // window opens 2026-09-27
  });

  it('opens a window on its first day, not the day before', () => {
    // follow-up-6 due 2026-10-27, window from 2026-09-27 (30 days before)
    expect(owesByToday(hcs, '2026-09-27')(completed, 'follow-up-6', false)).toBe(true);
    expect(owesByToday(hcs, '2026-09-26')(completed, 'follow-up-6', false)).toBe(false);
  });

  it('counts a taken assessment as owed even before its window; nothing outside the protocol or not applicable', () => {
    expect(owes(completed, 'follow-up-6', true)).toBe(true);
    expect(owes(completed, 'follow-up-12', true)).toBe(false);
    expect(owes({ startDate: '2026-01-05', endDate: null, state: 'active' }, 'end', false)).toBe(false);
    expect(owes({ startDate: null, endDate: '2026-02-01', state: 'cancelled' }, 'follow-up-3', false)).toBe(false);
    expect(owes({ startDate: null, endDate: '2026-02-01', state: 'cancelled' }, 'intake', false)).toBe(false);
  });

  it('answers as followUpSchedule does (done, in window or overdue) over months of days, states and end dates', () => {
    const states: EnrolmentState[] = ['active', 'completed', 'dropped_out', 'transferred', 'cancelled'];
    const timepoints: Timepoint[] = ['intake', 'end', 'follow-up-3', 'follow-up-6', 'follow-up-9', 'follow-up-12'];
    const protocol = { followUpMonths: [3, 6, 12], windowDays: 21 };
    let checked = 0;
    for (let day = 0; day < 400; day += 7) {
      const today = addMonths('2026-01-31', Math.floor(day / 30));
      for (const endDate of [null, '2025-08-31', '2025-11-30', '2026-01-31']) {
        for (const state of states) {
          const e = { startDate: state === 'cancelled' ? null : '2025-06-01', endDate, state };
          for (const timepoint of timepoints) {
            for (const taken of [false, true]) {
              const entry = followUpSchedule({ ...protocol, ...e, taken: taken ? [{ timepoint, date: today }] : [], today }).find((d) => d.timepoint === timepoint);
              const expected = entry !== undefined && ['done', 'in-window', 'overdue'].includes(entry.status);
              expect([timepoint, today, state, endDate, taken, owesByToday(protocol, today)(e, timepoint, taken)]).toEqual([timepoint, today, state, endDate, taken, expected]);
              checked++;
            }
          }
        }
      }
    }
    expect(checked).toBe(58 * 4 * 5 * 6 * 2);
  });
});
