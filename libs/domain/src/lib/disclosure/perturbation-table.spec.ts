import { perturbationRow, perturbationTable } from './perturbation-table';
import type { PerturbationRow } from './perturbation-table';

const sum = (row: PerturbationRow, f: (v: number) => number): number => row.entries.reduce((s, e) => s + e.probability * f(e.noise), 0);

describe('the perturbation table (D = 3, V = 2, js = 2)', () => {
  const sut = perturbationTable({ maxNoise: 3, variance: 2, js: 2 });

  it('has rows for the counts 0 .. D + js + 1 = 6, and larger counts use the last', () => {
    expect(sut.rows.map((r) => r.count)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(perturbationRow(sut, 250).count).toBe(6);
  });

  it('keeps a zero a zero', () => {
    expect(sut.rows[0]?.entries).toEqual([{ noise: 0, probability: 1, lower: 0, upper: 1 }]);
  });

  it.each([1, 2, 3, 4, 5, 6])('row %i sums to 1, has mean 0 and variance 2, never publishes 1 or 2, and moves at most 3', (count) => {
    const row = perturbationRow(sut, count);
    expect(sum(row, () => 1)).toBeCloseTo(1, 12);
    expect(sum(row, (v) => v)).toBeCloseTo(0, 9);
    expect(sum(row, (v) => v * v)).toBeCloseTo(2, 6);
    expect(row.varianceReached).toBe(true);
    for (const e of row.entries) {
      expect(Math.abs(e.noise)).toBeLessThanOrEqual(3);
      expect(count + e.noise).toBeGreaterThanOrEqual(0);
      expect([1, 2]).not.toContain(count + e.noise);
    }
  });

  it('gives each row cumulative bounds that tile [0, 1)', () => {
    for (const row of sut.rows) {
      expect(row.entries[0]?.lower).toBe(0);
      expect(row.entries[row.entries.length - 1]?.upper).toBe(1);
      row.entries.forEach((e, k) => {
        if (k > 0) expect(e.lower).toBe(row.entries[k - 1]?.upper);
        expect(e.upper - e.lower).toBeCloseTo(e.probability, 12);
      });
    }
  });

  it('approaches the only mean-0, variance-2 distribution a count of 1 has', () => {
    // Support {-1, 2, 3}: -x + 2y + 3z = 0, x + y + z = 1, x + 4y + 9z = 2 give z = 0, x = 2/3, y = 1/3
    // (variance 2 is the least a mean-0 distribution on this support can have, so the builder reaches
    // it only in the limit).
    const row = perturbationRow(sut, 1);
    expect(row.entries.map((e) => e.noise)).toEqual([-1, 2, 3]);
    expect(row.entries[0]?.probability).toBeCloseTo(2 / 3, 9);
    expect(row.entries[1]?.probability).toBeCloseTo(1 / 3, 9);
    expect(row.entries[2]?.probability).toBeCloseTo(0, 9);
  });

  it('is symmetric for large counts, where every noise -3 .. 3 is allowed', () => {
    const row = perturbationRow(sut, 6);
    expect(row.entries.map((e) => e.noise)).toEqual([-3, -2, -1, 0, 1, 2, 3]);
    for (let k = 0; k < 3; k++) expect(row.entries[k]?.probability).toBeCloseTo(row.entries[6 - k]?.probability ?? NaN, 12);
  });

  it('records the nearest variance where V cannot be reached', () => {
    // Count 1 on {-1, 2, 3}: mean-0 variances run from 2 (z = 0) to 3 (y = 0: x = 3/4, z = 1/4).
    const wide = perturbationTable({ maxNoise: 3, variance: 5, js: 2 });
    const row = perturbationRow(wide, 1);
    expect(row.varianceReached).toBe(false);
    expect(row.variance).toBeCloseTo(3, 6);
    expect(sum(row, (v) => v)).toBeCloseTo(0, 9);
    expect(perturbationRow(wide, 6).varianceReached).toBe(true);
  });

  it('refuses settings with no noise', () => {
    expect(() => perturbationTable({ maxNoise: 0, variance: 2, js: 2 })).toThrow(/maxNoise/);
  });
});

describe.each([
  { maxNoise: 5, variance: 3, js: 2 },
  { maxNoise: 4, variance: 1.5, js: 3 },
  { maxNoise: 2, variance: 1, js: 2 },
])('the perturbation table with other settings: %o', (settings) => {
  const sut = perturbationTable(settings);

  it('keeps every row a distribution of mean 0 that never lands on 1 .. js nor moves more than D', () => {
    expect(sut.rows).toHaveLength(settings.maxNoise + settings.js + 2);
    for (const row of sut.rows) {
      expect(sum(row, () => 1)).toBeCloseTo(1, 12);
      expect(sum(row, (v) => v)).toBeCloseTo(0, 9);
      expect(sum(row, (v) => v * v)).toBeCloseTo(row.variance, 9);
      if (row.varianceReached) expect(row.variance).toBeCloseTo(settings.variance, 6);
      for (const e of row.entries) {
        if (e.probability === 0) continue;
        expect(Math.abs(e.noise)).toBeLessThanOrEqual(settings.maxNoise);
        const published = row.count + e.noise;
        expect(published).toBeGreaterThanOrEqual(0);
        expect(published >= 1 && published <= settings.js).toBe(false);
      }
    }
    // From D + js + 1 on every noise -D .. D is allowed, and V is reachable there.
    expect(perturbationRow(sut, 1000).varianceReached).toBe(true);
  });
});
