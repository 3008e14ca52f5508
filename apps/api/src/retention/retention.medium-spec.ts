import type { OutcomeReport } from '@outcomes/contracts';
import { DEMO_IDS } from '@outcomes/seeds';
import type { AppConfig } from '../config/config';
import { OutcomeCounting } from '../outcomes/outcome-counting.service';
import { CITIZEN_DATA_TABLE_NAMES } from '../database/citizen-data-tables';
import type { CitizenDataTable } from '../database/citizen-data-tables';
import { Factories } from '../testing/factories';
import { demoUser, mediumDatabase, refusal } from '../testing/medium';
import { backdate, fillEveryTable, rowsPerTable } from '../testing/retention-rows';
import { RETENTION_SYSTEM_USER_ID, runInEveryMunicipality } from './retention-nightly';
import { allMunicipalityIds } from './retention.queries';
import { RetentionService } from './retention.service';

/**
 * The rule's edges (docs/domain.md "Retention"): who is due, who is not, that an erasure empties every
 * table of the citizen and keeps the aggregate of their courses, that a legal hold stops it, and what
 * the API's role cannot do on its own. Dates are moved back in whole years from the rows' own, so the
 * edges do not depend on today's date.
 */
const medium = mediumDatabase();
const make = new Factories(() => medium.owner, medium.crypto);
// The run counts the kept figures in its own transaction (decision 166): no read replica is used.
const service = new RetentionService(medium.db, new OutcomeCounting(medium.db, { disclosure: { maxNoise: 3, variance: 2 } } as AppConfig));
const admin = demoUser('aarhus', 'admin');
const staff = demoUser('aarhus', 'staff');

/** A citizen of Aarhus with one completed course and a row in every table, every date `years` back. */
async function closedCitizen(years: number, options: { health?: boolean; state?: 'completed' | 'active' } = {}): Promise<string> {
  const enrolment = await make.enrolment('aarhus', { state: options.state ?? 'completed' });
  if (options.health ?? true) {
    await make.assessment(enrolment, 'intake', enrolment.startDate as string);
    await fillEveryTable(medium.owner, enrolment, (field, plain) => medium.crypto.encrypt(field, plain));
    await make.courseWithMembers([enrolment], 1);
  }
  await backdate(medium.owner, enrolment.citizenId, years);
  return enrolment.citizenId;
}

/** A citizen of Aarhus with one MOVE course ended `state`, every date 25 years back. */
async function closedMove(state: 'completed' | 'dropped_out'): Promise<string> {
  const enrolment = await make.enrolment('aarhus', { programme: 'move', state });
  await backdate(medium.owner, enrolment.citizenId, 25);
  return enrolment.citizenId;
}

const dueIds = async (): Promise<string[]> => (await medium.as(admin, () => service.overview())).due.map((d) => d.citizenId);

