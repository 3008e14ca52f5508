import { cellKey, perturb, perturbedCount } from './cell-key';
import { perturbationTable } from './perturbation-table';

const table = perturbationTable({ maxNoise: 3, variance: 2, js: 2 });

describe('the cell key', () => {
  it('is the fractional part of the sum of the record keys', () => {
    expect(cellKey([0.5, 0.75])).toBe(0.25); // 1.25
    expect(cellKey([0.125, 0.25])).toBe(0.375);
    expect(cellKey([])).toBe(0);
  });

  it('is the same for the same records in any order, and so is the published value', () => {
    // Keys whose floating-point sum depends on the order when added as they come.
    const keys = [0.1, 0.7, 0.2, 0.30000000000000004, 0.9999999999999999, 1e-17, 0.3333333333333333, 0.6666666666666666];
    const orders = [keys, [...keys].reverse(), [keys[3], keys[0], keys[7], keys[5], keys[1], keys[6], keys[2], keys[4]] as number[]];
    const found = orders.map((o) => cellKey(o));
    expect(new Set(found).size).toBe(1);
    const values = orders.map((o) => perturbedCount(o.map((recordKey) => ({ recordKey })), table));
    expect(new Set(values).size).toBe(1);
  });
});

describe('perturb', () => {
  it('keeps zero at zero whatever the key', () => {
    for (const key of [0, 0.3, 0.999999]) expect(perturb(0, key, table)).toBe(0);
  });

  it('picks the noise whose cumulative bounds hold the key', () => {
    // Count 1: p(-1) = 2/3 on [0, 2/3), p(2) = 1/3 on [2/3, 1).
    expect(perturb(1, 0.1, table)).toBe(0);
    expect(perturb(1, 0.66, table)).toBe(0);
    expect(perturb(1, 0.67, table)).toBe(3);
    expect(perturb(1, 0.999, table)).toBe(3);
    // Count 2: p(-2) = 1/3, p(1) = 2/3.
    expect(perturb(2, 0.3, table)).toBe(0);
    expect(perturb(2, 0.34, table)).toBe(3);
  });

  it('never publishes 1 or 2, nor moves a count by more than 3', () => {
    for (let count = 0; count <= 40; count++) {
      for (let k = 0; k < 1000; k++) {
        const value = perturb(count, k / 1000, table);
        expect(value === 1 || value === 2).toBe(false);
        expect(Math.abs(value - count)).toBeLessThanOrEqual(3);
        expect(value).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('gives byte-identical output for fixed record keys and settings (regression)', () => {
    const keys = [0.0625, 0.8125, 0.4375, 0.3125, 0.9375, 0.1875, 0.5625, 0.6875, 0.25, 0.75, 0.125, 0.875];
    // Cells: the first n records, n = 1 .. 12.
    const published = keys.map((_, n) => perturbedCount(keys.slice(0, n + 1).map((recordKey) => ({ recordKey })), table));
    expect(published).toEqual(REGRESSION);
  });
});

/**
 * Frozen output. Checked by hand where the row is known exactly: n = 1, key 1/16 < 2/3: -1 → 0;
 * n = 2, key 14/16 >= 1/3: +1 → 3; n = 12, the keys sum to 96/16 = 6, key 0: the first noise, -3 → 9.
 */
const REGRESSION = [0, 3, 3, 4, 5, 7, 6, 5, 8, 7, 9, 9];
