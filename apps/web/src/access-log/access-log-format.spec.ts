import { changedFields, citizenCount, criterionParts, shortValue } from './access-log-format';

describe('the access log, compactly', () => {
  it('counts a row’s citizens once each', () => {
    expect(citizenCount({ citizenId: 'a', citizenIds: ['b', 'c'] })).toBe(3);
    expect(citizenCount({ citizenId: 'a', citizenIds: ['a'] })).toBe(1);
    expect(citizenCount({ citizenId: null, citizenIds: null })).toBe(0);
  });

  it('shows a change as the fields that differ, before → after', () => {
    expect(changedFields({ before: { name: 'Aarhus', hourlyRate: 450, version: 3 }, after: { name: 'Aarhus', hourlyRate: 500, version: 4 } })).toEqual([
      { field: 'hourlyRate', before: '450', after: '500' },
      { field: 'version', before: '3', after: '4' },
    ]);
    expect(changedFields({ before: null, after: { id: 'x', name: 'Ny', active: true, createdAt: '2026-12-05T12:00:00Z' } })).toEqual([
      { field: 'name', before: '–', after: 'Ny' },
      { field: 'active', before: '–', after: 'true' },
    ]);
    expect(changedFields({ before: { name: 'Gammel' }, after: null })).toEqual([{ field: 'name', before: 'Gammel', after: '–' }]);
    expect(changedFields({ before: 'a', after: 'b' })).toEqual([{ field: '', before: 'a', after: 'b' }]);
    expect(changedFields({ before: null, after: { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7 } })).toEqual([
      { field: 'a', before: '–', after: '1' },
      { field: 'b', before: '–', after: '2' },
      { field: 'c', before: '–', after: '3' },
      { field: 'd', before: '–', after: '4' },
      { field: 'e', before: '–', after: '5' },
      { field: '…', before: '', after: '+2' },
    ]);
    expect(changedFields({ before: { a: 1 }, after: { a: 1, b: 'x' } })).toEqual([{ field: 'b', before: '–', after: 'x' }]);
    expect(changedFields(null)).toEqual([]);
  });

  it('cuts long values', () => {
    expect(shortValue('x'.repeat(50))).toBe(`${'x'.repeat(39)}…`);
  });

  it('shows a search by its fields: kept values as they are, text as words and CPR', () => {
    const logged = JSON.stringify({
      fields: ['q', 'state', 'id'],
      values: { q: { words: 2, cpr: true, hashes: ['ab', 'cd'] }, state: 'active', id: ['3f2504e0-4f89-41d3-9a0c-0305e82c3301', { words: 1, cpr: false, hashes: ['ef'] }] },
    });
    expect(criterionParts(logged)).toEqual([
      { field: 'q', words: 2, cpr: true },
      { field: 'state', value: 'active' },
      { field: 'id', value: '3f2504e0-4f89-41d3-9a0c-0305e82c3301, …' },
    ]);
    expect(criterionParts('download: x.csv rows=3')).toBe('download: x.csv rows=3');
    expect(criterionParts(null)).toBeNull();
  });
});
