import { hoursTable } from './hours-table';

describe('volunteer hours per organisation and month', () => {
  it('turns minutes into hours, the latest months as columns, the busiest organisation first', () => {
    const sut = hoursTable(
      [
        { organisationId: 'a', month: '2026-10', minutes: 90 },
        { organisationId: 'b', month: '2026-11', minutes: 600 },
        { organisationId: 'a', month: '2026-11', minutes: 100 },
        { organisationId: 'a', month: '2026-08', minutes: 60 },
      ],
      2,
    );
    expect(sut.months).toEqual(['2026-10', '2026-11']);
    expect(sut.rows).toEqual([
      { organisationId: 'b', hours: [null, 10], total: 10 },
      { organisationId: 'a', hours: [1.5, 1.7], total: 3.2 },
    ]);
  });

  it('is empty without logged minutes', () => {
    expect(hoursTable([])).toEqual({ months: [], rows: [] });
  });
});
