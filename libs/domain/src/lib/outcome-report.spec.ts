import type { PublishedResult } from '@outcomes/contracts';
import { perturbationTable } from './disclosure/perturbation-table';
import { outcomeReport } from './outcome-report';
import type { OutcomeReportInput, ReportAssessment, ReportEnrolment } from './outcome-report';

const TODAY = '2026-12-05';
const MOVE_PROTOCOL = { expectedSessions: 12, courseWeeks: null, followUpMonths: [6], followUpWindowDays: 30 };
const MOVE_PUBLISHED: PublishedResult = { programmeCode: 'MOVE', measure: 'drug-free', population: 'all', publishedMonths: 9, publishedFrom: 'start', proportion: 0.5, source: 'MOVE' };
const table = perturbationTable({ maxNoise: 3, variance: 2, js: 2 });

let next = 0;
function enrolment(state: ReportEnrolment['state'], extra: Partial<ReportEnrolment> = {}): ReportEnrolment {
  const started = state !== 'referred' && state !== 'cancelled';
  const ended = state === 'completed' || state === 'dropped_out' || state === 'transferred';
  return { id: `e${++next}`, state, startDate: started ? '2025-03-10' : null, endDate: ended ? '2025-06-10' : null, attended: 0, minutes: 0, recordKey: 0, ...extra };
}
const assessment = (e: ReportEnrolment, timepoint: ReportAssessment['timepoint'], drugFree: boolean | null, drug?: number): ReportAssessment => ({
  enrolmentId: e.id, timepoint, drugFree, scores: drug === undefined ? {} : { drug },
});
const input = (over: Partial<OutcomeReportInput>): OutcomeReportInput => ({
  programmeId: 'p', municipalityId: 'm', from: '2025-03-01', to: '2025-05-31', enrolments: [], assessments: [], protocol: MOVE_PROTOCOL,
  published: [], hourlyRate: null, today: TODAY, disclosure: null, budget: null, keptYears: [], ...over,
});

