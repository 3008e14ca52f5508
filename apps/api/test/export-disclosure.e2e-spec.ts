import { randomUUID } from 'node:crypto';
import type { ApiErrorBody, ExportProject } from '@outcomes/contracts';
import { activeEnrolment, ASI_INTAKE_ITEMS as items, staff } from './support/fixtures';
import { call, closeDb, db } from './support/http';
import { EVALUATOR, ownProgramme, project, runExport } from './support/exports';
import { today } from './support/dates';

afterAll(closeDb);


describe('an export project’s k and period', () => {
  it('refuses k below 5 and a period that is not whole calendar months, naming the field and the rule, and writes nothing', async () => {
    const name = `Afvist ${randomUUID().slice(0, 6)}`;
    const programme = await ownProgramme();
    const lowK = await project([programme], { name, k: 4 });
    expect(lowK.status).toBe(400);
    expect(lowK.body.errors?.['k']).toMatch(/k must be at least 5/);
    const from = await project([programme], { name, periodFrom: '2025-01-02', periodTo: '2025-12-31' });
    expect(from.status).toBe(400);
    expect(from.body.errors).toEqual({ periodFrom: 'periodFrom must be the first day of a month (periods are whole calendar months)' });
    const to = await project([programme], { name, periodFrom: '2025-01-01', periodTo: '2025-12-30' });
    expect(to.status).toBe(400);
    expect(to.body.errors).toEqual({ periodTo: 'periodTo must be the last day of a month (periods are whole calendar months)' });
    // 2023 is no leap year: 28 February is its last day, 29 February 2024 is.
    expect((await project([programme], { name, periodFrom: '2023-02-01', periodTo: '2023-02-27' })).status).toBe(400);
    expect((await db().query('SELECT 1 FROM export_project WHERE name = $1', [name])).rowCount).toBe(0);
    expect((await project([programme], { periodFrom: '2024-02-01', periodTo: '2024-02-29' })).status).toBe(201);
  });

  it('defaults k to 5 and accepts 11 (the precedent for wider release); an update is held to the same rules', async () => {
    const programme = await ownProgramme();
    const plain = await project([programme]);
    expect(plain.status).toBe(201);
    expect(plain.body.k).toBe(5);
    const wide = await project([programme], { k: 11 });
    expect(wide.status).toBe(201);
    expect(wide.body.k).toBe(11);
    const { id, version, name, purpose, municipalityIds, programmeIds, periodFrom } = wide.body;
    const narrowed = await call<ExportProject & ApiErrorBody>('PUT', `/api/export-projects/${id}`, { name, purpose, municipalityIds, programmeIds, periodFrom, periodTo: '2030-12-15', k: 11, version }, { as: EVALUATOR });
    expect(narrowed.status).toBe(400);
    expect(narrowed.body.errors?.['periodTo']).toMatch(/last day of a month/);
    const lowered = await call<ExportProject & ApiErrorBody>('PUT', `/api/export-projects/${id}`, { name, purpose, municipalityIds, programmeIds, periodFrom, periodTo: '2030-12-31', k: 4, version }, { as: EVALUATOR });
    expect(lowered.status).toBe(400);
    expect(lowered.body.errors?.['k']).toMatch(/k must be at least 5/);
  });
});

/**
 * A cohort built for k = 5, each person's quasi-identifiers set by hand (as the database's owner,
 * after the API made citizen, enrolment, session and assessment). Generalised by hand:
 *   A  5 × 1981 male,   referral 2025-02, start 2025-03, end 2025-08, completed   → 1980-1984 male Q1 Q1 Q3 completed
 *   B  5 × the same, end 2025-09, dropped_out                                      → 1980-1984 male Q1 Q1 Q3 dropped_out
 *   C  5 × 1981 male, referral 2025-02, start 2025-03, completed, ends 2025-05 (2), 2025-11 (2), 2026-01 (1)
 *                                                                                   → Q2, Q4, 2026-Q1: groups of 2, 2, 1
 *   D  5 × 1981 male, referral 2025-02, start 2025-03, not ended, active           → 1980-1984 male Q1 Q1 '' active
 *   F  1 × 1952 female, referral 2025-05, start 2025-06, end 2025-08, dropped_out  → 1950-1954 female Q2 Q2 Q3 dropped_out
 *   G  5 × 1942 female, referral 2024-11, not started, referred                    → 1940-1944 female 2024-Q4 '' '' referred
 * Local suppression by hand (an offending group with the most values left moves first):
 *   round 1: A+B fine (5 each, two states). C's three groups (6 values left, under 5) and F (6) lose
 *            their end quarter; D (5 left, one state) and G (4) wait. C is now one group of 5 beside D.
 *   round 2: C and D fine (5 each, completed and active). F loses start, round 3 referral (G too),
 *            round 4 sex (both), round 5 birth band (both): F and G share municipality and programme.
 *   round 6: G is fine (dropped_out beside it), F (1 row) loses its municipality; round 7: G has one
 *            state again and loses its municipality; round 8: F has nothing left: withheld; round 9:
 *            G is the only state left: withheld.
 * So the file holds A, B, C (end quarter empty: 5 values suppressed) and D: 20 rows; F and G (6) are withheld.
 */
