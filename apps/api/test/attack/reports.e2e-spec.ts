/**
 * The attacker's suite against the outcome report (docs/disclosure.md, "Tests that attack"). It knows
 * nothing of the defence's code: it asks the API as evaluators do, solves what the answers allow with
 * an integer-programming solver (HiGHS), and reads the truth from the tables only to score itself.
 */
import type { ApiErrorBody, OutcomeReport, ReportBudget } from '@outcomes/contracts';
import { DEMO_IDS } from '@outcomes/seeds';
import { youngCpr } from '../support/fixtures';
import { closeDb } from '../support/http';
import { baseUrl } from '../support/http';
import { enrol, inBatches, localProgramme, newEvaluator, signInStaff } from './support/cohort';
import type { EnrolmentSpec, Outcome } from './support/cohort';
import { feasibleRange, know, knowledge, satisfies } from './support/feasible-range';
import type { Knowledge } from './support/feasible-range';
import { benchmarkCells, benchmarkShape, cellsOf, COUNT_CELLS, fromReport, shownValue, structure, timepointCells } from './support/report-model';
import type { Reading } from './support/report-model';
import { counts, truthOf } from './support/truth';
import type { TruthOfReport } from './support/truth';

afterAll(closeDb);

const AARHUS = DEMO_IDS.municipalities.aarhus;
const ODENSE = DEMO_IDS.municipalities.odense;

/** Months counted from October 2018 (0) on: the attack's periods are whole months, as evaluators' must be. */
const BASE = { year: 2018, month: 10 };
const ym = (i: number): [number, number] => {
  const m = BASE.month - 1 + i;
  return [BASE.year + Math.floor(m / 12), (((m % 12) + 12) % 12) + 1];
};
const two = (n: number): string => String(n).padStart(2, '0');
const monthStart = (i: number): string => `${ym(i)[0]}-${two(ym(i)[1])}-01`;
const monthEnd = (i: number): string => {
  const [y, m] = ym(i);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};
/** Month index of a date in 2019 (January 2019 is 3). */
const in2019 = (month: number): number => month + 2;

interface Asked {
  programmeId: string;
  municipalityId: string;
  first: number;
  last: number;
  /** Who asked: the repeat goes through the same evaluator. */
  token: string;
  status: number;
  text: string;
  report: OutcomeReport & ApiErrorBody;
}

async function ask(token: string, programmeId: string, municipalityId: string, from: string, to: string): Promise<{ status: number; text: string; body: OutcomeReport & ApiErrorBody }> {
  const url = `${baseUrl()}/api/outcomes/report?programmeId=${programmeId}&municipalityId=${municipalityId}&from=${from}&to=${to}`;
  const init = { headers: { authorization: `Bearer ${token}` } };
  // A kept-alive connection the server closed while the solver ran fails once: ask again on a new one.
  const res = await fetch(url, init).catch(() => fetch(url, init));
  const text = await res.text();
  let body = {} as OutcomeReport & ApiErrorBody;
  try {
    body = JSON.parse(text) as OutcomeReport & ApiErrorBody;
  } catch {
    // not JSON: the status says enough
  }
  return { status: res.status, text, body };
}

/**
 * The cohort: four programme-municipality pairs with enrolments spread over 2019 so that some months
 * hold one referral, some several and some none (July and August, for the averaging attack), and the
 * states, interviews and drug-free answers give both small cells (1s and 2s) and big ones.
 */
const OUTCOMES: Outcome[] = ['completed', 'completed', 'dropped_out', 'completed', 'completed', 'completed', 'dropped_out', 'completed', 'transferred', 'completed', 'completed', 'cancelled', 'completed', 'active', 'completed', 'dropped_out', 'completed', 'referred', 'completed', 'completed'];

