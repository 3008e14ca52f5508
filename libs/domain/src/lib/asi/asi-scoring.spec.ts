import { ASI_DOMAINS, ASI_ITEMS } from './asi-items';
import { asiAnswerErrors, drugFree, L, scoreAsi } from './asi-scoring';

/** A complete interview: every item answered, hand-picked values. */
const complete = {
  M6: 9, M7: 3, M8: 2,
  E4: 1, E5: 0, E11: 12, E12: 8000, E17: 500,
  D1: 18, D2: 6, D26: 9, D28: 2, D30: 3, D23: 1200,
  D3: 0, D4: 0, D5: 0, D6: 0, D7: 2, D8: 4, D9: 0, D10: 20, D11: 0, D12: 0, D13: 3, D27: 10, D29: 3, D31: 4,
  L24: 1, L27: 5, L28: 2, L29: 1,
  F3: 'no', F18: 1, F19: 'N', F20: 0, F21: 1, F22: 'N', F23: 0, F24: 0, F25: 'N', F26: 0, F30: 6, F32: 2, F34: 1,
  P3: 1, P4: 1, P5: 0, P6: 1, P7: 0, P8: 0, P9: 0, P10: 1, P11: 15, P12: 3, P13: 2,
} as const;

const close = (a: number | null, b: number): void => expect(a).toBeCloseTo(b, 12);

describe('scoreAsi: each composite by its formula', () => {
  const sut = scoreAsi(complete).composites;

  it('medical = M6/90 + M7/12 + M8/12', () => close(sut.medical.value, 9 / 90 + 3 / 12 + 2 / 12));
  it('employment = 1 − (E4/4 + E5/4 + E11/120 + L(E12)/36)', () => close(sut.employment.value, 1 - (1 / 4 + 0 / 4 + 12 / 120 + Math.log(8000) / 36)));
  it('alcohol = D1/180 + D2/180 + D26/180 + D28/24 + D30/24 + L(D23)/44', () =>
    close(sut.alcohol.value, 18 / 180 + 6 / 180 + 9 / 180 + 2 / 24 + 3 / 24 + Math.log(1200) / 44));
  it('drug = (D3..D11 + D13 + D27)/390 + D29/52 + D31/52, without D12 and money', () =>
    close(sut.drug.value, (0 + 0 + 0 + 0 + 2 + 4 + 0 + 20 + 0 + 3 + 10) / 390 + 3 / 52 + 4 / 52));
  it('legal = L24/5 + L27/150 + L28/20 + L29/20 + L(E17)/46', () => close(sut.legal.value, 1 / 5 + 5 / 150 + 2 / 20 + 1 / 20 + Math.log(500) / 46));
  it('family = F3r/10 + F30/150 + F32/20 + F34/20 + mean(F18..F26 answered 0/1)/5', () =>
    // F3 'no' reverses to 2; of F18..F26, six exist (1,0,1,0,0,0): mean 2/6.
    close(sut.family.value, 2 / 10 + 6 / 150 + 2 / 20 + 1 / 20 + 2 / 6 / 5));
  it('psychiatric = (P3..P10)/11 + P11/330 + P12/44 + P13/44', () => close(sut.psychiatric.value, 4 / 11 + 15 / 330 + 3 / 44 + 2 / 44));

  it('computes all seven', () => {
    expect(Object.keys(sut).sort()).toEqual([...ASI_DOMAINS].sort());
    for (const d of ASI_DOMAINS) expect(sut[d].missing).toEqual([]);
  });
});

describe('scoreAsi: missing items', () => {
  it('makes only the affected domain absent and names the items', () => {
    const { M7: _m7, D29: _d29, ...rest } = complete;
    const sut = scoreAsi({ ...rest, D31: null }).composites;
    expect(sut.medical).toEqual({ value: null, missing: ['M7'] });
    expect(sut.drug).toEqual({ value: null, missing: ['D29', 'D31'] });
    expect(sut.alcohol.value).not.toBeNull();
    expect(sut.psychiatric.value).not.toBeNull();
  });

  it('treats an out-of-range answer as missing, never clamped to a value', () => {
    expect(scoreAsi({ ...complete, M6: 31 }).composites.medical).toEqual({ value: null, missing: ['M6'] });
    expect(scoreAsi({ ...complete, M7: 2.5 }).composites.medical.value).toBeNull();
  });

  it('does not need E5 when there is no licence (E5 counts 0)', () => {
    const { E5: _e5, ...rest } = complete;
    expect(scoreAsi({ ...rest, E4: 0 }).composites.employment.value).toBeCloseTo(1 - (12 / 120 + Math.log(8000) / 36), 12);
    expect(scoreAsi({ ...rest, E4: 1 }).composites.employment.missing).toEqual(['E5']);
  });
});