describe('retention', () => {
  it('lists a closed citizen whose last entry is older than the period, and erases every row of theirs, in every table', async () => {
    const citizenId = await closedCitizen(11);
    const before = await rowsPerTable(medium.owner, citizenId);
    // Every table holds a row of this citizen: an erasure that missed a table would show below.
    const empty = CITIZEN_DATA_TABLE_NAMES.filter((t) => before[t] === 0);
    expect(empty).toEqual([]);
    const overview = await medium.as(admin, () => service.overview());
    const listed = overview.due.find((d) => d.citizenId === citizenId);
    expect(listed?.rows).toEqual(before);
    expect(listed?.health).toBe(true);

    const run = await medium.as(admin, async (ctx) => {
      const r = await service.run('admin');
      // One access-log row per erased citizen, naming them, and one for the run.
      expect(ctx.accesses.filter((a) => a.action === 'delete' && a.citizenId === citizenId)).toHaveLength(1);
      return r;
    });
    const after = await rowsPerTable(medium.owner, citizenId);
    expect(Object.values(after).every((n) => n === 0)).toBe(true);
    // The run erased exactly what the dry run listed, table by table.
    expect(run?.erased).toEqual(overview.rows);
    expect(run?.citizens).toBe(overview.dueTotal);
  });

  it('keeps the aggregate of the erased courses: programme, referral year, kind and state, counted, no citizen', async () => {
    const citizenId = await closedCitizen(11);
    const [course] = (await medium.owner.query(`SELECT programme_id, extract(year FROM referral_date)::int AS year FROM enrolment WHERE citizen_id = $1`, [citizenId])) as { programme_id: string; year: number }[];
    const run = await medium.as(admin, () => service.run('admin'));
    expect(run?.courses).toContainEqual(expect.objectContaining({ programmeId: course?.programme_id, year: course?.year, courseKind: 'sel-101', state: 'completed' }));
    const [stored] = (await medium.owner.query(`SELECT courses::text AS courses FROM retention_run WHERE id = $1`, [run?.id])) as { courses: string }[];
    expect(stored?.courses).not.toContain(citizenId);
  });

  it('keeps the year’s outcome figures before it erases, disclosure-controlled: three courses leave no count readable, none of the citizens in them', async () => {
    // Three MOVE courses, 25 years back: two completed, one dropped out (a year no other test uses).
    const citizens = [await closedMove('completed'), await closedMove('completed'), await closedMove('dropped_out')];
    const [{ year } = { year: 0 }] = (await medium.owner.query(`SELECT DISTINCT extract(year FROM referral_date)::int AS year FROM enrolment WHERE citizen_id = ANY($1)`, [citizens])) as { year: number }[];
    const overview = await medium.as(admin, () => service.overview());
    expect(overview.keptYears).toContainEqual({ programmeId: DEMO_IDS.programmes.move, year });
    const run = await medium.as(admin, () => service.run('admin'));
    const [kept] = (await medium.owner.query(
      `SELECT retention_run_id AS "runId", report, report::text AS text FROM retained_outcome_report WHERE programme_id = $1 AND year = $2`,
      [DEMO_IDS.programmes.move, year],
    )) as { runId: string; report: OutcomeReport; text: string }[];
    expect(kept?.runId).toBe(run?.id);
    expect([kept?.report.from, kept?.report.to, kept?.report.disclosureControlled, kept?.report.budget]).toEqual([`${year}-01-01`, `${year}-12-31`, true, null]);
    // Counted by hand: 3 referred and started, 2 completed, 1 dropped out, none else. What is kept is
    // each of these perturbed (at most DISCLOSURE_MAX_NOISE, 3, away) or withheld as under 5: never
    // the exact small figures of the erased (decision 182).
    const byHand = { referred: 3, started: 3, completed: 2, droppedOut: 1, transferred: 0, cancelled: 0, open: 0 };
    for (const [name, count] of Object.entries(byHand)) {
      const kept_ = kept?.report.counts[name as keyof typeof byHand];
      expect({ name, within: kept_ === null || (kept_ !== undefined && kept_ >= 5 && Math.abs(kept_ - count) <= 3) }).toEqual({ name, within: true });
    }
    expect(kept?.report.counts.referred === 3 && kept.report.counts.completed === 2 && kept.report.counts.droppedOut === 1).toBe(false);
    for (const id of citizens) expect(kept?.text).not.toContain(id);
    // Nothing is due now, and the year is not listed again.
    expect((await medium.as(admin, () => service.overview())).keptYears).not.toContainEqual({ programmeId: DEMO_IDS.programmes.move, year });
  });

  it('writes no kept figures as staff, nor for another municipality, in SQL', async () => {
    const run = await medium.as(admin, () => service.run('admin'));
    const insert = `INSERT INTO retained_outcome_report (municipality_id, programme_id, year, retention_run_id, report) VALUES ($1, $2, 1901, $3, '{}')`;
    await expect(medium.as(staff, () => medium.db.manager().query(insert, [DEMO_IDS.municipalities.aarhus, DEMO_IDS.programmes.move, run?.id]))).rejects.toThrow(/row-level security/);
    await expect(medium.as(admin, () => medium.db.manager().query(insert, [DEMO_IDS.municipalities.odense, DEMO_IDS.programmes.move, run?.id]))).rejects.toThrow(/row-level security/);
  });

  it('leaves out a citizen with an open course, however old', async () => {
    const citizenId = await closedCitizen(30, { state: 'active' });
    expect(await dueIds()).not.toContain(citizenId);
  });

  it('leaves out a citizen whose last entry is inside the period: social records after 5 years, health records after 10', async () => {
    const social4 = await closedCitizen(4, { health: false });
    const social6 = await closedCitizen(6, { health: false });
    const health6 = await closedCitizen(6, { health: true });
    const health11 = await closedCitizen(11, { health: true });
    const due = await dueIds();
    expect(due).not.toContain(social4);
    expect(due).toContain(social6);
    expect(due).not.toContain(health6);
    expect(due).toContain(health11);
  });

  it('follows the municipality’s settings', async () => {
    const social4 = await closedCitizen(4, { health: false });
    await medium.owner.query(`UPDATE municipality SET retention_social_years = 3 WHERE id = $1`, [admin.municipalityId]);
    expect(await dueIds()).toContain(social4);
  });

  it('leaves out a citizen under a legal hold, and refuses their erasure with 409 LEGAL_HOLD naming why, nothing written', async () => {
    const citizenId = await closedCitizen(11);
    const hold = await medium.as(staff, () => service.placeHold({ citizenId, reason: 'Retssag om erstatning' }));
    expect(await dueIds()).not.toContain(citizenId);
    const before = await rowsPerTable(medium.owner, citizenId);
    const refused = await refusal(medium.as(admin, () => service.erase({ citizenId })));
    expect(refused).toMatchObject({ statusCode: 409, code: 'LEGAL_HOLD' });
    expect(refused.errors?.['citizenId']).toContain('Retssag om erstatning');
    expect(await rowsPerTable(medium.owner, citizenId)).toEqual(before);
    // Lifted (with a reason), the citizen is due again.
    await medium.as(staff, () => service.liftHold(hold.id, { liftReason: 'Sagen er afsluttet', version: hold.version }));
    expect(await dueIds()).toContain(citizenId);
  });

  it('refuses the erasure of a citizen who is not due with 409 NOT_DUE', async () => {
    const citizenId = await closedCitizen(2);
    expect(await refusal(medium.as(admin, () => service.erase({ citizenId })))).toMatchObject({ statusCode: 409, code: 'NOT_DUE' });
  });

  describe('the API’s role on its own (a bug or an intruder in its session)', () => {
    const asApp = async <T>(municipalityId: string, work: () => Promise<T>): Promise<T> => {
      await medium.owner.query('SAVEPOINT attacker');
      try {
        await medium.owner.query('SET LOCAL ROLE outcomes_app');
        await medium.owner.query(`SELECT set_config('app.municipality_id', $1, true), set_config('app.role', 'admin', true)`, [municipalityId]);
        return await work();
      } finally {
        await medium.owner.query('ROLLBACK TO SAVEPOINT attacker');
        await medium.owner.query('RESET ROLE');
      }
    };
    const error = async (sql: string, params: unknown[], municipalityId = admin.municipalityId as string, before?: () => Promise<unknown>): Promise<string> =>
      asApp(municipalityId, async () => {
        try {
          await before?.();
          await medium.owner.query(sql, params);
          return 'no error';
        } catch (e) {
          return (e as Error).message;
        }
      });

    it('cannot delete a citizen’s rows, the append-only ones least of all, even with the erasure’s setting', async () => {
      const citizenId = await closedCitizen(11);
      expect(await error(`DELETE FROM citizen WHERE id = $1`, [citizenId])).toMatch(/permission denied/);
      expect(await error(`DELETE FROM enrolment WHERE citizen_id = $1`, [citizenId])).toMatch(/permission denied/);
      for (const table of ['note_version', 'treatment_plan_revision', 'case_decision'] satisfies CitizenDataTable[]) {
        // The erasure's own setting, set by the attacker, opens nothing: the trigger also asks who is deleting.
        const setting = (): Promise<unknown> => medium.owner.query(`SELECT set_config('retention.erasing', $1, true)`, [citizenId]);
        expect(await error(`DELETE FROM ${table} WHERE citizen_id = $1`, [citizenId], admin.municipalityId as string, setting)).toMatch(/permission denied|append-only/);
      }
      expect((await rowsPerTable(medium.owner, citizenId)).note_version).toBeGreaterThan(0);
    });

    it('can erase through retention_erase() only a due citizen of the municipality its transaction is in', async () => {
      const notDue = await closedCitizen(2);
      const due = await closedCitizen(11);
      expect(await error(`SELECT retention_erase($1)`, [notDue])).toMatch(/not due/);
      const odense = demoUser('odense', 'admin').municipalityId as string;
      expect(await error(`SELECT retention_erase($1)`, [due], odense)).toMatch(/no such citizen/);
      const held = await closedCitizen(11);
      await medium.as(staff, () => service.placeHold({ citizenId: held, reason: 'Klage til Ankestyrelsen' }));
      expect(await error(`SELECT retention_erase($1)`, [held])).toMatch(/legal hold/);
    });
  });

  it('shows another municipality’s admin none of it', async () => {
    const citizenId = await closedCitizen(11);
    const odense = await medium.as(demoUser('odense', 'admin'), () => service.overview());
    expect(odense.due.map((d) => d.citizenId)).not.toContain(citizenId);
    const refused = await refusal(medium.as(demoUser('odense', 'admin'), () => service.erase({ citizenId })));
    expect(refused).toMatchObject({ statusCode: 404 });
    // Still there: the citizen and the alias merged into it (fillEveryTable).
    expect((await rowsPerTable(medium.owner, citizenId)).citizen).toBe(2);
  });
});

