/**
 * The attacker's suite against evaluators' exports (docs/disclosure.md, "Exports: k-anonymity"): two
 * projects over the same scope, joined on the quasi-identifiers; a project narrowed after an export.
 * It downloads files as an evaluator does and reads the truth from the tables only to score itself.
 */
import type { ApiErrorBody, ExportJob, ExportProject } from '@outcomes/contracts';
import { DEMO_IDS } from '@outcomes/seeds';
import { baseUrl, call, closeDb, db } from '../support/http';
import { cprOf, enrol, inBatches, localProgramme, newEvaluator, signInStaff } from './support/cohort';
import type { EnrolmentSpec, Outcome } from './support/cohort';

afterAll(closeDb);

const AARHUS = DEMO_IDS.municipalities.aarhus;
const K = 5;

let evaluator: { email: string; token: string };
let programmes: string[];

/**
 * The cohort: three clusters of people alike in birth band, sex, programme and quarters, with more
 * than one outcome state each (something a k-anonymous file can keep), and a few who stand out (what
 * it must suppress or withhold).
 */
function cluster(programmeId: string, year: number, sex: 'male' | 'female', referralDate: string, states: [Outcome, number, number?][]): EnrolmentSpec[] {
  return states.flatMap(([outcome, n, endAfterDays = 35]) =>
    Array.from({ length: n }, (_, i) => ({ town: 'aarhus' as const, programmeId, referralDate, outcome, cpr: () => cprOf(year + (i % 5), sex), endAfterDays })),
  );
}

beforeAll(async () => {
  await signInStaff();
  const x = await localProgramme('aarhus', 'AEX');
  const y = await localProgramme('aarhus', 'AEY');
  programmes = [x, y];
  const cohort: EnrolmentSpec[] = [
    // Half the completers end a quarter later: their end quarter is what local suppression must empty.
    ...cluster(x, 1980, 'male', '2019-01-07', [['completed', 3], ['completed', 3, 100], ['dropped_out', 5]]),
    ...cluster(x, 1970, 'female', '2019-04-08', [['completed', 5], ['dropped_out', 2]]),
    ...cluster(y, 1990, 'male', '2019-07-08', [['active', 7], ['referred', 3]]),
    { town: 'aarhus', programmeId: x, referralDate: '2019-02-11', outcome: 'transferred', cpr: () => cprOf(1955, 'female') },
    { town: 'aarhus', programmeId: x, referralDate: '2019-10-14', outcome: 'cancelled', cpr: () => cprOf(1999, 'male') },
    { town: 'aarhus', programmeId: y, referralDate: '2019-05-20', outcome: 'completed', cpr: () => cprOf(1962, 'female') },
    { town: 'aarhus', programmeId: y, referralDate: '2019-11-18', outcome: 'dropped_out', cpr: () => cprOf(1987, 'female') },
    { town: 'aarhus', programmeId: x, referralDate: '2019-08-05', outcome: 'completed', cpr: () => cprOf(1978, 'male') },
  ];
  await inBatches(cohort, 4, enrol);
  evaluator = await newEvaluator();
}, 600_000);

