import type { Training } from '@outcomes/contracts';
import { toMeetingLogBody, trainedFacilitatorPresent } from './meeting-log-body';

const training = (volunteerId: string, completedOn: string, renewsOn: string | null): Training => ({
  id: `t-${volunteerId}`,
  version: 1,
  createdAt: '',
  updatedAt: '',
  municipalityId: 'm',
  volunteerId,
  kind: 'smart-facilitator',
  title: 'SMART',
  completedOn,
  trainer: null,
  certificateRef: null,
  renewsOn,
});

describe('logging a SMART Recovery meeting', () => {
  const form = {
    groupId: 'g',
    startsAt: '2026-11-25T19:00',
    durationMinutes: 90,
    anonymousHeadcount: 6,
    facilitators: [{ volunteerId: 'a', minutes: 120 }, {}],
    untrainedReason: '  ',
    present: ['e1'],
  };

  it('sends the chosen facilitators with their minutes, and a reason only when one is written', () => {
    const body = toMeetingLogBody(form);
    expect(body).toMatchObject({ groupId: 'g', durationMinutes: 90, anonymousHeadcount: 6, facilitators: [{ volunteerId: 'a', minutes: 120 }] });
    expect(body.startsAt).toMatch(/^2026-11-25T19:00:00[+-]\d{2}:\d{2}$/);
    expect(body).not.toHaveProperty('untrainedReason');
    expect(body).not.toHaveProperty('present');
    expect(toMeetingLogBody({ ...form, untrainedReason: ' Facilitatoren var syg ' })).toMatchObject({ untrainedReason: 'Facilitatoren var syg' });
  });

  it('knows whether a chosen facilitator was trained on the day', () => {
    const trainings = [training('a', '2026-01-10', '2027-01-10'), training('b', '2025-01-01', '2026-06-01')];
    expect(trainedFacilitatorPresent([{ volunteerId: 'a' }], trainings, '2026-11-25')).toBe(true);
    expect(trainedFacilitatorPresent([{ volunteerId: 'b' }], trainings, '2026-11-25')).toBe(false);
    expect(trainedFacilitatorPresent([{ volunteerId: 'b' }], trainings, '2026-05-01')).toBe(true);
    expect(trainedFacilitatorPresent([], trainings, '2026-11-25')).toBe(false);
  });
});
