import { economyRows } from './economy';

describe('the economic view', () => {
  it('prices staff minutes at the hourly rate', () => {
    const rows = economyRows({ staffMinutes: 6000, perCitizen: 300, perCompleter: 500, perDrugFreeCompleter: null, hourlyRate: 450, cost: 45000 });
    expect(rows).toEqual([
      { measure: 'perCitizen', minutes: 300, cost: 2250 },
      { measure: 'perCompleter', minutes: 500, cost: 3750 },
      { measure: 'perDrugFreeCompleter', minutes: null, cost: null },
    ]);
  });

  it('has no cost without an hourly rate', () => {
    const rows = economyRows({ staffMinutes: 600, perCitizen: 60, perCompleter: null, perDrugFreeCompleter: null, hourlyRate: null, cost: null });
    expect(rows[0]).toEqual({ measure: 'perCitizen', minutes: 60, cost: null });
  });
});
