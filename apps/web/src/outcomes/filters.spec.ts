import { defaultFilters, periodIsReversed, periodProblem, reportQuery } from './filters';

describe('the dashboard filters', () => {
  it('start with the own municipality, from 1 January last year until today, no programme', () => {
    expect(defaultFilters('m', '2026-05-14')).toEqual({ programmeId: '', municipalityId: 'm', from: '2025-01-01', to: '2026-05-14' });
  });

  it('for an evaluator, end with the last whole month that is over', () => {
    expect(defaultFilters('m', '2026-05-14', true)).toEqual({ programmeId: '', municipalityId: 'm', from: '2025-01-01', to: '2026-04-30' });
    // In January: the December before, so still twelve whole months.
    expect(defaultFilters('m', '2026-01-03', true)).toEqual({ programmeId: '', municipalityId: 'm', from: '2025-01-01', to: '2025-12-31' });
  });

  it('ask for nothing until a programme is chosen', () => {
    expect(reportQuery(defaultFilters('m', '2026-05-14'))).toBeNull();
    expect(reportQuery({ ...defaultFilters('m', '2026-05-14'), programmeId: 'p' })).toEqual({ programmeId: 'p', municipalityId: 'm', from: '2025-01-01', to: '2026-05-14' });
  });

  it('ask for nothing while a date is half typed or the period ends before it starts', () => {
    const values = { programmeId: 'p', municipalityId: 'm', from: '2025-01-01', to: '2024-12-31' };
    expect(periodIsReversed(values)).toBe(true);
    expect(periodProblem(values, false)).toBe('reversed');
    expect(reportQuery(values)).toBeNull();
    expect(reportQuery({ ...values, to: '' })).toBeNull();
    expect(periodIsReversed({ ...values, to: '' })).toBe(false);
  });

  it('give an evaluator whole months, at least three; staff any days', () => {
    const base = { programmeId: 'p', municipalityId: 'm' };
    const febToApril = { ...base, from: '2025-02-01', to: '2025-04-30' };
    expect(periodProblem(febToApril, true)).toBeNull();
    expect(reportQuery(febToApril, true)).toEqual(febToApril);
    // February and March: two months.
    expect(periodProblem({ ...base, from: '2025-02-01', to: '2025-03-31' }, true)).toBe('too_short');
    expect(reportQuery({ ...base, from: '2025-02-01', to: '2025-03-31' }, true)).toBeNull();
    expect(periodProblem({ ...base, from: '2025-02-02', to: '2025-04-30' }, true)).toBe('not_whole_months');
    expect(periodProblem({ ...base, from: '2025-02-01', to: '2025-04-29' }, true)).toBe('not_whole_months');
    expect(periodProblem({ ...base, from: '2025-02-03', to: '2025-02-10' }, false)).toBeNull();
  });
});
