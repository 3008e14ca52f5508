import { formatFollowUpMonths, parseFollowUpMonths, validateFollowUpMonths } from './follow-up-months';

describe('follow-up months input', () => {
  it.each([
    ['', []],
    ['  ', []],
    ['6', [6]],
    ['3, 6', [3, 6]],
    ['3,6,12', [3, 6, 12]],
    [' 3 , 6 ', [3, 6]],
  ])('parses %j as %j', (text, months) => {
    expect(parseFollowUpMonths(text)).toEqual(months);
  });

  it.each(['3,', '3, ', 'x', '3, six', '1.5', '-3', '3;6'])('keeps the unfinished text %j', (text) => {
    expect(parseFollowUpMonths(text)).toBe(text);
    expect(validateFollowUpMonths(parseFollowUpMonths(text))).toBe('app.validation.follow_up_months');
  });

  it('formats arrays and keeps text', () => {
    expect(formatFollowUpMonths([3, 6])).toBe('3, 6');
    expect(formatFollowUpMonths([])).toBe('');
    expect(formatFollowUpMonths('3,')).toBe('3,');
    expect(formatFollowUpMonths(undefined)).toBe('');
  });

  it('accepts arrays', () => {
    expect(validateFollowUpMonths([])).toBeUndefined();
    expect(validateFollowUpMonths([3, 6])).toBeUndefined();
  });
});
