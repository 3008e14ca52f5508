import { benchmarkTimepoint, treatmentMonths } from './benchmark-timepoint';

const MOVE = { courseWeeks: null, expectedSessions: 12, followUpMonths: [6] };
const HCS = { courseWeeks: 16, expectedSessions: 16, followUpMonths: [3, 6] };

describe('the benchmark timepoint', () => {
  it('places MOVE’s published nine months from the start at its six-month follow-up, not the same time', () => {
    // 12 sessions, one a week: 12 × 12/52 = 2.77 months; + 6 = 8.77 ≈ 8.8, nearer 9 than the end's 2.8.
    expect(treatmentMonths(MOVE)).toBeCloseTo(2.769, 3);
    expect(benchmarkTimepoint(MOVE, { publishedMonths: 9, publishedFrom: 'start' })).toEqual({ timepoint: 'follow-up-6', monthsFromStart: 8.8, sameTime: false });
  });

  it('takes HCS’s published figure at the end as its end, the same time', () => {
    // 16 weeks = 16 × 12/52 = 3.69 months.
    expect(benchmarkTimepoint(HCS, { publishedMonths: 0, publishedFrom: 'end' })).toEqual({ timepoint: 'end', monthsFromStart: 3.7, sameTime: true });
  });

  it('picks the nearest follow-up after the end', () => {
    expect(benchmarkTimepoint(HCS, { publishedMonths: 4, publishedFrom: 'end' })).toMatchObject({ timepoint: 'follow-up-3', sameTime: false });
    expect(benchmarkTimepoint(HCS, { publishedMonths: 12, publishedFrom: 'end' })).toMatchObject({ timepoint: 'follow-up-6', sameTime: false });
    // 3.69 + 3 = 6.69 from the start: nearer 7 than 3.69 or 9.69.
    expect(benchmarkTimepoint(HCS, { publishedMonths: 7, publishedFrom: 'start' })).toMatchObject({ timepoint: 'follow-up-3', monthsFromStart: 6.7 });
  });

  it('gives no months from the start when the protocol has no length', () => {
    expect(benchmarkTimepoint({ courseWeeks: null, expectedSessions: null, followUpMonths: [3] }, { publishedMonths: 3, publishedFrom: 'end' })).toEqual({
      timepoint: 'follow-up-3', monthsFromStart: null, sameTime: true,
    });
  });
});
