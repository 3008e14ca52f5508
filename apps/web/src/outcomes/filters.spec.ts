import { defaultFilters, periodIsReversed, reportQuery } from './filters';

describe('the dashboard filters', () => {
  it('start with the own municipality, from 1 January last year until today, no programme', () => {
    expect(defaultFilters('m', '2026-05-14')).toEqual({ programmeId: '', municipalityId: 'm', from: '2025-01-01', to: '2026-05-14' });
  });

  it('ask for nothing until a programme is chosen', () => {
    expect(reportQuery(defaultFilters('m', '2026-05-14'))).toBeNull();
    expect(reportQuery({ ...defaultFilters('m', '2026-05-14'), programmeId: 'p' })).toEqual({ programmeId: 'p', municipalityId: 'm', from: '2025-01-01', to: '2026-05-14' });
  });

  it('ask for nothing while a date is half typed or the period ends before it starts', () => {
    const values = { programmeId: 'p', municipalityId: 'm', from: '2025-01-01', to: '2024-12-31' };
    expect(periodIsReversed(values)).toBe(true);
    expect(reportQuery(values)).toBeNull();
    expect(reportQuery({ ...values, to: '' })).toBeNull();
    expect(periodIsReversed({ ...values, to: '' })).toBe(false);
  });
});
