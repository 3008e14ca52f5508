import type { WorklistItem } from '@outcomes/contracts';
import { weekOf, worklistSections } from './worklist-sections';

const item = (timepoint: WorklistItem['timepoint'], status: WorklistItem['status'], dueDate: string): WorklistItem => ({
  id: `e1:${timepoint}`,
  enrolmentId: 'e1',
  citizenId: 'c1',
  programmeId: 'p1',
  centreId: 'k1',
  staffUserId: 'u1',
  timepoint,
  status,
  dueDate,
  windowStart: null,
  windowEnd: null,
  doneDate: null,
  attempts: [],
});

describe('the worklist', () => {
  it('knows the Danish week, Monday to Sunday', () => {
    expect(weekOf('2026-11-25')).toEqual({ monday: '2026-11-23', sunday: '2026-11-29' });
    expect(weekOf('2026-11-23')).toEqual({ monday: '2026-11-23', sunday: '2026-11-29' });
    expect(weekOf('2026-11-29')).toEqual({ monday: '2026-11-23', sunday: '2026-11-29' });
    expect(weekOf('2027-01-01')).toEqual({ monday: '2026-12-28', sunday: '2027-01-03' });
  });

  it('puts overdue first, then what falls due this week, then the rest of the open windows, leaving later ones out', () => {
    const overdue = item('follow-up-3', 'overdue', '2026-08-25');
    const thisWeek = item('follow-up-6', 'in-window', '2026-11-27');
    const upcomingThisWeek = item('end', 'upcoming', '2026-11-29');
    const openWindow = item('intake', 'in-window', '2026-12-10');
    const later = item('follow-up-9', 'upcoming', '2027-02-25');
    expect(worklistSections([overdue, thisWeek, upcomingThisWeek, openWindow, later], '2026-11-25')).toEqual({
      overdue: [overdue],
      'this-week': [thisWeek, upcomingThisWeek],
      'in-window': [openWindow],
    });
  });
});
