import { changedFields, citizenCount, readableCriterion, resourceLabelKey, shortValue } from './access-log-format';

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
    // An empty field reads as "–", not "null".
    expect(changedFields({ before: null, after: { email: null } })).toEqual([{ field: 'email', before: '–', after: '–' }]);
  });

  it('cuts long values', () => {
    expect(shortValue('x'.repeat(50))).toBe(`${'x'.repeat(39)}…`);
  });

  it('reads a search by its fields: records as a count, never their ids; text as words and CPR; dates as dates', () => {
    const logged = JSON.stringify({
      fields: ['q', 'state', 'id', 'centreId', 'at_gte'],
      values: {
        q: { words: 2, cpr: true, hashes: ['ab', 'cd'] },
        state: 'active',
        id: ['3f2504e0-4f89-41d3-9a0c-0305e82c3301', '7c9e6679-7425-40de-944b-e07fc1f90ae7'],
        centreId: '0f8fad5b-d9cb-469f-a165-70867728950e',
        at_gte: '2026-12-01',
      },
    });
    expect(readableCriterion(logged)).toEqual({
      kind: 'search',
      parts: [
        { kind: 'text', field: 'q', words: 2, cpr: true },
        { kind: 'value', field: 'state', value: 'active' },
        { kind: 'records', field: 'id', count: 2 },
        { kind: 'records', field: 'centreId', count: 1 },
        { kind: 'date', field: 'at_gte', value: '2026-12-01' },
      ],
    });
    // A filter logged as it was sent, as the issue saw it.
    expect(readableCriterion('{"id":["3f2504e0-4f89-41d3-9a0c-0305e82c3301"]}')).toEqual({ kind: 'search', parts: [{ kind: 'records', field: 'id', count: 1 }] });
  });

  it('reads an export run, a download, a refused reference and a duplicate CPR number', () => {
    expect(
      readableCriterion('run: dataset=enrolments format=csv rows=120 project=3f2504e0-4f89-41d3-9a0c-0305e82c3301 municipalities=a,b k=5 l=2 generalisation=age suppressed=4 withheld=1'),
    ).toEqual({ kind: 'export-run', dataset: 'enrolments', format: 'csv', rows: 120, k: 5, suppressed: 4, withheld: 1 });
    expect(readableCriterion('run: dataset=codebook format=json rows=0 project=p municipalities=a')).toEqual({
      kind: 'export-run', dataset: 'codebook', format: 'json', rows: 0, k: null, suppressed: null, withheld: null,
    });
    expect(readableCriterion('download: x.csv rows=3 project=p')).toEqual({ kind: 'export-download', rows: 3 });
    expect(readableCriterion('syntax: enrolments-2026-12-06-en.do for enrolments-2026-12-06.csv project=p')).toEqual({ kind: 'export-syntax', program: 'Stata', lang: 'en' });
    expect(readableCriterion('syntax: sessions-2026-12-06-da.R for sessions-2026-12-06.csv project=p')).toEqual({ kind: 'export-syntax', program: 'R', lang: 'da' });
    expect(readableCriterion('reference: centreId')).toEqual({ kind: 'reference', field: 'centreId' });
    expect(readableCriterion('{"conflict":"duplicate-cpr","answered":"existingId"}')).toEqual({ kind: 'duplicate-cpr' });
    expect(readableCriterion('something else')).toEqual({ kind: 'raw', text: 'something else' });
    expect(readableCriterion(null)).toBeNull();
  });

  it('has a label for every area the API logs', () => {
    expect(resourceLabelKey('export-jobs')).toBe('app.access_log.resources.export-jobs');
    expect(resourceLabelKey('synthetic-data')).toBe('app.access_log.resources.synthetic-data');
    expect(resourceLabelKey('no-such-area')).toBeNull();
  });
});
