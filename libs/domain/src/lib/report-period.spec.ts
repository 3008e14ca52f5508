import { evaluatorPeriodErrors } from './report-period';

describe('an evaluator’s report period', () => {
  it('accepts three or more whole months', () => {
    expect(evaluatorPeriodErrors('2025-03-01', '2025-05-31')).toBeNull();
    expect(evaluatorPeriodErrors('2024-12-01', '2025-02-28')).toBeNull();
    expect(evaluatorPeriodErrors('2024-01-01', '2024-12-31')).toBeNull();
    // 2024 is a leap year: February ends on the 29th.
    expect(evaluatorPeriodErrors('2023-12-01', '2024-02-29')).toBeNull();
  });

  it('names the field whose day is not a month’s bound', () => {
    expect(evaluatorPeriodErrors('2025-03-02', '2025-05-31')).toEqual({ from: expect.stringMatching(/first day of a month/) });
    expect(evaluatorPeriodErrors('2025-03-01', '2025-05-30')).toEqual({ to: expect.stringMatching(/last day of a month/) });
    expect(evaluatorPeriodErrors('2024-12-01', '2025-02-29')).toEqual({ to: expect.stringMatching(/last day/) });
    expect(evaluatorPeriodErrors('2023-12-01', '2024-02-28')).toEqual({ to: expect.stringMatching(/last day/) });
  });

  it('refuses fewer than three months', () => {
    expect(evaluatorPeriodErrors('2025-03-01', '2025-04-30')).toEqual({ to: 'the period must cover at least 3 whole months' });
    expect(evaluatorPeriodErrors('2025-03-01', '2025-03-31')).toEqual({ to: 'the period must cover at least 3 whole months' });
  });
});
