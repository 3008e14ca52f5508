import { READ_ONLY_RULE, sameJson, splitReadOnly } from './read-only-fields';

const served = {
  id: '0f8fad5b-d9cb-469f-a165-70867728950e',
  version: 3,
  createdAt: '2026-01-05T10:00:00.000Z',
  updatedAt: '2026-02-01T08:30:00.000Z',
  name: 'Nord',
  composites: { medical: 0.25, drug: null },
  tags: ['a', 'b'],
};
const accepted = new Set(['name', 'version']);

describe('splitReadOnly', () => {
  it('takes out the served fields the DTO does not take when they are unchanged', () => {
    const sut = splitReadOnly({ ...served, name: 'Syd', composites: { drug: null, medical: 0.25 } }, accepted, served);
    expect(sut).toEqual({ body: { name: 'Syd', version: 3 }, changed: {} });
  });

  it('names every changed read-only field, a nested and an array one too', () => {
    const sut = splitReadOnly({ ...served, id: '7c9e6679-7425-40de-944b-e07fc1f90ae7', createdAt: '2001-01-01T00:00:00.000Z', composites: { medical: 0.3, drug: null }, tags: ['b', 'a'] }, accepted, served);
    expect(sut.changed).toEqual({ id: READ_ONLY_RULE, createdAt: READ_ONLY_RULE, composites: READ_ONLY_RULE, tags: READ_ONLY_RULE });
  });

  it('leaves fields the record does not have for the ValidationPipe to refuse', () => {
    const sut = splitReadOnly({ name: 'Nord', version: 3, colour: 'blue' }, accepted, served);
    expect(sut).toEqual({ body: { name: 'Nord', version: 3, colour: 'blue' }, changed: {} });
  });

  it('keeps a key named __proto__ as data, not as the body’s prototype', () => {
    const body = JSON.parse('{"name":"Nord","version":3,"__proto__":{"polluted":true}}') as Record<string, unknown>;
    const sut = splitReadOnly(body, accepted, served);
    expect(Object.keys(sut.body)).toEqual(['name', 'version', '__proto__']);
    expect((sut.body as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('does not compare the read-only fields of an older copy (its version is stale): the update answers 409', () => {
    const sut = splitReadOnly({ ...served, version: 2, updatedAt: '2026-01-20T00:00:00.000Z' }, accepted, served);
    expect(sut).toEqual({ body: { name: 'Nord', version: 2 }, changed: {} });
  });

  it('compares as usual when the version is the served one or the resource has none', () => {
    expect(splitReadOnly({ ...served, updatedAt: 'x' }, accepted, served).changed).toEqual({ updatedAt: READ_ONLY_RULE });
    const { version: _v, ...unversioned } = served;
    expect(splitReadOnly({ ...unversioned, updatedAt: 'x' }, new Set(['name']), unversioned).changed).toEqual({ updatedAt: READ_ONLY_RULE });
  });
});

describe('sameJson', () => {
  it.each([
    [1, 1, true],
    [1, '1', false],
    [null, null, true],
    [null, {}, false],
    [[], {}, false],
    [[1, [2]], [1, [2]], true],
    [{ a: 1, b: 2 }, { b: 2, a: 1 }, true],
    [{ a: 1 }, { a: 1, b: undefined }, false],
  ])('%j and %j: %s', (a, b, expected) => {
    expect(sameJson(a, b)).toBe(expected);
  });

  it('treats values nested deeper than any record as different, without recursing through them', () => {
    const nested = (levels: number): unknown => {
      let value: unknown = 1;
      for (let i = 0; i < levels; i += 1) value = [value];
      return value;
    };
    expect(sameJson(nested(15), nested(15))).toBe(true);
    expect(sameJson(nested(17), nested(17))).toBe(false);
    expect(sameJson(nested(100_000), nested(100_000))).toBe(false);
  });
});
