import { daysBetween, guaranteeFigures, guaranteeState, joinsOpenRequest } from './guarantee';

// Hand-counted on a calendar: 1 March 2026 + 14 days = 15 March (March has 31 days, no month change).
const ON = '2026-03-01';

describe('guaranteeState (14 calendar days, day 14 = the last day)', () => {
  it.each([
    ['2026-03-14', 13, 'met'],
    ['2026-03-15', 14, 'met'],
    ['2026-03-16', 15, 'missed'],
  ])('a start on %s is %i days after the request: %s', (start, days, status) => {
    const state = guaranteeState({ requestedOn: ON, startDate: start, waiverOn: null, missedReason: null, today: '2026-04-01' });
    expect(state).toMatchObject({ status, daysToStart: days, deadline: '2026-03-15' });
  });

  it('counts down while no treatment has started, 0 on the last day, then overdue', () => {
    const at = (today: string) => guaranteeState({ requestedOn: ON, startDate: null, waiverOn: null, missedReason: null, today });
    expect(at('2026-03-12')).toMatchObject({ status: 'running', daysLeft: 3 });
    expect(at('2026-03-15')).toMatchObject({ status: 'running', daysLeft: 0 });
    expect(at('2026-03-16')).toMatchObject({ status: 'overdue', daysLeft: -1, reasonMissing: true });
    expect(guaranteeState({ requestedOn: ON, startDate: null, waiverOn: null, missedReason: 'Ingen plads', today: '2026-03-16' }).reasonMissing).toBe(false);
  });

  it('crosses month ends by the calendar (25 February + 14 = 11 March in 2026)', () => {
    expect(guaranteeState({ requestedOn: '2026-02-25', startDate: null, waiverOn: null, missedReason: null, today: '2026-02-25' }).deadline).toBe('2026-03-11');
  });

  it('is waived by free choice unless treatment started in time anyway', () => {
    expect(guaranteeState({ requestedOn: ON, startDate: '2026-03-20', waiverOn: '2026-03-05', missedReason: null, today: '2026-04-01' }).status).toBe('waived');
    expect(guaranteeState({ requestedOn: ON, startDate: null, waiverOn: '2026-03-05', missedReason: null, today: '2026-04-01' }).status).toBe('waived');
    expect(guaranteeState({ requestedOn: ON, startDate: '2026-03-10', waiverOn: '2026-03-05', missedReason: null, today: '2026-04-01' }).status).toBe('met');
  });

  it('takes the number of days as a setting', () => {
    expect(guaranteeState({ requestedOn: ON, startDate: '2026-03-08', waiverOn: null, missedReason: null, today: ON, days: 7 }).status).toBe('met');
    expect(guaranteeState({ requestedOn: ON, startDate: '2026-03-09', waiverOn: null, missedReason: null, today: ON, days: 7 }).status).toBe('missed');
  });
});

describe('joining requests', () => {
  it('joins requests 10 days or fewer apart, either way', () => {
    expect(joinsOpenRequest(ON, '2026-03-11')).toBe(true);
    expect(joinsOpenRequest(ON, '2026-03-12')).toBe(false);
    expect(joinsOpenRequest('2026-03-11', ON)).toBe(true);
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
  });
});

describe('guaranteeFigures', () => {
  it('counts met of met + missed + overdue, and the median days of those started', () => {
    const s = (requestedOn: string, startDate: string | null, waiverOn: string | null = null) =>
      guaranteeState({ requestedOn, startDate, waiverOn, missedReason: null, today: '2026-03-20' });
    // met 3 days, met 14 days, missed 20 days, overdue (no start), running, waived.
    const figures = guaranteeFigures([s('2026-01-01', '2026-01-04'), s('2026-01-01', '2026-01-15'), s('2026-01-01', '2026-01-21'), s('2026-03-01', null), s('2026-03-15', null), s('2026-01-01', null, '2026-01-03')]);
    expect(figures).toEqual({ requests: 6, met: 2, missed: 1, overdue: 1, running: 1, waived: 1, shareWithin: 0.5, medianDays: 14 });
  });
});
