import { shortId, totalRows } from './retention-text';

describe('retention texts', () => {
  it('adds up the rows of every table', () => {
    expect(totalRows({ citizen: 1, enrolment: 2, note_version: 4 })).toBe(7);
    expect(totalRows({})).toBe(0);
  });
  it('shortens an id to its first 8 characters', () => {
    expect(shortId('1b4e28ba-2fa1-11d2-883f-0016d3cca427')).toBe('1b4e28ba');
  });
});
