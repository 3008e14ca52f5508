import { birthYearBand, generalise, localSuppression, localSuppressionOfGroups, monthToQuarter } from './k-anonymity';
import type { QuasiIdentifiers, Release, ReleaseInput } from './k-anonymity';

/** The row most of these tables are made of; each test varies it by hand. */
const BASE: QuasiIdentifiers = {
  birthBand: '1990-1994', sex: 'male', municipality: '751', programme: 'MOVE',
  referralQuarter: '2025-Q1', startQuarter: '2025-Q1', endQuarter: '2025-Q3', state: 'completed',
};
const row = (id: string, change: Partial<QuasiIdentifiers> = {}): ReleaseInput => ({ id, qi: { ...BASE, ...change } });
const rows = (prefix: string, n: number, change: Partial<QuasiIdentifiers> = {}): ReleaseInput[] =>
  Array.from({ length: n }, (_, i) => row(`${prefix}${i + 1}`, change));
/** The release as plain data, ids sorted: comparable whatever order the map was filled in. */
const plain = (r: Release) => ({
  released: [...r.released.entries()].sort(([a], [b]) => a.localeCompare(b)),
  withheld: r.withheld,
  suppressedValues: r.suppressedValues,
  withheldRows: r.withheldRows,
});

describe('the generalisation scheme', () => {
  it('puts a birth year into its 5-year band, bands starting at years divisible by 5', () => {
    expect(birthYearBand(1990)).toBe('1990-1994');
    expect(birthYearBand(1994)).toBe('1990-1994');
    expect(birthYearBand(1995)).toBe('1995-1999');
    expect(birthYearBand(2003)).toBe('2000-2004');
    expect(birthYearBand(null)).toBe('');
  });

  it('puts a month (or a date in it) into its quarter', () => {
    expect(monthToQuarter('2025-01')).toBe('2025-Q1');
    expect(monthToQuarter('2025-03')).toBe('2025-Q1');
    expect(monthToQuarter('2025-04')).toBe('2025-Q2');
    expect(monthToQuarter('2025-07')).toBe('2025-Q3');
    expect(monthToQuarter('2025-09-30')).toBe('2025-Q3');
    expect(monthToQuarter('2025-12')).toBe('2025-Q4');
    expect(monthToQuarter(null)).toBe('');
  });

  it('generalises a whole row, leaving missing values empty', () => {
    expect(generalise({ birthYear: 1987, sex: null, municipality: '461', programme: 'HCS', referralMonth: '2024-11', startMonth: '2025-01', endMonth: null, state: 'active' })).toEqual({
      birthBand: '1985-1989', sex: '', municipality: '461', programme: 'HCS', referralQuarter: '2024-Q4', startQuarter: '2025-Q1', endQuarter: '', state: 'active',
    });
  });
});

