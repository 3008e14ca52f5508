import type { ApiErrorBody, CitizenConsents, ExportJob, Municipality } from '@outcomes/contracts';
import { DEMO_IDS } from '@outcomes/seeds';
import { daysFromToday, today } from './support/dates';
import { activeEnrolment, admins, createCitizen, staff } from './support/fixtures';
import { asAppRole, call, closeDb, db } from './support/http';
import { AARHUS, EVALUATOR, ownProgramme, project, runExport } from './support/exports';

/**
 * Consent by purpose (issue 22; docs/domain.md, "Consent by purpose"; decisions 89-92): the code list,
 * the append-only history, its access log, the attacker's requests, and the evaluation purpose's
 * effect on the next export under both rules for "not asked".
 */

type Answer = CitizenConsents & ApiErrorBody;
const read = (citizenId: string, as: string = staff.aarhus) => call<Answer>('GET', `/api/citizens/${citizenId}/consents`, undefined, { as });
const record = (citizenId: string, body: Record<string, unknown>, as: string = staff.aarhus) => call<Answer>('POST', `/api/citizens/${citizenId}/consents`, body, { as });
const entries = async (citizenId: string): Promise<number> =>
  (await db().query<{ n: number }>('SELECT count(*)::int AS n FROM citizen_consent WHERE citizen_id = $1', [citizenId])).rows[0]?.n ?? -1;

