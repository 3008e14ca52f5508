import { magnitudeFactor, perturbedSum, scatter } from './magnitude';

describe('magnitudeFactor', () => {
  it('maps a key to a factor never nearer zero than one half', () => {
    // Worked by hand: keys below one half go to -(0.5 + key), the rest stay as they are.
    expect(magnitudeFactor(0)).toBe(-0.5);
    expect(magnitudeFactor(0.25)).toBe(-0.75);
    expect(magnitudeFactor(0.499)).toBeCloseTo(-0.999, 12);
    expect(magnitudeFactor(0.5)).toBe(0.5);
    expect(magnitudeFactor(0.75)).toBe(0.75);
    for (let k = 0; k < 1; k += 0.001) expect(Math.abs(magnitudeFactor(k))).toBeGreaterThanOrEqual(0.5);
  });
});

describe('perturbedSum', () => {
  const cell = [
    { recordKey: 0.1, value: 0.2 },
    { recordKey: 0.35, value: -0.4 },
    { recordKey: 0.05, value: 0.1 },
  ];

  it('moves the true sum by at least half and at most all of the largest contribution', () => {
    // True sum -0.1; largest |contribution| 0.4: the published sum lies in [-0.5, -0.3] ∪ [0.1, 0.3].
    const sut = perturbedSum(cell, 'asi-change:drug', 0.1);
    const noise = Math.abs(sut - -0.1);
    expect(noise).toBeGreaterThanOrEqual(0.2 - 1e-12);
    expect(noise).toBeLessThanOrEqual(0.4 + 1e-12);
  });

  it('gives the same value for the same records in any order, and another for another measure', () => {
    const reversed = [...cell].reverse();
    expect(perturbedSum(reversed, 'asi-change:drug', 0.1)).toBe(perturbedSum(cell, 'asi-change:drug', 0.1));
    expect(perturbedSum(cell, 'asi-change:legal', 0.1)).not.toBe(perturbedSum(cell, 'asi-change:drug', 0.1));
  });

  it('never publishes a sum of zeros as zero: the floor is the scale', () => {
    const zeros = [{ recordKey: 0.3, value: 0 }, { recordKey: 0.6, value: 0 }];
    const sut = perturbedSum(zeros, 'minutes', 60);
    expect(Math.abs(sut)).toBeGreaterThanOrEqual(30);
    expect(Math.abs(sut)).toBeLessThanOrEqual(60);
  });

  it('differs, between two cells one record apart, from that record’s own value', () => {
    // The differencing attack: the added record's value is 0.3; the published sums' difference is not.
    const added = { recordKey: 0.52, value: 0.3 };
    const difference = perturbedSum([...cell, added], 'asi-change:drug', 0.1) - perturbedSum(cell, 'asi-change:drug', 0.1);
    expect(Math.abs(difference - 0.3)).toBeGreaterThan(1e-6);
  });

  it('differs clearly even when the added record’s key barely moves the cell’s key', () => {
    // The CI run's case: a record key of 0.999992 shifted the cell key by 8e-6 and, with the factor a
    // smooth function of the key, the two sums differed by the record's value 0 to within 8e-7.
    for (const recordKey of [0.999992, 1e-9, 0.5 - 1e-9, 0.5 + 1e-9]) {
      const added = { recordKey, value: 0 };
      const difference = perturbedSum([...cell, added], 'asi-change:drug', 0.1) - perturbedSum(cell, 'asi-change:drug', 0.1);
      expect(Math.abs(difference)).toBeGreaterThan(1e-3);
    }
  });
});

describe('scatter', () => {
  it('spreads neighbouring keys over [0, 1) and gives the same key the same value', () => {
    const values = Array.from({ length: 1000 }, (_, i) => scatter(0.3 + i * 1e-12));
    for (const v of values) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(1);
    }
    // Ten equal bins over [0, 1): a hash that spreads gives each about a hundred; a smooth map gives one bin all.
    const bins = new Array(10).fill(0);
    for (const v of values) bins[Math.floor(v * 10)]++;
    for (const count of bins) expect(count).toBeGreaterThan(50);
    expect(scatter(0.123456789)).toBe(scatter(0.123456789));
  });
});
