import type { Assessment, CompositeDomain } from '@outcomes/contracts';
import { compositeHistory, nextTimepoint } from './assessment-history';

const scores = (value: number | null, overrides: Partial<Record<CompositeDomain, number | null>> = {}) => ({
  medical: value,
  employment: value,
  alcohol: value,
  drug: value,
  legal: value,
  family: value,
  psychiatric: value,
  ...overrides,
});

const assessment = (date: string, timepoint: Assessment['timepoint'], composites: Assessment['composites']) =>
  ({ date, timepoint, composites }) as Assessment;

describe('a citizen’s ASI history', () => {
  it('orders interviews by date, then by timepoint, and keeps absent composites as gaps', () => {
    const sut = compositeHistory([
      assessment('2026-06-01', 'ad-hoc', scores(0.2)),
      assessment('2026-01-10', 'intake', scores(0.5, { psychiatric: null })),
      assessment('2026-06-01', 'end', scores(0.3)),
    ]);
    expect(sut.dates).toEqual(['2026-01-10', '2026-06-01', '2026-06-01']);
    expect(sut.series.medical).toEqual([0.5, 0.3, 0.2]);
    expect(sut.series.psychiatric).toEqual([null, 0.3, 0.2]);
    expect(sut.range).toEqual({ min: 0, max: 1 });
  });

  it('widens the axis for unclamped composites outside 0..1', () => {
    expect(compositeHistory([assessment('2026-01-10', 'intake', scores(0.5, { employment: -0.12, legal: 1.3 }))]).range).toEqual({ min: -0.12, max: 1.3 });
    expect(compositeHistory([]).range).toEqual({ min: 0, max: 1 });
  });

  it('suggests the first scheduled timepoint not yet taken, else an ad hoc interview', () => {
    expect(nextTimepoint([])).toBe('intake');
    expect(nextTimepoint(['intake'])).toBe('end');
    expect(nextTimepoint(['intake', 'end', 'follow-up-6'])).toBe('follow-up-3');
    expect(nextTimepoint(['intake', 'end', 'follow-up-3', 'follow-up-6', 'follow-up-9', 'follow-up-12'])).toBe('ad-hoc');
  });
});
