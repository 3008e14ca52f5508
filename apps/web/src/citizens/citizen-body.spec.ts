import { citizenName, toCitizenBody } from './citizen-body';

describe('toCitizenBody', () => {
  it('leaves birth year and sex to the API when there is a CPR number', () => {
    expect(toCitizenBody({ cpr: ' 0101064001 ', firstName: 'Ida', lastName: 'Berg', birthYear: 1990, sex: 'female' })).toEqual({
      cpr: '0101064001',
      firstName: 'Ida',
      lastName: 'Berg',
    });
  });

  it('sends an anonymous citizen with cpr null and the birth year and sex entered', () => {
    expect(toCitizenBody({ cpr: '', firstName: 'A', lastName: 'B', birthYear: 1990, sex: 'male' })).toMatchObject({
      cpr: null,
      birthYear: 1990,
      sex: 'male',
    });
  });

  it('sends empty contact fields as null', () => {
    const body = toCitizenBody({
      firstName: 'A',
      lastName: 'B',
      phone: '',
      email: '  ',
      address: null,
      preferredLanguage: '',
    });
    expect(body).toMatchObject({ phone: null, email: null, address: null, preferredLanguage: null });
  });

  it('names a citizen by first and last name', () => {
    expect(citizenName({ firstName: 'Ida', lastName: 'Berg' })).toBe('Ida Berg');
    expect(citizenName(undefined)).toBe('');
  });
});