function specs(town: 'aarhus' | 'odense', programmeId: string, perMonth: Record<number, number>, offset: number, year = 2019): EnrolmentSpec[] {
  const out: EnrolmentSpec[] = [];
  let i = offset;
  for (const [month, n] of Object.entries(perMonth)) {
    for (let j = 0; j < n; j++, i++) {
      const outcome = OUTCOMES[i % OUTCOMES.length] as Outcome;
      const spec: EnrolmentSpec = { town, programmeId, referralDate: `${year}-${two(Number(month))}-${two(3 + ((j * 5) % 24))}`, outcome };
      // MOVE is for 15-25-year-olds: born 2006, they are 15-16 in 2022.
      if (programmeId === DEMO_IDS.programmes.move) spec.cpr = youngCpr;
      if (outcome === 'completed' && i % 4 !== 3) spec.endDrugFree = i % 3 !== 0;
      if (outcome === 'completed' && i % 2 === 0) spec.followUpDrugFree = i % 4 === 0;
      if (outcome === 'dropped_out' && i % 2 === 0) spec.endDrugFree = false;
      if (programmeId === big && outcome !== 'referred' && outcome !== 'cancelled') spec.sessionMinutes = 30 + ((i * 7) % 60);
      out.push(spec);
    }
  }
  return out;
}

let big: string;
let small: string;
const ICM = DEMO_IDS.programmes.icm;
const MOVE = DEMO_IDS.programmes.move;
/** A programme in a municipality, asked about over the sweep's periods moved `shift` months on. */
let combos: { programmeId: string; municipalityId: string; label: string; shift: number }[];
let sweepers: { email: string; token: string }[];

beforeAll(async () => {
  await signInStaff();
  big = await localProgramme('aarhus', 'ATA');
  small = await localProgramme('aarhus', 'ATB');
  const cohort = [
    ...specs('aarhus', big, { 1: 6, 2: 5, 3: 6, 4: 4, 5: 5, 6: 3, 9: 2, 10: 1, 11: 1, 12: 1 }, 0),
    ...specs('aarhus', small, { 2: 1, 3: 2, 5: 1, 7: 2, 8: 1, 11: 1 }, 3),
    ...specs('aarhus', ICM, { 1: 2, 4: 3, 6: 1, 10: 2 }, 7),
    ...specs('odense', ICM, { 2: 3, 3: 2, 5: 2, 9: 3, 12: 1 }, 11),
    // MOVE has a published result: its reports carry a benchmark, another shape to attack. In 2022:
    // outcomes.e2e-spec.ts counts Odense's MOVE referrals of 2024 and 2025 exactly, and
    // report-disclosure.e2e-spec.ts those of 2023.
    ...specs('odense', MOVE, { 1: 4, 2: 3, 3: 3, 4: 2, 6: 3, 9: 2 }, 0, 2022),
  ];
  await inBatches(cohort, 4, enrol);
  combos = [
    { programmeId: big, municipalityId: AARHUS, label: 'big/Aarhus', shift: 0 },
    { programmeId: small, municipalityId: AARHUS, label: 'small/Aarhus', shift: 0 },
    { programmeId: ICM, municipalityId: AARHUS, label: 'ICM/Aarhus', shift: 0 },
    { programmeId: ICM, municipalityId: ODENSE, label: 'ICM/Odense', shift: 0 },
    { programmeId: MOVE, municipalityId: ODENSE, label: 'MOVE/Odense', shift: 36 },
  ];
  sweepers = [await newEvaluator(true), await newEvaluator(true), await newEvaluator(true)];
}, 600_000);

/** The periods of the sweep: cumulative, ending in December, and sliding windows of 3, 4 and 5 months. */
function periods(): [number, number][] {
  const set = new Map<string, [number, number]>();
  const add = (a: number, b: number): void => void set.set(`${a}-${b}`, [a, b]);
  for (let b = in2019(3); b <= in2019(13); b++) add(in2019(1), b);
  for (let a = 1; a <= in2019(10); a++) add(a, in2019(12));
  for (const len of [3, 4, 5]) for (let a = 0; a + len - 1 <= in2019(13); a++) add(a, a + len - 1);
  return [...set.values()];
}

/** What all the answers teach about reading one (support/report-model.ts, Reading). */
const readingOf = (reports: OutcomeReport[]): Reading => ({
  zerosShown: reports.some((r) => Object.values(r.counts).some((v) => v === 0)),
  retention: new Set(reports.filter((r) => r.retention !== null).map((r) => r.programmeId)),
});

