import type { RawListQuery, WorklistItem } from '@outcomes/contracts';
import { DEMO_IDS } from '@outcomes/seeds';
import type { AuthUser } from '../auth/auth-user';
import type { EnrolmentEntity } from '../enrolments/enrolment.entity';
import { Factories } from '../testing/factories';
import { demoUser, mediumDatabase } from '../testing/medium';
import type { Town } from '../testing/medium';
import { AssessmentsService } from './assessments.service';

// The worklist is computed in SQL (worklist-sql.ts, decision 148). Its reference
// is the computation the API made before: every active or ended enrolment of the filter loaded, each
// one's schedule computed by libs/domain followUpSchedule (through AssessmentsService.schedule, which
// still computes one enrolment's schedule that way), the open items kept, filtered, sorted by due
// date and only then paged. The old code left the order of two items due the same day to the order
// the enrolments happened to load in; the SQL orders them by enrolment id, then in the schedule's
// order, and the reference does the same (a stable sort of the enrolments taken in id order).

const medium = mediumDatabase();
const factories = new Factories(() => medium.owner, medium.crypto);
let born = 0;
/** Each citizen born on a day of their own: the factories' random CPR serials repeat within ~50 on one birth date. */
const make = {
  enrolment: async (town: Town, input: Parameters<Factories['enrolment']>[1] = {}) => {
    born += 1;
    const birthDate = new Date(Date.UTC(1950, 0, 1 + born)).toISOString().slice(0, 10);
    return factories.enrolment(town, { ...input, citizen: await factories.citizen(town, { birthDate }) });
  },
  assessment: factories.assessment.bind(factories),
};
const assessments = new AssessmentsService(medium.db);
const day = Factories.day;
const odenseStaff = demoUser('odense', 'staff');
const aarhusStaff = demoUser('aarhus', 'staff');
const OPEN = ['upcoming', 'in-window', 'overdue'];

const query = (filter: Record<string, string>, range?: [number, number]): RawListQuery => ({ filter: JSON.stringify(filter), ...(range ? { range: JSON.stringify(range) } : {}) });

/** The old JS worklist, whole (not paged): what every page and total must agree with. */
async function reference(user: AuthUser, filter: { staffUserId?: string; centreId?: string; status?: string }): Promise<WorklistItem[]> {
  return medium.as(user, async () => {
    const enrolments = (await medium.owner.query(
      `SELECT id, citizen_id AS "citizenId", programme_id AS "programmeId", centre_id AS "centreId", staff_user_id AS "staffUserId"
         FROM enrolment WHERE state IN ('active', 'completed', 'dropped_out')
          AND ($1::uuid IS NULL OR staff_user_id = $1) AND ($2::uuid IS NULL OR centre_id = $2)`,
      [filter.staffUserId ?? null, filter.centreId ?? null],
    )) as Pick<EnrolmentEntity, 'id' | 'citizenId' | 'programmeId' | 'centreId' | 'staffUserId'>[];
    enrolments.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const items: WorklistItem[] = [];
    for (const e of enrolments) {
      const { due, attempts } = await assessments.schedule(e.id);
      for (const d of due.filter((d) => OPEN.includes(d.status))) {
        items.push({ ...d, id: `${e.id}:${d.timepoint}`, enrolmentId: e.id, citizenId: e.citizenId, programmeId: e.programmeId, centreId: e.centreId, staffUserId: e.staffUserId, attempts: attempts.filter((a) => a.timepoint === d.timepoint) });
      }
    }
    return items.filter((i) => !filter.status || i.status === filter.status).sort((a, b) => (a.dueDate ?? '').localeCompare(b.dueDate ?? ''));
  });
}

const worklist = (user: AuthUser, raw: RawListQuery) => medium.as(user, () => assessments.worklist(raw));

/** A national programme made for the test: follow-ups out of order, one the schedule does not know (4), a short window. */
async function programme(months: number[], windowDays: number): Promise<string> {
  const [row] = (await medium.owner.query(
    `INSERT INTO programme (code, name, format, follow_up_months, follow_up_window_days)
     SELECT $1, 'Testprogram', format, $2, $3 FROM programme WHERE id = $4 RETURNING id`,
    [`T${Math.floor(Math.random() * 1e6)}`, months, windowDays, DEMO_IDS.programmes.hcs],
  )) as { id: string }[];
  return (row as { id: string }).id;
}

async function inProgramme(e: EnrolmentEntity, programmeId: string): Promise<EnrolmentEntity> {
  await medium.owner.query('UPDATE enrolment SET programme_id = $2 WHERE id = $1', [e.id, programmeId]);
  return { ...e, programmeId } as EnrolmentEntity;
}

