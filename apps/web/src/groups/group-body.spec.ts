import { groupKindOf, toGroupCreateBody } from './group-body';

describe('a new group', () => {
  const form = { programmeId: 'p', centreId: 'c', name: ' SMART onsdag ', startDate: '2026-11-23', startTime: '19:00', place: ' ', weekday: 3 };

  it('is a course for a closed group programme and a standing group for an open one', () => {
    expect(groupKindOf('closed-group')).toBe('course');
    expect(groupKindOf('open-group')).toBe('standing');
    expect(groupKindOf('individual')).toBeUndefined();
  });

  it('sends a course its start date and a standing group its weekday, never both', () => {
    expect(toGroupCreateBody({ ...form, kind: 'course' })).toEqual({ programmeId: 'p', centreId: 'c', name: 'SMART onsdag', startTime: '19:00', place: null, startDate: '2026-11-23' });
    expect(toGroupCreateBody({ ...form, kind: 'standing', place: 'Frivillighuset' })).toEqual({
      programmeId: 'p',
      centreId: 'c',
      name: 'SMART onsdag',
      startTime: '19:00',
      place: 'Frivillighuset',
      weekday: 3,
    });
  });
});