interface Person {
  group: 'A' | 'B' | 'C' | 'D' | 'F' | 'G';
  birthYear: number;
  sex: 'male' | 'female';
  referral: string;
  start: string | null;
  end: string | null;
  state: string;
}
const times = (n: number, person: Person): Person[] => Array.from({ length: n }, () => ({ ...person }));
const MAN = { birthYear: 1981, sex: 'male', referral: '2025-02-10', start: '2025-03-03' } as const;
const COHORT: Person[] = [
  ...times(5, { group: 'A', ...MAN, end: '2025-08-20', state: 'completed' }),
  ...times(5, { group: 'B', ...MAN, end: '2025-09-12', state: 'dropped_out' }),
  ...times(2, { group: 'C', ...MAN, end: '2025-05-15', state: 'completed' }),
  ...times(2, { group: 'C', ...MAN, end: '2025-11-04', state: 'completed' }),
  ...times(1, { group: 'C', ...MAN, end: '2026-01-20', state: 'completed' }),
  ...times(5, { group: 'D', ...MAN, end: null, state: 'active' }),
  { group: 'F', birthYear: 1952, sex: 'female', referral: '2025-05-06', start: '2025-06-02', end: '2025-08-29', state: 'dropped_out' },
  ...times(5, { group: 'G', birthYear: 1942, sex: 'female', referral: '2024-11-18', start: null, end: null, state: 'referred' }),
];
const WITHHELD = new Set(['F', 'G']);
/** The first of each group gets a session and an assessment: F's and G's must not appear anywhere. */
const FIRST_OF_GROUP = new Set(['A', 'C', 'D', 'F', 'G'].map((g) => COHORT.findIndex((p) => p.group === g)));

/** Written here, not imported: the test's own reading of the scheme. */
const band = (year: number): string => `${year - (year % 5)}-${year - (year % 5) + 4}`;
const quarter = (date: string | null): string => (date === null ? '' : `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`);
const QI_COLUMNS = ['birth_year_band', 'sex', 'municipality_code', 'programme_code', 'referral_quarter', 'start_quarter', 'end_quarter', 'state'];

