import { exportProjectErrors } from './project-errors';

describe('an export project refused by the API', () => {
  it('names the rule of k and of whole months beside the field', () => {
    expect(exportProjectErrors({ k: 'k must not be less than 5' })).toEqual({ k: 'app.exports.errors.k_min' });
    expect(exportProjectErrors({ k: 'k must be at least 5 (11 for wider release)' })).toEqual({ k: 'app.exports.errors.k_min' });
    expect(exportProjectErrors({ k: 'k must be at most 100' })).toEqual({ k: 'app.exports.errors.k_max' });
    expect(exportProjectErrors({ periodFrom: 'periodFrom must be the first day of a month' })).toEqual({ periodFrom: 'app.exports.errors.whole_months_from' });
    expect(exportProjectErrors({ periodTo: 'periodTo must be the last day of a month' })).toEqual({ periodTo: 'app.exports.errors.whole_months_to' });
  });

  it('leaves other refusals as they came', () => {
    expect(exportProjectErrors({ periodTo: 'app.exports.period_reversed', name: 'ra.validation.required' })).toEqual({
      periodTo: 'app.exports.period_reversed',
      name: 'ra.validation.required',
    });
    expect(exportProjectErrors({})).toEqual({});
  });
});
