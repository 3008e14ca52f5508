import type { OutcomeReport } from '@outcomes/contracts';
import { asiChangeRows, asiTimepoints, benchmarkLines, changeAxisLimit, drugFreeBars } from './chart-data';

const proportion = (successes: number, n: number, lower: number, upper: number) => ({ successes, n, p: successes / n, lower, upper });

describe('the drug-free chart', () => {
  const drugFree: OutcomeReport['drugFree'] = [
    { timepoint: 'end', due: 20, assessed: 16, rateAssessed: proportion(8, 16, 0.28, 0.72), rateAll: proportion(8, 20, 0.22, 0.61), followUpRate: proportion(16, 20, 0.58, 0.92) },
    { timepoint: 'follow-up-6', due: 12, assessed: null, rateAssessed: null, rateAll: null, followUpRate: null },
  ];

  it('gives each timepoint its rates and their intervals in percent', () => {
    const [end] = drugFreeBars(drugFree);
    expect(end?.timepoint).toBe('end');
    expect(end?.assessed).toBeCloseTo(50);
    expect(end?.assessedCi?.[0]).toBeCloseTo(28);
    expect(end?.assessedCi?.[1]).toBeCloseTo(72);
    expect(end?.all).toBeCloseTo(40);
    expect(end?.allCi?.[0]).toBeCloseTo(22);
    expect(end?.allCi?.[1]).toBeCloseTo(61);
  });

  it('draws no bar (not a zero one) for a hidden rate', () => {
    expect(drugFreeBars(drugFree)[1]).toEqual({ timepoint: 'follow-up-6', assessed: null, assessedCi: null, all: null, allCi: null });
  });

  it('draws each published result as a line in percent, at the timepoint it is compared at', () => {
    const published = { programmeCode: 'HCS', measure: 'drug-free' as const, population: 'completers' as const, publishedMonths: 0, publishedFrom: 'end' as const, proportion: 0.341, source: 'HCS: 34.1 %' };
    const benchmark = { published, timepoint: 'end' as const, timepointMonthsFromStart: null, sameTime: true, intentionToTreat: null, assessed: null, compared: 'intentionToTreat' as const, pValue: null };
    expect(benchmarkLines([benchmark])).toEqual([{ programmeCode: 'HCS', published, timepoint: 'end', percent: expect.closeTo(34.1, 6) }]);
  });
});

describe('the ASI change chart', () => {
  const asiChange: OutcomeReport['asiChange'] = [
    { timepoint: 'end', domain: 'drug', change: { n: 6, mean: -0.2, sd: 0.1, lower: -0.3, upper: -0.1, effectSize: -2 } },
    { timepoint: 'follow-up-6', domain: 'drug', change: null },
    { timepoint: 'end', domain: 'alcohol', change: { n: 6, mean: 0.05, sd: 0.1, lower: -0.05, upper: 0.2, effectSize: 0.5 } },
  ];

  it('keeps the report’s timepoints in order', () => {
    expect(asiTimepoints(asiChange)).toEqual(['end', 'follow-up-6']);
  });

  it('gives every domain a row, with mean and interval per timepoint', () => {
    const rows = asiChangeRows(asiChange);
    expect(rows.map((r) => r.domain)).toEqual(['medical', 'employment', 'alcohol', 'drug', 'legal', 'family', 'psychiatric']);
    const drug = rows.find((r) => r.domain === 'drug');
    expect(drug?.['mean:end']).toBe(-0.2);
    expect(drug?.['ci:end']).toEqual([-0.3, -0.1]);
    expect(drug?.['mean:follow-up-6']).toBeNull();
    const alcohol = rows.find((r) => r.domain === 'alcohol');
    expect(alcohol?.['ci:end']).toEqual([-0.05, 0.2]);
  });
});

describe('the change chart’s axis', () => {
  const change = (lower: number, upper: number) => ({ n: 6, mean: (lower + upper) / 2, sd: 0.1, lower, upper, effectSize: null });

  it('fits the widest interval, rounded up to a tenth, the same both sides of 0', () => {
    expect(changeAxisLimit([{ timepoint: 'end', domain: 'drug', change: change(-0.13, -0.09) }])).toBe(0.2);
    expect(changeAxisLimit([{ timepoint: 'end', domain: 'drug', change: change(-0.3, 0.1) }, { timepoint: 'end', domain: 'legal', change: change(0.2, 0.41) }])).toBe(0.5);
  });

  it('stays between 0.1 and the whole scale', () => {
    expect(changeAxisLimit([{ timepoint: 'end', domain: 'drug', change: null }])).toBe(0.1);
    expect(changeAxisLimit([{ timepoint: 'end', domain: 'drug', change: change(-1.2, -0.8) }])).toBe(1);
  });
});
