import { cellKey } from './cell-key';

/**
 * Sums under the cell key method (docs/disclosure.md, "Sums and means"). A mean published as the
 * true sum over a perturbed count gives the true sum back (mean × the count shown beside it), and
 * two reports a month apart then give one person's exact ASI change or staff minutes: the attacker
 * suite did exactly that. So the sum is perturbed too, as the cell key method does for magnitude
 * tables (sdcTools/cellKey): by a noise the size of the cell's largest contribution, never small,
 * drawn from a hash of the cell's own key, so the same records give the same sum in every report.
 */

/** One record's contribution to a sum, with its secret record key. */
export interface Contribution {
  recordKey: number;
  value: number;
}

/**
 * A fixed offset per measure (FNV-1a of its name, as a fraction): the sum of one set of records gets
 * a different key for each measure it is a sum of, and a different one from the set's count.
 */
function measureOffset(measure: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < measure.length; i++) {
    hash ^= measure.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash / 2 ** 32;
}

/**
 * The noise factor a key gives: in (-1, -0.5] or [0.5, 1), never near zero, so that a difference of
 * two published sums is never the difference of the true sums (a key of 0.25 gives -0.75, 0.75 gives 0.75).
 */
export function magnitudeFactor(key: number): number {
  return key < 0.5 ? -(0.5 + key) : key;
}

/**
 * The published sum: the true sum plus factor × scale, where the scale is the largest contribution in
 * absolute value, and at least `floor` (a sum of zeros must not publish as an exact zero either: a
 * person's change of 0 would come back as one). `measure` names what is summed.
 */
export function perturbedSum(contributions: readonly Contribution[], measure: string, floor: number): number {
  if (contributions.length === 0) return 0;
  // Summed in the order of the record keys: the same records give the same sum to the last bit,
  // whatever order the rows came in (floating-point addition is not associative).
  const ordered = [...contributions].sort((a, b) => a.recordKey - b.recordKey || a.value - b.value);
  const sum = ordered.reduce((total, c) => total + c.value, 0);
  const scale = Math.max(floor, ...contributions.map((c) => Math.abs(c.value)));
  const key = cellKey(contributions.map((c) => c.recordKey)) + measureOffset(measure);
  return sum + magnitudeFactor(scatter(key - Math.floor(key))) * scale;
}

/**
 * A key's bits hashed to [0, 1). The factor must not be a smooth function of the cell key: a record
 * whose key is 0.99999 moves its set's key by almost nothing, so two sums one such record apart would
 * carry almost the same noise and their difference would be that record's value to six decimals (the
 * attacker suite found one in a CI run). Hashed, any two different keys give unrelated factors, and
 * the same key still gives the same factor in every report.
 */
export function scatter(key: number): number {
  const bits = new DataView(new ArrayBuffer(8));
  bits.setFloat64(0, key);
  // murmur3's 32-bit finaliser over both halves of the float, chained (a well-mixed, dependency-free hash).
  let h = fmix32(bits.getUint32(0) ^ 0x9e3779b9);
  h = fmix32(h ^ bits.getUint32(4));
  return h / 2 ** 32;
}

function fmix32(input: number): number {
  let h = input >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}
