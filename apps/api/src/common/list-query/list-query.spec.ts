import { contentRange, ListQueryError, parseListQuery } from './list-query';
import type { ListSpec } from './list-query';

const spec: ListSpec = {
  fields: {
    id: { type: 'uuid', column: 'id', filterable: true },
    name: { type: 'string', column: 'name', sortable: true, filterable: true },
    municipalityId: { type: 'uuid', column: 'municipality_id', sortable: true, filterable: true },
    minAge: { type: 'number', column: 'min_age', sortable: true, filterable: true },
    active: { type: 'boolean', column: 'active', filterable: true },
    createdAt: { type: 'datetime', column: 'created_at', sortable: true, filterable: true },
    notes: { type: 'string', column: 'notes' },
  },
  searchColumns: ['name', 'address'],
  defaultSort: ['name', 'ASC'],
};

const UUID_A = '0f8fad5b-d9cb-469f-a165-70867728950e';
const UUID_B = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

function errorOf(fn: () => unknown): ListQueryError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ListQueryError) return e;
    throw e;
  }
  throw new Error('expected a ListQueryError');
}

describe('parseListQuery', () => {
  it('uses the default sort and first page when nothing is given', () => {
    expect(parseListQuery({}, spec)).toEqual({ sort: { column: 'name', order: 'ASC' }, offset: 0, limit: 25, conditions: [] });
  });

  it('parses sort, range and filters in the simple-rest dialect', () => {
    const sut = parseListQuery(
      {
        sort: '["minAge","DESC"]',
        range: '[50,74]',
        filter: JSON.stringify({ q: '  Aarhus  vest ', municipalityId: UUID_A.toUpperCase(), minAge_gte: 15, minAge_lte: 25, active: true }),
      },
      spec,
    );
    expect(sut.sort).toEqual({ column: 'min_age', order: 'DESC' });
    expect(sut.offset).toBe(50);
    expect(sut.limit).toBe(25);
    expect(sut.conditions).toEqual([
      { kind: 'search', columns: ['name', 'address'], words: ['Aarhus', 'vest'] },
      { kind: 'eq', column: 'municipality_id', value: UUID_A },
      { kind: 'gte', column: 'min_age', value: 15 },
      { kind: 'lte', column: 'min_age', value: 25 },
      { kind: 'eq', column: 'active', value: true },
    ]);
  });

  it("takes react-admin's default sort, id, on every list, by the column id stands for", () => {
    expect(parseListQuery({ sort: '["id","DESC"]' }, spec).sort).toEqual({ column: 'id', order: 'DESC' });
    const log: ListSpec = { fields: { id: { type: 'number', column: 'seq', filterable: true } }, searchColumns: [], defaultSort: ['id', 'DESC'] };
    expect(parseListQuery({ sort: '["id","ASC"]' }, log).sort).toEqual({ column: 'seq', order: 'ASC' });
    const computed: ListSpec = { fields: { dueDate: { type: 'date', column: 'due_date', sortable: true } }, searchColumns: [], defaultSort: ['dueDate', 'ASC'] };
    expect(parseListQuery({ sort: '["id","DESC"]' }, computed).sort).toEqual({ column: 'id', order: 'DESC' });
  });

  it('takes a record number as served (text) or as a number, and nothing else', () => {
    const log: ListSpec = { fields: { id: { type: 'sequence', column: 'seq', filterable: true } }, searchColumns: [], defaultSort: ['id', 'DESC'] };
    expect(parseListQuery({ filter: '{"id":["16",17]}' }, log).conditions).toEqual([{ kind: 'in', column: 'seq', values: ['16', '17'] }]);
    for (const bad of ['"1e3"', '"-1"', '"12a"', '1.5', '-2', '""', '"1234567890123456789"', 'true']) {
      expect(errorOf(() => parseListQuery({ filter: `{"id":${bad}}` }, log)).rule).toBe('id must be a record number (digits)');
    }
  });

  it('names id first among the fields a list sorts by', () => {
    expect(errorOf(() => parseListQuery({ sort: '["notes","ASC"]' }, spec)).rule).toBe('field must be one of id, name, municipalityId, minAge, createdAt');
  });

  it('answers every id of a getMany that sends no range', () => {
    const sut = parseListQuery({ filter: JSON.stringify({ id: [UUID_A, UUID_B] }) }, spec);
    expect(sut.conditions).toEqual([{ kind: 'in', column: 'id', values: [UUID_A, UUID_B] }]);
    expect(sut.limit).toBe(2);
  });

  it('reads a bare day on a date-time as the Danish day: from its first instant, to its last, alone the whole of it', () => {
    // Hand-written from the Danish clock: CET is UTC+1; CEST (UTC+2) began on 29 March 2026, a day of 23 hours.
    expect(parseListQuery({ filter: JSON.stringify({ createdAt_gte: '2026-12-06', createdAt_lte: '2026-12-06' }) }, spec).conditions).toEqual([
      { kind: 'gte', column: 'created_at', value: '2026-12-05T23:00:00.000Z' },
      { kind: 'lte', column: 'created_at', value: '2026-12-06T22:59:59.999999Z' },
    ]);
    expect(parseListQuery({ filter: JSON.stringify({ createdAt: '2026-03-29' }) }, spec).conditions).toEqual([
      { kind: 'gte', column: 'created_at', value: '2026-03-28T23:00:00.000Z' },
      { kind: 'lte', column: 'created_at', value: '2026-03-29T21:59:59.999999Z' },
    ]);
    // A day on a date field stays a day; a bad day on a date-time is still refused.
    const dated: ListSpec = { fields: { dueDate: { type: 'date', column: 'due_date', sortable: true, filterable: true } }, searchColumns: [], defaultSort: ['dueDate', 'ASC'] };
    expect(parseListQuery({ filter: '{"dueDate_gte":"2026-12-06"}' }, dated).conditions).toEqual([{ kind: 'gte', column: 'due_date', value: '2026-12-06' }]);
    expect(errorOf(() => parseListQuery({ filter: '{"createdAt":["2026-12-06"]}' }, spec)).rule).toBe('createdAt lists date-times with a time; for a whole day, give the day alone');
    expect(errorOf(() => parseListQuery({ filter: '{"createdAt":"2026-02-30"}' }, spec)).rule).toBe('createdAt must be an ISO 8601 date-time (YYYY-MM-DD, optionally THH:MM[:SS[.fff]] and Z or ±HH:MM)');
  });

  it('takes the date-times the web app and the API’s clients send, and real calendar days only', () => {
    const accepted = ['2026-11-30T22:59:59.999Z', '2024-01-01T00:00:00+01:00', '2024-01-01 10:00', '2024-01-01T10:00:00.123456+0530', '2024-02-29T12:00:00-03'];
    for (const value of accepted) {
      expect(parseListQuery({ filter: JSON.stringify({ createdAt_gte: value }) }, spec).conditions).toEqual([{ kind: 'gte', column: 'created_at', value }]);
    }
    const dated: ListSpec = { fields: { dueDate: { type: 'date', column: 'due_date', sortable: true, filterable: true } }, searchColumns: [], defaultSort: ['dueDate', 'ASC'] };
    expect(parseListQuery({ filter: '{"dueDate":"2024-02-29"}' }, dated).conditions).toEqual([{ kind: 'eq', column: 'due_date', value: '2024-02-29' }]);
    for (const day of ['2023-02-29', '2024-02-30', '2024-13-01', '0000-01-01', '2024-04-31']) {
      const error = errorOf(() => parseListQuery({ filter: JSON.stringify({ dueDate: day }) }, dated));
      expect([day, error.parameter, error.rule]).toEqual([day, 'filter', 'dueDate must be a date YYYY-MM-DD']);
    }
  });

  it.each([
    ['sort', { sort: 'name' }, 'must be valid JSON'],
    ['sort', { sort: '["password","ASC"]' }, 'field must be one of'],
    ['sort', { sort: '["notes","ASC"]' }, 'field must be one of'],
    ['sort', { sort: '["constructor","ASC"]' }, 'field must be one of'],
    ['sort', { sort: '["name","UP"]' }, 'order must be ASC or DESC'],
    ['sort', { sort: '{"field":"name"}' }, 'must be a JSON array'],
    ['range', { range: '[10]' }, 'two non-negative integers'],
    ['range', { range: '[-1,5]' }, 'two non-negative integers'],
    ['range', { range: '[0,1.5]' }, 'two non-negative integers'],
    ['range', { range: '[9,3]' }, 'end must not be before start'],
    ['range', { range: '[0,100000]' }, 'at most 500 records'],
    ['filter', { filter: '[1]' }, 'must be a JSON object'],
    ['filter', { filter: '{"notes":"x"}' }, 'notes is not a filter here'],
    ['filter', { filter: '{"__proto__":"x"}' }, 'is not a filter here'],
    ['filter', { filter: '{"municipalityId":"not-a-uuid"}' }, 'municipalityId must be a UUID'],
    ['filter', { filter: '{"minAge":"15"}' }, 'minAge must be a number'],
    ['filter', { filter: '{"active":"yes"}' }, 'active must be true or false'],
    ['filter', { filter: '{"name_gte":"a"}' }, 'ranges apply only to numbers and dates'],
    ['filter', { filter: '{"createdAt_gte":"yesterday"}' }, 'must be an ISO 8601 date-time'],
    // Date.parse accepts it; PostgreSQL refused the NUL with a 500 (the review of decision 188).
    ['filter', { filter: JSON.stringify({ createdAt_gte: '2024-01-01 (\u0000)' }) }, 'createdAt_gte must not contain NUL characters'],
    ['filter', { filter: JSON.stringify({ createdAt: ['2024-01-01T00:00:00Z', '2024-01-02 (\u0000)'] }) }, 'createdAt must not contain NUL characters'],
    // Date.parse accepts each of these; PostgreSQL refused them with a 500 (22009, 22023; the review of decision 191).
    ['filter', { filter: JSON.stringify({ createdAt_gte: '2024-01-01 10:00 +16:00' }) }, 'createdAt_gte must be an ISO 8601 date-time'],
    ['filter', { filter: JSON.stringify({ createdAt: 'Jan 1 2024 GMT+2500' }) }, 'createdAt must be an ISO 8601 date-time'],
    ['filter', { filter: JSON.stringify({ createdAt: ['2024-01-01T00:00:00Z', '+275760-09-13T00:00:00Z'] }) }, 'createdAt must be an ISO 8601 date-time'],
    ['filter', { filter: JSON.stringify({ createdAt_lte: 'Jan 1 2024 10:00 UT+1400' }) }, 'createdAt_lte must be an ISO 8601 date-time'],
    ['filter', { filter: JSON.stringify({ createdAt_gte: '2024-02-30T00:00:00Z' }) }, 'createdAt_gte must be an ISO 8601 date-time'],
    ['filter', { filter: JSON.stringify({ createdAt_gte: '0000-01-01' }) }, 'createdAt_gte must be an ISO 8601 date-time'],
    ['filter', { filter: JSON.stringify({ createdAt_gte: '2024-01-01T24:00:00Z' }) }, 'createdAt_gte must be an ISO 8601 date-time'],
    ['filter', { filter: JSON.stringify({ q: 'x'.repeat(201) }) }, 'q must be a string of at most 200'],
    ['filter', { filter: '{"q":{"$ne":1}}' }, 'q must be a string'],
  ])('refuses a bad %s: %j', (parameter, raw, rule) => {
    const error = errorOf(() => parseListQuery(raw, spec));
    expect(error.parameter).toBe(parameter);
    expect(error.rule).toContain(rule);
  });
});

describe('contentRange', () => {
  it('names the resource, the rows answered and the total', () => {
    expect(contentRange('centres', 0, 25, 319)).toBe('centres 0-24/319');
    expect(contentRange('centres', 300, 19, 319)).toBe('centres 300-318/319');
    expect(contentRange('centres', 0, 0, 0)).toBe('centres */0');
  });
});