describe('a k-anonymous export', () => {
  let programmeId: string;
  let projectId: string;
  let aarhusCode: string;

  beforeAll(async () => {
    programmeId = await ownProgramme();
    aarhusCode = (await db().query<{ code: string }>(`SELECT code FROM municipality WHERE name = 'Aarhus'`)).rows[0]?.code ?? '';
    expect(aarhusCode).toMatch(/^\d{3}$/);
    for (const [i, person] of COHORT.entries()) {
      const enrolment = await activeEnrolment('aarhus', programmeId);
      if (FIRST_OF_GROUP.has(i)) {
        const session = await call('POST', '/api/sessions', { enrolmentId: enrolment.id, startsAt: new Date(Date.now() - 3600_000).toISOString(), durationMinutes: 50, kind: 'case-management-meeting', attendance: 'attended' }, { as: staff.aarhus });
        expect(session.status).toBe(201);
        // A second attended session of 70 minutes, entered in error: in no file's count or minutes (issue 21).
        const wrong = await call<{ id: string; version: number }>('POST', '/api/sessions', { enrolmentId: enrolment.id, startsAt: new Date(Date.now() - 2 * 3600_000).toISOString(), durationMinutes: 70, kind: 'case-management-meeting', attendance: 'attended', confirmDuplicate: true }, { as: staff.aarhus });
        expect(wrong.status).toBe(201);
        expect((await call('POST', `/api/sessions/${wrong.body.id}/entered-in-error`, { reason: 'Dobbeltregistreret', version: wrong.body.version }, { as: staff.aarhus })).status).toBe(200);
        const assessment = await call('POST', '/api/assessments', { enrolmentId: enrolment.id, timepoint: 'intake', date: today(), items }, { as: staff.aarhus });
        expect(assessment.status).toBe(201);
      }
      await db().query('UPDATE citizen SET birth_year = $2, sex = $3 WHERE id = $1', [enrolment.citizenId, person.birthYear, person.sex]);
      await db().query('UPDATE enrolment SET referral_date = $2, start_date = $3, end_date = $4, state = $5 WHERE id = $1', [enrolment.id, person.referral, person.start, person.end, person.state]);
    }
    const created = await project([programmeId], { periodFrom: '2024-01-01', periodTo: '2026-12-31' });
    expect(created.status).toBe(201);
    projectId = created.body.id;
  }, 180_000);

  const column = (cells: string[][], name: string): string[] => {
    const i = cells[0]?.indexOf(name) ?? -1;
    expect(i).toBeGreaterThanOrEqual(0);
    return cells.slice(1).map((r) => r[i] ?? '');
  };
  const tuples = (cells: string[][], names: string[]): string[][] => {
    const columns = names.map((n) => column(cells, n));
    return cells.slice(1).map((_, r) => columns.map((c) => c[r] ?? ''));
  };
  const tally = (keys: string[]): Map<string, number> => keys.reduce((m, key) => m.set(key, (m.get(key) ?? 0) + 1), new Map<string, number>());

  it('gives every combination of quasi-identifiers at least k = 5 rows and two states, counted in the file', async () => {
    const { cells } = await runExport(projectId, 'enrolments');
    const rows = tuples(cells, QI_COLUMNS);
    expect(rows.length).toBeGreaterThan(0);
    for (const [, n] of tally(rows.map((t) => JSON.stringify(t)))) expect(n).toBeGreaterThanOrEqual(5);
    const states = new Map<string, Set<string>>();
    for (const t of rows) {
      const key = JSON.stringify(t.slice(0, -1));
      states.set(key, (states.get(key) ?? new Set()).add(t[t.length - 1] ?? ''));
    }
    for (const [, set] of states) expect(set.size).toBeGreaterThanOrEqual(2);
  });

  it('releases what the hand-worked suppression says, and its summary on the job equals what the file shows', async () => {
    const { job, cells } = await runExport(projectId, 'enrolments');
    const raw = (p: Person): string[] => [band(p.birthYear), p.sex, aarhusCode, '', quarter(p.referral), quarter(p.start), quarter(p.end), p.state];
    const programmeCode = column(cells, 'programme_code')[0] ?? '';
    const withProgramme = (t: string[]): string[] => t.map((v, i) => (i === 3 ? programmeCode : v));
    const released = COHORT.filter((p) => !WITHHELD.has(p.group));
    // C's end quarter emptied, everyone else in the file as generalised.
    const expected = released.map((p) => withProgramme(raw(p)).map((v, i) => (p.group === 'C' && i === 6 ? '' : v)));
    const inFile = tuples(cells, QI_COLUMNS);
    expect(inFile.map((t) => JSON.stringify(t)).sort()).toEqual(expected.map((t) => JSON.stringify(t)).sort());

    // Counted from the file against the raw data: empty cells in the file that were not empty before.
    const emptyInFile = inFile.flat().filter((v) => v === '').length;
    const emptyBefore = released.map(raw).flat().filter((v, i) => v === '' && i % 8 !== 3).length;
    const withheld = COHORT.length - inFile.length;
    expect(emptyInFile - emptyBefore).toBe(5);
    expect(withheld).toBe(6);
    expect(job.disclosure).toEqual({ k: 5, l: 2, generalisation: ['birth-year-5y', 'months-to-quarters'], suppressedValues: emptyInFile - emptyBefore, withheldRows: withheld });
    expect(job.rowCount).toBe(20);
  });

  it('shows no month or day anywhere, in any person-level file', async () => {
    for (const dataset of ['enrolments', 'assessments', 'sessions'] as const) {
      const { cells } = await runExport(projectId, dataset);
      expect(cells[0]?.filter((h) => h.endsWith('_month') || h === 'birth_year')).toEqual([]);
      expect(cells.slice(1).flat().filter((cell) => /^\d{4}-\d{2}(-\d{2})?$/.test(cell) || /\d{4}-\d{2}-\d{2}/.test(cell))).toEqual([]);
    }
  });

  it('leaves withheld people out of the assessments and sessions files too, with the same release in every file', async () => {
    const enrolments = (await runExport(projectId, 'enrolments')).cells;
    const assessments = await runExport(projectId, 'assessments');
    const sessions = await runExport(projectId, 'sessions');
    const people = new Set(column(enrolments, 'person_id'));
    // A, C and D's first have an assessment and an attended session; F's and G's first too, but they are withheld.
    expect(assessments.cells.slice(1)).toHaveLength(3);
    expect(column(assessments.cells, 'person_id').every((p) => people.has(p))).toBe(true);
    expect(new Set(column(sessions.cells, 'person_id'))).toEqual(people);
    // Hand count: three released people with one 50-minute session each; their sessions entered in error count nowhere.
    const sum = (cells: string[][], name: string): number => column(cells, name).map(Number).reduce((a, b) => a + b, 0);
    expect([sum(sessions.cells, 'sessions_attended'), sum(sessions.cells, 'session_minutes'), sum(enrolments, 'sessions_attended')]).toEqual([3, 150, 3]);
    expect(assessments.job.disclosure).toEqual(sessions.job.disclosure);
    // The quasi-identifiers of a person are the same in every file of the project.
    const key = ['person_id', 'birth_year_band', 'sex', 'municipality_code', 'programme_code'];
    const inEnrolments = new Set(tuples(enrolments, key).map((t) => JSON.stringify(t)));
    for (const t of tuples(sessions.cells, key)) expect(inEnrolments.has(JSON.stringify(t))).toBe(true);
    for (const t of tuples(assessments.cells, key)) expect(inEnrolments.has(JSON.stringify(t))).toBe(true);
  });

  it('keeps its pseudonyms through a change of k alone, and gives new ones after a change of scope', async () => {
    const created = await project([programmeId], { periodFrom: '2024-01-01', periodTo: '2026-12-31' });
    const first = column((await runExport(created.body.id, 'sessions')).cells, 'person_id').sort();
    expect(first).toHaveLength(20);
    const put = async (change: Record<string, unknown>): Promise<ExportProject> => {
      const current = (await call<ExportProject>('GET', `/api/export-projects/${created.body.id}`, undefined, { as: EVALUATOR })).body;
      const { name, purpose, municipalityIds, programmeIds, periodFrom, periodTo, k, version } = current;
      const res = await call<ExportProject>('PUT', `/api/export-projects/${created.body.id}`, { name, purpose, municipalityIds, programmeIds, periodFrom, periodTo, k, version, ...change }, { as: EVALUATOR });
      expect(res.status).toBe(200);
      return res.body;
    };
    expect((await put({ k: 6 })).k).toBe(6);
    expect((await put({ k: 5 })).k).toBe(5);
    expect(column((await runExport(created.body.id, 'sessions')).cells, 'person_id').sort()).toEqual(first);
    // Wider by three months: the same 26 referrals in scope, the same release, and not one pseudonym in common.
    await put({ periodFrom: '2023-10-01' });
    const after = column((await runExport(created.body.id, 'sessions')).cells, 'person_id');
    expect(after).toHaveLength(20);
    expect(after.filter((p) => first.includes(p))).toEqual([]);
  });

  it('gives new pseudonyms after the migration renewed a project’s key (a salt, as for a day-level period widened to months)', async () => {
    const created = await project([programmeId], { periodFrom: '2024-01-01', periodTo: '2026-12-31' });
    const before = column((await runExport(created.body.id, 'sessions')).cells, 'person_id');
    // What migration 1795651000000 does to a project whose period had day-level bounds.
    await db().query(`UPDATE export_project SET pseudonym_key_salt = gen_random_uuid()::text || gen_random_uuid()::text WHERE id = $1`, [created.body.id]);
    const after = column((await runExport(created.body.id, 'sessions')).cells, 'person_id');
    expect(after).toHaveLength(before.length);
    expect(after.filter((p) => before.includes(p))).toEqual([]);
    const again = column((await runExport(created.body.id, 'sessions')).cells, 'person_id');
    expect(again.sort()).toEqual([...after].sort());
  });

  it('states the scheme, the project’s k and l, and how ASI scores are stored, in the codebook', async () => {
    const wide = await project([programmeId], { periodFrom: '2024-01-01', periodTo: '2026-12-31', k: 11 });
    const { job, cells } = await runExport(wide.body.id, 'codebook');
    expect(job.disclosure).toBeNull();
    // Cells are split on commas: only the first two columns (dataset, variable) and the value of k are read.
    const disclosure = cells.filter((r) => r[0] === 'disclosure');
    expect(disclosure.map((r) => r[1])).toEqual(['k', 'l', 'birth-year-5y', 'months-to-quarters', 'local-suppression', 'asi-composites']);
    const text = cells.map((r) => r.join(',')).join('\n');
    expect(text).toMatch(/disclosure,k,k \(mindste gruppe\),k \(smallest group\),integer,11,/);
    expect(text).toMatch(/disclosure,l,[^\n]*,integer,2,/);
    expect(text).toMatch(/birth_year_band,.*5-year band/);
    expect(text).toMatch(/An empty value may be a suppression/);
    expect(text).toMatch(/double precision/);
    expect(text).toMatch(/rounded to 3 decimals/);
  });
});
