import { accessRequestDueOn } from './access-request-deadline';

describe('accessRequestDueOn (art. 12(3): one month from the request)', () => {
  it.each([
    ['2026-03-15', '2026-04-15'],
    ['2026-01-31', '2026-02-28'],
    ['2028-01-31', '2028-02-29'],
    ['2026-03-31', '2026-04-30'],
    ['2026-12-10', '2027-01-10'],
    ['2026-12-31', '2027-01-31'],
    ['2026-02-28', '2026-03-28'],
  ])('a request on %s is due on %s', (requestedOn, due) => {
    expect(accessRequestDueOn(requestedOn)).toBe(due);
  });
});