describe('the outcome report for staff: exact figures', () => {
  // e1..e4 completed (12, 12, 6, 6 sessions of 12), e5 dropped out (3), e6 active, e7 referred, e8 cancelled.
  const [e1, e2, e3, e4, e5] = [12, 12, 6, 6].map((attended) => enrolment('completed', { attended, minutes: 60 })).concat(enrolment('dropped_out', { attended: 3, minutes: 30 })) as ReportEnrolment[];
  const enrolments = [e1, e2, e3, e4, e5, enrolment('active', { minutes: 30 }), enrolment('referred'), enrolment('cancelled')] as ReportEnrolment[];
  const assessments = [
    ...[0.3, 0.2, 0.4, 0.1, 0.5].map((drug, k) => assessment(enrolments[k] as ReportEnrolment, 'intake', false, drug)),
    assessment(e1 as ReportEnrolment, 'end', true, 0.1), assessment(e2 as ReportEnrolment, 'end', true, 0.1),
    assessment(e3 as ReportEnrolment, 'end', true, 0.2), assessment(e4 as ReportEnrolment, 'end', false, 0.1),
    assessment(e1 as ReportEnrolment, 'follow-up-6', true), assessment(e2 as ReportEnrolment, 'follow-up-6', false),
  ];
  const sut = outcomeReport(input({
    enrolments, assessments, hourlyRate: 600,
    published: [MOVE_PUBLISHED, { ...MOVE_PUBLISHED, population: 'completers', publishedMonths: 0, publishedFrom: 'end', proportion: 0.341 }, { ...MOVE_PUBLISHED, population: 'assessed' }],
  }));

  it('counts every state', () => {
    expect(sut.counts).toEqual({ referred: 8, started: 6, completed: 4, droppedOut: 1, transferred: 0, cancelled: 1, open: 2 });
    expect(sut.disclosureControlled).toBe(false);
    expect(sut.suppressed).toBe(false);
  });

  it('gives the completion rate, drug-free rates and follow-up rates', () => {
    expect(sut.completionRate).toMatchObject({ successes: 4, n: 5, p: 0.8 });
    const [end, six] = sut.drugFree;
    expect(end).toMatchObject({ timepoint: 'end', due: 5, assessed: 4, rateAssessed: { successes: 3, n: 4 }, rateAll: { successes: 3, n: 5 }, followUpRate: { successes: 4, n: 5 } });
    // Ended 2025-06-10: six months on is 2025-12-10, its window long past by 2026-12-05.
    expect(six).toMatchObject({ timepoint: 'follow-up-6', due: 5, assessed: 2, rateAssessed: { successes: 1, n: 2 }, rateAll: { successes: 1, n: 5 } });
  });

  it('gives the ASI change from intake', () => {
    // Drug: -0.2, -0.1, -0.2, 0 → mean -0.125; deviations -0.075, 0.025, -0.075, 0.125 → sd √(0.0275/3) = 0.09574.
    const change = sut.asiChange.find((c) => c.timepoint === 'end' && c.domain === 'drug')?.change;
    expect(change?.n).toBe(4);
    expect(change?.mean).toBeCloseTo(-0.125, 12);
    expect(change?.sd).toBeCloseTo(0.0957427, 6);
    expect(sut.asiChange.find((c) => c.timepoint === 'end' && c.domain === 'alcohol')?.change).toBeNull();
  });

  it('gives retention quartiles of those who ended', () => {
    // 1, 1, 0.5, 0.5, 0.25 sorted 0.25, 0.5, 0.5, 1, 1: q1 0.5, median 0.5, q3 1.
    expect(sut.retention).toEqual({ n: 5, q1: 0.5, median: 0.5, q3: 1 });
  });

  it('compares each benchmark on its own population and the nearest timepoint', () => {
    const [all, completers, assessed] = sut.benchmarks;
    // All who started (e1..e6), due at six months (e1..e5; e6 is active): 1 drug-free of 5, 1 of the 2 assessed.
    expect(all).toMatchObject({ timepoint: 'follow-up-6', timepointMonthsFromStart: 8.8, sameTime: false, intentionToTreat: { successes: 1, n: 5 }, assessed: { successes: 1, n: 2 }, compared: 'intentionToTreat' });
    // 1 of 5 against 0.5, two-sided: (1 + 5 + 5 + 1) / 32.
    expect(all?.pValue).toBeCloseTo(12 / 32, 10);
    expect(completers).toMatchObject({ timepoint: 'end', sameTime: true, intentionToTreat: { successes: 3, n: 4 }, assessed: { successes: 3, n: 4 } });
    // 1 of 2 against 0.5: every outcome is as likely or less: 1.
    expect(assessed).toMatchObject({ compared: 'assessed' });
    expect(assessed?.pValue).toBeCloseTo(1, 10);
  });

  it('gives the staff time', () => {
    // 4 × 60 + 30 + 30 = 300 minutes; 8 referred, 4 completers, 3 drug-free at the end; 5 h at 600 kr.
    expect(sut.economy).toEqual({ staffMinutes: 300, perCitizen: 37.5, perCompleter: 75, perDrugFreeCompleter: 100, hourlyRate: 600, cost: 3000 });
    expect(sut.budget).toBeNull();
  });
});

describe('anonymous treatment (§ 101 a) counted apart', () => {
  // Two § 101 courses (one completed, one active) and three anonymous ones (completed, dropped out, referred).
  const ordinary = [enrolment('completed', { attended: 12, minutes: 60 }), enrolment('active', { minutes: 30 })];
  const anonymous = [enrolment('completed', { anonymous: true, minutes: 45 }), enrolment('dropped_out', { anonymous: true, minutes: 15 }), enrolment('referred', { anonymous: true })];

  it('keeps them out of every other figure and counts them in anonymousCounts', () => {
    const sut = outcomeReport(input({ enrolments: [...anonymous, ...ordinary], assessments: [assessment(anonymous[0] as ReportEnrolment, 'end', true)], hourlyRate: 600 }));
    expect(sut.counts).toEqual({ referred: 2, started: 2, completed: 1, droppedOut: 0, transferred: 0, cancelled: 0, open: 1 });
    expect(sut.anonymousCounts).toEqual({ referred: 3, started: 2, completed: 1, droppedOut: 1, transferred: 0, cancelled: 0, open: 1 });
    // Completion: 1 completed of 1 ended (the anonymous completer and drop-out are not in it).
    expect(sut.completionRate).toMatchObject({ successes: 1, n: 1 });
    // The end assessment due of the § 101 completer only, not taken; the anonymous one's does not count.
    expect(sut.drugFree.find((d) => d.timepoint === 'end')).toMatchObject({ due: 1, assessed: 0 });
    // Staff time of the § 101 courses: 60 + 30 minutes.
    expect(sut.economy.staffMinutes).toBe(90);
  });

  it('for evaluators: perturbed like every count, a set of 2 or fewer (perturbed to 0 or 3) shown as null', () => {
    const sut = outcomeReport(input({ enrolments: [...anonymous.slice(0, 2), ...ordinary].map((e, k) => ({ ...e, recordKey: (k + 1) / 10 })), disclosure: table }));
    expect(sut.anonymousCounts).toEqual({ referred: null, started: null, completed: null, droppedOut: null, transferred: null, cancelled: null, open: null });
    expect(sut.suppressed).toBe(true);
  });
});

