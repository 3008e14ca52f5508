import { monthDays, nextMonth, previousMonth, readinessIssues, registerDate, registerDueDate, registerLeftOut } from './register';

const complete = { state: 'completed', requestedOn: '2026-03-02', startDate: '2026-03-10', endDate: '2026-06-01', endStatus: 'drug_free', sex: 'female' };

describe('the register', () => {
  it('finds nothing missing in a complete course', () => {
    expect(readinessIssues(complete)).toEqual([]);
  });

  it('names what an ended course lacks and where it contradicts itself', () => {
    expect(readinessIssues({ ...complete, requestedOn: null, endStatus: null })).toEqual(['no-request-date', 'no-end-status']);
    expect(readinessIssues({ ...complete, startDate: '2026-03-01' })).toEqual(['start-before-request']);
    expect(readinessIssues({ ...complete, endDate: '2026-03-09' })).toEqual(['end-before-start']);
    expect(readinessIssues({ ...complete, startDate: null, endDate: null, sex: null })).toEqual(['no-start-date', 'no-end-date', 'no-sex']);
  });

  it('asks an open referral only for its request', () => {
    expect(readinessIssues({ state: 'referred', requestedOn: '2026-03-02', startDate: null, endDate: null, endStatus: null, sex: 'male' })).toEqual([]);
    expect(readinessIssues({ state: 'active', requestedOn: '2026-03-02', startDate: null, endDate: null, endStatus: null, sex: 'male' })).toEqual(['no-start-date']);
  });

  it('leaves out citizens without a valid CPR number', () => {
    expect(registerLeftOut({ hasCpr: false, cprReplacement: false })).toBe('no-cpr');
    expect(registerLeftOut({ hasCpr: false, cprReplacement: false, courseKind: 'sel-101a' })).toBe('anonymous');
    expect(registerLeftOut({ hasCpr: false, cprReplacement: false, courseKind: 'sel-101' })).toBe('no-cpr');
    expect(registerLeftOut({ hasCpr: true, cprReplacement: true })).toBe('replacement-cpr');
    expect(registerLeftOut({ hasCpr: true, cprReplacement: false })).toBeNull();
  });

  it('knows the month, its neighbours and the due date', () => {
    expect(monthDays('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthDays('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthDays('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(registerDueDate('2026-11')).toBe('2026-12-15');
    expect(registerDueDate('2026-12')).toBe('2027-01-15');
    expect(registerDate('2026-03-05')).toBe('05.03.2026');
    expect(registerDate(null)).toBe('');
  });
});
