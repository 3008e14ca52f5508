import { youthConsentsMissing, youthConsentsRequired } from './youth-consent';

// Ages worked out by hand from the birth dates: a birthday counts from the day itself.
describe('youthConsentsRequired', () => {
  it.each([
    ['2012-03-10', '2026-03-09', ['custodial-parent']], // 13 the day before turning 14
    ['2011-03-10', '2026-03-09', ['custodial-parent']], // 14 the day before turning 15
    ['2011-03-10', '2026-03-10', ['custodial-parent', 'young-person']], // 15 on the birthday
    ['2008-12-06', '2026-12-05', ['custodial-parent', 'young-person']], // 17 the day before turning 18
    ['2008-12-06', '2026-12-06', []], // 18 on the birthday
    ['1990-01-01', '2026-12-06', []],
  ] as const)('born %s, on %s: %j', (birthDate, onDate, expected) => {
    expect(youthConsentsRequired(birthDate, onDate)).toEqual(expected);
  });

  it('asks nothing when the age is unknown (no CPR number)', () => {
    expect(youthConsentsRequired(null, '2026-12-06')).toEqual([]);
  });
});

describe('youthConsentsMissing', () => {
  const sixteen = '2010-06-01'; // 16 on 2026-12-06
  it('names both consents for a 16-year-old with none on record', () => {
    expect(youthConsentsMissing(sixteen, '2026-12-06', [])).toEqual(['custodial-parent', 'young-person']);
  });
  it('counts a consent given on the start day, not one given the day after', () => {
    const parent = { kind: 'custodial-parent' as const, givenOn: '2026-12-06', withdrawnOn: null };
    const own = { kind: 'young-person' as const, givenOn: '2026-12-07', withdrawnOn: null };
    expect(youthConsentsMissing(sixteen, '2026-12-06', [parent, own])).toEqual(['young-person']);
  });
  it('does not count a consent withdrawn on or before the day', () => {
    const withdrawn = { kind: 'custodial-parent' as const, givenOn: '2026-11-01', withdrawnOn: '2026-12-06' };
    const own = { kind: 'young-person' as const, givenOn: '2026-11-01', withdrawnOn: null };
    expect(youthConsentsMissing(sixteen, '2026-12-06', [withdrawn, own])).toEqual(['custodial-parent']);
    expect(youthConsentsMissing(sixteen, '2026-12-05', [withdrawn, own])).toEqual([]);
  });
  it('asks an adult for nothing, whatever is on record', () => {
    expect(youthConsentsMissing('1990-01-01', '2026-12-06', [])).toEqual([]);
  });
});
