import { cprFeedback, validateCpr } from './cpr-feedback';

const TODAY = '2026-11-25';

describe('cprFeedback', () => {
  it('accepts an empty number: the citizen is anonymous', () => {
    expect(cprFeedback('', TODAY)).toEqual({ warnings: [] });
    expect(cprFeedback(null, TODAY)).toEqual({ warnings: [] });
    expect(validateCpr(undefined)).toBeUndefined();
  });

  it('derives birth year and sex from a valid number', () => {
    const { error, info } = cprFeedback('010106-4001', TODAY);
    expect(error).toBeUndefined();
    expect([info?.birthYear, info?.birthDate, info?.sex]).toEqual([2006, '2006-01-01', 'male']);
  });

  it('gives each broken rule as a translation key', () => {
    expect(cprFeedback('12345', TODAY).error).toBe('app.validation.cpr_format');
    expect(cprFeedback('3102904001', TODAY).error).toEqual({ message: 'app.validation.cpr_no_such_date', args: { date: '31-02-1990' } });
    expect(cprFeedback('0101304001', TODAY).error).toBe('app.validation.cpr_future');
  });

  it('says what is worth knowing without refusing: replacement numbers and modulus 11', () => {
    expect(cprFeedback('6101064001', TODAY).warnings).toEqual(['app.helper.cpr_replacement']);
    // 070761-4285 passes modulus 11; change the last digit and it fails.
    expect(cprFeedback('0707614285', TODAY).warnings).toEqual([]);
    const failing = cprFeedback('0707614286', TODAY);
    expect([failing.error, failing.warnings, failing.info?.birthYear]).toEqual([undefined, ['app.helper.cpr_modulus11'], 1961]);
  });
});