const key = (a: Asked): string => `${a.programmeId}/${a.municipalityId}/${a.first}-${a.last}`;

/** Pairs of answered reports of one programme and municipality whose periods differ by one month at one end. */
function oneMonthApart(asked: Asked[]): [Asked, Asked][] {
  const byKey = new Map(asked.map((a) => [key(a), a]));
  const pairs: [Asked, Asked][] = [];
  for (const a of asked) {
    for (const [first, last] of [[a.first, a.last + 1], [a.first - 1, a.last]] as [number, number][]) {
      const b = byKey.get(`${a.programmeId}/${a.municipalityId}/${first}-${last}`);
      if (b) pairs.push([a, b]);
    }
  }
  return pairs;
}

describe('the attacker against the outcome report', () => {
  const asked: Asked[] = [];
  const truths = new Map<string, TruthOfReport>();

  beforeAll(async () => {
    const queries = combos.flatMap((c) => periods().map(([first, last]) => ({ ...c, first: first + c.shift, last: last + c.shift })));
    // Each evaluator stays well inside the day's budget: the sweep is spread over three accounts.
    await inBatches(queries.map((q, i) => ({ q, i })), 4, async ({ q, i }) => {
      const who = sweepers[i % sweepers.length] as { token: string };
      const res = await ask(who.token, q.programmeId, q.municipalityId, monthStart(q.first), monthEnd(q.last));
      asked.push({ programmeId: q.programmeId, municipalityId: q.municipalityId, first: q.first, last: q.last, token: who.token, status: res.status, text: res.text, report: res.body });
    });
    for (const a of asked.filter((x) => x.status === 200)) {
      truths.set(key(a), await truthOf(a.programmeId, a.municipalityId, monthStart(a.first), monthEnd(a.last), a.report.drugFree.map((d) => d.timepoint), benchmarkShape(a.report)));
    }
  }, 600_000);

  it('gets an answer to every question of the sweep, each disclosure-controlled', () => {
    expect(asked.length).toBeGreaterThanOrEqual(200);
    expect(asked.filter((a) => a.status !== 200).map((a) => `${key(a)}: ${a.status} ${a.text.slice(0, 200)}`)).toEqual([]);
    expect(asked.every((a) => a.report.disclosureControlled)).toBe(true);
  });

  it('interval attack: from one report, no cell’s feasible range is a single value, and the truth is always within it', async () => {
    const reading = readingOf(asked.map((a) => a.report));
    let cells = 0;
    let widest = 0;
    let narrowest = Number.POSITIVE_INFINITY;
    const exact: string[] = [];
    const contradictions: string[] = [];
    for (const a of asked) {
      const k = knowledge();
      fromReport(k, '', a.report, reading);
      const truth = counts(truths.get(key(a)) as TruthOfReport);
      const broken = satisfies(k, truth);
      if (broken.length > 0) contradictions.push(`${key(a)}: truth ${JSON.stringify(truth)} breaks ${JSON.stringify(broken)}`);
      if (broken.length > 0) continue;
      for (const cell of cellsOf(a.report)) {
        const range = await feasibleRange(k, cell);
        cells++;
        widest = Math.max(widest, range.max - range.min);
        narrowest = Math.min(narrowest, range.max - range.min);
        if (range.min === range.max) exact.push(`${key(a)} cell ${cell}: range [${range.min}, ${range.max}], truth ${truth[cell]}`);
      }
    }
    console.log(`interval attack: ${asked.length} reports attacked (${asked.filter((x) => x.report.benchmarks.length > 0).length} with a benchmark), ${cells} cells solved (min and max each), widest range ${widest}, narrowest range ${narrowest}, exact recoveries ${exact.length}`);
    expect(contradictions).toEqual([]);
    expect(exact).toEqual([]);
  }, 600_000);

  it('interval attack on the means: the ASI change’s true number of people does not come back from the mean and its interval', () => {
    // A mean is the true sum over a perturbed n; if the interval, sd and effect size come from the
    // true data, the true mean is their midpoint (or effect size × sd), and n = mean × n' / true mean.
    const recovered: string[] = [];
    let tried = 0;
    for (const a of asked) {
      const truth = truths.get(key(a)) as TruthOfReport;
      for (const c of a.report.asiChange) {
        const f = c.change;
        if (!f || f.mean === 0) continue;
        tried++;
        const trueMeans = [(f.lower + f.upper) / 2, ...(f.effectSize === null ? [] : [f.effectSize * f.sd])].filter((m) => Math.abs(m) > 1e-9);
        for (const m of trueMeans) {
          const estimate = (f.mean * f.n) / m;
          const n = truth.changeN[`${c.timepoint}/${c.domain}`];
          if (Math.abs(estimate - Math.round(estimate)) < 1e-6 && Math.round(estimate) === n && n !== f.n) {
            recovered.push(`${key(a)} ${c.timepoint}/${c.domain}: published n ${f.n}, mean ${f.mean}; recovered true n ${n}`);
            break;
          }
        }
      }
    }
    console.log(`mean attack: ${tried} published mean changes tried, true n recovered exactly for ${recovered.length}`);
    expect(recovered).toEqual([]);
  });

  it('proportions say nothing beyond their perturbed counts: p is the shown successes over the shown n (capped at 1)', () => {
    const off: string[] = [];
    for (const a of asked) {
      const figures = [a.report.completionRate, ...a.report.drugFree.flatMap((d) => [d.rateAssessed, d.rateAll, d.followUpRate]), ...a.report.benchmarks.flatMap((b) => [b.intentionToTreat, b.assessed])];
      for (const f of figures) if (f && f.p !== null && Math.abs(f.p - Math.min(1, f.successes / f.n)) > 1e-9) off.push(`${key(a)}: ${JSON.stringify(f)}`);
    }
    expect(off).toEqual([]);
  });

  it('differencing sweep: for reports one month apart, the difference is never pinned to one value', async () => {
    const reading = readingOf(asked.map((a) => a.report));
    const pairs = oneMonthApart(asked);
    let differences = 0;
    let naiveShown = 0;
    let naiveHits = 0;
    let widest = 0;
    let narrowest = Number.POSITIVE_INFINITY;
    const exact: string[] = [];
    const contradictions: string[] = [];
    for (const [narrow, wide] of pairs) {
      const timepoints = narrow.report.drugFree.map((d) => d.timepoint);
      const k: Knowledge = knowledge();
      fromReport(k, 'a', narrow.report, reading);
      fromReport(k, 'b', wide.report, reading);
      // The month between them: its own enrolments, with the same structure, adding to the narrow one's.
      structure(k, 'd', timepoints, benchmarkShape(narrow.report));
      const cells = [...COUNT_CELLS, ...timepoints.flatMap((_, i) => timepointCells(i)), ...narrow.report.benchmarks.flatMap((_, j) => benchmarkCells(j))];
      for (const cell of cells) know(k, [[1, `b${cell}`], [-1, `a${cell}`], [-1, `d${cell}`]], 0, 0);
      const tn = counts(truths.get(key(narrow)) as TruthOfReport);
      const tw = counts(truths.get(key(wide)) as TruthOfReport);
      const truthOfPair: Record<string, number> = {};
      for (const cell of cells) {
        truthOfPair[`a${cell}`] = tn[cell] ?? Number.NaN;
        truthOfPair[`b${cell}`] = tw[cell] ?? Number.NaN;
        truthOfPair[`d${cell}`] = (tw[cell] ?? Number.NaN) - (tn[cell] ?? Number.NaN);
      }
      const broken = satisfies(k, truthOfPair);
      if (broken.length > 0) {
        contradictions.push(`${key(narrow)} vs ${key(wide)}: truth breaks ${JSON.stringify(broken)}`);
        continue;
      }
      for (const cell of cells) {
        const range = await feasibleRange(k, `d${cell}`);
        const truth = (tw[cell] ?? 0) - (tn[cell] ?? 0);
        differences++;
        widest = Math.max(widest, range.max - range.min);
        narrowest = Math.min(narrowest, range.max - range.min);
        if (range.min === range.max) exact.push(`${key(narrow)} vs ${key(wide)} cell ${cell}: range [${range.min}, ${range.max}], truth ${truth}`);
        const pa = shownValue(narrow.report, cell);
        const pb = shownValue(wide.report, cell);
        if (pa !== null && pb !== null) {
          naiveShown++;
          if (pb - pa === truth) naiveHits++;
        }
      }
    }
    console.log(
      `differencing sweep: ${asked.length} reports, ${pairs.length} pairs one month apart, ${differences} differences solved, widest range ${widest}, narrowest ${narrowest}, ` +
        `exact recoveries ${exact.length}; the naive difference of two shown values equals the true one in ${naiveHits} of ${naiveShown} (${((100 * naiveHits) / Math.max(1, naiveShown)).toFixed(1)} %)`,
    );
    expect(pairs.length).toBeGreaterThanOrEqual(100);
    expect(contradictions).toEqual([]);
    expect(exact).toEqual([]);
  }, 900_000);

  it('differencing the means: the month between two reports does not give away one person’s exact ASI change', () => {
    // A mean published as the true sum over a perturbed n gives the true sum (mean × n); two reports a
    // month apart then give the month's exact sum, which is one person's change when they are alone.
    let compared = 0;
    let alone = 0;
    const recovered: string[] = [];
    for (const [narrow, wide] of oneMonthApart(asked)) {
      for (const c of wide.report.asiChange) {
        const before = narrow.report.asiChange.find((x) => x.timepoint === c.timepoint && x.domain === c.domain)?.change;
        const after = c.change;
        if (!before || !after) continue;
        compared++;
        const tag = `${c.timepoint}/${c.domain}`;
        const had = new Set(((truths.get(key(narrow)) as TruthOfReport).changes[tag] ?? []).map((x) => x.id));
        const added = ((truths.get(key(wide)) as TruthOfReport).changes[tag] ?? []).filter((x) => !had.has(x.id));
        if (added.length !== 1) continue;
        alone++;
        const estimate = after.mean * after.n - before.mean * before.n;
        const person = added[0]?.difference as number;
        if (Math.abs(estimate - person) < 1e-6) recovered.push(`${key(narrow)} vs ${key(wide)} ${tag}: the added person’s change ${person} = ${after.mean} × ${after.n} − ${before.mean} × ${before.n}`);
      }
    }
    const nonzero = recovered.filter((r) => !/change 0 =/.test(r)).length;
    console.log(`mean differencing: ${compared} pairs of shown mean changes one month apart, ${alone} where the month adds one person, that person’s exact change recovered in ${recovered.length} (${nonzero} of them a change other than 0)`);
    expect(recovered).toEqual([]);
  });

  it('differencing the staff time: the month between two reports does not give away one person’s exact minutes', () => {
    // Per-person staff time is the true total over a perturbed count, published beside that count:
    // their product is the true total, and two totals a month apart the month's exact minutes.
    let compared = 0;
    let alone = 0;
    const recovered: string[] = [];
    for (const [narrow, wide] of oneMonthApart(asked)) {
      const total = (r: OutcomeReport): number | null => (r.economy.perCitizen === null || r.counts.referred === null ? null : r.economy.perCitizen * r.counts.referred);
      const [before, after] = [total(narrow.report), total(wide.report)];
      if (before === null || after === null) continue;
      compared++;
      const tn = truths.get(key(narrow)) as TruthOfReport;
      const tw = truths.get(key(wide)) as TruthOfReport;
      const added = Object.keys(tw.minutes).filter((id) => !(id in tn.minutes));
      if (added.length !== 1) continue;
      alone++;
      const person = tw.minutes[added[0] as string] as number;
      if (Math.abs(after - before - person) < 1e-6) recovered.push(`${key(narrow)} vs ${key(wide)}: the added enrolment’s ${person} minutes = ${wide.report.economy.perCitizen} × ${wide.report.counts.referred} − ${narrow.report.economy.perCitizen} × ${narrow.report.counts.referred}`);
    }
    console.log(`staff-time differencing: ${compared} pairs one month apart with per-citizen time shown, ${alone} where the month adds one enrolment, its exact minutes recovered in ${recovered.length}`);
    expect(recovered).toEqual([]);
  });

  it('equal cells are equal: the same set of enrolments shows the same value in every report and every place', () => {
    const shown = new Map<string, Set<string>>();
    const places = new Map<string, string[]>();
    const note = (records: string[], value: number | null | undefined, where: string): void => {
      if (value === undefined || records.length === 0) return;
      const id = records.join(',');
      shown.set(id, (shown.get(id) ?? new Set()).add(String(value)));
      places.set(id, [...(places.get(id) ?? []), `${where}=${value}`]);
    };
    for (const a of asked) {
      const t = (truths.get(key(a)) as TruthOfReport).cells;
      const r = a.report;
      const at = (cell: string): string[] => t[cell] ?? [];
      note(at('R'), r.counts.referred, `${key(a)} referred`);
      note(at('S'), r.counts.started, `${key(a)} started`);
      note(at('C'), r.counts.completed, `${key(a)} completed`);
      note(at('Dr'), r.counts.droppedOut, `${key(a)} droppedOut`);
      note(at('T'), r.counts.transferred, `${key(a)} transferred`);
      note(at('Ca'), r.counts.cancelled, `${key(a)} cancelled`);
      note(at('O'), r.counts.open, `${key(a)} open`);
      note(at('C'), r.completionRate?.successes, `${key(a)} completionRate.successes`);
      note(at('E'), r.completionRate?.n, `${key(a)} completionRate.n`);
      note(at('E'), r.retention?.n, `${key(a)} retention.n`);
      r.drugFree.forEach((d, i) => {
        const tp = d.timepoint;
        note(at(`due${i}`), d.due, `${key(a)} ${tp}.due`);
        note(at(`as${i}`), d.assessed, `${key(a)} ${tp}.assessed`);
        note(at(`due${i}`), d.rateAll?.n, `${key(a)} ${tp}.rateAll.n`);
        note(at(`due${i}`), d.followUpRate?.n, `${key(a)} ${tp}.followUpRate.n`);
        note(at(`as${i}`), d.followUpRate?.successes, `${key(a)} ${tp}.followUpRate.successes`);
        note(at(`as${i}`), d.rateAssessed?.n, `${key(a)} ${tp}.rateAssessed.n`);
        note(at(`fr${i}`), d.rateAssessed?.successes, `${key(a)} ${tp}.rateAssessed.successes`);
        note(at(`fr${i}`), d.rateAll?.successes, `${key(a)} ${tp}.rateAll.successes`);
      });
      r.benchmarks.forEach((b, j) => {
        note(at(`bdue${j}`), b.intentionToTreat?.n, `${key(a)} benchmark ${j} intentionToTreat.n`);
        note(at(`bfr${j}`), b.intentionToTreat?.successes, `${key(a)} benchmark ${j} intentionToTreat.successes`);
        note(at(`bas${j}`), b.assessed?.n, `${key(a)} benchmark ${j} assessed.n`);
        note(at(`bfr${j}`), b.assessed?.successes, `${key(a)} benchmark ${j} assessed.successes`);
      });
    }
    const repeated = [...places.values()].filter((p) => p.length > 1);
    const unequal = [...shown.entries()].filter(([, values]) => values.size > 1).map(([id]) => (places.get(id) ?? []).join('; '));
    console.log(`equal cells: ${shown.size} distinct record sets, ${repeated.length} shown in more than one place (${repeated.reduce((s, p) => s + p.length, 0)} places), ${unequal.length} with unequal values`);
    expect(repeated.length).toBeGreaterThan(50);
    expect(unequal).toEqual([]);
  });

  it('regression: the same report asked again is byte-identical, and the repeat is not counted', async () => {
    const first = asked.find((a) => a.programmeId === big && a.status === 200) as Asked;
    const again = await ask(first.token, first.programmeId, first.municipalityId, monthStart(first.first), monthEnd(first.last));
    expect(again.status).toBe(200);
    // The budget in the answer counts the day's distinct queries: the same as when last asked by this
    // evaluator only if nothing else was asked since, so compare everything but the budget first...
    const strip = (text: string): string => text.replace(/"budget":\{[^}]*\}/, '');
    expect(strip(again.text)).toBe(strip(first.text));
    // ...then ask twice in a row: byte-identical, budget included.
    const twice = await ask(first.token, first.programmeId, first.municipalityId, monthStart(first.first), monthEnd(first.last));
    expect(twice.text).toBe(again.text);
  });
});

