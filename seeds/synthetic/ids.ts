/** What a generated id identifies; part of the id, so ids of different kinds never collide. */
export const ID_KINDS = {
  municipality: 1,
  centre: 2,
  user: 3,
  citizen: 4,
  enrolment: 5,
  transition: 6,
  session: 7,
  group: 8,
  meeting: 9,
  outreach: 10,
  assessment: 11,
  attempt: 12,
  consent: 13,
} as const;
export type IdKind = keyof typeof ID_KINDS;

const hex = (value: number, digits: number): string => value.toString(16).padStart(digits, '0');

/**
 * A deterministic, valid v4-shaped UUID from (seed, kind, municipality number, counter): the same
 * seed gives the same ids, two seeds never share one, and ids of one table ascend with the counter
 * (b-tree inserts at the right edge load faster than random UUIDs).
 */
export function syntheticId(seed: number, kind: IdKind, municipality: number, counter: number): string {
  const high = Math.floor(counter / 2 ** 32);
  const low = counter % 2 ** 32;
  return `${hex(seed >>> 0, 8)}-${hex(ID_KINDS[kind], 4)}-4${hex(municipality & 0xfff, 3)}-8${hex(high & 0xfff, 3)}-${hex(low, 12)}`;
}
