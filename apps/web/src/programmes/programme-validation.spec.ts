import { validateProgramme } from './programme-validation';

const coherent = {
  format: 'closed-group',
  expectedSessions: 16,
  courseWeeks: 16,
  followUpMonths: [3, 6],
  minAge: 18,
  maxAge: null,
};

describe('validateProgramme', () => {
  it('finds nothing wrong with a coherent protocol', () => {
    expect(validateProgramme(coherent)).toEqual({});
  });

  it('reports a minimum age above the maximum on maxAge, as a translation key', () => {
    expect(validateProgramme({ ...coherent, minAge: 30, maxAge: 25 })).toEqual({
      maxAge: 'app.validation.max_age_below_min_age',
    });
  });

  it('treats empty inputs as null', () => {
    expect(validateProgramme({ ...coherent, format: 'individual', courseWeeks: undefined, minAge: '' })).toEqual({});
  });

  it('leaves a half-typed follow-up list to the input', () => {
    expect(validateProgramme({ ...coherent, followUpMonths: '3,' })).toEqual({});
  });

  it('reports months out of order', () => {
    expect(validateProgramme({ ...coherent, followUpMonths: [6, 3] })).toEqual({
      followUpMonths: 'app.validation.follow_up_months_increasing',
    });
  });
});
