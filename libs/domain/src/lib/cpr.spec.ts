import { centuryOf, parseCpr, passesModulus11 } from './cpr';

const TODAY = '2026-11-25';

describe('centuryOf: every row and column of the official table', () => {
  it.each([
    // 7th digit, YY, century
    [0, 0, 1900], [0, 36, 1900], [0, 37, 1900], [0, 57, 1900], [0, 58, 1900], [0, 99, 1900],
    [1, 50, 1900], [2, 10, 1900], [3, 99, 1900],
    [4, 0, 2000], [4, 36, 2000], [4, 37, 1900], [4, 57, 1900], [4, 58, 1900], [4, 99, 1900],
    [9, 0, 2000], [9, 36, 2000], [9, 37, 1900], [9, 99, 1900],
    [5, 0, 2000], [5, 36, 2000], [5, 37, 2000], [5, 57, 2000], [5, 58, 1800], [5, 99, 1800],
    [6, 20, 2000], [7, 57, 2000], [8, 58, 1800],
  ])('7th digit %i with YY %i is the %i s', (seventh, yy, century) => {
    expect(centuryOf(seventh, yy)).toBe(century);
  });
});

describe('parseCpr', () => {
  it.each([
    ['0101001234', '1900-01-01'], // 7th digit 1: 1900s
    ['010100-4234', '2000-01-01'], // 4 with YY 00: 2000s
    ['0101364234', '2036-01-01'.replace('2036', '2036')],
  ])('decodes %s', (cpr, birthDate) => {
    const sut = parseCpr(cpr, '2040-01-01');
    expect(sut).toMatchObject({ valid: true, info: { birthDate } });
  });

  it('decodes birth year and sex and accepts the hyphen', () => {
    expect(parseCpr('070761-4285', TODAY)).toEqual({
      valid: true,
      info: { digits: '0707614285', birthDate: '1961-07-07', birthYear: 1961, sex: 'male', replacement: false, warnings: [] },
    });
    expect(parseCpr('0707614284', TODAY)).toMatchObject({ valid: true, info: { sex: 'female' } });
  });

  it('puts 1858 and 2057 where the table says', () => {
    expect(parseCpr('0101585000', TODAY)).toMatchObject({ valid: true, info: { birthYear: 1858 } });
    expect(parseCpr('0101575000', '2060-01-01')).toMatchObject({ valid: true, info: { birthYear: 2057 } });
  });

  it('handles leap days by the decoded century', () => {
    expect(parseCpr('2902004000', TODAY)).toMatchObject({ valid: true, info: { birthDate: '2000-02-29' } });
    expect(parseCpr('2902000000', TODAY)).toMatchObject({ valid: false }); // 1900 was no leap year
    expect(parseCpr('2902960000', TODAY)).toMatchObject({ valid: true, info: { birthDate: '1996-02-29' } });
    expect(parseCpr('2902970000', TODAY)).toMatchObject({ valid: false });
  });

  it('accepts a number that fails modulus 11, with a warning, never a rejection', () => {
    const good = '0707614285';
    expect(passesModulus11(good)).toBe(true);
    expect(parseCpr(good, TODAY)).toMatchObject({ valid: true, info: { warnings: [] } });
    const failing = '0707614284';
    expect(passesModulus11(failing)).toBe(false);
    const sut = parseCpr(failing, TODAY);
    expect(sut.valid).toBe(true);
    expect(sut.valid && sut.info.warnings[0]).toMatch(/modulus-11/);
  });

  it('accepts replacement numbers (day + 60) and marks them', () => {
    const sut = parseCpr('670761-4285', TODAY);
    expect(sut).toMatchObject({ valid: true, info: { birthDate: '1961-07-07', replacement: true } });
    expect(sut.valid && sut.info.warnings[0]).toMatch(/replacement/);
  });

  it.each([
    ['9 digits', '070761428'],
    ['11 digits', '07076142851'],
    ['letters', '07O761-4285'],
    ['two hyphens', '0707-61-4285'],
    ['spaces inside', '070761 4285'],
    ['empty', ''],
  ])('refuses %s', (_label, cpr) => {
    expect(parseCpr(cpr, TODAY)).toEqual({ valid: false, rule: 'cpr must be 10 digits, written DDMMYYSSSS or DDMMYY-SSSS' });
  });

  it.each([
    ['day 32', '3201611234'],
    ['day 00', '0001611234'],
    ['month 13', '0113611234'],
    ['31 April', '3104611234'],
    ['replacement day 92', '9201611234'],
  ])('refuses an impossible date: %s', (_label, cpr) => {
    const sut = parseCpr(cpr, TODAY);
    expect(sut.valid).toBe(false);
    expect(!sut.valid && sut.rule).toMatch(/real date/);
  });

  it('refuses a birth date in the future', () => {
    expect(parseCpr('0101304000', TODAY)).toEqual({ valid: false, rule: 'cpr gives a date of birth in the future' });
  });
});
