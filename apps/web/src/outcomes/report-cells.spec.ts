import { countCell, currencyCell, formatScoreChange, intervalText, missingCell, proportionCell, pValueText } from './report-cells';

describe('a count', () => {
  it('shows its value, zero included', () => {
    expect(countCell(12, true, 'da')).toEqual({ kind: 'value', text: '12' });
    expect(countCell(0, false, 'da')).toEqual({ kind: 'value', text: '0' });
  });

  it('null under disclosure control is "< 5" (under five after perturbation), never 0 or a dash', () => {
    expect(countCell(null, true, 'da')).toEqual({ kind: 'below-threshold', text: '< 5' });
  });

  it('missing without disclosure control is nothing to compute', () => {
    expect(countCell(null, false, 'da')).toEqual({ kind: 'not-available' });
  });

  it('is grouped the Danish way', () => {
    expect(countCell(12345, true, 'da')).toEqual({ kind: 'value', text: '12.345' });
  });
});

describe('a proportion', () => {
  const figure = { successes: 4, n: 6, p: 4 / 6, lower: 0.3, upper: 0.9032 };

  it('shows the rate and what it rests on', () => {
    // Intl puts a no-break space between a Danish number and its unit.
    expect(proportionCell(figure, false, 'da', 'af')).toEqual({ kind: 'value', text: '66,7\u00a0% (4 af 6)' });
    expect(proportionCell(figure, false, 'en', 'of')).toEqual({ kind: 'value', text: '66.7% (4 of 6)' });
  });

  it('null under disclosure control is suppressed; with no one behind it, nothing to compute', () => {
    expect(proportionCell(null, true, 'da', 'af')).toEqual({ kind: 'suppressed' });
    expect(proportionCell({ successes: 0, n: 0, p: null, lower: null, upper: null }, false, 'da', 'af')).toEqual({ kind: 'not-available' });
  });

  it('has its interval in percent', () => {
    expect(intervalText(figure, 'da')).toBe('30–90,3\u00a0%');
    expect(intervalText(null, 'da')).toBeNull();
  });
});

describe('other figures', () => {
  it('p-values keep two significant digits and bottom out at 0.001', () => {
    expect(pValueText(1, 'da')).toBe('1');
    expect(pValueText(0.04321, 'da')).toBe('0,043');
    expect(pValueText(0.0004, 'en')).toBe('< 0.001');
  });

  it('score changes carry their sign', () => {
    expect(formatScoreChange(-0.2149, 'da')).toBe('-0,21');
    expect(formatScoreChange(0.05, 'en')).toBe('+0.05');
    expect(formatScoreChange(0, 'en')).toBe('0.00');
  });

  it('costs are whole kroner', () => {
    expect(currencyCell(45000.4, true, 'da')).toEqual({ kind: 'value', text: '45.000\u00a0kr.' });
    expect(currencyCell(null, true, 'da')).toEqual({ kind: 'suppressed' });
    expect(missingCell(false)).toEqual({ kind: 'not-available' });
  });
});