async function attempt(e: EnrolmentEntity, timepoint: string, date: string, reached: boolean): Promise<void> {
  await medium.owner.query(
    `INSERT INTO follow_up_attempt (municipality_id, enrolment_id, timepoint, attempted_on, channel, reached, user_id) VALUES ($1, $2, $3, $4, 'phone', $5, $6)`,
    [e.municipalityId, e.id, timepoint, date, reached, e.staffUserId],
  );
}

/** Many enrolments in both towns across programmes, states and dates, with the windows' edges. */
async function caseload(town: Town): Promise<void> {
  const quarterly = await programme([12, 3, 4, 9, 6], 7);
  // The intake's window (HCS: 30 days either side of the start): its last day, the day after, its first day, the day before.
  for (const start of [-30, -31, 30, 31, 0, -5, -5, -5]) await make.enrolment(town, { programme: 'hcs', startDate: day(start), referralDate: day(Math.min(start, 0) - 5) });
  // Not started, cancelled: owe nothing.
  await make.enrolment(town, { state: 'referred' });
  await make.enrolment(town, { state: 'cancelled' });
  // Ended courses: completed and dropped out, with and without follow-ups (SMART has none).
  const ended = [];
  for (const [programmeKey, state, end] of [
    ['hcs', 'completed', -100],
    ['hcs', 'dropped_out', -100],
    ['hcs', 'completed', -120],
    ['hcs', 'completed', -10],
    ['smart', 'completed', -40],
    ['smart', 'dropped_out', -400],
    ['move', 'completed', -200],
  ] as const) {
    ended.push(await make.enrolment(town, { programme: programmeKey, state, referralDate: day(end - 200), startDate: day(end - 150), endDate: day(end) }));
  }
  const [hcsDone, hcsDropped, hcsLater] = ended as [EnrolmentEntity, EnrolmentEntity, EnrolmentEntity];
  // Done, whatever the date (even outside the window): off the list.
  await make.assessment(hcsDone, 'intake', day(-250));
  await make.assessment(hcsDone, 'end', day(-30));
  // A follow-up attempted but not done stays on the list and carries its attempts, oldest first.
  await attempt(hcsDone, 'follow-up-3', day(-5), false);
  await attempt(hcsDone, 'follow-up-3', day(-3), false);
  await attempt(hcsDone, 'follow-up-6', day(-2), true);
  await attempt(hcsDropped, 'end', day(-90), false);
  // A follow-up done: off the list while the next stays.
  await make.assessment(hcsLater, 'follow-up-3', day(-25));
  // The 31st plus months clamps to the shorter month's last day; a short window, follow-ups out of order.
  for (const end of ['2025-08-31', '2025-10-31', '2025-05-31', day(-95)]) {
    const e = await make.enrolment(town, { state: 'completed', referralDate: '2024-12-01', startDate: '2025-01-02', endDate: end });
    await inProgramme(e, quarterly);
  }
  // A quarterly course ended about three months ago: its first follow-up near its 7-day window.
  const edge = await make.enrolment(town, { state: 'completed', referralDate: '2024-12-01', startDate: '2025-01-02', endDate: day(-92) });
  await inProgramme(edge, quarterly);
  // Someone else's and no one's cases (the staff filter), the other centre (Aarhus has two: the centre filter).
  const colleague = await make.enrolment(town, { startDate: day(-3) });
  await medium.owner.query('UPDATE enrolment SET staff_user_id = NULL WHERE id = $1', [colleague.id]);
  if (town === 'aarhus') {
    const west = await make.enrolment(town, { state: 'completed', startDate: day(-150), endDate: day(-60) });
    await medium.owner.query('UPDATE enrolment SET centre_id = $2 WHERE id = $1', [west.id, DEMO_IDS.centres.aarhusVest]);
  }
}