describe('the nightly job (runInEveryMunicipality, as RetentionJob.runAll calls it)', () => {
  type Logged = { municipalityId: string; userId: string; action: string; citizenId: string | null };
  /** One night: every municipality's run in a savepoint of the test's transaction; `failFor` makes one municipality's run throw. */
  async function night(failFor: Set<string>, accesses: Logged[]): Promise<number> {
    const quiet = { log: () => undefined, error: () => undefined };
    return runInEveryMunicipality(
      await allMunicipalityIds(medium.owner),
      (user) =>
        medium.as(user, async (ctx) => {
          if (failFor.has(user.municipalityId ?? '')) throw new Error('the database went away for this municipality');
          const run = await service.run('schedule');
          accesses.push(...ctx.accesses.map((x) => ({ municipalityId: user.municipalityId ?? '', userId: user.id, action: x.action, citizenId: x.citizenId ?? null })));
          return run;
        }),
      quiet,
    );
  }

  it('runs in every municipality as the system, erases what each one has due, and one municipality that fails stops no other', async () => {
    const aarhusCitizen = await closedCitizen(11);
    const odense = await make.enrolment('odense', { state: 'completed' });
    await backdate(medium.owner, odense.citizenId, 11);
    const odenseId = DEMO_IDS.municipalities.odense;
    const aarhusId = DEMO_IDS.municipalities.aarhus;

    // Night 1: Odense's run fails; Aarhus's erases its citizen all the same.
    const night1: Logged[] = [];
    expect(await night(new Set([odenseId]), night1)).toBe(1);
    expect((await rowsPerTable(medium.owner, aarhusCitizen)).citizen).toBe(0);
    expect((await rowsPerTable(medium.owner, odense.citizenId)).citizen).toBe(1);
    expect(night1.filter((a) => a.action === 'delete').map((a) => [a.municipalityId, a.userId, a.citizenId])).toEqual([[aarhusId, RETENTION_SYSTEM_USER_ID, aarhusCitizen]]);

    // Night 2: Odense's citizen is still due and goes; Aarhus has nothing left.
    const night2: typeof night1 = [];
    expect(await night(new Set(), night2)).toBe(1);
    expect((await rowsPerTable(medium.owner, odense.citizenId)).citizen).toBe(0);
    expect(night2.filter((a) => a.action === 'delete').map((a) => [a.municipalityId, a.citizenId])).toEqual([[odenseId, odense.citizenId]]);

    // Each run is recorded in its municipality as the schedule's, by no user.
    const runs = (await medium.owner.query(`SELECT municipality_id, trigger, user_id, citizens FROM retention_run WHERE trigger = 'schedule' ORDER BY started_at`)) as { municipality_id: string; trigger: string; user_id: string | null; citizens: number }[];
    expect(runs.filter((r) => r.citizens > 0).map((r) => [r.municipality_id, r.user_id, r.citizens])).toEqual([
      [aarhusId, null, 1],
      [odenseId, null, 1],
    ]);
  });
});
