import { accessLogFilter } from './access-log-filter';

describe('accessLogFilter', () => {
  it('turns the period days into instants covering whole days in local time', () => {
    const filter = accessLogFilter({ at_gte: '2026-11-02', at_lte: '2026-11-03' });
    expect(filter).toEqual({
      at_gte: new Date(2026, 10, 2, 0, 0, 0, 0).toISOString(),
      at_lte: new Date(2026, 10, 3, 23, 59, 59, 999).toISOString(),
    });
    expect(new Date(filter['at_lte'] as string).getTime() - new Date(filter['at_gte'] as string).getTime()).toBeGreaterThan(
      47 * 60 * 60 * 1000,
    );
  });

  it('passes the other filters on and drops emptied inputs', () => {
    expect(
      accessLogFilter({ userId: 'u1', action: 'search', outcome: 'ok', resource: '', recordId: null, citizenId: undefined }),
    ).toEqual({ userId: 'u1', action: 'search', outcome: 'ok' });
  });

  it('leaves instants that are already instants alone', () => {
    expect(accessLogFilter({ at_gte: '2026-11-02T10:00:00.000Z' })).toEqual({ at_gte: '2026-11-02T10:00:00.000Z' });
  });
});
