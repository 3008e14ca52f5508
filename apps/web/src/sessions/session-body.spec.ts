import { nextSessionNumber, toIsoDateTime, toSessionCreateBody, toSessionUpdateBody } from './session-body';
import { defaultKind } from './session-kinds';

describe('session bodies', () => {
  const form = {
    id: 's1',
    version: 2,
    enrolmentId: 'e1',
    citizenId: 'c1',
    startsAt: '2026-11-25T14:30',
    durationMinutes: 45,
    kind: 'move-session',
    sessionNumber: 3,
    attendance: 'attended',
    note: '',
  };

  it("sends the time in ISO 8601 with the browser's offset: the same moment, on the local date", () => {
    const sent = toIsoDateTime('2026-11-25T00:30') as string;
    expect(sent).toMatch(/^2026-11-25T00:30:00[+-]\d{2}:\d{2}$/);
    expect(new Date(sent).getTime()).toBe(new Date(2026, 10, 25, 0, 30).getTime());
    const fromApi = toIsoDateTime('2026-11-25T13:30:00.000Z') as string;
    expect(new Date(fromApi).toISOString()).toBe('2026-11-25T13:30:00.000Z');
    expect(toIsoDateTime('')).toBe('');
  });

  it('creates on the enrolment and updates without it', () => {
    const startsAt = toIsoDateTime('2026-11-25T14:30');
    expect(toSessionCreateBody(form)).toEqual({
      enrolmentId: 'e1',
      startsAt,
      durationMinutes: 45,
      kind: 'move-session',
      sessionNumber: 3,
      attendance: 'attended',
      note: null,
    });
    expect(toSessionUpdateBody({ ...form, sessionNumber: '', note: 'ok' })).toEqual({
      startsAt,
      durationMinutes: 45,
      kind: 'move-session',
      sessionNumber: null,
      attendance: 'attended',
      note: 'ok',
      version: 2,
    });
  });

  it('sends a corrected note with its reason, or as a typo fix, never both empty fields', () => {
    expect(toSessionUpdateBody({ ...form, note: 'ny', correctionReason: '  Forkert dag ' })).toMatchObject({ note: 'ny', correctionReason: 'Forkert dag' });
    expect(toSessionUpdateBody({ ...form, note: 'ny', typoFix: true, correctionReason: '' })).toMatchObject({ note: 'ny', typoFix: true });
    expect(toSessionUpdateBody({ ...form, note: 'ny', typoFix: true, correctionReason: '' })).not.toHaveProperty('correctionReason');
    expect(toSessionUpdateBody({ ...form, typoFix: false })).not.toHaveProperty('typoFix');
  });

  it("proposes the protocol's next session number and the programme's kind of session", () => {
    expect(nextSessionNumber({ sessionsAttended: 0 }, { expectedSessions: 12 })).toBe(1);
    expect(nextSessionNumber({ sessionsAttended: 12 }, { expectedSessions: 12 })).toBe(12);
    expect(nextSessionNumber({ sessionsAttended: 3 }, { expectedSessions: null })).toBeNull();
    expect(defaultKind({ code: 'MOVE', format: 'individual' })).toBe('move-session');
    expect(defaultKind({ code: 'ICM', format: 'case-management' })).toBe('case-management-meeting');
    expect(defaultKind(undefined)).toBe('individual-session');
  });
});