describe('the outcome report for evaluators: the cell key method', () => {
  // Every record key 0, so every cell key is 0 and takes each row's first noise: the most negative
  // allowed. From the table: 1 → 0, 2 → 0, 3 → 0, 4 → 3 (-1), 5 → 3 (-2), 6 and more → n - 3.
  const completers = Array.from({ length: 30 }, (_, k) => enrolment('completed', { attended: k < 20 ? 12 : 6, minutes: 10 }));
  const dropped = Array.from({ length: 10 }, () => enrolment('dropped_out', { attended: 3, minutes: 10 }));
  const transferred = Array.from({ length: 4 }, () => enrolment('transferred', { minutes: 10 }));
  const open = Array.from({ length: 6 }, () => enrolment('referred', { minutes: 10 }));
  const enrolments = [...completers, ...dropped, ...transferred, ...open];
  const assessments = [
    ...completers.map((e) => assessment(e, 'intake', false, 0.3)),
    // 24 assessed at the end, 18 drug-free; 8 at six months, 4 drug-free.
    ...completers.slice(0, 24).map((e, k) => assessment(e, 'end', k < 18, k < 18 ? 0.1 : 0.3)),
    ...completers.slice(0, 8).map((e, k) => assessment(e, 'follow-up-6', k < 4)),
  ];
  const report = (rows = enrolments, taken = assessments) =>
    outcomeReport(input({ enrolments: rows, assessments: taken, published: [MOVE_PUBLISHED], hourlyRate: 600, disclosure: table, budget: { used: 3, limit: 200, day: '2026-12-05' } }));
  const sut = report();

  it('perturbs every count, totals included, and shows those under 5 as null', () => {
    // 50 → 47, started 44 → 41, 30 → 27, 10 → 7, 4 → 3 (< 5), 0 → 0 (< 5), 6 → 3 (< 5).
    expect(sut.counts).toEqual({ referred: 47, started: 41, completed: 27, droppedOut: 7, transferred: null, cancelled: null, open: null });
    expect(sut.disclosureControlled).toBe(true);
    expect(sut.suppressed).toBe(true);
  });

  it('divides perturbed numerators by perturbed denominators, the same set showing the same value', () => {
    expect(sut.completionRate).toMatchObject({ successes: 27, n: 37, p: 27 / 37 });
    expect(sut.completionRate?.successes).toBe(sut.counts.completed);
    const [end, six] = sut.drugFree;
    // End: due 40 → 37, assessed 24 → 21, drug-free 18 → 15.
    expect(end).toMatchObject({ due: 37, assessed: 21, rateAssessed: { successes: 15, n: 21 }, rateAll: { successes: 15, n: 37 }, followUpRate: { successes: 21, n: 37 } });
    // Six months: due 37, assessed 8 → 5, drug-free 4 → 3: under 5, so both drug-free rates are hidden.
    expect(six).toMatchObject({ due: 37, assessed: 5, rateAssessed: null, rateAll: null, followUpRate: { successes: 5, n: 37 } });
  });

  it('hides a proportion whose perturbed denominator is under 10', () => {
    const small = report(completers.slice(0, 12), []);
    // 12 ended → 9.
    expect(small.completionRate).toBeNull();
    expect(small.counts.completed).toBe(9);
  });

  it('gives a mean change as a perturbed sum over the perturbed count', () => {
    // 18 × -0.2 + 6 × 0 = -3.6 over 24 → 21. The sum moves by half to all of the largest change (0.2):
    // mean × 21 lies in [-3.8, -3.7] or [-3.5, -3.4], never at -3.6 (the true sum would give one
    // person's change away between two reports). True sd: mean -0.15, 18 × 0.05² + 6 × 0.15² = 0.18, / 23.
    const change = sut.asiChange.find((c) => c.timepoint === 'end' && c.domain === 'drug')?.change;
    expect(change?.n).toBe(21);
    const sum = (change?.mean ?? NaN) * 21;
    expect(Math.abs(sum + 3.6)).toBeGreaterThanOrEqual(0.1 - 1e-9);
    expect(Math.abs(sum + 3.6)).toBeLessThanOrEqual(0.2 + 1e-9);
    expect(change?.sd).toBeCloseTo(Math.sqrt(0.18 / 23), 12);
    expect(change?.effectSize).toBeCloseTo((change?.mean ?? NaN) / Math.sqrt(0.18 / 23), 10);
    // The interval is centred on the published mean (the true one would give the true n away).
    expect(((change?.lower ?? NaN) + (change?.upper ?? NaN)) / 2).toBeCloseTo(change?.mean ?? NaN, 12);
  });

  it('hides a mean change over fewer than 5 (perturbed)', () => {
    const few = report(completers.slice(0, 5), [...completers.slice(0, 5).map((e) => assessment(e, 'intake', false, 0.3)), ...completers.slice(0, 5).map((e) => assessment(e, 'end', true, 0.1))]);
    // 5 pairs → 3.
    expect(few.asiChange.find((c) => c.timepoint === 'end' && c.domain === 'drug')?.change).toBeNull();
  });

  it('gives retention quartiles only where 5 people share the value or lie on each side', () => {
    // Sorted: 10 × 0.25, 10 × 0.5, 20 × 1 (of 12 sessions). q1 at position 9.75: 0.25 + 0.75 × 0.25 = 0.4375
    // (10 below, 30 above); median at 19.5: 0.75 (20 either side); q3: 1 (20 share it). n 40 → 37.
    expect(sut.retention).toEqual({ n: 37, q1: 0.4375, median: 0.75, q3: 1 });
    // 23 ended, of 10 sessions: 1, 2, 3, 4, 6, 6, 6, then 16 × 10. q1 at position 5.5: 0.6, which 3 share
    // and 4 lie below: hidden. Median and q3: 1. n 23 → 20.
    const attended = [1, 2, 3, 4, 6, 6, 6, ...Array.from({ length: 16 }, () => 10)];
    const rows = attended.map((a) => enrolment('completed', { attended: a }));
    const tied = outcomeReport(input({ enrolments: rows, protocol: { ...MOVE_PROTOCOL, expectedSessions: 10 }, disclosure: table }));
    expect(tied.retention).toEqual({ n: 20, q1: null, median: 1, q3: 1 });
    // Under 20 (perturbed): no quartiles at all. 22 → 19.
    expect(outcomeReport(input({ enrolments: rows.slice(0, 22), protocol: { ...MOVE_PROTOCOL, expectedSessions: 10 }, disclosure: table })).retention).toBeNull();
  });

  it('tests the benchmark on the perturbed figure, and hides what is small', () => {
    // All who started (44), due at six months: the 40 who ended → 37; 4 drug-free → 3: hidden; 8 assessed → 5 under 10: hidden.
    expect(sut.benchmarks[0]).toMatchObject({ timepoint: 'follow-up-6', intentionToTreat: null, assessed: null, compared: 'intentionToTreat', pValue: null });
  });

  it('gives no staff-time totals, and per-person figures as a perturbed total over a perturbed count', () => {
    // 50 × 10 = 500 minutes; 50 → 47 referred, 30 → 27 completers, 18 drug-free at the end → 15.
    // The total moves by 30 to 60 minutes (the floor of an hour is above the largest 10), one
    // total for all three figures: 440-470 or 530-560.
    const { perCitizen, perCompleter, perDrugFreeCompleter, ...rest } = sut.economy;
    expect(rest).toEqual({ staffMinutes: null, hourlyRate: 600, cost: null });
    const total = (perCitizen ?? NaN) * 47;
    expect(Math.abs(total - 500)).toBeGreaterThanOrEqual(30 - 1e-9);
    expect(Math.abs(total - 500)).toBeLessThanOrEqual(60 + 1e-9);
    expect(perCompleter).toBeCloseTo(total / 27, 9);
    expect(perDrugFreeCompleter).toBeCloseTo(total / 15, 9);
    expect(sut.budget).toEqual({ used: 3, limit: 200, day: '2026-12-05' });
  });

  it('gives the same report for the same rows in any order, and never the record keys', () => {
    let seed = 7;
    const random = (): number => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const keyed = enrolments.map((e) => ({ ...e, recordKey: random() }));
    const a = report(keyed);
    const b = report([...keyed].reverse(), [...assessments].reverse());
    expect(b).toEqual(a);
    expect(JSON.stringify(a)).not.toMatch(/recordKey|record_key/);
    expect(a.completionRate?.successes ?? a.counts.completed).toBe(a.counts.completed);
    expect(a.drugFree[0]?.followUpRate?.successes).toBe(a.drugFree[0]?.assessed);
    expect(a.drugFree[0]?.rateAll?.n).toBe(a.drugFree[0]?.due);
    expect(a.retention?.n).toBe(a.drugFree[0]?.due);
  });
});
