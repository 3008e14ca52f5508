import { exactBinomialTest, pairedChange, quartiles, wilson } from './statistics';

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
