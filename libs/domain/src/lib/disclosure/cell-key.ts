import type { PerturbationTable } from './perturbation-table';
import { perturbationRow } from './perturbation-table';

/**
 * A cell's key: the fractional part of the sum of the record keys of the records it counts. Summed in
 * ascending order, so the same set of records gives the same key (to the last bit) however the rows
 * arrived: the same cell shows the same value in every report.
 */
export function cellKey(recordKeys: readonly number[]): number {
  const sum = [...recordKeys].sort((a, b) => a - b).reduce((total, key) => total + key, 0);
  return sum - Math.floor(sum);
}

/** The noise the table gives a true count under a cell key in [0, 1). */
export function noiseFor(count: number, key: number, table: PerturbationTable): number {
  if (count === 0) return 0;
  const row = perturbationRow(table, count);
  const entry = row.entries.find((e) => key >= e.lower && key < e.upper) ?? row.entries[row.entries.length - 1];
  return entry?.noise ?? 0;
}

/** The published count: the true count plus its noise. Zero stays zero. */
export function perturb(count: number, key: number, table: PerturbationTable): number {
  return count + noiseFor(count, key, table);
}

/** The published count of a set of records, each carrying its record key. */
export function perturbedCount(records: readonly { recordKey: number }[], table: PerturbationTable): number {
  return perturb(records.length, cellKey(records.map((r) => r.recordKey)), table);
}