describe('localSuppression', () => {
  it('leaves groups of exactly k with two states untouched', () => {
    // k = 3: (BASE, completed) holds 3 rows and (BASE, dropped_out) 3; BASE without its state has two states.
    const input = [...rows('a', 3), ...rows('b', 3, { state: 'dropped_out' })];
    const sut = localSuppression(input, { k: 3 });
    expect(sut.suppressedValues).toBe(0);
    expect(sut.withheld).toEqual([]);
    for (const r of input) expect(sut.released.get(r.id)).toEqual(r.qi);
  });

  it('empties a lone row’s least useful value (the end quarter) so that it joins a group', () => {
    // k = 3. a1-a3: end '' and active; b1-b3: end '' and dropped_out; x: end 2025-Q4 and active, alone.
    // Round 1: x offends (1 row), its end quarter is emptied: it joins a1-a3 (now 4). Round 2: nothing offends.
    const input = [...rows('a', 3, { endQuarter: '', state: 'active' }), ...rows('b', 3, { endQuarter: '', state: 'dropped_out' }), row('x', { endQuarter: '2025-Q4', state: 'active' })];
    const sut = localSuppression(input, { k: 3 });
    expect(sut.released.get('x')).toEqual({ ...BASE, endQuarter: '', state: 'active' });
    expect(sut.released.get('a1')).toEqual({ ...BASE, endQuarter: '', state: 'active' });
    expect(sut.released.get('b1')).toEqual({ ...BASE, endQuarter: '', state: 'dropped_out' });
    expect(sut).toMatchObject({ suppressedValues: 1, withheldRows: 0, withheld: [] });
  });

  it('makes a group with a single state diverse by suppression', () => {
    // k = 2. h1-h2: end 2025-Q3, completed: BASE without state has only "completed", so they offend l = 2.
    // j1-j2 (end '', active) and d1-d2 (end '', dropped_out) are fine. Round 1: h's end quarter emptied,
    // they become (end '', completed), 2 rows, beside active and dropped_out: 2 values emptied, none withheld.
    const input = [...rows('h', 2), ...rows('j', 2, { endQuarter: '', state: 'active' }), ...rows('d', 2, { endQuarter: '', state: 'dropped_out' })];
    const sut = localSuppression(input, { k: 2 });
    expect(sut.released.get('h1')).toEqual({ ...BASE, endQuarter: '' });
    expect(sut.released.get('h2')).toEqual({ ...BASE, endQuarter: '' });
    expect(sut.released.get('j1')).toEqual({ ...BASE, endQuarter: '', state: 'active' });
    expect(sut).toMatchObject({ suppressedValues: 2, withheldRows: 0 });
  });

  it('lets a less detailed group wait while more detailed rows are emptied toward it', () => {
    // k = 2. c1-c2 completed with end 2025-Q2 and c3-c4 completed with end 2025-Q4: each pair is the only
    // state behind its combination. d1-d2 active, end '' (not ended): the only state behind theirs.
    // Round 1: all offend; c1-c4 have 6 values left, d 5: only c1-c4 move (end emptied) and meet d.
    // Round 2: (end '') has completed (4) and active (2): nothing offends. 4 values emptied, d untouched.
    // (Had d moved too, it would have left for start '' and the c rows would have had to follow it.)
    const input = [...rows('c', 2, { endQuarter: '2025-Q2' }), row('c3', { endQuarter: '2025-Q4' }), row('c4', { endQuarter: '2025-Q4' }), ...rows('d', 2, { endQuarter: '', state: 'active' })];
    const sut = localSuppression(input, { k: 2 });
    for (const id of ['c1', 'c2', 'c3', 'c4']) expect(sut.released.get(id)).toEqual({ ...BASE, endQuarter: '' });
    for (const id of ['d1', 'd2']) expect(sut.released.get(id)).toEqual({ ...BASE, endQuarter: '', state: 'active' });
    expect(sut).toMatchObject({ suppressedValues: 4, withheldRows: 0 });
  });

  it('withholds a group whose state stays the only one after everything allowed is emptied', () => {
    // k = 2: three rows, all completed, nothing else. Rounds 1-6 empty end, start, referral, sex, band,
    // municipality; round 7 has nothing left to empty (never the programme): all three withheld.
    // Values emptied in withheld rows are not in the file and not counted.
    const sut = localSuppression(rows('c', 3), { k: 2 });
    expect(plain(sut)).toEqual({ released: [], withheld: ['c1', 'c2', 'c3'], suppressedValues: 0, withheldRows: 3 });
  });

  it('withholds a group that loses its second state when another group is withheld', () => {
    // k = 2, every value already empty but the programme. g1-g2 completed; z dropped_out, alone.
    // Round 1: z offends k and has nothing to empty: withheld. Round 2: g1-g2 are now the only state
    // behind their combination: withheld too.
    const empty = { birthBand: '', sex: '', municipality: '', referralQuarter: '', startQuarter: '', endQuarter: '' };
    const sut = localSuppression([...rows('g', 2, empty), row('z', { ...empty, state: 'dropped_out' })], { k: 2 });
    expect(plain(sut)).toEqual({ released: [], withheld: ['g1', 'g2', 'z'], suppressedValues: 0, withheldRows: 3 });
  });

  /**
   * k = 2. a1-a2 BASE completed, b1-b2 BASE dropped_out: fine. e1-e2 (female, end '', active) and
   * f1-f2 (female, end '', dropped_out): fine. x (female, end 2025-Q4, active): round 1 empties its
   * end quarter, it joins e (3 rows): 1 value. y (band 1985-1989, completed) is alone through rounds
   * 1-6 (end, start, referral, sex, band, municipality emptied one by one, never meeting another
   * row) and withheld in round 7: 0 values counted for it. Total: 1 value emptied, 1 row withheld.
   */
  const mixed = (): ReleaseInput[] => [
    ...rows('a', 2), ...rows('b', 2, { state: 'dropped_out' }),
    ...rows('e', 2, { sex: 'female', endQuarter: '', state: 'active' }), ...rows('f', 2, { sex: 'female', endQuarter: '', state: 'dropped_out' }),
    row('x', { sex: 'female', endQuarter: '2025-Q4', state: 'active' }), row('y', { birthBand: '1985-1989' }),
  ];

  it('counts the values emptied in released rows and the rows withheld', () => {
    const sut = localSuppression(mixed(), { k: 2 });
    expect(sut).toMatchObject({ k: 2, l: 2, suppressedValues: 1, withheldRows: 1, withheld: ['y'] });
    expect(sut.released.get('x')).toEqual({ ...BASE, sex: 'female', endQuarter: '', state: 'active' });
    expect(sut.released.size).toBe(9);
    for (const id of ['a1', 'b2', 'e1', 'f2']) expect(sut.released.get(id)).toEqual(mixed().find((r) => r.id === id)?.qi);
  });

  it('gives the same release whatever the order of the rows', () => {
    const expected = plain(localSuppression(mixed(), { k: 2 }));
    const reversed = mixed().reverse();
    // A fixed shuffle: every third row first, then the rest.
    const shuffled = [...mixed().filter((_, i) => i % 3 === 2), ...mixed().filter((_, i) => i % 3 !== 2)];
    expect(plain(localSuppression(reversed, { k: 2 }))).toEqual(expected);
    expect(plain(localSuppression(shuffled, { k: 2 }))).toEqual(expected);
  });

  it('guarantees k and two states on its output (k = 5)', () => {
    // 5 completed and 1 dropped_out in BASE: the dropped_out row is alone; the completed ones are fine
    // while it is beside them. It is emptied down to the programme and withheld; then the completed
    // five are the only state of BASE: they are emptied too, down to the programme, and withheld.
    const sut = localSuppression([...rows('a', 5), row('d', { state: 'dropped_out' })], { k: 5 });
    expect(sut.withheld).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'd']);
    expect(sut.released.size).toBe(0);
  });
});