/** A CPR number of someone born in March 2012: 14 on every day of December 2026 and the months around it. */
const fourteenYearOldCpr = (): string => `${String(1 + Math.floor(Math.random() * 28)).padStart(2, '0')}03124${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;

afterAll(closeDb);

describe('consent by purpose', () => {
  it('lists the five purposes, each not asked, for a new citizen; the parents’ only applies under 18', async () => {
    const citizen = await createCitizen('aarhus');
    const res = await read(citizen.id);
    expect(res.status).toBe(200);
    expect(res.body.purposes.map((p) => [p.purpose, p.state, p.applies])).toEqual([
      ['evaluation', 'not-asked', true],
      ['job-centre', 'not-asked', true],
      ['psychiatry', 'not-asked', true],
      ['relatives', 'not-asked', true],
      ['parents', 'not-asked', false],
    ]);
    expect(res.body.purposes.find((p) => p.purpose === 'psychiatry')).toMatchObject({ labelDa: 'Deling med regionens psykiatri', labelEn: "Sharing with the region's psychiatry" });
    expect(res.body.history).toEqual([]);
    expect(res.body.notAskedRule).toBe('included');
  });

  it('records given, then withdrawn, with date and who; the history keeps both, newest first', async () => {
    const citizen = await createCitizen('aarhus');
    const given = await record(citizen.id, { purpose: 'job-centre', event: 'given', onDate: daysFromToday(-10), basedOnEntry: 0 });
    expect(given.status).toBe(201);
    const jobCentre = given.body.purposes.find((p) => p.purpose === 'job-centre');
    expect(jobCentre).toMatchObject({ state: 'given', latest: { entry: 1, event: 'given', onDate: daysFromToday(-10), recordedByUserId: DEMO_IDS.users.aarhus.staff } });
    expect(jobCentre?.latest?.recordedByName).toBeTruthy();
    const withdrawn = await record(citizen.id, { purpose: 'job-centre', event: 'withdrawn', onDate: today(), basedOnEntry: 1 });
    expect(withdrawn.status).toBe(201);
    expect(withdrawn.body.purposes.find((p) => p.purpose === 'job-centre')).toMatchObject({ state: 'withdrawn', latest: { entry: 2, onDate: today() } });
    expect(withdrawn.body.history.map((h) => [h.purpose, h.entry, h.event])).toEqual([['job-centre', 2, 'withdrawn'], ['job-centre', 1, 'given']]);
    // Asked again later: given anew is a third entry; the earlier ones stay.
    const again = await record(citizen.id, { purpose: 'job-centre', event: 'given', onDate: today(), basedOnEntry: 2 });
    expect(again.status).toBe(201);
    expect(await entries(citizen.id)).toBe(3);
  });

  it('refuses a consent for an unknown purpose with 400 naming purpose and listing the codes, writing nothing', async () => {
    const citizen = await createCitizen('aarhus');
    const res = await record(citizen.id, { purpose: 'marketing', event: 'given', onDate: today(), basedOnEntry: 0 });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual({ purpose: 'purpose must be one of evaluation, job-centre, psychiatry, relatives, parents' });
    expect(await entries(citizen.id)).toBe(0);
  });

  it("refuses the parents' purpose for an adult and for a citizen of unknown age (400 naming why), and takes it for a 14-year-old", async () => {
    const adult = await createCitizen('aarhus');
    const refused = await record(adult.id, { purpose: 'parents', event: 'given', onDate: today(), basedOnEntry: 0 });
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.['purpose']).toBe(`purpose parents is only for a citizen under 18 on onDate (${today()})`);
    const unknown = await createCitizen('aarhus', { cpr: null, birthYear: 2012 });
    const noAge = await record(unknown.id, { purpose: 'parents', event: 'given', onDate: today(), basedOnEntry: 0 });
    expect(noAge.status).toBe(400);
    expect(noAge.body.errors?.['purpose']).toMatch(/birth date is unknown/);
    expect((await entries(adult.id)) + (await entries(unknown.id))).toBe(0);

    const young = await createCitizen('aarhus', { cpr: fourteenYearOldCpr() });
    expect((await read(young.id)).body.purposes.find((p) => p.purpose === 'parents')?.applies).toBe(true);
    expect((await record(young.id, { purpose: 'parents', event: 'refused', onDate: today(), basedOnEntry: 0 })).status).toBe(201);
  });

  it('refuses what the state does not allow (409), a stale entry (409), a future or earlier date and a bad event (400), writing nothing', async () => {
    const citizen = await createCitizen('aarhus');
    const notGiven = await record(citizen.id, { purpose: 'relatives', event: 'withdrawn', onDate: today(), basedOnEntry: 0 });
    expect(notGiven.status).toBe(409);
    expect(notGiven.body.code).toBe('CONSENT_STATE');
    expect(notGiven.body.errors?.['event']).toBe('only a given consent can be withdrawn (it is not-asked)');
    expect((await record(citizen.id, { purpose: 'relatives', event: 'given', onDate: daysFromToday(1), basedOnEntry: 0 })).body.errors).toEqual({ onDate: `onDate must not be after today (${today()})` });
    expect((await record(citizen.id, { purpose: 'relatives', event: 'maybe', onDate: today(), basedOnEntry: 0 })).body.errors).toEqual({ event: 'event must be one of given, refused, withdrawn' });
    expect(await entries(citizen.id)).toBe(0);

    expect((await record(citizen.id, { purpose: 'relatives', event: 'given', onDate: daysFromToday(-2), basedOnEntry: 0 })).status).toBe(201);
    const twice = await record(citizen.id, { purpose: 'relatives', event: 'refused', onDate: today(), basedOnEntry: 1 });
    expect([twice.status, twice.body.code]).toEqual([409, 'CONSENT_STATE']);
    const stale = await record(citizen.id, { purpose: 'relatives', event: 'withdrawn', onDate: today(), basedOnEntry: 0 });
    expect([stale.status, stale.body.code, stale.body.errors]).toEqual([409, 'VERSION_CONFLICT', { basedOnEntry: 'must be 1, the latest entry' }]);
    const before = await record(citizen.id, { purpose: 'relatives', event: 'withdrawn', onDate: daysFromToday(-3), basedOnEntry: 1 });
    expect(before.body.errors).toEqual({ onDate: `onDate must not be before the latest entry's date (${daysFromToday(-2)})` });
    expect(await entries(citizen.id)).toBe(1);
  });

  it('logs each read and each entry as an access to the citizen, in the same request', async () => {
    const citizen = await createCitizen('aarhus');
    const seq = (await db().query<{ s: string }>('SELECT coalesce(max(seq), 0)::text AS s FROM access_log')).rows[0]?.s ?? '0';
    await read(citizen.id);
    await record(citizen.id, { purpose: 'psychiatry', event: 'refused', onDate: today(), basedOnEntry: 0 });
    const { rows } = await db().query<{ action: string; resource: string; record_id: string; citizen_id: string; outcome: string }>(
      `SELECT action, resource, record_id, citizen_id, outcome FROM access_log WHERE seq > $1 AND citizen_id = $2 ORDER BY seq`,
      [seq, citizen.id],
    );
    expect(rows).toEqual([
      { action: 'read', resource: 'citizens', record_id: citizen.id, citizen_id: citizen.id, outcome: 'ok' },
      { action: 'update', resource: 'citizens', record_id: citizen.id, citizen_id: citizen.id, outcome: 'ok' },
    ]);
  });

  it('is out of reach of another municipality (404, nothing written) and of the evaluator (403)', async () => {
    const citizen = await createCitizen('aarhus');
    expect((await read(citizen.id, staff.odense)).status).toBe(404);
    expect((await record(citizen.id, { purpose: 'evaluation', event: 'given', onDate: today(), basedOnEntry: 0 }, staff.odense)).status).toBe(404);
    expect((await read(citizen.id, EVALUATOR)).status).toBe(403);
    expect((await record(citizen.id, { purpose: 'evaluation', event: 'refused', onDate: today(), basedOnEntry: 0 }, EVALUATOR)).status).toBe(403);
    expect((await read(citizen.id, admins.aarhus)).status).toBe(403);
    expect(await entries(citizen.id)).toBe(0);
  });

  it("cannot be changed, removed or read across municipalities by the API's own role, by SQL", async () => {
    const citizen = await createCitizen('aarhus');
    expect((await record(citizen.id, { purpose: 'evaluation', event: 'given', onDate: today(), basedOnEntry: 0 })).status).toBe(201);
    const attempt = (municipalityId: string, sql: string) =>
      asAppRole({ 'app.municipality_id': municipalityId, 'app.user_id': DEMO_IDS.users.aarhus.staff }, async (client) => {
        try {
          const res = await client.query(sql, [citizen.id]);
          return res.rowCount;
        } catch (error) {
          return (error as { code?: string }).code;
        }
      });
    expect(await attempt(AARHUS, `UPDATE citizen_consent SET event = 'refused' WHERE citizen_id = $1`)).toBe('42501');
    expect(await attempt(AARHUS, `DELETE FROM citizen_consent WHERE citizen_id = $1`)).toBe('42501');
    expect(await attempt(DEMO_IDS.municipalities.odense, `SELECT * FROM citizen_consent WHERE citizen_id = $1`)).toBe(0);
    expect(await attempt(AARHUS, `SELECT * FROM citizen_consent WHERE citizen_id = $1`)).toBe(1);
  });
});