describe('scoreAsi: the F18..F26 rule', () => {
  const base = { ...complete };
  it('leaves N out of the denominator', () => {
    const rel = { F18: 1, F19: 'N', F20: 'N', F21: 'N', F22: 'N', F23: 'N', F24: 'N', F25: 'N', F26: 'N' };
    close(scoreAsi({ ...base, ...rel }).composites.family.value, 2 / 10 + 6 / 150 + 2 / 20 + 1 / 20 + 1 / 5);
  });
  it('uses 0 for the term when every relationship is N', () => {
    const rel = Object.fromEntries(['F18', 'F19', 'F20', 'F21', 'F22', 'F23', 'F24', 'F25', 'F26'].map((c) => [c, 'N']));
    close(scoreAsi({ ...base, ...rel, F3: 'yes' }).composites.family.value, 0 + 6 / 150 + 2 / 20 + 1 / 20);
  });
  it('is absent when a relationship item is unanswered', () => {
    expect(scoreAsi({ ...base, F21: null }).composites.family).toEqual({ value: null, missing: ['F21'] });
  });
});

describe('scoreAsi: no clamping', () => {
  it('lets a high income take employment below 0', () => {
    const sut = scoreAsi({ ...complete, E4: 1, E5: 1, E11: 30, E12: 5_000_000 }).composites.employment.value as number;
    expect(sut).toBeLessThan(0);
    close(sut, 1 - (0.25 + 0.25 + 0.25 + Math.log(5_000_000) / 36));
  });
  it('lets large amounts lift alcohol and legal above 1', () => {
    const sut = scoreAsi({ ...complete, D1: 30, D2: 30, D26: 30, D28: 4, D30: 4, D23: 1e12, L24: 1, L27: 30, L28: 4, L29: 4, E17: 1e12 }).composites;
    expect(sut.alcohol.value).toBeGreaterThan(1);
    expect(sut.legal.value).toBeGreaterThan(1);
  });
  it('L(x) is ln(x) for x > 0 and 0 otherwise', () => {
    expect(L(0)).toBe(0);
    expect(L(-5)).toBe(0);
    expect(L(Math.E)).toBeCloseTo(1, 12);
  });
});

describe('drug-free', () => {
  const clean = { D3: 0, D4: 0, D5: 0, D6: 0, D7: 0, D8: 0, D9: 0, D10: 0, D11: 0, D12: 0 };
  it('is true only when every illegal-drug day count is 0, inhalants included', () => {
    expect(drugFree(clean)).toEqual({ value: true, missing: [] });
    expect(drugFree({ ...clean, D12: 1 })).toEqual({ value: false, missing: [] });
    expect(drugFree({ ...clean, D10: 3 }).value).toBe(false);
  });
  it('counts prescribed substitution (methadone, other opiates) as drug-free', () => {
    expect(drugFree({ ...clean, D4: 30, D4_PRESCRIBED: 1 }).value).toBe(true);
    expect(drugFree({ ...clean, D4: 30, D4_PRESCRIBED: 0 }).value).toBe(false);
    expect(drugFree({ ...clean, D5: 30, D5_PRESCRIBED: 1, D8: 2 }).value).toBe(false);
  });
  it('is unknown, naming the items, when a day count is missing', () => {
    const { D9: _d9, ...rest } = clean;
    expect(drugFree(rest)).toEqual({ value: null, missing: ['D9'] });
  });
});

describe('asiAnswerErrors', () => {
  it('names each bad item with its rule, and unknown items', () => {
    expect(asiAnswerErrors({ M6: 31, M7: -1, E12: -10, F3: 'maybe', F18: 2, D_SEV: 10, X1: 3, P3: 0, M8: null })).toEqual({
      M6: 'M6 must be a whole number of days from 0 to 30',
      M7: 'M7 must be a whole number from 0 to 4',
      E12: 'E12 must be a non-negative amount',
      F3: "F3 must be 'no', 'indifferent' or 'yes'",
      F18: "F18 must be 0, 1 or 'N' (no such relationship)",
      D_SEV: 'D_SEV must be a whole number from 0 to 9',
      X1: 'is not an ASI item this product records',
    });
  });
  it('refuses a car available (E5 = 1) without a licence (E4 = 0), naming E5', () => {
    expect(asiAnswerErrors({ ...complete, E4: 0, E5: 1 })).toEqual({ E5: 'E5 must be 0 or unanswered when E4 (valid driver’s licence) is 0' });
    expect(asiAnswerErrors({ ...complete, E4: 0, E5: 0 })).toEqual({});
    expect(asiAnswerErrors({ ...complete, E4: 0, E5: null })).toEqual({});
    expect(asiAnswerErrors({ ...complete, E4: 1, E5: 1 })).toEqual({});
  });
  it('accepts the complete interview', () => {
    expect(asiAnswerErrors(complete)).toEqual({});
  });
  it('has a Danish and an English label for every item', () => {
    for (const item of ASI_ITEMS) {
      expect(item.da.length).toBeGreaterThan(3);
      expect(item.en.length).toBeGreaterThan(3);
    }
  });
});