describe('localSuppressionOfGroups (what an export decides on: counts grouped in PostgreSQL)', () => {
  it('releases counted groups as localSuppression releases their rows, and withholds by count', () => {
    // k = 3. (end '', active) x3, (end '', dropped_out) x3, (end 2025-Q4, active) x1, and
    // (sex female, birth 1950-1954, end '', completed) x2, which has one state whatever is emptied
    // down to the programme and the state: its two rows are withheld.
    const lone = { ...BASE, sex: 'female', birthBand: '1950-1954', municipality: '461', endQuarter: '', state: 'completed' };
    const sut = localSuppressionOfGroups([
      { qi: { ...BASE, endQuarter: '', state: 'active' }, count: 3 },
      { qi: { ...BASE, endQuarter: '', state: 'dropped_out' }, count: 3 },
      { qi: { ...BASE, endQuarter: '2025-Q4', state: 'active' }, count: 1 },
      { qi: lone, count: 2 },
    ], { k: 3 });
    expect(sut.releasedOf({ ...BASE, endQuarter: '2025-Q4', state: 'active' })).toEqual({ ...BASE, endQuarter: '', state: 'active' });
    expect(sut.releasedOf({ ...BASE, endQuarter: '', state: 'dropped_out' })).toEqual({ ...BASE, endQuarter: '', state: 'dropped_out' });
    expect(sut.releasedOf(lone)).toBeUndefined();
    expect(sut.releasedOf({ ...BASE, state: 'unknown' })).toBeUndefined();
    expect(sut).toMatchObject({ k: 3, l: 2, suppressedValues: 1, withheldRows: 2 });
  });

  it('counts a group of n rows as n rows: one group of 3 meets k = 3 where 3 rows do', () => {
    const sut = localSuppressionOfGroups([{ qi: BASE, count: 3 }, { qi: { ...BASE, state: 'active' }, count: 3 }], { k: 3 });
    expect(sut.releasedOf(BASE)).toEqual(BASE);
    expect(sut).toMatchObject({ suppressedValues: 0, withheldRows: 0 });
  });
});