describe('The worklist computed in SQL equals the schedule computed by libs/domain', () => {
  const filters: [string, AuthUser, Record<string, string>][] = [
    ['everything (Odense)', odenseStaff, {}],
    ['a staff member’s', odenseStaff, { staffUserId: DEMO_IDS.users.odense.staff }],
    ['the overdue', odenseStaff, { status: 'overdue' }],
    ['the in-window of a staff member', odenseStaff, { status: 'in-window', staffUserId: DEMO_IDS.users.odense.staff }],
    ['the upcoming', odenseStaff, { status: 'upcoming' }],
    ['done (never on the list)', odenseStaff, { status: 'done' }],
    ['a centre’s (Aarhus Vest)', aarhusStaff, { centreId: DEMO_IDS.centres.aarhusVest }],
    ['a centre’s (Aarhus Centrum), overdue', aarhusStaff, { centreId: DEMO_IDS.centres.aarhusCentrum, status: 'overdue' }],
    ['a staff member’s at a centre (Aarhus Vest)', aarhusStaff, { staffUserId: DEMO_IDS.users.aarhus.staff, centreId: DEMO_IDS.centres.aarhusVest }],
    ['a staff member’s at a centre (Aarhus Centrum), in window', aarhusStaff, { staffUserId: DEMO_IDS.users.aarhus.staff, centreId: DEMO_IDS.centres.aarhusCentrum, status: 'in-window' }],
    ['everything (Aarhus)', aarhusStaff, {}],
  ];

  it.each(filters)('%s: every page, in order, and the total', async (_name, user, filter) => {
    await caseload('odense');
    await caseload('aarhus');
    const expected = await reference(user, filter);
    // The caseload puts items under every filter but `done` (never on the list): no comparison of two empty lists.
    expect(expected.length > 0).toBe(filter['status'] !== 'done');
    const whole = await worklist(user, query(filter, [0, 499]));
    expect(whole.total).toBe(expected.length);
    expect(whole.rows).toEqual(expected);
    // Pages of 7: each equals its slice of the reference, and the total is the whole list's.
    for (let from = 0; from < expected.length + 7; from += 7) {
      const page = await worklist(user, query(filter, [from, from + 6]));
      expect({ from, rows: page.rows, total: page.total }).toEqual({ from, rows: expected.slice(from, from + 7), total: expected.length });
    }
  });

  it('is not empty and covers every status, window edge and attempt the caseload was built for', async () => {
    await caseload('odense');
    const rows = (await worklist(odenseStaff, query({}, [0, 499]))).rows;
    // Hand-checked facts, independent of both computations.
    const intakeOf = (start: number) => rows.filter((r) => r.timepoint === 'intake' && r.dueDate === day(start)).map((r) => r.status);
    expect(intakeOf(-30)).toEqual(['in-window']); // the window's last day
    expect(intakeOf(-31)).toEqual(['overdue']); // the day after it
    expect(intakeOf(30)).toEqual(['in-window']); // the window's first day
    expect(intakeOf(31)).toEqual(['upcoming']); // the day before it
    expect(rows.filter((r) => r.dueDate === '2025-11-30' && r.timepoint === 'follow-up-3')).toHaveLength(1); // 31 August + 3 months
    expect(rows.filter((r) => r.dueDate === '2026-02-28' && r.timepoint === 'follow-up-6')).toHaveLength(1); // 31 August + 6 months
    const attempted = rows.find((r) => r.timepoint === 'follow-up-3' && r.attempts.length === 2);
    expect(attempted?.attempts.map((a) => [a.date, a.reached])).toEqual([
      [day(-5), false],
      [day(-3), false],
    ]);
    expect(rows.some((r) => r.timepoint === 'follow-up-12')).toBe(true);
    expect(rows.some((r) => (r.timepoint as string) === 'follow-up-4')).toBe(false);
    // Sorted by due date; the same day's items in a stable order.
    expect(rows.map((r) => r.dueDate)).toEqual([...rows.map((r) => r.dueDate)].sort());
  });

  it('never carries another municipality’s items, even when asked for its staff member or centre', async () => {
    await caseload('odense');
    await caseload('aarhus');
    // Read as the owner (no row-level security): the Aarhus enrolments the Odense worklist must not name.
    const aarhus = new Set(((await medium.owner.query('SELECT id FROM enrolment WHERE municipality_id = $1', [DEMO_IDS.municipalities.aarhus])) as { id: string }[]).map((r) => r.id));
    expect(aarhus.size).toBeGreaterThan(20);
    const own = await worklist(odenseStaff, query({}, [0, 499]));
    expect(own.rows.length).toBeGreaterThan(0);
    expect(own.rows.filter((r) => aarhus.has(r.enrolmentId))).toEqual([]);
    expect(await worklist(odenseStaff, query({ staffUserId: DEMO_IDS.users.aarhus.staff }, [0, 499]))).toEqual({ rows: [], offset: 0, total: 0 });
    expect(await worklist(odenseStaff, query({ centreId: DEMO_IDS.centres.aarhusVest }, [0, 499]))).toEqual({ rows: [], offset: 0, total: 0 });
  });
});