async function newProject(periodFrom = '2019-01-01', periodTo = '2019-12-31'): Promise<ExportProject> {
  const res = await call<ExportProject & ApiErrorBody>('POST', '/api/export-projects', {
    name: `Angreb ${Math.random().toString(36).slice(2, 8)}`, purpose: 'Angrebstest af udtrækkenes anonymitet', municipalityIds: [AARHUS], programmeIds: programmes, periodFrom, periodTo,
  }, { token: evaluator.token });
  if (res.status !== 201) throw new Error(`a project answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

interface File {
  job: ExportJob;
  text: string;
  header: string[];
  rows: string[][];
}

/** Runs an export of the project's enrolments as CSV, waits for it and downloads it. */
async function exportEnrolments(projectId: string): Promise<File> {
  const started = await call<ExportJob & ApiErrorBody>('POST', '/api/export-jobs', { projectId, dataset: 'enrolments', format: 'csv' }, { token: evaluator.token });
  if (started.status !== 201) throw new Error(`an export answered ${started.status}: ${JSON.stringify(started.body)}`);
  let job: ExportJob = started.body;
  for (const until = Date.now() + 120_000; job.status !== 'done'; ) {
    if (job.status === 'failed' || Date.now() > until) throw new Error(`export ${job.id}: ${job.status}`);
    await new Promise((r) => setTimeout(r, 200));
    job = (await call<ExportJob>('GET', `/api/export-jobs/${job.id}`, undefined, { token: evaluator.token })).body;
  }
  const res = await fetch(`${baseUrl()}/api/export-jobs/${job.id}/download`, { headers: { authorization: `Bearer ${evaluator.token}` } });
  if (res.status !== 200) throw new Error(`download answered ${res.status}`);
  const text = (await res.text()).replace(/^\uFEFF/, '');
  // The enrolments file holds no free text: no cell has a comma or a quote.
  const [header, ...rows] = text.trim().split(/\r?\n/).map((line) => line.split(','));
  return { job, text, header: header ?? [], rows };
}

/**
 * The quasi-identifiers as the attacker used them: birth (year or band), sex, municipality,
 * programme, the periods of referral, start and end, and the state (docs/disclosure.md).
 */
const QUASI_IDENTIFIER = /^(birth_.*|sex|municipality.*|programme.*|(referral|start|end)_(month|quarter|period|year)|state)$/;
/** A column name twice (the undefended file had two end_month columns) counts once, as its first column. */
const quasiIdentifiers = (file: File): string[] => [...new Set(file.header.filter((h) => QUASI_IDENTIFIER.test(h)))];
const PSEUDONYM = /^(person_id|enrolment_id)$/;

function column(file: File, name: string): string[] {
  const i = file.header.indexOf(name);
  return file.rows.map((r) => r[i] ?? '');
}

/** How many rows share each combination of the given columns. */
function groups(file: File, columns: string[]): Map<string, number> {
  const idx = columns.map((c) => file.header.indexOf(c));
  const out = new Map<string, number>();
  for (const row of file.rows) {
    const key = idx.map((i) => row[i] ?? '').join('|');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/** Rows of two files that match one-to-one: a combination held by exactly one row in each. */
function oneToOne(a: File, b: File, columns: string[]): number {
  const ga = groups(a, columns);
  const gb = groups(b, columns);
  return [...ga.entries()].filter(([key, n]) => n === 1 && gb.get(key) === 1).length;
}

const DATE_LIKE = /\d{4}-(0[1-9]|1[0-2])(?!\d)|\d{4}-\d{2}-\d{2}/;

describe('the attacker against exports', () => {
  let first: File;
  let second: File;
  let firstProject: ExportProject;

  beforeAll(async () => {
    firstProject = await newProject();
    first = await exportEnrolments(firstProject.id);
    second = await exportEnrolments((await newProject()).id);
  }, 300_000);

  it('linkage: two projects over the same scope join on no quasi-identifier combination one-to-one', () => {
    const qis = quasiIdentifiers(first);
    const others = first.header.filter((h) => !PSEUDONYM.test(h));
    const matches = oneToOne(first, second, qis);
    // A stronger attacker joins on every column but the pseudonyms: a figure, not a rule of the design
    // (two files of the same records share their measurements), printed for the reliability notes.
    const everything = oneToOne(first, second, others);
    console.log(
      `linkage: files of ${first.rows.length} and ${second.rows.length} rows (withheld ${first.job.disclosure?.withheldRows}, suppressed values ${first.job.disclosure?.suppressedValues}); ` +
        `quasi-identifiers ${qis.join(', ')}; one-to-one matches on them ${matches}; on every non-pseudonym column ${everything}`,
    );
    expect(qis.length).toBeGreaterThanOrEqual(8);
    expect(first.rows.length).toBeGreaterThan(0);
    expect(matches).toBe(0);
  });

  it('within each file, no combination of quasi-identifiers describes fewer than k people, and none one', () => {
    const qis = quasiIdentifiers(first);
    const withoutState = qis.filter((q) => q !== 'state');
    for (const file of [first, second]) {
      const sizes = [...groups(file, qis).values()];
      const small = sizes.filter((n) => n < K);
      const uniques = sizes.filter((n) => n === 1);
      // l-diversity on the state: the combinations without it each hold two states at least.
      const states = new Map<string, Set<string>>();
      const idx = withoutState.map((c) => file.header.indexOf(c));
      const s = file.header.indexOf('state');
      for (const row of file.rows) {
        const key = idx.map((i) => row[i] ?? '').join('|');
        states.set(key, (states.get(key) ?? new Set()).add(row[s] ?? ''));
      }
      const undiverse = [...states.values()].filter((v) => v.size < 2).length;
      console.log(`k-anonymity: ${sizes.length} combinations of ${qis.length} quasi-identifiers, smallest ${Math.min(...sizes)}, under k ${small.length}, sample uniques ${uniques.length}; ${states.size} combinations without the state, ${undiverse} with one state only`);
      expect({ underK: small.length, uniques: uniques.length }).toEqual({ underK: 0, uniques: 0 });
    }
  });

  it('every in-scope enrolment is in the file or counted as withheld', async () => {
    const { rows } = await db().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM enrolment e JOIN citizen c ON c.id = e.citizen_id
       WHERE e.programme_id = ANY($1) AND e.referral_date BETWEEN '2019-01-01' AND '2019-12-31'
         AND NOT EXISTS (SELECT 1 FROM citizen_consent cc WHERE cc.citizen_id = c.id AND cc.purpose = 'evaluation'
                          AND cc.entry = (SELECT max(entry) FROM citizen_consent x WHERE x.citizen_id = c.id AND x.purpose = 'evaluation') AND cc.event <> 'given')`,
      [programmes],
    );
    expect(first.rows.length + (first.job.disclosure?.withheldRows ?? Number.NaN)).toBe(rows[0]?.n);
    expect(first.job.disclosure).toMatchObject({ k: K, l: 2 });
  });

  it('no cell holds a date to the month or the day', () => {
    const dated = [first, second].flatMap((f) => [...f.header, ...f.rows.flat()].filter((cell) => DATE_LIKE.test(cell) || /_month$/.test(cell)));
    expect(dated).toEqual([]);
  });

  it('narrowing the project’s period after an export gives a new key: the next file’s pseudonyms are all new', async () => {
    const narrowed = await call<ExportProject & ApiErrorBody>('PUT', `/api/export-projects/${firstProject.id}`, {
      name: firstProject.name, purpose: firstProject.purpose, municipalityIds: firstProject.municipalityIds, programmeIds: firstProject.programmeIds,
      periodFrom: '2019-01-01', periodTo: '2019-06-30', k: firstProject.k, version: firstProject.version,
    }, { token: evaluator.token });
    expect(narrowed.status).toBe(200);
    const after = await exportEnrolments(firstProject.id);
    expect(after.rows.length).toBeGreaterThan(0);
    for (const name of ['person_id', 'enrolment_id']) {
      const before = new Set(column(first, name));
      expect(column(after, name).filter((p) => before.has(p))).toEqual([]);
    }
    expect([...after.header, ...after.rows.flat()].filter((cell) => DATE_LIKE.test(cell))).toEqual([]);
    // Nor do the quasi-identifiers join the narrowed file to the earlier one.
    const linked = oneToOne(first, after, quasiIdentifiers(first));
    console.log(`narrowed project: ${after.rows.length} rows under a new key, ${linked} one-to-one matches with the file before the change`);
    expect(linked).toBe(0);
    // A period of a day or part of a month is refused outright.
    const day = await call<ApiErrorBody>('PUT', `/api/export-projects/${firstProject.id}`, {
      name: firstProject.name, purpose: firstProject.purpose, municipalityIds: firstProject.municipalityIds, programmeIds: firstProject.programmeIds,
      periodFrom: '2019-01-07', periodTo: '2019-01-07', k: firstProject.k, version: narrowed.body.version,
    }, { token: evaluator.token });
    expect(day.status).toBe(400);
  }, 300_000);

  it('regression: the same export run twice on unchanged data gives the same file', async () => {
    const project = await newProject();
    const a = await exportEnrolments(project.id);
    const b = await exportEnrolments(project.id);
    const identical = a.text === b.text;
    const sorted = (f: File): string => [f.header.join(','), ...f.rows.map((r) => r.join(',')).sort()].join('\n');
    console.log(`export regression: byte-identical ${identical}; identical after sorting rows ${sorted(a) === sorted(b)}`);
    // Rows are ordered by an internal id in the file's query (ORDER BY e.id): the same order each run,
    // so the bytes should match as they are; the sorted comparison is the weaker fallback.
    expect(sorted(b)).toBe(sorted(a));
    expect(identical).toBe(true);
  }, 300_000);
});