describe('averaging: many distinct questions with the same true answer', () => {
  it('get the same answer every time (their mean teaches nothing), and the budget stops an evaluator who keeps asking', async () => {
    const attacker = await newEvaluator();
    // The big programme has no referral before 2019 nor in July and August 2019: every one of these
    // periods holds exactly the enrolments referred January to June 2019.
    const queries: [string, string][] = [];
    for (let y = 2017; y <= 2019; y++)
      for (let m = 1; m <= 12; m++) {
        if (y === 2019 && m > 1) break;
        for (const to of ['2019-06-30', '2019-07-31', '2019-08-31']) queries.push([`${y}-${two(m)}-01`, to]);
      }
    const answers: { text: string; body: OutcomeReport & ApiErrorBody }[] = [];
    for (const [from, to] of queries) answers.push(await ask(attacker.token, big, AARHUS, from, to));
    expect(answers.map((a) => a.body.budget?.used)).toEqual(queries.map((_, i) => i + 1));
    const truth = counts(await truthOf(big, AARHUS, '2017-01-01', '2019-08-31', []));
    expect(counts(await truthOf(big, AARHUS, '2019-01-01', '2019-06-30', []))).toEqual(truth);
    const figures = (a: { body: OutcomeReport }): string => JSON.stringify({ ...a.body, from: null, to: null, budget: null });
    const distinctAnswers = new Set(answers.map(figures));
    const referred = answers.map((a) => a.body.counts.referred);
    const mean = referred.reduce((s: number, v) => s + (v ?? Number.NaN), 0) / referred.length;
    console.log(`averaging: ${queries.length} distinct queries with one true answer (referred ${truth['R']}), ${distinctAnswers.size} distinct answer(s); mean of published referred ${mean}, each one ${referred[0]}`);
    expect(distinctAnswers.size).toBe(1);
    expect(mean).toBe(referred[0]);

    // The attacker keeps asking new questions: the budget stops them at its limit.
    const limit = answers[0]?.body.budget?.limit as number;
    expect(limit).toBe(200);
    // Three-month periods starting in each month from January 2000 (index -225 from October 2018).
    let used = queries.length;
    for (let start = -225; used < limit; start++) {
      if (start > -10) throw new Error('ran out of distinct periods');
      const res = await ask(attacker.token, small, AARHUS, monthStart(start), monthEnd(start + 2));
      expect(res.status).toBe(200);
      used++;
      expect(res.body.budget?.used).toBe(used);
    }
    const refused = await ask(attacker.token, small, AARHUS, '1990-01-01', '1990-03-31');
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('REPORT_BUDGET_EXHAUSTED');
    // A repeat of a question already asked today is answered, and costs nothing.
    const repeat = await ask(attacker.token, big, AARHUS, queries[0]?.[0] as string, queries[0]?.[1] as string);
    expect(repeat.status).toBe(200);
    expect(repeat.body.budget).toMatchObject({ used: limit, limit });
    expect(figures(repeat)).toBe(figures(answers[0] as { body: OutcomeReport }));
    const budget = await fetch(`${baseUrl()}/api/outcomes/budget`, { headers: { authorization: `Bearer ${attacker.token}` } });
    expect(budget.status).toBe(200);
    expect((await budget.json()) as ReportBudget).toMatchObject({ used: limit, limit });
    console.log(`budget: ${limit} distinct queries answered, the next refused with 429 REPORT_BUDGET_EXHAUSTED, a repeat answered and not counted`);
  }, 600_000);
});