describe('the evaluation consent and the next export', () => {
  const setNotAsked = async (rule: 'included' | 'excluded'): Promise<void> => {
    const current = (await call<Municipality>('GET', `/api/municipalities/${AARHUS}`, undefined, { as: admins.aarhus })).body;
    const res = await call<Municipality>('PUT', `/api/municipalities/${AARHUS}`, { code: current.code, name: current.name, hourlyRate: current.hourlyRate, version: current.version, consentNotAsked: rule }, { as: admins.aarhus });
    expect([res.status, res.body.consentNotAsked]).toEqual([200, rule]);
  };
  afterAll(() => setNotAsked('included'));

  /** The person pseudonyms of a run's enrolment file, and what it left out under disclosure control. */
  const persons = async (projectId: string): Promise<{ ids: string[]; job: ExportJob }> => {
    const { job, cells } = await runExport(projectId, 'enrolments');
    const [header, ...rows] = cells;
    const column = header?.indexOf('person_id') ?? -1;
    return { ids: rows.map((r) => r[column] as string).sort(), job };
  };

  it('leaves a citizen whose consent was withdrawn out of the next export, and the not-asked ones as the municipality says', async () => {
    const programmeId = await ownProgramme();
    const citizens: string[] = [];
    const enrolments: string[] = [];
    for (let i = 0; i < 12; i++) {
      const enrolment = await activeEnrolment('aarhus', programmeId);
      citizens.push(enrolment.citizenId);
      enrolments.push(enrolment.id);
    }
    // One birth band and sex, and two states (odd: dropped out), as the owner, so that disclosure
    // control can release every row (the export spec's hand-worked set-up, made of 12).
    await db().query(`UPDATE citizen SET birth_year = 1981, sex = 'male' WHERE id = ANY($1)`, [citizens]);
    await db().query(`UPDATE enrolment SET state = 'dropped_out', end_date = start_date WHERE id = ANY($1)`, [enrolments.filter((_, i) => i % 2 === 1)]);
    // Citizens 0-7 gave their consent; 8-11 were never asked.
    for (const id of citizens.slice(0, 8)) expect((await record(id, { purpose: 'evaluation', event: 'given', onDate: daysFromToday(-3), basedOnEntry: 0 })).status).toBe(201);
    const projectId = (await project([programmeId])).body.id;

    const first = await persons(projectId);
    expect(first.ids.length + (first.job.disclosure?.withheldRows ?? Number.NaN)).toBe(12);

    expect((await record(citizens[0] as string, { purpose: 'evaluation', event: 'withdrawn', onDate: today(), basedOnEntry: 1 })).status).toBe(201);
    const second = await persons(projectId);
    expect(second.ids.length + (second.job.disclosure?.withheldRows ?? Number.NaN)).toBe(11);
    // The same project's key: everyone else keeps their pseudonym, one is gone.
    expect(first.ids.filter((id) => !second.ids.includes(id))).toHaveLength(first.ids.length - second.ids.length);
    expect(second.ids.filter((id) => !first.ids.includes(id))).toEqual([]);

    await setNotAsked('excluded');
    const third = await persons(projectId);
    // Only citizens 1-7, who gave their consent and kept it.
    expect(third.ids.length + (third.job.disclosure?.withheldRows ?? Number.NaN)).toBe(7);
    const codebook = (await runExport(projectId, 'codebook')).cells;
    expect(codebook.find((r) => r[0] === 'consent' && r[1] === 'not-asked-751')?.[5]).toBe('excluded');
    const log = await db().query<{ criterion: string }>(`SELECT criterion FROM access_log WHERE action = 'export' AND record_id = $1 AND criterion LIKE 'run:%'`, [third.job.id]);
    expect(log.rows[0]?.criterion).toContain(' notAsked=751:excluded');

    await setNotAsked('included');
    const fourth = await persons(projectId);
    expect(fourth.ids.length + (fourth.job.disclosure?.withheldRows ?? Number.NaN)).toBe(11);
    expect((await runExport(projectId, 'codebook')).cells.find((r) => r[0] === 'consent' && r[1] === 'not-asked-751')?.[5]).toBe('included');
  });
});
