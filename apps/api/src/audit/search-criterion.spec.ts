import { describeText, filterOf, searchCriterion } from './search-criterion';

/** A visible stand-in for the keyed hash, so the expectations can be written out by hand. */
const h = (value: string): string => `h(${value})`;

describe('a search is logged by what was searched, never the text', () => {
  it('describes a name by its number of words and a keyed hash per normalised word', () => {
    expect(describeText('Søren  Aagaard', h)).toEqual({ words: 2, cpr: false, hashes: ['h(word:søren)', 'h(word:ågård)'] });
  });

  it('recognises a CPR number with or without its dash or inside other words, and hashes its ten digits as one', () => {
    expect(describeText('010190-1234', h)).toEqual({ words: 1, cpr: true, hashes: ['h(cpr:0101901234)'] });
    expect(describeText('0101901234', h)).toEqual({ words: 1, cpr: true, hashes: ['h(cpr:0101901234)'] });
    expect(describeText('Jensen 010190 1234', h)).toEqual({ words: 3, cpr: true, hashes: ['h(cpr:0101901234)', 'h(word:jensen)'] });
    expect(describeText('12345678901', h).cpr).toBe(false); // eleven digits: not a CPR number
  });

  it('keeps ids, days, instants, numbers, yes/no and our own vocabulary as they are, and turns other text into its description', () => {
    const filter = {
      q: 'Anna Hansen 0302851234',
      citizenId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
      state: 'active',
      referralDate_gte: '2026-01-01',
      at_lte: '2026-11-30T22:59:59.999Z',
      birthYear: 1985,
      evaluationConsent: true,
      id: ['3f2504e0-4f89-41d3-9a0c-0305e82c3301', 'Hansen'],
      email: 'anna@example.dk',
    };
    expect(JSON.parse(searchCriterion(filter, h) as string)).toEqual({
      fields: ['q', 'citizenId', 'state', 'referralDate_gte', 'at_lte', 'birthYear', 'evaluationConsent', 'id', 'email'],
      values: {
        q: { words: 3, cpr: true, hashes: ['h(cpr:0302851234)', 'h(word:anna)', 'h(word:hansen)'] },
        citizenId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
        state: 'active',
        referralDate_gte: '2026-01-01',
        at_lte: '2026-11-30T22:59:59.999Z',
        birthYear: 1985,
        evaluationConsent: true,
        id: ['3f2504e0-4f89-41d3-9a0c-0305e82c3301', { words: 1, cpr: false, hashes: ['h(word:hansen)'] }],
        email: { words: 1, cpr: false, hashes: ['h(word:anna)', 'h(word:example)', 'h(word:dk)'] },
      },
    });
  });

  it('never writes the text: a name, a CPR number or an odd key does not appear in the criterion', () => {
    const logged = searchCriterion({ q: 'Anna Hansen', 'Hansen 0302851234': 'x', cpr: '030285-1234' }, h) as string;
    const withoutHashes = logged.replace(/h\([^)]*\)/g, '');
    for (const secret of ['Anna', 'Hansen', 'hansen', '0302851234', '030285', '1234']) expect(withoutHashes).not.toContain(secret);
  });

  it('logs nothing for no filter or an empty one', () => {
    expect(searchCriterion(null, h)).toBeNull();
    expect(searchCriterion({}, h)).toBeNull();
  });

  it('finds the filter in the query string, a search body or a lookup body', () => {
    expect(filterOf({ filter: '{"state":"active"}' }, undefined)).toEqual({ state: 'active' });
    expect(filterOf({}, { filter: '{"q":"Anna"}', range: '[0,9]' })).toEqual({ q: 'Anna' });
    expect(filterOf({}, { cpr: '0302851234' })).toEqual({ cpr: '0302851234' });
    expect(filterOf({ filter: 'not json' }, undefined)).toBeNull();
    expect(filterOf({}, { sort: '["id","ASC"]' })).toBeNull();
  });
});
