import { cprDigits } from './citizen-search';

describe('cprDigits', () => {
  it('reads a CPR number with or without its dash or spaces', () => {
    expect(cprDigits('0707614285')).toBe('0707614285');
    expect(cprDigits(' 070761-4285 ')).toBe('0707614285');
    expect(cprDigits('070761 4285')).toBe('0707614285');
  });

  it('takes anything else for a name', () => {
    expect(cprDigits('Jens')).toBeNull();
    expect(cprDigits('070761')).toBeNull();
    expect(cprDigits('07076142851')).toBeNull();
    expect(cprDigits('070761-42a5')).toBeNull();
  });
});
