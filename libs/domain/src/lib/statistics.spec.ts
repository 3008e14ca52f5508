import { exactBinomialTest, pairedChange, quartiles, suppress, wilson } from './statistics';

describe('wilson', () => {
  it('matches the published interval for 3 of 10 (0.108 to 0.603)', () => {
    const sut = wilson(3, 10);
    expect(sut.p).toBe(0.3);
    expect(sut.lower).toBeCloseTo(0.1078, 4);
    expect(sut.upper).toBeCloseTo(0.6032, 4);
  });
  it('stays within 0..1 at the extremes and is empty for n = 0', () => {
    expect(wilson(0, 12).lower).toBeCloseTo(0, 12);
    expect(wilson(12, 12).upper).toBeCloseTo(1, 12);
    expect(wilson(0, 12).upper).toBeCloseTo(0.2425, 4);
    expect(wilson(0, 0)).toEqual({ successes: 0, n: 0, p: null, lower: null, upper: null });
  });
});

describe('pairedChange', () => {
  it('gives the paired-t interval and effect size', () => {
    const sut = pairedChange([1, 2, 3, 4, 5]);
    expect(sut?.mean).toBe(3);
    expect(sut?.sd).toBeCloseTo(1.5811, 4);
    expect(sut?.lower).toBeCloseTo(3 - 2.776445 * 0.707107, 4);
    expect(sut?.upper).toBeCloseTo(3 + 2.776445 * 0.707107, 4);
    expect(sut?.effectSize).toBeCloseTo(1.8974, 4);
  });
  it('needs two pairs', () => {
    expect(pairedChange([0.2])).toBeNull();
  });
});

describe('exactBinomialTest', () => {
  it('matches R: binom.test(7, 20, 0.5) p = 0.2632', () => {
    expect(exactBinomialTest(7, 20, 0.5)).toBeCloseTo(0.263176, 5);
  });
  it('is symmetric under p = 0.5 and small far from the published proportion', () => {
    expect(exactBinomialTest(13, 20, 0.5)).toBeCloseTo(exactBinomialTest(7, 20, 0.5), 12);
    expect(exactBinomialTest(2, 30, 0.341)).toBeLessThan(0.001);
  });
  it('is 1 when the observation is the most likely outcome of a symmetric null', () => {
    expect(exactBinomialTest(10, 20, 0.5)).toBeCloseTo(1, 10);
  });
});

describe('quartiles', () => {
  it('interpolates like R type 7', () => {
    expect(quartiles([1, 2, 3, 4])).toEqual({ q1: 1.75, median: 2.5, q3: 3.25 });
    expect(quartiles([7])).toEqual({ q1: 7, median: 7, q3: 7 });
    expect(quartiles([])).toBeNull();
  });
});

describe('suppress', () => {
  it('hides cells under 5 and a second cell wherever the first could be recovered from a total', () => {
    const sut = suppress([
      [12, 3, 20],
      [15, 9, 30],
    ]);
    // 3 is hidden; its row would reveal it, so 12 (smallest other in the row) goes too; the column of 3
    // would reveal it through 9, so 9 goes too; then 12's column reveals nothing new (15 is paired)...
    for (const row of sut) expect(row.filter((v) => v === null).length).not.toBe(1);
    const columns = [0, 1, 2].map((c) => sut.map((row) => row[c]));
    for (const col of columns) expect(col.filter((v) => v === null).length).not.toBe(1);
    expect(sut[0]?.[1]).toBeNull();
  });
  it('leaves a table without small cells alone', () => {
    expect(suppress([[10, 20], [30, 40]])).toEqual([[10, 20], [30, 40]]);
  });
});

describe('suppress with only row totals published', () => {
  it('hides one more cell in a row with a single hidden one', () => {
    expect(suppress([[3, 10, 12, 40]], 5, { rows: true, columns: false })).toEqual([[null, null, 12, 40]]);
  });
  it('primary suppression alone would leak: the row total minus the visible cells gives the hidden one', () => {
    const primaryOnly = [[3, 10, 12, 40]].map((row) => row.map((v) => (v < 5 ? null : v)));
    const total = 3 + 10 + 12 + 40;
    const recovered = total - (primaryOnly[0] ?? []).reduce<number>((a, v) => a + (v ?? 0), 0);
    expect(recovered).toBe(3); // the leak
    const sut = suppress([[3, 10, 12, 40]], 5, { rows: true, columns: false });
    expect((sut[0] ?? []).filter((v) => v === null)).toHaveLength(2); // two unknowns: no longer recoverable
  });
});
